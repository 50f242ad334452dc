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
    /// Unit of the constrained quantity: "pp" for growth and rates (percent), the level's unit.
    public let unit: String
}

/// Everything the report needs about one scenario run.
public struct ScenarioRun: Sendable {
    public let scenario: Scenario
    /// One line naming the model that ran and its settings.
    public let modelSummary: String
    /// Why this model ran, regularisation, repairs, fallbacks, and excluded indicators.
    public let notes: [String]
    /// What the fit and the simulation had to give up that changes what the bands mean (a
    /// fallback model, a short sample, parameter draws that fell back to the point estimate):
    /// shown in the header and on stderr, not only in the notes.
    public let warnings: [String]
    /// How the modelled indicators' shocks are joined (`FittedModel.dependence`).
    public let dependence: String
    /// Last year of history the paths start from (normally the base year).
    public let origin: Int
    /// Ids of the simulated variables, in `result.variables` order.
    public let variables: [String]
    public let result: SimulationResult
    /// Targets in the scenario's order.
    public let targets: [ScenarioTarget]
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
