/// A target of the work report: an indicator, a year (or a span of years for average growth),
/// a measure, a bound, and the report's words.
public struct Target: Sendable, Hashable, Encodable {
    public var indicator: String
    /// The years the target is about: one year (`year`), or for `average_growth` the span
    /// `years[0]...years[1]` whose average annual growth is targeted.
    public var years: ClosedRange<Int>
    /// The measure compared with the bound; by default the indicator's `modelOn`.
    public var measure: Measure
    public var bound: Bound
    /// The report's words, e.g. "地区生产总值增长8.2%以上".
    public var quote: String?
    /// How vague wording was read (e.g. 量稳质升 read as growth >= 0).
    public var reading: String?
    /// Where the target was published.
    public var source: String?
    /// For a level target on an indicator modelled in growth: the level in the base year, in
    /// the indicator's unit (nil when unknown; the target then needs a level row in history).
    public var lastLevel: Double?
    /// Where `lastLevel` comes from, or why it is unknown.
    public var lastLevelNote: String?

    /// The (last) year of the target.
    public var year: Int { years.upperBound }

    public init(indicator: String, years: ClosedRange<Int>, measure: Measure, bound: Bound,
                quote: String? = nil, reading: String? = nil, source: String? = nil,
                lastLevel: Double? = nil, lastLevelNote: String? = nil) {
        self.indicator = indicator
        self.years = years
        self.measure = measure
        self.bound = bound
        self.quote = quote
        self.reading = reading
        self.source = source
        self.lastLevel = lastLevel
        self.lastLevelNote = lastLevelNote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, year, years, measure, atLeast = "at_least", atMost = "at_most", around,
             tolerance, quote, reading, source, lastLevel = "last_level", lastLevelNote = "last_level_note"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indicator, forKey: .indicator)
        if measure == .averageGrowth {
            try c.encode([years.lowerBound, years.upperBound], forKey: .years)
        } else {
            try c.encode(year, forKey: .year)
        }
        try c.encode(measure, forKey: .measure)
        switch bound {
        case .atLeast(let x): try c.encode(x, forKey: .atLeast)
        case .atMost(let x): try c.encode(x, forKey: .atMost)
        case .around(let x, let tolerance):
            try c.encode(x, forKey: .around)
            try c.encode(tolerance, forKey: .tolerance)
        }
        try c.encodeIfPresent(quote, forKey: .quote)
        try c.encodeIfPresent(reading, forKey: .reading)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(lastLevel, forKey: .lastLevel)
        try c.encodeIfPresent(lastLevelNote, forKey: .lastLevelNote)
    }
}

/// The bound a target sets, in the target's measure (percent for growth and rates).
public enum Bound: Sendable, Hashable {
    /// Met when the value is >= the bound (以上, 突破).
    case atLeast(Double)
    /// Met when the value is <= the bound (以内, 控制在).
    case atMost(Double)
    /// Met when |value − centre| <= tolerance (左右).
    case around(Double, tolerance: Double)

    /// Whether `value` meets the bound (boundaries included).
    @inlinable
    public func isMet(by value: Double) -> Bool {
        switch self {
        case .atLeast(let x): return value >= x
        case .atMost(let x): return value <= x
        case .around(let x, let tolerance): return abs(value - x) <= tolerance
        }
    }

    /// The number the report states (the centre for `around`).
    public var value: Double {
        switch self {
        case .atLeast(let x), .atMost(let x), .around(let x, _): return x
        }
    }
}
