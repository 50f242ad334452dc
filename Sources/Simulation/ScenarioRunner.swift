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
    /// With a precision (a fraction: 0.001 is 0.1 pp), `paths` is a cap and the run goes
    /// block after block until every evaluated target's Monte Carlo SE is at most this
    /// (`MonteCarloEngine.run(_:precision:progress:)`).
    public var precision: Double?
    /// The engine before issue 11, for benchmarks: one parameter draw per block of 1,024 paths
    /// and every P(met) counted from paths (no conditional Monte Carlo).
    public var classicEngine: Bool
    /// Paths per parameter draw (nil: `MonteCarloEngine.defaultPathsPerDraw`), for benchmarks.
    public var pathsPerDraw: Int?
    /// Parameter draws shared by runs of the same fitted model and seed (a sweep's points); the
    /// tables are the same with or without it.
    public var drawCache: ParameterDrawCache?

    public init(paths: Int? = nil, seed: UInt64? = nil, threads: Int = 1, precision: Double? = nil,
                classicEngine: Bool = false, pathsPerDraw: Int? = nil) {
        self.pathsPerDraw = pathsPerDraw
        self.paths = paths
        self.seed = seed
        self.threads = threads
        self.precision = precision
        self.classicEngine = classicEngine
    }

    /// The engine these options ask for.
    var engine: MonteCarloEngine {
        classicEngine ? MonteCarloEngine(pathsPerDraw: MonteCarloEngine().blockSize)
            : MonteCarloEngine(pathsPerDraw: pathsPerDraw ?? MonteCarloEngine.defaultPathsPerDraw)
    }
}

/// Errors of a scenario run that are not input-file problems.
public enum RunError: Error, CustomStringConvertible {
    /// The model could not be fitted, even by the fallback.
    case modelFailed(String)
    /// The simulation produced non-finite values (an explosive model).
    case nonFinite(Int)

    /// What went wrong, without the leading "model could not be fitted: " (for messages that
    /// say so themselves).
    public var reason: String {
        switch self {
        case .modelFailed(let s): return s
        case .nonFinite: return description
        }
    }

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

    /// Everything `run` does before simulating (fit, target rules, the warnings), without
    /// simulating: what `forecast validate` checks, so that it and `simulate` agree.
    ///
    /// - Throws: `RunError.modelFailed` when the model cannot be fitted; `ConditionError` when
    ///   the hard conditions cannot be met by the shocks allowed to move.
    public static func check(_ input: ScenarioInput) throws -> PreparedRun {
        let prepared = try prepare(input, plan: ModelPlan(input), options: RunOptions())
        // A condition on an indicator the run does not simulate, or on a year before the
        // simulated ones, would change nothing while the tables say "conditional": refuse it.
        for (i, c) in input.scenario.conditions.enumerated() {
            if !prepared.variables.contains(c.indicator) {
                throw ConditionError(path: "conditions[\(i)]", message: "\(c.indicator) is not simulated in this run (simulated: \(prepared.variables.joined(separator: ", "))): a condition on it would change nothing")
            }
            if c.year <= prepared.plan.origin {
                throw ConditionError(path: "conditions[\(i)].year", message: "expected a simulated year (\(prepared.plan.origin + 1) or later; the history ends in \(prepared.plan.origin)), found \(c.year)")
            }
        }
        try checkConditions(prepared)
        return prepared
    }

