import Linear
import Models
import Scenario

/// Settings that the command line may override.
public struct RunOptions: Sendable {
    /// Paths (nil: the scenario's).
    public var paths: Int?
    /// Seed (nil: the scenario's).
    public var seed: UInt64?
    /// Worker threads (>= 1); the output does not depend on it.
    public var threads: Int

    public init(paths: Int? = nil, seed: UInt64? = nil, threads: Int = 1) {
        self.paths = paths
        self.seed = seed
        self.threads = threads
    }
}

/// Errors of a scenario run that are not input-file problems.
public enum RunError: Error, CustomStringConvertible {
    /// The model could not be fitted, even by the fallback.
    case modelFailed(String)
    /// The simulation produced non-finite values (an explosive model).
    case nonFinite(Int)

    public var description: String {
        switch self {
        case .modelFailed(let s): return "model could not be fitted: \(s)"
        case .nonFinite(let n):
            return "the simulation produced \(n) non-finite values (an explosive model or parameter draw); no table was written"
        }
    }
}

/// Turns a validated scenario into a fitted model, a simulation input, and a `ScenarioRun`.
public enum ScenarioRunner {
    /// Fits the scenario's model to its history, simulates, and evaluates every target.
    ///
    /// - Throws: `RunError` when the model cannot be fitted or the paths explode;
    ///   `SimulationError` for an inconsistent simulation input.
    public static func run(_ input: ScenarioInput, options: RunOptions = RunOptions(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioRun {
        let plan = try ModelPlan(input)
        return try simulate(input, plan: plan, options: options, progress: progress)
    }

    /// Simulates with an already fitted plan (the backtest fits once per origin).
    static func simulate(_ input: ScenarioInput, plan: ModelPlan, options: RunOptions,
                         progress: (@Sendable (Int, Int) -> Void)?) throws -> ScenarioRun {
        let scenario = input.scenario
        let origin = plan.origin
        let horizon = scenario.horizonEnd - origin
        let judgmental = scenario.indicators.filter(\.isJudgmental)
        let variables = plan.model.indicators + judgmental.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        var notes = plan.notes

        var rules: [TargetRule] = []
        var mapped: [(Target, Int?, String?)] = []   // target, rule index, reason
        for target in scenario.targets {
            switch rule(for: target, input: input, index: index, origin: origin) {
            case .success(let r):
                mapped.append((target, rules.count, nil))
                rules.append(r)
            case .failure(let reason):
                mapped.append((target, nil, reason.message))
            }
        }
        var risks: [RiskEvent] = []
        for risk in scenario.risks {
            var impacts: [Int: Double] = [:]
            for (id, pp) in risk.impactPP {
                if let v = index[id] { impacts[v] = pp } else {
                    notes.append("risk '\(risk.name)': impact on \(id) ignored (\(id) is not simulated)")
                }
            }
            risks.append(RiskEvent(name: risk.name, probability: risk.probability, yearOffset: risk.year - origin,
                                   impacts: impacts, persistence: risk.persistence))
        }
        var shifts: [MeanShift] = []
        for a in scenario.adjustments {
            if let v = index[a.indicator] {
                shifts.append(MeanShift(variable: v, yearOffset: a.year - origin, shift: a.shiftPP))
            } else {
                notes.append("adjustment on \(a.indicator) ignored (\(a.indicator) is not simulated)")
            }
        }
        let shocks: ShockDistribution = scenario.shocks.distribution == .studentT
            ? .studentT(degreesOfFreedom: scenario.shocks.dof ?? 6, scale: scenario.shocks.scale)
            : .normal(scale: scenario.shocks.scale)
        let simulationInput = SimulationInput(
            model: plan.model, parameterUncertainty: scenario.model.parameterUncertainty, shocks: shocks,
            horizon: horizon,
            judgmental: judgmental.map { j in
                JudgmentalVariable(id: j.id, mean: j.judgment!.mean, sd: j.judgment!.sd,
                                   degreesOfFreedom: j.judgment!.distribution == .studentT ? j.judgment!.dof : nil)
            },
            risks: risks, adjustments: shifts, targets: rules,
            paths: options.paths ?? scenario.simulation.paths, seed: options.seed ?? scenario.simulation.seed,
            threads: options.threads)
        let result = try MonteCarloEngine().run(simulationInput, progress: progress)
        guard result.nonFiniteValues == 0 else { throw RunError.nonFinite(result.nonFiniteValues) }
        let targets = mapped.map { (target, r, reason) in
            ScenarioTarget(target: target, indicator: scenario.indicator(target.indicator)!,
                           outcome: r.map { result.targets[$0] }, reason: reason,
                           unit: unit(of: target, input: input))
        }
        // Notes and warnings on how parameters are drawn only matter when they are drawn (read
        // after the run: draw counts are only known then).
        let drawn = { (lines: [String]) in
            scenario.model.parameterUncertainty ? lines : lines.filter { !$0.localizedCaseInsensitiveContains("draw") }
        }
        return ScenarioRun(scenario: scenario, modelSummary: plan.model.summary, notes: notes + drawn(plan.model.notes),
                           warnings: plan.warnings + drawn(plan.model.warnings), dependence: plan.model.dependence,
                           origin: origin, variables: variables, result: result, targets: targets)
    }

    struct Reason: Error { let message: String }

    /// The engine's rule for a scenario target, or why it cannot be evaluated.
    static func rule(for target: Target, input: ScenarioInput, index: [String: Int],
                     origin: Int) -> Result<TargetRule, Reason> {
        let indicator = input.scenario.indicator(target.indicator)!
        guard let v = index[target.indicator] else {
            if target.measure == .level && target.lastLevel == nil, let note = target.lastLevelNote {
                return .failure(Reason(message: note))
            }
            return .failure(Reason(message: "\(target.indicator) is not simulated: it is modelled on "
                + "\(indicator.modelOn.rawValue), and only growth_pct and rate_pct indicators (or judgments) are simulated"))
        }
        let bound: TargetBound
        switch target.bound {
        case .atLeast(let x): bound = .atLeast(x)
        case .atMost(let x): bound = .atMost(x)
        case .around(let x, let t): bound = .around(x, tolerance: t)
        }
        let offset = target.year - origin
        guard offset >= 1 else {
            return .failure(Reason(message: "target year \(target.year) is not after the last year of history (\(origin))"))
        }
        switch target.measure {
        case .level:
            guard indicator.modelOn == .growthPct else {
                return .failure(Reason(message: "a level target needs \(target.indicator) modelled on growth_pct"))
            }
            guard origin == input.scenario.baseYear else {
                return .failure(Reason(message: "history ends in \(origin), before the base year \(input.scenario.baseYear): the base-year level cannot be carried forward"))
            }
            // A proxy history's level is another region's: only a stated last_level will do.
            let proxy = input.scenario.historyProxy?.region ?? indicator.historyRegion
            if target.lastLevel == nil, let proxy {
                return .failure(Reason(message: target.lastLevelNote
                    ?? "the history of \(target.indicator) is \(proxy)'s (a proxy): its level is not \(input.scenario.region)'s; give last_level with its source"))
            }
            guard let level = input.baseLevel(for: target) else {
                return .failure(Reason(message: target.lastLevelNote
                    ?? "the \(input.scenario.baseYear) level of \(target.indicator) is unknown (give last_level with its source)"))
            }
            return .success(TargetRule(variable: v, yearOffset: offset, measure: .level(lastLevel: level), bound: bound))
        case .averageGrowth:
            guard indicator.modelOn == .growthPct else {
                return .failure(Reason(message: "an average-growth target needs \(target.indicator) modelled on growth_pct"))
            }
            let from = target.years.lowerBound - origin
            guard from >= 1 else {
                return .failure(Reason(message: "average growth from \(target.years.lowerBound) starts before the simulated years"))
            }
            return .success(TargetRule(variable: v, yearOffset: offset, measure: .averageGrowth(fromOffset: from), bound: bound))
        default:
            return .success(TargetRule(variable: v, yearOffset: offset, measure: .value, bound: bound))
        }
    }

    static func unit(of target: Target, input: ScenarioInput) -> String {
        guard target.measure == .level else { return "pp" }
        let indicator = input.scenario.indicator(target.indicator)!
        return indicator.unit ?? input.history(for: indicator)?.series(indicator.id, .level)?.unit ?? "level units"
    }
}
