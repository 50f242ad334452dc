import Scenario

/// The stopping rule of a run asked for a precision, and whether it was met.
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
    /// Paths a pilot run uses to measure the Monte Carlo SEs before sizing the run.
    public static let pilotPaths = 65_536
    /// The cap on paths when a precision is asked for without `--paths`.
    public static let defaultPathCap = 10_000_000

    /// The paths that make every evaluated target's MC SE at most `precision`: a pilot of
    /// `pilotPaths` paths, then `N = pilot · (SE_max / precision)² · 1.2` (the SE falls as
    /// 1/√N, batch means over blocks of paths that share a parameter draw included; 1.2 covers
    /// the error of the pilot's SE), capped. The result depends only on the scenario and seed.
    static func pathsForPrecision(_ input: ScenarioInput, plan: ModelPlan, options: RunOptions,
                                  precision: Double) throws -> Int {
        let cap = options.paths ?? defaultPathCap
        var pilot = options
        pilot.paths = min(cap, pilotPaths)
        let run = try simulate(input, plan: plan, options: pilot, progress: nil)
        let worst = largestStandardError(run)
        guard worst > precision, run.paths < cap else { return run.paths }
        let needed = Double(run.paths) * (worst / precision) * (worst / precision) * 1.2
        return Int(min(Double(cap), needed.rounded(.up)))
    }

    static func largestStandardError(_ run: ScenarioRun) -> Double {
        run.targets.compactMap { $0.outcome?.probability.standardError }.max() ?? 0
    }
}
