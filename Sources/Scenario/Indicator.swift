/// An indicator of the scenario: its id, names, the measure that is modelled (or judged), and
/// where its history comes from.
public struct Indicator: Sendable, Hashable, Encodable {
    /// Identifier used in the history file and in targets, e.g. `gdp`, `urban_income`.
    public var id: String
    /// Names for tables (Chinese and English).
    public var name: BilingualName?
    /// The measure the model (or the judgment) describes: `growth_pct`, `rate_pct` or `level`.
    public var modelOn: Measure
    /// The unit of the indicator's levels (亿元, 万吨, ...), when it has any.
    public var unit: String?
    /// Expert distribution replacing a model, for an indicator with no usable history.
    public var judgment: Judgment?
    /// History file for this indicator when it is not the scenario's (e.g. a proxy region).
    public var history: FileReference?
    /// Region whose history is used for this indicator, when not the scenario's.
    public var historyRegion: String?
    /// Whether the indicator's growth is at current prices (nominal) or at comparable prices
    /// (real); nil when not stated. Matters for a level target in money (亿元): the level path
    /// applies the growth to the level, which is nominal.
    public var growthPrices: GrowthPrices?

    /// True when the indicator is simulated from its judgment, not from a fitted model.
    public var isJudgmental: Bool { judgment != nil }

    /// How tables name it: the id and the Chinese name, "gdp 地区生产总值" (the id alone without a name).
    public var label: String { [id, name?.zh].compactMap { $0 }.joined(separator: " ") }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, modelOn = "model_on", unit, judgment, history, historyRegion = "history_region",
             growthPrices = "growth_prices"
    }

    public init(id: String, name: BilingualName? = nil, modelOn: Measure, unit: String? = nil,
                judgment: Judgment? = nil, history: FileReference? = nil, historyRegion: String? = nil,
                growthPrices: GrowthPrices? = nil) {
        self.id = id
        self.name = name
        self.modelOn = modelOn
        self.unit = unit
        self.judgment = judgment
        self.history = history
        self.historyRegion = historyRegion
        self.growthPrices = growthPrices
    }
}

/// The prices a growth rate is measured at.
public enum GrowthPrices: String, NamedCases {
    /// Nominal growth (retail sales, budget revenue, fixed-asset investment as published).
    case current
    /// Real growth, at comparable prices (GDP, value added as published).
    case comparable
    static var kind: String { "price basis" }
}

/// A name in Chinese and English.
public struct BilingualName: Sendable, Hashable, Encodable {
    public var zh: String
    public var en: String
    enum CodingKeys: String, CodingKey, CaseIterable { case zh, en }
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
}

/// An expert's distribution for an indicator's value in each simulated year, in the
/// indicator's `modelOn` measure (percent for growth and rates).
public struct Judgment: Sendable, Hashable, Encodable {
    public var distribution: Distribution
    /// Mean, in the indicator's measure.
    public var mean: Double
    /// Standard deviation (> 0), in the indicator's measure. For Student-t this is the
    /// standard deviation, not the scale: scale = sd · sqrt((dof − 2) / dof).
    public var sd: Double
    /// Degrees of freedom (> 2), for `student-t` only.
    public var dof: Double?
    /// Why this distribution.
    public var rationale: String
    /// Where the numbers come from.
    public var source: String

    enum CodingKeys: String, CodingKey, CaseIterable { case distribution, mean, sd, dof, rationale, source }

    public init(distribution: Distribution, mean: Double, sd: Double, dof: Double? = nil,
                rationale: String, source: String) {
        self.distribution = distribution
        self.mean = mean
        self.sd = sd
        self.dof = dof
        self.rationale = rationale
        self.source = source
    }
}

/// A distribution family for shocks and judgments.
public enum Distribution: String, NamedCases {
    case normal
    case studentT = "student-t"
    static var kind: String { "distribution" }
}
