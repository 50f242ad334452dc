/// What a number measures.
///
/// Units: `growthPct` and `ratePct` are in percent (8.2 means 8.2 %); `level` is in the
/// indicator's stated unit (亿元, 万吨, ...); `averageGrowth` is the average annual growth
/// over a span of years, in percent (targets only).
///
/// `growthPct` is the officially published year-on-year growth (for GDP and industry at
/// comparable prices): it is not the change in the nominal level, and nothing in this module
/// derives one from the other.
public enum Measure: String, NamedCases {
    case growthPct = "growth_pct"
    case ratePct = "rate_pct"
    case level = "level"
    case averageGrowth = "average_growth"

    static var kind: String { "measure" }

    /// Measures a history row or a modelled indicator can have (`averageGrowth` is for targets).
    public static let observable: [Measure] = [.growthPct, .ratePct, .level]

    /// True for measures in percent.
    public var isPercent: Bool { self != .level }
}

/// Whether a history value is as first published (the default) or a later revision.
public enum Basis: String, NamedCases {
    case firstPublished = "first-published"
    case revised = "revised"

    static var kind: String { "basis" }
}

/// Units a history row or a level indicator may state. Growth and rates are always "%".
public enum Units {
    /// Percent, the only unit of `growth_pct` and `rate_pct`.
    public static let percent = "%"

    /// Units accepted for levels (Chinese statistical bulletins' units).
    public static let levels: [String] = [
        "亿元", "万元", "元", "亿美元", "万美元", "美元",
        "万吨", "吨", "万头", "头", "万只", "万人", "人", "万户", "户", "个", "家",
        "亿千瓦时", "万千瓦时", "万平方米", "平方米", "万亩", "亩", "公顷", "公里",
        "万人次", "亿人次",
    ]

    /// Whether `unit` fits `measure`: "%" for percent measures, a known level unit for levels.
    public static func isValid(_ unit: String, for measure: Measure) -> Bool {
        measure.isPercent ? unit == percent : levels.contains(unit)
    }

    /// "expected "%" for growth_pct" or "expected one of 亿元, 万元, ..." — for messages.
    static func expectation(for measure: Measure) -> String {
        measure.isPercent
            ? "\"%\" (\(measure.rawValue) is in percent)"
            : "a level unit, one of " + levels.joined(separator: ", ")
    }
}
