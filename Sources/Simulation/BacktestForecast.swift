import Scenario

/// One past target of a backtest: the forecast made for it from the data of the years before
/// (P(met) and the predictive distribution of the targeted quantity), its first-published
/// outcome, and its scores.
public struct BacktestForecast: Sendable {
    /// Whether the target was forecast and scored.
    public enum Status: Sendable, Equatable {
        /// Forecast, and its outcome is in the history: scored.
        case scored
        /// Forecast, but the history has no first-published outcome for the year: not scored.
        case noOutcome
        /// Not forecast, for the stated reason (measure not simulated, model failure...).
        case notEvaluated(String)
    }

    /// The row of the targets table.
    public let target: PastTarget
    public let status: Status
    /// Unit of the targeted quantity: "pp" for growth and rates (percent), else the level's unit.
    public let unit: String
    /// Last year of data the forecast used (the year before the target's, or earlier when the
    /// estimation window ends before); nil when not evaluated.
    public let origin: Int?
    /// P(target met) with its Monte Carlo standard error; nil when not evaluated.
    public let probability: ProbabilityEstimate?
    /// Predictive distribution of the targeted quantity (percent for growth and rates).
    public let distribution: Histogram?
    /// First-published value of the target's year, in the target's measure; nil when missing.
    public let outcome: Double?
    /// The target-anchored and calibrated P(met) (fractions) when the scenario names a
    /// combination file (`BacktestRun.calibrated()`); nil otherwise.
    public internal(set) var anchored: Double?
    public internal(set) var calibrated: Double?

    public init(target: PastTarget, status: Status, unit: String, origin: Int? = nil,
                probability: ProbabilityEstimate? = nil, distribution: Histogram? = nil, outcome: Double? = nil) {
        self.target = target
        self.status = status
        self.unit = unit
        self.origin = origin
        self.probability = probability
        self.distribution = distribution
        self.outcome = outcome
    }

    /// Whether the outcome met the target (nil without an outcome).
    public var met: Bool? { outcome.map { target.bound.isMet(by: $0) } }

    /// The `p`-quantile of the predictive distribution (nil when not evaluated or out of range).
    public func quantile(_ p: Double) -> Double? { distribution?.quantile(p) }

    /// Whether the outcome lies in the central band `[q(lowerLevel), q(1 − lowerLevel)]`, e.g.
    /// 0.25 for the 50% band (25–75), 0.1 for the 80% band (10–90); nil without an outcome
    /// or when a band edge falls outside the histogram's range.
    public func isInside(band lowerLevel: Double) -> Bool? {
        guard status == .scored, let y = outcome, let lo = quantile(lowerLevel), let hi = quantile(1 - lowerLevel) else {
            return nil
        }
        return lo <= y && y <= hi
    }

    /// CRPS of the predictive histogram at the outcome (`Histogram.crps(observation:)`), in
    /// the target's unit (percentage points for growth and rates); nil unless scored.
    public var crps: Double? {
        guard status == .scored, let y = outcome, let d = distribution else { return nil }
        return d.crps(observation: y)
    }
}

/// A year of the backtest: the model fitted for it, or why the year was skipped.
public struct BacktestYear: Sendable {
    public let year: Int
    /// Targets of the table for this year on declared indicators.
    public let targets: Int
    /// Last year of data (nil when skipped or the fit failed).
    public let origin: Int?
    /// The model's one-line summary (nil when skipped).
    public let modelSummary: String?
    /// What was decided when fitting (excluded years, a fallback model).
    public let planNotes: [String]
    /// The fitted model's own notes (regularisation, repairs, states carried forward).
    public let modelNotes: [String]
    /// Why nothing was forecast this year (no target, fit failed), or nil.
    public let skipped: String?
}
