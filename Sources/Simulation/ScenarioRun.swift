import Scenario

/// A target of the scenario as the tables show it, with its outcome or the reason it was
/// not evaluated.
public struct ScenarioTarget: Sendable {
    /// The scenario's target (indicator, years, measure, bound, quote).
    public let target: Target
    /// The indicator's declaration.
    public let indicator: Indicator
    /// The outcome, or nil when the target could not be evaluated (`reason` says why).
    public let outcome: TargetOutcome?
    public let reason: String?
    /// P(lands near X) for a 左右 or 区间 target read as a floor or ceiling: the second figure
    /// (nil otherwise, or when the target is not evaluated).
    public let near: TargetOutcome?
    /// Unit of the constrained quantity: "pp" for growth and rates (percent), the level's unit.
    public let unit: String
    /// How the P(met) was calibrated (nil: the model's own).
    public internal(set) var calibration: TargetCalibration? = nil
    /// The region whose history stands in for the scenario region's (nil: the region's own).
    public let proxyRegion: String?
}

/// Everything the report needs about one scenario run.
public struct ScenarioRun: Sendable {
    public internal(set) var scenario: Scenario
    /// One line naming the model that ran and its settings.
    public let modelSummary: String
    /// Why this model ran, regularisation, repairs, fallbacks, and excluded indicators.
    public let notes: [String]
    /// What the reader must know before trusting the numbers (see `RunWarning`).
    public internal(set) var warnings: [RunWarning]
    /// Paths asked for (scenario or --paths), before rounding up to whole blocks.
    public let requestedPaths: Int
    /// How the modelled indicators' shocks are joined (`FittedModel.dependence`).
    public let dependence: String
    /// Last year of history the paths start from (normally the base year).
    public let origin: Int
    /// Ids of the simulated variables, in `result.variables` order.
    public let variables: [String]
    public let result: SimulationResult
    /// Targets in the scenario's order.
    public internal(set) var targets: [ScenarioTarget]
    /// What the calibration used (nil: the model's P(met) alone).
    public internal(set) var calibration: CalibrationSummary? = nil
    /// The stopping rule, when the run was asked for a precision.
    public internal(set) var precision: PrecisionReport? = nil
    /// What the conditions of a what-if scenario did, with the unconditional P(met) beside
    /// (nil: an unconditional run).
    public internal(set) var conditioning: ConditioningSummary? = nil
    /// The counts of the conditions applied by the engine (nil: no conditions).
    var conditionTally: ConditionTally? = nil
    /// Where the uncertainty comes from (`simulate --decompose`; nil: not asked for).
    public var decomposition: UncertaintyDecomposition? = nil
    /// Effective number of paths and seed (after command-line overrides).
    public var paths: Int { result.paths }
    public var seed: UInt64 { result.seed }

    /// The calendar year of a year offset.
    public func year(ofOffset h: Int) -> Int { origin + h }

    /// Joint outcomes with their calendar years.
    public var joint: [(year: Int, outcome: JointOutcome)] {
        result.joint.map { (origin + $0.yearOffset, $0) }
    }
}

/// A scenario ready to simulate: the fitted plan, the engine's input, each target's rule (an
/// index into `input.targets`) or the reason it is not evaluated, and the warnings and notes.
public struct PreparedRun: Sendable {
    public let plan: ModelPlan
    public let input: SimulationInput
    /// Ids of the simulated variables (modelled, then judgmental).
    public let variables: [String]
    public let targets: [(target: Target, rule: Int?, reason: String?)]
    public let warnings: [RunWarning]
    public let notes: [String]
    /// Verdict rule index -> the rule of its second figure (P(lands near X)).
    public let nearRules: [Int: Int]
}
