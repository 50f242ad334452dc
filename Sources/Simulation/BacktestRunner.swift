import Scenario

/// Why a backtest cannot start.
public enum BacktestError: Error, CustomStringConvertible {
    /// The scenario has no `backtest` section.
    case noBacktestSection
    /// The `backtest` section names no targets table.
    case noTargetsTable

    public var description: String {
        switch self {
        case .noBacktestSection:
            return "the scenario has no \"backtest\" section; add {\"from\": FIRST_YEAR, \"to\": LAST_YEAR, \"targets\": \"targets.csv\"} to backtest it"
        case .noTargetsTable:
            return "the scenario's \"backtest\" section names no targets table; add \"targets\": \"targets.csv\" (the past targets to score)"
        }
    }
}

/// The rolling-origin backtest of past targets.
public enum BacktestRunner {
    /// For each year Y of `backtest.from ... backtest.to` with targets in the table: fits the
    /// scenario's model on first-published data up to Y − 1 only (`ModelPlan(input, lastYear:)`),
    /// simulates Y, and records P(met) and the predictive distribution of each target of Y on a
    /// declared indicator, with Y's first-published outcome.
    ///
    /// The model, shocks and paths are the scenario's, the same every year (never tuned per
    /// year). The scenario's risks and adjustments are judgments about its own horizon and are
    /// not applied. Year Y is simulated with seed `seed + Y` (wrapping), so that the Monte
    /// Carlo errors of different years are independent. Years without a target are skipped.
    ///
    /// - Throws: `BacktestError` when the scenario has no backtest section or targets table.
    ///   A year whose model cannot be fitted or whose paths explode is reported, not thrown.
    public static func run(_ input: ScenarioInput, options: RunOptions = RunOptions(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BacktestRun {
        let scenario = input.scenario
        guard let settings = scenario.backtest else { throw BacktestError.noBacktestSection }
        guard settings.targets != nil else { throw BacktestError.noTargetsTable }
        let range = settings.from...settings.to
        let inRange = input.pastTargets.filter { range.contains($0.year) }
            .sorted { ($0.year, $0.indicator, $0.measure.rawValue) < ($1.year, $1.indicator, $1.measure.rawValue) }
        let undeclared = inRange.filter { scenario.indicator($0.indicator) == nil }
        var forecasts: [BacktestForecast] = []
        var years: [BacktestYear] = []
        var paths = options.paths ?? scenario.simulation.paths
        let seed = options.seed ?? scenario.simulation.seed
        for year in range {
            progress?(year - range.lowerBound, range.count)
            let targets = inRange.filter { $0.year == year && scenario.indicator($0.indicator) != nil }
            guard !targets.isEmpty else {
                years.append(BacktestYear(year: year, targets: 0, origin: nil, modelSummary: nil, planNotes: [],
                                          modelNotes: [], skipped: "no target for a declared indicator"))
                continue
            }
            let plan: ModelPlan
            do {
                plan = try ModelPlan(input, lastYear: year - 1)
            } catch {
                let reason = "model could not be fitted on data up to \(year - 1): \((error as? RunError)?.reason ?? "\(error)")"
                forecasts += targets.map { notEvaluated($0, reason, input) }
                years.append(BacktestYear(year: year, targets: targets.count, origin: nil, modelSummary: nil,
                                          planNotes: [], modelNotes: [], skipped: reason))
                continue
            }
            var ready: [PastTarget] = []
            var notReady: [Int: String] = [:]
            for (i, t) in targets.enumerated() {
                if let reason = measureProblem(t, scenario.indicator(t.indicator)!) { notReady[i] = reason } else { ready.append(t) }
            }
            var yearInput = input
            yearInput.scenario.targets = ready.map(target)
            yearInput.scenario.baseYear = year - 1
            yearInput.scenario.horizonEnd = year
            yearInput.scenario.risks = []
            yearInput.scenario.adjustments = []
            let run: ScenarioRun
            do {
                run = try ScenarioRunner.simulate(
                    yearInput, plan: plan,
                    options: RunOptions(paths: paths, seed: seed &+ UInt64(truncatingIfNeeded: year), threads: options.threads,
                                        classicEngine: options.classicEngine, pathsPerDraw: options.pathsPerDraw),
                    progress: nil)
            } catch {
                let reason = "simulation of \(year) failed: \(error)"
                forecasts += targets.map { notEvaluated($0, reason, input) }
                years.append(BacktestYear(year: year, targets: targets.count, origin: plan.origin,
                                          modelSummary: plan.model.summary, planNotes: plan.notes,
                                          modelNotes: plan.model.notes, skipped: reason))
                continue
            }
            paths = run.paths
            var evaluated = run.targets.makeIterator()
            for (i, t) in targets.enumerated() {
                if let reason = notReady[i] { forecasts.append(notEvaluated(t, reason, input)); continue }
                let item = evaluated.next()!
                forecasts.append(forecast(t, item, origin: run.origin, input: input))
            }
            years.append(BacktestYear(year: year, targets: targets.count, origin: run.origin,
                                      modelSummary: run.modelSummary, planNotes: plan.notes,
                                      modelNotes: plan.model.notes, skipped: nil))
        }
        progress?(range.count, range.count)
        return BacktestRun(scenario: scenario, settings: settings, paths: paths, seed: seed, years: years,
                           forecasts: forecasts, undeclared: undeclared,
                           outsideRange: input.pastTargets.count - inRange.count)
    }

    /// Why a past target's measure cannot be forecast from its indicator's model, or nil.
    static func measureProblem(_ t: PastTarget, _ indicator: Indicator) -> String? {
        if t.measure == indicator.modelOn { return nil }
        if t.measure == .level && indicator.modelOn == .growthPct { return nil }
        return "the target is on \(t.measure.rawValue), \(t.indicator) is modelled on \(indicator.modelOn.rawValue)"
    }

    static func target(_ t: PastTarget) -> Target {
        Target(indicator: t.indicator, years: t.year...t.year, measure: t.measure, wording: t.wording,
               aspirational: t.aspirational, quote: t.quote, reading: t.reading, source: t.source)
    }

    /// The first-published value of the target's year in its measure.
    static func outcome(_ t: PastTarget, input: ScenarioInput) -> Double? {
        guard let indicator = input.scenario.indicator(t.indicator) else { return nil }
        return input.history(for: indicator)?.series(t.indicator, t.measure, basis: .firstPublished)?.value(in: t.year)
    }

    static func unit(_ t: PastTarget, input: ScenarioInput) -> String {
        guard t.measure == .level, let indicator = input.scenario.indicator(t.indicator) else { return "pp" }
        return indicator.unit ?? input.history(for: indicator)?.series(t.indicator, .level)?.unit ?? "level units"
    }

    static func notEvaluated(_ t: PastTarget, _ reason: String, _ input: ScenarioInput) -> BacktestForecast {
        BacktestForecast(target: t, status: .notEvaluated(reason), unit: unit(t, input: input),
                         outcome: outcome(t, input: input))
    }

    static func forecast(_ t: PastTarget, _ item: ScenarioTarget, origin: Int, input: ScenarioInput) -> BacktestForecast {
        guard let result = item.outcome else {
            return notEvaluated(t, item.reason ?? "not evaluated", input)
        }
        let y = outcome(t, input: input)
        return BacktestForecast(target: t, status: y == nil ? .noOutcome : .scored, unit: unit(t, input: input),
                                origin: origin, probability: result.probability, distribution: result.distribution,
                                outcome: y)
    }
}
