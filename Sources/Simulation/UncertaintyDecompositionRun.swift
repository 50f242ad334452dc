import Scenario

extension ScenarioRunner {
    /// The decomposition of a finished run (`UncertaintyDecomposition`): the same scenario,
    /// seed and paths, with the run's calibration shifts and conditions; target rows for the
    /// evaluated targets, in scenario order.
    /// - Throws: `SimulationError` as `MonteCarloEngine.run`.
    public static func decompose(_ input: ScenarioInput, plan: ModelPlan, run: ScenarioRun,
                                 options: RunOptions) throws -> UncertaintyDecomposition {
        let prepared = prepare(withCalibrationShifts(input, of: run), plan: plan, options: fixed(options, as: run))
        // "gdp 地区生产总值": the id with the indicator's Chinese name, as the other tables name it.
        let named = { (id: String) in [id, input.scenario.indicator(id)?.name?.zh].compactMap { $0 }.joined(separator: " ") }
        let labels = prepared.input.targets.map { "rule \($0.variable) \($0.yearOffset)" }
        let d = try UncertaintyDecomposition.run(prepared.input, variables: prepared.variables, firstYear: plan.origin + 1,
                                                 targetLabels: labels)
        let evaluated = prepared.targets.compactMap { t in
            t.rule.map { (rule: $0, label: named(t.target.indicator) + " \(t.target.year)") }
        }
        let relabel = { (rows: [UncertaintyDecomposition.Row]) in
            evaluated.map { e in UncertaintyDecomposition.Row(label: e.label, total: rows[e.rule].total, none: rows[e.rule].none,
                                                              parts: rows[e.rule].parts) }
        }
        let variance = d.variance.map { r in
            let parts = r.label.split(separator: " ")
            return UncertaintyDecomposition.Row(label: named(String(parts[0])) + " " + parts.dropFirst().joined(separator: " "),
                                                total: r.total, none: r.none, parts: r.parts)
        }
        return UncertaintyDecomposition(variance: variance, targetVariance: relabel(d.targetVariance),
                                        shortfall: relabel(d.shortfall), paths: d.paths, seed: d.seed)
    }
}
