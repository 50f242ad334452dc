import Scenario

extension ScenarioRunner {
    /// The decomposition of a finished run (`UncertaintyDecomposition`): the same scenario,
    /// seed and paths, with the run's calibration shifts and conditions; target rows for the
    /// evaluated targets, in scenario order.
    /// - Throws: `SimulationError` as `MonteCarloEngine.run`.
    public static func decompose(_ input: ScenarioInput, plan: ModelPlan, run: ScenarioRun,
                                 options: RunOptions) throws -> UncertaintyDecomposition {
        let prepared = prepare(withCalibrationShifts(input, of: run), plan: plan, options: fixed(options, as: run))
        let named = { (id: String) in input.scenario.indicator(id)?.label ?? id }
        let labels = prepared.input.targets.map { "rule \($0.variable) \($0.yearOffset)" }
        let d = try UncertaintyDecomposition.run(prepared.input, variables: prepared.variables.map(named), firstYear: plan.origin + 1,
                                                 targetLabels: labels)
        let evaluated = prepared.targets.compactMap { t in
            t.rule.map { (rule: $0, label: named(t.target.indicator) + " \(t.target.year)") }
        }
        let relabel = { (rows: [UncertaintyDecomposition.Row]) in
            evaluated.map { e in UncertaintyDecomposition.Row(label: e.label, total: rows[e.rule].total, none: rows[e.rule].none,
                                                              parts: rows[e.rule].parts) }
        }
        return UncertaintyDecomposition(variance: d.variance, targetVariance: relabel(d.targetVariance),
                                        shortfall: relabel(d.shortfall), paths: d.paths, seed: d.seed)
    }
}
