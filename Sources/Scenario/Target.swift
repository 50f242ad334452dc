/// A target of the work report: an indicator, a year (or a span of years for average growth),
/// a measure, a bound, and the report's words.
public struct Target: Sendable, Hashable, Encodable {
    public var indicator: String
    /// The years the target is about: one year (`year`), or for `average_growth` the span
    /// `years[0]...years[1]` whose average annual growth is targeted.
    public var years: ClosedRange<Int>
    /// The measure compared with the bound; by default the indicator's `modelOn`.
    public var measure: Measure
    /// What the report states (the number and its bound word).
    public var wording: Wording
    /// The reading the scenario states (`read_as`), or nil for the measure's default.
    public var statedReading: ReadingRule?
    /// How a vague wording (左右, 区间) is judged: `statedReading`, else the measure's default.
    public var readAs: ReadingRule { statedReading ?? ReadingRule.defaultRule(for: measure) }
    /// 力争 (strive for): an aspiration beside the main target, reported as such.
    public var aspirational: Bool
    /// The bound that decides "met": `wording` read by `readAs`.
    public var bound: Bound { wording.verdict(readAs) }
    /// The band "lands near X" reported as a second figure beside a floor or ceiling verdict.
    public var nearBand: Bound? { wording.nearBand(readAs) }
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

    /// A target decided by `bound` as given (an `around` bound is read as a band).
    public init(indicator: String, years: ClosedRange<Int>, measure: Measure, bound: Bound,
                quote: String? = nil, reading: String? = nil, source: String? = nil,
                lastLevel: Double? = nil, lastLevelNote: String? = nil) {
        let wording: Wording
        switch bound {
        case .atLeast(let x): wording = .atLeast(x)
        case .atMost(let x): wording = .atMost(x)
        case .around(let x, let t): wording = .around(x, tolerance: t)
        }
        self.init(indicator: indicator, years: years, measure: measure, wording: wording, readAs: .band,
                  quote: quote, reading: reading, source: source, lastLevel: lastLevel, lastLevelNote: lastLevelNote)
    }

    /// A target as the report words it, read by `readAs` (default: the measure's rule).
    public init(indicator: String, years: ClosedRange<Int>, measure: Measure, wording: Wording,
                readAs: ReadingRule? = nil, aspirational: Bool = false,
                quote: String? = nil, reading: String? = nil, source: String? = nil,
                lastLevel: Double? = nil, lastLevelNote: String? = nil) {
        self.indicator = indicator
        self.years = years
        self.measure = measure
        self.wording = wording
        self.statedReading = readAs
        self.aspirational = aspirational
        self.quote = quote
        self.reading = reading
        self.source = source
        self.lastLevel = lastLevel
        self.lastLevelNote = lastLevelNote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, year, years, measure, atLeast = "at_least", atMost = "at_most", around,
             tolerance, range, readAs = "read_as", aspirational, quote, reading, source, lastLevel = "last_level", lastLevelNote = "last_level_note"
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
        switch wording {
        case .atLeast(let x): try c.encode(x, forKey: .atLeast)
        case .atMost(let x): try c.encode(x, forKey: .atMost)
        case .around(let x, let tolerance):
            try c.encode(x, forKey: .around)
            try c.encode(tolerance, forKey: .tolerance)
        case .range(let a, let b): try c.encode([a, b], forKey: .range)
        }
        try c.encodeIfPresent(statedReading?.rawValue, forKey: .readAs)
        if aspirational { try c.encode(true, forKey: .aspirational) }
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

    /// Whether the bound is a ceiling (at most X).
    public var isCeiling: Bool { if case .atMost = self { return true } else { return false } }

    /// The number the report states (the centre for `around`).
    public var value: Double {
        switch self {
        case .atLeast(let x), .atMost(let x), .around(let x, _): return x
        }
    }
}
