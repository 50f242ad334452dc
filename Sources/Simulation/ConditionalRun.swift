import Models
import Scenario

/// What the conditions of a what-if run did, and the unconditional numbers beside.
///
/// The conditional run uses the unconditional run's seed (common random numbers) and paths.
/// With a combination file, the calibration shifts of the unconditional run are applied to the
/// conditional paths as well: the calibration corrects the model's P(met) as learned on past
/// targets, and a condition changes the scenario, not that correction. A hard condition fixes
/// its indicator-year after every shift, so a calibration shift on a conditioned indicator-year
/// is absorbed by its shocks.
public struct ConditioningSummary: Sendable {
    /// The conditions as written.
    public let conditions: [Condition]
    /// Conditions on indicators that are not simulated (ignored, also in the warnings).
    public let ignored: [Condition]
    /// Each target's P(met) without the conditions (nil where not evaluated), in target order;
    /// calibrated when the conditional run is.
    public let unconditional: [ProbabilityEstimate?]
    /// P(all met) per year without the conditions.
    public let unconditionalJoint: [(year: Int, all: ProbabilityEstimate)]
    /// Paths examined by the soft conditions and paths inside their event (nil: no soft condition).
    public let softPaths: Int?
    public let softInside: Int?
    /// Blocks with no path inside the soft event (a parameter draw that makes it nearly
    /// impossible): their paths were moved to the range's edge.
    public let emptyBlocks: Int
    /// Parameter draws whose movable shocks could not meet the hard conditions (left unconditioned).
    public let failedDraws: Int

    /// P(event) of the soft conditions under the (hard-conditioned) model: inside / examined.
    public var eventProbability: Double? {
        guard let softPaths, let softInside, softPaths > 0 else { return nil }
        return Double(softInside) / Double(softPaths)
    }

    /// How each kind of condition is imposed, for the header.
    public static let method = "hard conditions by Waggoner–Zha (1999): per parameter draw the shocks allowed to move are solved from the stacked impulse responses and the rest of each path's shocks kept (the exact conditional normal for Gaussian shocks; for per-indicator models, Gaussian conditioning of the correlated shocks); soft conditions by truncation: paths outside the range replaced by paths inside it drawn from the same block"
}

/// A hard condition the allowed shocks cannot meet, or another problem of the conditions
/// found with the fitted model (an input problem: exit status 2).
public struct ConditionError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

extension ScenarioRunner {
    /// The engine's conditions of a scenario (nil when it has none); conditions and shocks on
    /// indicators that are not simulated are ignored with a warning.
    static func pathConditions(_ scenario: Scenario, variables: [String], modelled: [String], origin: Int,
                               warnings: inout [RunWarning]) -> PathConditions? {
        guard !scenario.conditions.isEmpty else { return nil }
        var conditions = PathConditions()
        var movable: Set<Int>? = []
        for (i, c) in scenario.conditions.enumerated() {
            guard let v = variables.firstIndex(of: c.indicator) else {
                warnings.append(RunWarning(.ignored, at: "conditions[\(i)]",
                                           "condition \(c.text) ignored (\(c.indicator) is not simulated)"))
                continue
            }
            let offset = c.year - origin
            guard offset >= 1 else {
                warnings.append(RunWarning(.ignored, at: "conditions[\(i)]",
                                           "condition \(c.text) ignored (the history ends in \(origin), after its year)"))
                continue
            }
            let (lower, upper) = c.interval
            if c.isHard {
                conditions.hard.append(.init(variable: v, yearOffset: offset, value: lower))
                if let shocks = c.shocks {
                    for id in shocks {
                        if let j = modelled.firstIndex(of: id) { movable?.insert(j) } else {
                            warnings.append(RunWarning(.ignored, at: "conditions[\(i)].shocks",
                                                       "\(id)'s shocks ignored for \(c.text) (\(id) is not modelled)"))
                        }
                    }
                } else if v < modelled.count {
                    movable = nil
                }
            } else {
                conditions.soft.append(.init(variable: v, yearOffset: offset, lower: lower, upper: upper))
            }
        }
        conditions.movable = movable
        return conditions.isEmpty ? nil : conditions
    }

    /// Checks that the hard conditions can be met with the model's point system.
    /// - Throws: `ConditionError` naming `conditions` when they cannot.
    static func checkConditions(_ prepared: PreparedRun) throws {
        guard let conditions = prepared.input.conditions,
              !conditions.modelledHard(indicators: prepared.plan.model.indicators.count).isEmpty else { return }
        do {
            _ = try conditions.gain(prepared.plan.model.pointSystem(), horizon: prepared.input.horizon)
        } catch let SimulationError.invalidInput(message) {
            throw ConditionError(path: "conditions", message: message)
        }
    }