    /// The simulation input of a fitted plan, each target's rule or the reason it cannot be
    /// evaluated, and the warnings and notes the report must show.
    static func prepare(_ input: ScenarioInput, plan: ModelPlan, options: RunOptions) -> PreparedRun {
        let scenario = input.scenario
        let origin = plan.origin
        let judgmental = scenario.indicators.filter(\.isJudgmental)
        let variables = plan.model.indicators + judgmental.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        var notes = plan.notes
        var warnings = RunChecks.fitWarnings(input, plan: plan)

        var rules: [TargetRule] = []
        var mapped: [(target: Target, rule: Int?, reason: String?)] = []
        for (i, target) in scenario.targets.enumerated() {
            switch rule(for: target, input: input, index: index, origin: origin, leftOut: plan.leftOut) {
            case .success(let r):
                mapped.append((target, rules.count, nil))
                rules.append(r)
            case .failure(let reason):
                mapped.append((target, nil, reason.message))
                warnings.append(RunWarning(.notEvaluated, at: "targets[\(i)]",
                    "\(target.indicator) \(target.year) will not be evaluated: \(reason.message)"))
            }
        }
        // Second figures after the verdicts: P(lands near X) beside a floor or ceiling.
        var nearRule: [Int: Int] = [:]   // verdict rule index -> near rule index
        for (target, r, _) in mapped {
            guard let r, let band = target.nearBand else { continue }
            var near = rules[r]
            near.bound = Self.engineBound(band)
            near.isJoint = false
            nearRule[r] = rules.count
            rules.append(near)
        }
        var risks: [RiskEvent] = []
        for (i, risk) in scenario.risks.enumerated() {
            var impacts: [Int: Double] = [:]
            for (id, pp) in risk.impactPP.sorted(by: { $0.key < $1.key }) {
                if let v = index[id] { impacts[v] = pp } else {
                    let text = "risk '\(risk.name)': impact on \(id) ignored (\(id) is not simulated)"
                    notes.append(text)
                    warnings.append(RunWarning(.ignored, at: "risks[\(i)].impact_pp.\(id)", text))
                }
            }
            risks.append(RiskEvent(name: risk.name, probability: risk.probability, yearOffset: risk.year - origin,
                                   impacts: impacts, persistence: risk.persistence))
        }
        var shifts: [MeanShift] = []
        for (i, a) in scenario.adjustments.enumerated() {
            if let v = index[a.indicator] {
                shifts.append(MeanShift(variable: v, yearOffset: a.year - origin, shift: a.shiftPP))
            } else {
                let text = "adjustment on \(a.indicator) ignored (\(a.indicator) is not simulated)"
                notes.append(text)
                warnings.append(RunWarning(.ignored, at: "adjustments[\(i)]", text))
            }
        }
        warnings += RunChecks.priceWarnings(input, evaluated: mapped.map { $0.rule != nil })
        notes += RunChecks.revisedRowNotes(input)
        let shocks: ShockDistribution = scenario.shocks.distribution == .studentT
            ? .studentT(degreesOfFreedom: scenario.shocks.dof ?? 6, scale: scenario.shocks.scale)
            : .normal(scale: scenario.shocks.scale)
        var simulationInput = SimulationInput(
            model: plan.model, parameterUncertainty: scenario.model.parameterUncertainty, shocks: shocks,
            horizon: scenario.horizonEnd - origin,
            judgmental: judgmental.map { j in
                JudgmentalVariable(id: j.id, mean: j.judgment!.mean, sd: j.judgment!.sd,
                                   degreesOfFreedom: j.judgment!.distribution == .studentT ? j.judgment!.dof : nil)
            },
            risks: risks, adjustments: shifts, targets: rules,
            paths: options.paths ?? scenario.simulation.paths, seed: options.seed ?? scenario.simulation.seed,
            threads: options.threads)
        simulationInput.drawCache = options.drawCache
        simulationInput.conditions = pathConditions(scenario, variables: variables, modelled: plan.model.indicators,
                                                    origin: origin, warnings: &warnings)
        // Conditions act on a block's finished paths; the conditional estimate on the last step
        // would not see them, so a what-if run counts paths.
        simulationInput.probabilityEstimator = options.classicEngine || simulationInput.conditions != nil
            ? .pathCount : .conditionalLastStep
        simulationInput.stratifiedPathDraws = !options.classicEngine
        return PreparedRun(plan: plan, input: simulationInput, variables: variables, targets: mapped,
                           warnings: warnings, notes: notes, nearRules: nearRule)
    }

