import Scenario

/// One past target with what is known about it: its wording, its first-published outcome, and
/// the model's P(met) from the data of the years before. The unit every forecaster of target
/// probabilities works on.
///
/// Values in percent for growth and rates; probabilities are fractions.
public struct TargetRecord: Sendable, Hashable {
    /// Region id ("china", "jiangxi", "beijing", ...).
    public var region: String
    public var indicator: String
    public var year: Int
    public var measure: Measure
    public var wording: Wording
    /// The bound word as written (左右, 以上, 区间, ...); "" when not stated.
    public var word: String
    /// First-published outcome in the target's measure; nil when unknown.
    public var outcome: Double?
    /// The model's P(met) from data up to the year before; nil when the model could not run.
    public var model: Double?
    /// Whether the model ran on another region's history (a proxy).
    public var proxied: Bool

    public init(region: String, indicator: String, year: Int, measure: Measure, wording: Wording, word: String = "",
                outcome: Double? = nil, model: Double? = nil, proxied: Bool = false) {
        self.region = region
        self.indicator = indicator
        self.year = year
        self.measure = measure
        self.wording = wording
        self.word = word
        self.outcome = outcome
        self.model = model
        self.proxied = proxied
    }

    /// The verdict under the measure's default reading (左右 on growth: at least X − tol).
    public var bound: Bound { wording.verdict(ReadingRule.defaultRule(for: measure)) }

    /// Whether the outcome met the target; nil without an outcome.
    public var met: Bool? { outcome.map { bound.isMet(by: $0) } }

    /// Outcome minus the stated number (the centre of 左右, the lower end of 区间), in pp.
    public var deviation: Double? { outcome.map { $0 - wording.value } }
}

extension Bound {
    /// P(met) under a predictive distribution of the targeted quantity.
    public func probability(under d: StudentT) -> Double {
        switch self {
        case .atLeast(let x): return 1 - d.cdf(x)
        case .atMost(let x): return d.cdf(x)
        case .around(let x, let t): return max(0, d.cdf(x + t) - d.cdf(x - t))
        }
    }
}
