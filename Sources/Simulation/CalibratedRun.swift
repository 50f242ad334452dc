import Calibration
import Foundation
import Scenario

/// How the calibrated P(met) of one target was made.
public struct TargetCalibration: Sendable {
    /// The model's own P(met) before the scenario's risks and judgmental adjustments (the
    /// first run, without them and without the calibration shift): what the combination was
    /// fitted on, since the calibration set's backtests apply no risks or judgments.
    public let model: ProbabilityEstimate
    /// The target-anchored forecaster's P(met) and predictive, or nil (too few earlier
    /// deviations for the indicator in the combination file).
    public let anchored: Double?
    public let anchoredPredictive: StudentT?
    /// The pooled P(met) the paths were shifted to reach (fraction).
    public let pooled: Double
    /// The shift applied to the indicator in the target's year (pp of growth), or nil when the
    /// target's paths were not shifted (`note` says why; its P(met) is then the model's).
    public var shift: Double?
    public let note: String?
}

/// What the calibration of a run used.
public struct CalibrationSummary: Sendable {
    public let file: String
    public let region: String
    /// The origin whose state was used, the number of earlier targets it learned from.
    public let state: CombinationFile.State
    public let madeBy: String
    /// The file's track record on the calibration set, when it carries one.
    public let trackRecord: TrackRecord?
}

public enum CalibrationRunError: Error, CustomStringConvertible {
    case file(String)
    public var description: String {
        switch self { case .file(let s): return "calibration: \(s)" }
    }
}