    /// Runs a scenario with conditions: the unconditional run (calibrated as usual), then the
    /// conditional run with the same seed and paths and the unconditional run's calibration
    /// shifts (`ConditioningSummary`). Every number of the returned run is conditional;
    /// `conditioning` holds the unconditional P(met) beside.
    ///
    /// - Throws: `ConditionError` when the hard conditions cannot be met; as `runCalibrated`.
    public static func runConditional(_ input: ScenarioInput, plan: ModelPlan, options: RunOptions,
                                      progress: (@Sendable (Int, Int) -> Void)?) throws -> ScenarioRun {
        var base = input
        base.scenario.conditions = []
        let unconditional = try runCalibrated(base, plan: plan, options: options, progress: progress)
        return try simulate(input, given: unconditional, plan: plan, options: options)
    }

    /// The conditional run of `input` beside its `unconditional` run (the same scenario without
    /// conditions, already run): the same seed and paths, the unconditional run's calibration
    /// shifts applied (see `ConditioningSummary`).
    ///
    /// - Throws: `ConditionError` when the hard conditions cannot be met; `RunError`.
    public static func simulate(_ input: ScenarioInput, given unconditional: ScenarioRun, plan: ModelPlan,
                                options: RunOptions) throws -> ScenarioRun {
        let conditioned = withCalibrationShifts(input, of: unconditional)
        let fixed = fixed(options, as: unconditional)
        try checkConditions(prepare(conditioned, plan: plan, options: fixed))
        var run = try simulate(conditioned, plan: plan, options: fixed, progress: nil)
        run.scenario = input.scenario
        run.calibration = unconditional.calibration
        run.precision = unconditional.precision
        run.targets = zip(run.targets, unconditional.targets).map { item, u in
            var item = item
            item.calibration = u.calibration
            return item
        }
        let tally = run.conditionTally
        let soft = !input.scenario.conditions.allSatisfy(\.isHard)
        let simulated = Set(run.variables)
        run.conditioning = ConditioningSummary(
            conditions: input.scenario.conditions,
            ignored: input.scenario.conditions.filter { !simulated.contains($0.indicator) },
            unconditional: unconditional.targets.map { $0.outcome?.probability },
            unconditionalJoint: unconditional.joint.map { ($0.year, $0.outcome.all) },
            softPaths: soft ? tally?.paths : nil, softInside: soft ? tally?.inside : nil,
            emptyBlocks: tally?.emptyBlocks ?? 0, failedDraws: tally?.failedDraws ?? 0)
        // A hard value far outside what the model gives without conditions: the paths are
        // solved to reach it all the same, and the other indicators follow through their
        // correlations into values no history supports.
        for (i, c) in input.scenario.conditions.enumerated() where c.isHard {
            guard let v = unconditional.variables.firstIndex(of: c.indicator), c.year > unconditional.origin,
                  let lo = unconditional.result.quantile(0.001, variable: v, yearOffset: c.year - unconditional.origin),
                  let hi = unconditional.result.quantile(0.999, variable: v, yearOffset: c.year - unconditional.origin) else { continue }
            let x = c.interval.lower
            guard x < lo || x > hi else { continue }
            run.warnings.append(RunWarning(.condition, at: "conditions[\(i)]",
                "\(c.indicator) \(c.year) = \(String(format: "%g", x)) lies outside the model's 0.1%–99.9% range without conditions (\(String(format: "%.1f", lo)) to \(String(format: "%.1f", hi))): the paths are solved to reach it, and the other indicators follow through their correlations to values no history supports; read the conditional numbers as an extrapolation"))
        }
        if soft, let tally, tally.paths > 0, tally.emptyBlocks > 0 || Double(tally.inside) < 0.01 * Double(tally.paths) {
            let share = 100 * Double(tally.inside) / Double(tally.paths)
            run.warnings.append(RunWarning(.condition, at: "conditions",
                "the soft conditions hold on \(String(format: "%.2f", share))% of the model's paths (effective sample size \(tally.inside) of \(tally.paths))"
                + (tally.emptyBlocks > 0 ? "; \(tally.emptyBlocks) blocks whose parameter draw left no path inside were moved to the range's edge" : "")
                + ": the conditional numbers rest on paths the model finds nearly impossible; check the condition"))
        }
        return run
    }

    /// `input` with `run`'s calibration shifts as adjustments (the run's paths, rebuilt).
    static func withCalibrationShifts(_ input: ScenarioInput, of run: ScenarioRun) -> ScenarioInput {
        var shifted = input
        shifted.scenario.adjustments += run.targets.compactMap { item in
            item.calibration?.shift.map { Adjustment(indicator: item.target.indicator, year: item.target.year,
                                                     shiftPP: $0, reason: "calibration") }
        }
        return shifted
    }

    /// `options` with `run`'s paths and no precision rule: a run beside `run` on the same paths.
    static func fixed(_ options: RunOptions, as run: ScenarioRun) -> RunOptions {
        var fixed = options
        fixed.paths = run.requestedPaths
        fixed.precision = nil
        return fixed
    }
}