    /// Simulates with an already fitted plan (the backtest fits once per origin; the command
    /// line fits once in `check`).
    public static func simulate(_ input: ScenarioInput, plan: ModelPlan, options: RunOptions,
                         progress: (@Sendable (Int, Int) -> Void)?) throws -> ScenarioRun {
        let scenario = input.scenario
        let prepared = prepare(input, plan: plan, options: options)
        let result = try options.engine.run(prepared.input, precision: options.precision, progress: progress)
        guard result.nonFiniteValues == 0 else { throw RunError.nonFinite(result.nonFiniteValues) }
        let targets = prepared.targets.map { (target, r, reason) in
            ScenarioTarget(target: target, indicator: scenario.indicator(target.indicator)!,
                           outcome: r.map { result.targets[$0] }, reason: reason,
                           near: r.flatMap { prepared.nearRules[$0] }.map { result.targets[$0] },
                           unit: unit(of: target, input: input),
                           proxyRegion: scenario.indicator(target.indicator).flatMap(scenario.proxyRegion(for:)))
        }
        // The model's warnings read again after the run (draw counts are only known then): the
        // ones the checks already listed are not repeated.
        let modelWarnings = Self.modelWarnings(plan, scenario: scenario).filter { !prepared.warnings.contains($0) }
        var run = ScenarioRun(scenario: scenario, modelSummary: plan.model.summary, notes: prepared.notes + Self.drawn(plan.model.notes, scenario),
                              warnings: prepared.warnings + modelWarnings, requestedPaths: prepared.input.paths,
                              dependence: plan.model.dependence,
                              origin: plan.origin, variables: prepared.variables, result: result, targets: targets)
        run.conditionTally = prepared.input.conditions?.tally
        return run
    }

    /// Notes and warnings on how parameters are drawn only matter when they are drawn.
    static func drawn(_ lines: [String], _ scenario: Scenario) -> [String] {
        scenario.model.parameterUncertainty ? lines : lines.filter { !$0.localizedCaseInsensitiveContains("draw") }
    }

    /// The fitted model's warnings (short samples, repairs; after a run also draws that fell
    /// back), as run warnings at the scenario's `model`.
    public static func modelWarnings(_ plan: ModelPlan, scenario: Scenario) -> [RunWarning] {
        drawn(plan.model.warnings, scenario).map { RunWarning(.model, at: "model", $0) }
    }

    struct Reason: Error { let message: String }

    /// The engine's rule for a scenario target, or why it cannot be evaluated. `leftOut` gives
    /// the plan's reason for each indicator it left out of the model.
    static func rule(for target: Target, input: ScenarioInput, index: [String: Int],
                     origin: Int, leftOut: [String: String] = [:]) -> Result<TargetRule, Reason> {
        let indicator = input.scenario.indicator(target.indicator)!
        guard let v = index[target.indicator] else {
            if target.measure == .level && target.lastLevel == nil, let note = target.lastLevelNote {
                return .failure(Reason(message: note))
            }
            return .failure(Reason(message: leftOut[target.indicator].map { "not modelled: " + $0 } ?? "\(target.indicator) is not simulated"))
        }
        let bound = engineBound(target.bound)
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
            if target.lastLevel == nil, let proxy = input.scenario.proxyRegion(for: indicator) {
                return .failure(Reason(message: target.lastLevelNote
                    ?? "the history of \(target.indicator) is \(proxy)'s (a proxy): its level is not \(input.scenario.region)'s; give last_level with its source"))
            }
            guard let level = input.baseLevel(for: target) else {
                let year = input.scenario.baseYear
                let revised = input.history(for: indicator)?.series(indicator.id, .level, basis: .revised)?.value(in: year)
                return .failure(Reason(message: target.lastLevelNote ?? (revised == nil
                    ? "the \(year) level of \(target.indicator) is not in its history (give last_level with its source)"
                    : "the \(year) level of \(target.indicator) is in its history only as a revised figure, and levels are "
                      + "taken from first-published rows only (give last_level with its source, or a first-published row)")))
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

    /// The engine's form of a scenario bound.
    static func engineBound(_ bound: Bound) -> TargetBound {
        switch bound {
        case .atLeast(let x): return .atLeast(x)
        case .atMost(let x): return .atMost(x)
        case .around(let x, let t): return .around(x, tolerance: t)
        }
    }

    static func unit(of target: Target, input: ScenarioInput) -> String {
        guard target.measure == .level else { return "pp" }
        let indicator = input.scenario.indicator(target.indicator)!
        return indicator.unit ?? input.history(for: indicator)?.series(indicator.id, .level)?.unit ?? "level units"
    }
}
