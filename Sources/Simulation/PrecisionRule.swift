import Scenario

/// The stopping rule of a run asked for a precision, and whether it was met: the run went
/// block after block (`MonteCarloEngine.run(_:precision:progress:)`), checking the SEs after
/// each stage of blocks, until the largest was at most `requested` or the paths reached `cap`.
public struct PrecisionReport: Sendable {
    /// The requested largest MC SE of an evaluated target's P(met) (fraction).
    public let requested: Double
    /// The largest MC SE reached (fraction) and the paths used.
    public let reached: Double
    public let paths: Int
    /// The most paths allowed (`--paths`, or `ScenarioRunner.defaultPathCap`).
    public let cap: Int
    public var isMet: Bool { reached <= requested }
}

extension ScenarioRunner {
    /// The cap on paths when a precision is asked for without `--paths`.
    public static let defaultPathCap = 10_000_000

    /// The largest Monte Carlo SE of an evaluated target's P(met) (fraction).
    static func largestStandardError(_ run: ScenarioRun) -> Double {
        run.targets.compactMap { $0.outcome?.probability.standardError }.max() ?? 0
    }
}