extension ScenarioRunner {
    /// Runs the scenario and, when it names a combination file, calibrates it: the model is run
    /// without the scenario's risks and judgmental adjustments (the combination was learned from
    /// backtests that apply none), each target's P(met) from that run and the target-anchored
    /// forecaster is pooled by the file's state for the target's year (`LogisticPool`), the
    /// indicator's paths in that year are shifted so that the target's P(met) in that run would
    /// equal the pooled value (the shift read off the first run's histogram, then refined by one
    /// secant step on a run of the same paths with the shifts, still without risks), and the
    /// scenario is simulated again with the same seed (common random numbers) with the shifts,
    /// its risks and its adjustments: three runs in all. Risks and judgments thus
    /// act in full on the calibrated paths rather than through the pool's weights. Every number
    /// of the second run — P(met), the joint probability, P(at least k met), fans, shifts
    /// needed — comes from the same paths, so they agree with each other.
    ///
    /// Not shifted (said in the target's `note`): a target on a judgmental indicator (its
    /// distribution is the scenario author's forecast, not a model's), a target read as a
    /// two-sided band, an average-growth target, a second target on an indicator-year already
    /// shifted.
    ///
    /// - Throws: `CalibrationRunError` when the combination file cannot be read; `RunError`.
    public static func runCalibrated(_ input: ScenarioInput, plan: ModelPlan? = nil, options: RunOptions = RunOptions(),
                                     progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioRun {
        let plan = try plan ?? ModelPlan(input)
        if !input.scenario.conditions.isEmpty {
            return try runConditional(input, plan: plan, options: options, progress: progress)
        }
        var options = options
        let cap = options.paths ?? (options.precision == nil ? input.scenario.simulation.paths : defaultPathCap)
        let requested = options.precision
        options.paths = cap
        guard let settings = input.scenario.calibration else {
            return try simulate(input, plan: plan, options: options, progress: progress)
                .withPrecision(cap: cap, requested: requested)
        }
        let context = try CalibrationContext(settings)
        var beforeRisks = input
        beforeRisks.scenario.risks = []
        beforeRisks.scenario.adjustments = []
        let first = try simulate(beforeRisks, plan: plan, options: options, progress: progress)
        // The calibrated run repeats the first run's paths (common random numbers).
        options.paths = first.paths
        options.precision = nil
        let scenario = input.scenario
        var calibrations: [TargetCalibration?] = []
        var shifts: [Adjustment] = []
        var shifted: Set<String> = []
        for item in first.targets {
            guard let outcome = item.outcome else { calibrations.append(nil); continue }
            let t = item.target
            let pooled = context.pooled(indicator: t.indicator, year: t.year, wording: t.wording, bound: t.bound,
                                        model: outcome.probability.value,
                                        proxied: CalibrationContext.isProxied(scenario.indicator(t.indicator)!, in: scenario))
            let p = pooled.pooled
            let key = "\(t.indicator) \(t.year)"
            var shift: Double? = nil
            var note: String? = nil
            if scenario.indicator(t.indicator)?.isJudgmental == true {
                calibrations.append(TargetCalibration(model: outcome.probability, anchored: nil, anchoredPredictive: nil,
                                                      pooled: outcome.probability.value, shift: nil,
                                                      note: "judgmental indicator: not calibrated (P(met) is the judgment's; the combination was learned on model forecasts)"))
                continue
            }
            if t.measure == .averageGrowth {
                note = "average-growth target: not shifted (P(met) is the model's)"
            } else if shifted.contains(key) {
                note = "\(t.indicator) \(t.year) already shifted for an earlier target: P(met) follows that shift"
            } else if let s = calibrationShift(outcome, to: p) {
                shift = s
                shifted.insert(key)
                shifts.append(Adjustment(indicator: t.indicator, year: t.year, shiftPP: s, reason: "calibration"))
            } else {
                note = "two-sided band or no quantile in range: not shifted (P(met) is the model's)"
            }
            calibrations.append(TargetCalibration(model: outcome.probability, anchored: pooled.anchored,
                                                  anchoredPredictive: pooled.anchoredPredictive, pooled: p, shift: shift, note: note))
        }
        if !shifts.isEmpty {
            // A shift read off the first run's histogram carries that quantile's plain Monte Carlo
            // error (about 0.1 pp of P(met) at 200,000 paths, ten times the conditional-MC SE of
            // the final run, which would not show it). One Newton step on the conditional-MC P(met)
            // of the same paths without risks, shifted, removes it (see `refinedShift`).
            var probe = beforeRisks
            probe.scenario.adjustments += shifts
            let shiftedRun = try simulate(probe, plan: plan, options: options, progress: nil)
            var next = 0
            for i in first.targets.indices {
                guard let c = calibrations[i], let s = c.shift, let after = shiftedRun.targets[i].outcome else { continue }
                let refined = refinedShift(s, shifted: after, to: min(max(c.pooled, 0.001), 0.999))
                calibrations[i]?.shift = refined
                shifts[next].shiftPP = refined
                next += 1
            }
        }
        var calibrated = input
        calibrated.scenario.adjustments += shifts
        let second = try simulate(calibrated, plan: plan, options: options, progress: nil)
        let summary = CalibrationSummary(file: settings.file.written, region: settings.region,
                                         state: context.file.state(for: scenario.baseYear + 1), madeBy: context.file.madeBy,
                                         trackRecord: context.file.trackRecord?.keeping(region: settings.region))
        return second.calibrated(calibrations, summary: summary, scenario: scenario)
            .withPrecision(cap: cap, requested: requested)
    }

    /// One Newton step for the shift: s′ = s + (p − P(s)) / P′(s), with P(s) the conditional-MC
    /// P(met) of the run shifted by s (`shifted`; common random numbers with the first run) and
    /// P′(s) = ± its density at the bound (per pp of growth: times last / 100 for a level) from
    /// that run's histogram, over ±1/4 of its 40–60% quantile range. The error left is of second
    /// order in s′ − s times the density's relative error (a few percent). `shift` is kept when
    /// the density cannot be read or the step would move the shift by more than the 40–60%
    /// quantile range (a step that large is not a correction of a quantile's error).
    static func refinedShift(_ shift: Double, shifted: TargetOutcome, to p: Double) -> Double {
        let d = shifted.distribution
        guard let lo = d.quantile(0.4), let hi = d.quantile(0.6), hi > lo else { return shift }
        let delta = (hi - lo) / 4
        let bound: Double, sign: Double
        switch shifted.rule.bound {
        case .atLeast(let x): bound = x; sign = 1
        case .atMost(let x): bound = x; sign = -1
        case .around: return shift
        }
        var slope = sign * (d.cumulativeFraction(bound + delta) - d.cumulativeFraction(bound - delta)) / (2 * delta)
        var limit = hi - lo
        switch shifted.rule.measure {
        case .value: break
        case .level(let last):
            guard last > 0 else { return shift }
            slope *= last / 100
            limit *= 100 / last
        case .averageGrowth: return shift
        }
        guard abs(slope) > 1e-9 else { return shift }
        let refined = shift + (p - shifted.probability.value) / slope
        return refined.isFinite && abs(refined - shift) <= limit ? refined : shift
    }

    /// The shift of the target's quantity (pp of growth; for a level, converted to growth
    /// through the base level) that makes P(met) equal `p`, from the model's distribution.
    static func calibrationShift(_ outcome: TargetOutcome, to p: Double) -> Double? {
        let d = outcome.distribution
        let q = min(max(p, 0.001), 0.999)
        let level: Double?
        switch outcome.rule.bound {
        case .atLeast(let x): level = d.quantile(1 - q).map { x - $0 }
        case .atMost(let x): level = d.quantile(q).map { x - $0 }
        case .around: return nil
        }
        guard let level else { return nil }
        switch outcome.rule.measure {
        case .value: return level
        case .level(let last): return last > 0 ? 100 * level / last : nil
        case .averageGrowth: return nil
        }
    }
}

extension ScenarioRun {
    /// The run with its precision report when a precision was asked for.
    func withPrecision(cap: Int, requested: Double?) -> ScenarioRun {
        guard let requested else { return self }
        var run = self
        run.precision = PrecisionReport(requested: requested, reached: ScenarioRunner.largestStandardError(self),
                                        paths: paths, cap: cap)
        return run
    }

    /// The run with its targets' calibration records, the scenario as the user wrote it (the
    /// calibration shifts are not user adjustments), and the calibration summary.
    func calibrated(_ calibrations: [TargetCalibration?], summary: CalibrationSummary, scenario: Scenario) -> ScenarioRun {
        var run = self
        run.scenario = scenario
        run.targets = zip(targets, calibrations).map { item, c in
            var item = item
            item.calibration = c
            return item
        }
        run.calibration = summary
        return run
    }
}
