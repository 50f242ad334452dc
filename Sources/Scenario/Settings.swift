/// Which model is fitted to the history.
public enum ModelType: String, NamedCases {
    case randomWalk = "random_walk"
    case ar1
    case localLinearTrend = "local_linear_trend"
    case logLinearTrend = "log_linear_trend"
    case `var`
    case bvar
    static var kind: String { "model type" }
    /// True for the multivariate models (VAR, BVAR) that take `lags`.
    public var isVectorAutoregression: Bool { self == .var || self == .bvar }
}

/// Prior of a Bayesian VAR.
public enum Prior: String, NamedCases {
    case minnesota
    case normalInverseWishart = "normal-inverse-wishart"
    static var kind: String { "prior" }
}

/// The model section of a scenario.
public struct ModelSettings: Sendable, Hashable, Encodable {
    public var type: ModelType
    /// Lag order p >= 1 of a VAR/BVAR (1 when not given).
    public var lags: Int
    /// BVAR prior (Minnesota when not given); nil for other models.
    public var prior: Prior?
    /// Draw parameters from their posterior or sampling distribution per block of paths
    /// (true when not given).
    public var parameterUncertainty: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, lags, prior, parameterUncertainty = "parameter_uncertainty"
    }

    public init(type: ModelType, lags: Int = 1, prior: Prior? = nil, parameterUncertainty: Bool = true) {
        self.type = type
        self.lags = lags
        self.prior = prior
        self.parameterUncertainty = parameterUncertainty
    }
}

/// Distribution of the model's innovations.
public struct ShockSettings: Sendable, Hashable, Encodable {
    public var distribution: Distribution
    /// Degrees of freedom (> 2) for `student-t`; nil for `normal`.
    public var dof: Double?
    /// Multiplier (> 0) of the fitted innovation standard deviations (1 when not given).
    public var scale: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case distribution, dof, scale }

    public init(distribution: Distribution, dof: Double? = nil, scale: Double = 1) {
        self.distribution = distribution
        self.dof = dof
        self.scale = scale
    }
}

/// Monte Carlo settings.
public struct SimulationSettings: Sendable, Hashable, Encodable {
    /// Number of simulated paths (> 0).
    public var paths: Int
    /// Seed of the counter-based generator (>= 0).
    public var seed: UInt64

    enum CodingKeys: String, CodingKey, CaseIterable { case paths, seed }

    public init(paths: Int, seed: UInt64) {
        self.paths = paths
        self.seed = seed
    }
}

/// Years of history the model is fitted on.
public struct EstimationWindow: Sendable, Hashable, Encodable {
    public var from: Int
    /// Last year used (<= the scenario's base year).
    public var to: Int
    /// Years inside the window left out (outliers such as 2020).
    public var exclude: [Int]

    /// k of the outlier rule (`exclude_outliers`): a year is also left out when an indicator
    /// lies more than k robust SD from the median of the years before it (nil: no rule).
    public var excludeOutliers: Double?

    /// The years used, ascending (before the outlier rule, which depends on the data).
    public var years: [Int] { (from...to).filter { !exclude.contains($0) } }

    enum CodingKeys: String, CodingKey, CaseIterable { case from, to, exclude, excludeOutliers = "exclude_outliers" }

    public init(from: Int, to: Int, exclude: [Int] = [], excludeOutliers: Double? = nil) {
        self.from = from
        self.to = to
        self.exclude = exclude
        self.excludeOutliers = excludeOutliers
    }
}

/// Says that the scenario's history is that of another region, standing in for the scenario's.
public struct HistoryProxy: Sendable, Hashable, Encodable {
    public var region: String
    public var note: String
    enum CodingKeys: String, CodingKey, CaseIterable { case region, note }
    public init(region: String, note: String) { self.region = region; self.note = note }
}

/// Rolling-origin backtest settings.
///
/// `from...to` are the target years evaluated, inside the scenario's horizon
/// (base_year < from <= to <= horizon_end). The forecast for target year t has its origin at
/// t − 1 and is fitted on `estimation.from ... min(estimation.to, t − 1)` minus the excluded
/// years. `targets` is an optional table of past targets (targets.csv) whose outcomes are scored.
public struct BacktestSettings: Sendable, Hashable, Encodable {
    public var from: Int
    public var to: Int
    public var targets: FileReference?
    enum CodingKeys: String, CodingKey, CaseIterable { case from, to, targets }
    public init(from: Int, to: Int, targets: FileReference? = nil) {
        self.from = from
        self.to = to
        self.targets = targets
    }
}

/// The combination file a scenario's P(met) is calibrated with, and the region id its targets
/// belong to in that file's records (for the target-anchored forecaster's regional pooling;
/// a region absent from the records borrows entirely from the others).
public struct CalibrationSettings: Sendable, Hashable, Encodable {
    public var file: FileReference
    public var region: String
    enum CodingKeys: String, CodingKey, CaseIterable { case file, region }
    public init(file: FileReference, region: String) {
        self.file = file
        self.region = region
    }
}
