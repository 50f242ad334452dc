import Scenario

/// A sensitivity curve: P(each target met) and P(all met) as the assumed (hard-conditioned)
/// value of one indicator in one year moves over a grid.
///
/// Every point is a conditional run (`ScenarioRunner.simulate(_:given:plan:options:)`) with the
/// same seed and paths as the others (common random numbers): a path's shocks are the same at
/// every point, only the solved shocks move with the assumed value, so the curve is smooth and
/// its differences carry much less Monte Carlo error than each point. With a linear model the
/// correction of every other indicator is linear in the assumed value, so each target's
/// P(met) is monotone along the grid when its indicator's response has one sign in every
/// parameter draw (for per-indicator models, the sign of the fixed shock correlation).
public struct SweepCurve: Sendable {
    /// The swept indicator and year.
    public let indicator: String
    public let year: Int
    /// Grid of assumed values (the indicator's model_on measure), ascending.
    public let values: [Double]
    /// The run without the swept condition (the scenario's own conditions kept, if any).
    public let baseline: ScenarioRun
    /// One conditional run per value.
    public let runs: [ScenarioRun]
    /// Conditions of the scenario on the swept indicator-year, replaced by the swept value.
    public let replaced: [Condition]

    /// Targets in scenario order (as in every run).
    public var targets: [ScenarioTarget] { baseline.targets }

    /// P(met) of target `i` at each grid value (nil where not evaluated).
    public func probabilities(target i: Int) -> [ProbabilityEstimate?] { runs.map { $0.targets[i].outcome?.probability } }

    /// P(all met) of `year` at each grid value.
    public func joint(year: Int) -> [ProbabilityEstimate?] {
        runs.map { run in run.joint.first { $0.year == year }?.outcome.all }
    }

    /// Where a curve along this grid reaches `level` (see `crossing(values:curve:level:)`).
    public func crossing(_ curve: [Double?], level: Double) -> Double? {
        Self.crossing(values: values, curve: curve, level: level)
    }

    /// Where target `i`'s P(met) reaches `level`. A single-year target on the swept
    /// indicator-year itself is met exactly when the assumed value meets its bound (P(met) is a
    /// step from 0 to 1 there): its crossing is the bound, when inside the grid, not an
    /// interpolation across the step. Other targets: `crossing(_:level:)` of their curve.
    public func crossing(target i: Int, level: Double) -> Double? {
        let t = targets[i].target
        if t.indicator == indicator, t.years == year...year, t.measure != .averageGrowth, t.measure != .level {
            let x: Double
            switch t.bound {
            case .atLeast(let b), .atMost(let b): x = b
            case .around: return crossing(probabilities(target: i).map { $0?.value }, level: level)
            }
            return (values.first!...values.last!).contains(x) ? x : nil
        }
        return crossing(probabilities(target: i).map { $0?.value }, level: level)
    }

    /// Target `i`'s crossing of `confidence` found from the shift needed (see
    /// `crossingFromShift(values:outcomes:confidence:)`).
    public func crossingFromShift(target i: Int, confidence: Double) -> Double? {
        Self.crossingFromShift(values: values, outcomes: runs.map { $0.targets[i].outcome }, confidence: confidence)
    }

    /// Where a curve reaches `level`: the first grid interval whose ends lie on either side
    /// (or touch it), linearly interpolated; nil when the curve stays on one side.
    /// `values` ascending, `curve` one entry per value (nil: not evaluated there).
    public static func crossing(values: [Double], curve: [Double?], level: Double) -> Double? {
        for j in 0..<(values.count - 1) {
            guard let a = curve[j], let b = curve[j + 1] else { continue }
            if a == level { return values[j] }
            if (a - level) * (b - level) < 0 || b == level {
                return values[j] + (level - a) * (values[j + 1] - values[j]) / (b - a)
            }
        }
        return nil
    }

