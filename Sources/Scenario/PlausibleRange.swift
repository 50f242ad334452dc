/// The ranges outside which a number in a scenario or table is refused as implausible (a typo,
/// a unit slip, a level typed as a growth rate), so that no absurd magnitude reaches the model
/// or the engine. They are wide on purpose: every real figure of a Chinese region's bulletin
/// lies well inside. README ("Plausible ranges") and scenarios/scenario.schema.json state the
/// same numbers.
///
/// Units: percent for growth and rates, percentage points (pp) for impacts and shifts, the
/// stated unit for levels.
public struct PlausibleRange: Sendable, Hashable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    /// Whether `lower` itself is allowed.
    public let includesLower: Bool

    init(_ lower: Double, _ upper: Double, includesLower: Bool = true) {
        self.lower = lower
        self.upper = upper
        self.includesLower = includesLower
    }

    public func contains(_ x: Double) -> Bool {
        x.isFinite && (includesLower ? x >= lower : x > lower) && x <= upper
    }

    /// "[-100, 100]", "(-100, 1000]".
    public var description: String {
        (includesLower ? "[" : "(") + formatNumber(lower) + ", " + formatNumber(upper) + "]"
    }

    /// Largest level accepted (any unit); also the engine's bound on simulated values.
    public static let largestLevel = 1e12

    /// Growth in percent (growth_pct, average_growth): above −100 (the level cannot vanish) and
    /// at most +1000 (an elevenfold rise in a year).
    public static let growth = PlausibleRange(-100, 1000, includesLower: false)
    /// Rates in percent (CPI change, unemployment): [−100, 100].
    public static let rate = PlausibleRange(-100, 100)
    /// Levels in their unit: [0, 10^12].
    public static let level = PlausibleRange(0, largestLevel)

    /// The values a measure may take.
    public static func value(of measure: Measure) -> PlausibleRange {
        switch measure {
        case .growthPct, .averageGrowth: return growth
        case .ratePct: return rate
        case .level: return level
        }
    }

    /// A band's half-width (`tolerance`), or a judgment's standard deviation, in the measure's
    /// unit: [0, 100] pp for percent measures, [0, 10^12] for levels.
    public static func spread(of measure: Measure) -> PlausibleRange {
        measure.isPercent ? PlausibleRange(0, 100) : level
    }

    /// A risk event's impact, or an adjustment's shift, in pp: [−100, 100].
    public static let points = PlausibleRange(-100, 100)
    /// The multiplier of the fitted shock sd: (0, 10].
    public static let shockScale = PlausibleRange(0, 10, includesLower: false)
    /// Degrees of freedom of a Student-t: (2, 1000] (beyond, it is a normal: say so).
    public static let degreesOfFreedom = PlausibleRange(2, 1000, includesLower: false)
    /// A base-year level (`last_level`): (0, 10^12].
    public static let lastLevel = PlausibleRange(0, largestLevel, includesLower: false)
    /// Calendar years: 1800...2200 (historical statistics reach back to the 19th century).
    public static let years = 1800...2200
    /// Simulated years (horizon_end − base_year): at most 50.
    public static let longestHorizon = 50
    /// Paths of a run: 1...10^12.
    public static let paths = 1...1_000_000_000_000

    /// "a growth_pct value in (-100, 1000] (percent)", for messages.
    public static func expectation(_ what: String, _ range: PlausibleRange, unit: String) -> String {
        "\(what) in \(range) (\(unit))"
    }
}

extension PlausibleRange {
    /// The numbers of a bound outside the plausible range of `measure`, as (key, message): the
    /// bound's value and, for a band, its tolerance. Keys are the scenario's (`at_least`,
    /// `tolerance`, ...); a targets table puts the message on its `value` or `tolerance` column.
    public static func problems(of bound: Bound, measure: Measure) -> [(key: String, message: String)] {
        let unit = measure.isPercent ? "percent" : "the indicator's unit"
        func check(_ key: String, _ x: Double, _ range: PlausibleRange, _ what: String) -> [(key: String, message: String)] {
            range.contains(x) ? [] : [(key, "expected \(what) in \(range) (\(unit)), found \(formatNumber(x))")]
        }
        let what = "a \(measure.rawValue) bound"
        switch bound {
        case .atLeast(let x): return check("at_least", x, value(of: measure), what)
        case .atMost(let x): return check("at_most", x, value(of: measure), what)
        case .around(let x, let tolerance):
            return check("around", x, value(of: measure), what) + check("tolerance", tolerance, spread(of: measure), "a tolerance")
        }
    }

    /// The problems of a target's stated numbers: its bound's as `problems(of:measure:)` says,
    /// a range's two ends (key "range").
    public static func problems(of wording: Wording, measure: Measure) -> [(key: String, message: String)] {
        switch wording {
        case .atLeast(let x): return problems(of: Bound.atLeast(x), measure: measure)
        case .atMost(let x): return problems(of: Bound.atMost(x), measure: measure)
        case .around(let x, let t): return problems(of: Bound.around(x, tolerance: t), measure: measure)
        case .range(let a, let b):
            return (problems(of: Bound.atLeast(a), measure: measure) + problems(of: Bound.atMost(b), measure: measure))
                .map { (key: "range", message: $0.message) }
        }
    }

    /// The problems of a scenario target's numbers: its bound (see `problems(of:measure:)`)
    /// and its `last_level`.
    static func problems(of target: Target) -> [(key: String, message: String)] {
        var found = problems(of: target.wording, measure: target.measure)
        if let level = target.lastLevel, !lastLevel.contains(level) {
            found.append(("last_level", "expected a level in \(lastLevel) (the indicator's unit), found \(formatNumber(level))"))
        }
        return found
    }
}
