/// A condition of a "what if" scenario: an indicator's value in a year is assumed (hard), or
/// assumed to lie in a range (soft).
///
/// Units: the indicator's `model_on` measure (percent for growth and rates, the level's unit for
/// a level-modelled indicator). A hard condition fixes the simulated value after risks and
/// adjustments; a soft one keeps only the paths whose value lies in the range.
public struct Condition: Sendable, Hashable, Encodable {
    /// What the condition assumes.
    public enum Assumption: Sendable, Hashable {
        /// Hard: the value is exactly this.
        case value(Double)
        /// Soft: the value is at least this.
        case atLeast(Double)
        /// Soft: the value is at most this.
        case atMost(Double)
        /// Soft: the value is in [lower, upper], lower < upper.
        case between(Double, Double)
    }

    public var indicator: String
    public var year: Int
    public var assumption: Assumption
    /// For a hard condition: the indicators whose shocks may move to meet it (nil: every
    /// shock of the model). Shocks of the other indicators keep their drawn values.
    public var shocks: [String]?
    public var reason: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, year, value, atLeast = "at_least", atMost = "at_most", between, shocks, reason
    }

    public init(indicator: String, year: Int, assumption: Assumption, shocks: [String]? = nil, reason: String? = nil) {
        self.indicator = indicator
        self.year = year
        self.assumption = assumption
        self.shocks = shocks
        self.reason = reason
    }

    /// True for a hard condition (an exact value).
    public var isHard: Bool {
        if case .value = assumption { return true }
        return false
    }

    /// The interval the value must lie in: a point for a hard condition.
    public var interval: (lower: Double, upper: Double) {
        switch assumption {
        case .value(let x): return (x, x)
        case .atLeast(let x): return (x, .infinity)
        case .atMost(let x): return (-.infinity, x)
        case .between(let a, let b): return (a, b)
        }
    }

    /// The JSON key of the assumption ("value", "at_least", "at_most" or "between").
    var assumptionKey: String {
        switch assumption {
        case .value: return CodingKeys.value.rawValue
        case .atLeast: return CodingKeys.atLeast.rawValue
        case .atMost: return CodingKeys.atMost.rawValue
        case .between: return CodingKeys.between.rawValue
        }
    }

    /// The condition in words: "fai 2022 = 5", "fai 2022 >= 5", "fai 2022 in [3, 7]".
    public var text: String {
        let head = "\(indicator) \(year)"
        switch assumption {
        case .value(let x): return "\(head) = \(formatNumber(x))"
        case .atLeast(let x): return "\(head) ≥ \(formatNumber(x))"
        case .atMost(let x): return "\(head) ≤ \(formatNumber(x))"
        case .between(let a, let b): return "\(head) in [\(formatNumber(a)), \(formatNumber(b))]"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(year, forKey: .year)
        switch assumption {
        case .value(let x): try c.encode(x, forKey: .value)
        case .atLeast(let x): try c.encode(x, forKey: .atLeast)
        case .atMost(let x): try c.encode(x, forKey: .atMost)
        case .between(let a, let b): try c.encode([a, b], forKey: .between)
        }
        try c.encodeIfPresent(shocks, forKey: .shocks)
        try c.encodeIfPresent(reason, forKey: .reason)
    }
}