    /// The crossing of a target's P(met) at `confidence`, found instead from the shift needed
    /// (`TargetOutcome.shiftNeeded`) at the grid point nearest the interpolated crossing: the
    /// assumed value moves the target's distribution by `slope` per unit (the change of its
    /// median between neighbouring grid points), so the confidence is reached at
    /// `v + shift / slope`. Nil for targets not on a value (levels, average growth), without a
    /// crossing, or with a flat median.
    public static func crossingFromShift(values: [Double], outcomes: [TargetOutcome?], confidence: Double) -> Double? {
        guard let v = crossing(values: values, curve: outcomes.map { $0?.probability.value }, level: confidence) else { return nil }
        let j = values.indices.min { abs(values[$0] - v) < abs(values[$1] - v) }!
        let (l, r) = j == values.count - 1 ? (j - 1, j) : (j, j + 1)
        guard let outcome = outcomes[j], outcome.rule.measure == .value,
              let shift = outcome.shiftNeeded(confidence: confidence),
              let ml = outcomes[l]?.distribution.quantile(0.5),
              let mr = outcomes[r]?.distribution.quantile(0.5) else { return nil }
        let slope = (mr - ml) / (values[r] - values[l])
        guard abs(slope) > 1e-9 else { return nil }
        return values[j] + shift / slope
    }
}

/// A sweep request the scenario cannot answer (an input problem: exit status 2).
public struct SweepError: Error, CustomStringConvertible {
    public let option: String
    public let message: String
    public var description: String { "\(option): \(message)" }
}

extension ScenarioRunner {
    /// Largest number of grid points a sweep runs.
    public static let largestSweep = 401

    /// The grid `from, from + step, ..., to` (the last point `to` when the steps do not land on it).
    /// - Throws: `SweepError` naming the option: `from >= to`, `step <= 0`, more than
    ///   `largestSweep` points, non-finite numbers.
    public static func sweepGrid(from: Double, to: Double, step: Double) throws -> [Double] {
        guard from.isFinite, to.isFinite else { throw SweepError(option: "--from/--to", message: "expected finite numbers") }
        guard from < to else { throw SweepError(option: "--to", message: "expected a value above --from (\(from)), found \(to)") }
        guard step > 0, step.isFinite else { throw SweepError(option: "--step", message: "expected a positive step, found \(step)") }
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        guard count + 1 <= largestSweep else {
            throw SweepError(option: "--step", message: "expected at most \(largestSweep) points, found \(count) from \(from) to \(to) by \(step)")
        }
        var grid = (0..<count).map { from + Double($0) * step }
        if let last = grid.last, to - last > 1e-9 * max(1, abs(to)) { grid.append(to) }
        return grid
    }

    /// Runs the sweep: the baseline (the scenario without conditions on the swept
    /// indicator-year, calibrated as usual), then one conditional run per grid value.
    ///
    /// - Throws: `SweepError` when the indicator is not simulated or the year is outside the
    ///   simulated years; `ConditionError` when its shocks cannot meet the condition; `RunError`.
    public static func sweep(_ input: ScenarioInput, plan: ModelPlan, indicator: String, year: Int, values: [Double],
                             options: RunOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SweepCurve {
        // Every point runs the same fitted model with the same seed: its parameter draws once.
        var options = options
        if options.drawCache == nil { options.drawCache = ParameterDrawCache() }
        let scenario = input.scenario
        let prepared = prepare(input, plan: plan, options: options)
        guard prepared.variables.contains(indicator) else {
            throw SweepError(option: "--indicator", message: "\(indicator) is not simulated (simulated: \(prepared.variables.joined(separator: ", ")))")
        }
        guard year > plan.origin, year <= scenario.horizonEnd else {
            throw SweepError(option: "--year", message: "expected a simulated year in \(plan.origin + 1)...\(scenario.horizonEnd), found \(year)")
        }
        let range = PlausibleRange.value(of: scenario.indicator(indicator)!.modelOn)
        if let bad = values.first(where: { !range.contains($0) }) {
            throw SweepError(option: "--from/--to", message: "expected \(indicator) values in \(range), found \(bad)")
        }
        let swept = { (c: Condition) in c.indicator == indicator && c.year == year }
        var base = input
        base.scenario.conditions.removeAll(where: swept)
        let unconditionalInput = { () -> ScenarioInput in var u = base; u.scenario.conditions = []; return u }()
        let unconditional = try runCalibrated(unconditionalInput, plan: plan, options: options, progress: nil)
        let baseline = base.scenario.conditions.isEmpty ? unconditional
            : try simulate(base, given: unconditional, plan: plan, options: options)
        var runs: [ScenarioRun] = []
        for (i, v) in values.enumerated() {
            var point = base
            point.scenario.conditions.append(Condition(indicator: indicator, year: year, assumption: .value(v)))
            runs.append(try simulate(point, given: unconditional, plan: plan, options: options))
            progress?(i + 1, values.count)
        }
        return SweepCurve(indicator: indicator, year: year, values: values, baseline: baseline, runs: runs,
                          replaced: scenario.conditions.filter(swept))
    }
}
