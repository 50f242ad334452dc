import Random

/// A model whose state-space form is given, not estimated: no parameter uncertainty.
///
/// Used for known-parameter experiments (the benchmark workload, oracle tests) and for users
/// who state a model's parameters outright.
public struct FixedSystemModel: FittedModel {
    public let indicators: [String]
    public let system: StateSpaceSystem
    public let summary: String
    public var notes: [String] { [] }
    public var warnings: [String] { [] }
    public var dependence: String { "the given shock covariance" }

    public init(indicators: [String], system: StateSpaceSystem, summary: String) {
        self.indicators = indicators
        self.system = system
        self.summary = summary
    }

    public func pointSystem() -> StateSpaceSystem { system }
    public func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem { system }
}
