import Scenario
import Simulation

/// The tables of `forecast sweep`: where each target reaches the scenario's confidence (the
/// interpolated crossing, beside the same point found from the shift needed), and P(met) of
/// every evaluated target and P(all met) along the grid. Markdown for reading, tidy CSV for
/// programs (probabilities as fractions, unrounded, each with its Monte Carlo SE).
public enum SweepReport {
    /// The evaluated targets' indices (scenario order).
    static func evaluated(_ curve: SweepCurve) -> [Int] {
        curve.targets.indices.filter { curve.targets[$0].outcome != nil }
    }

    /// The chart legend's shorter label: the Chinese name (else the id), year and bound.
    static func legendLabel(_ curve: SweepCurve, _ i: Int) -> String {
        let item = curve.targets[i]
        return (item.indicator.name?.zh ?? item.target.indicator) + " \(item.target.year) " + item.target.bound.symbols(unit: item.unit)
    }

    static func label(_ curve: SweepCurve, _ i: Int) -> String {
        let item = curve.targets[i]
        return item.indicator.label + " \(item.target.year) " + item.target.bound.symbols(unit: item.unit)
    }

    static func swept(_ curve: SweepCurve) -> String { "\(curve.indicator) \(curve.year)" }

    public static func markdown(_ curve: SweepCurve) -> String {
        let run = curve.baseline
        let s = run.scenario
        let c = s.confidence
        let r = run.result
        var out = "# Sweep of \(swept(curve)): \(s.name)\n\n"
        out += "- Assumed value of \(swept(curve)) (hard condition, \(curve.indicator)'s model_on measure): "
            + "\(NumberFormat.plain(curve.values.first!)) to \(NumberFormat.plain(curve.values.last!)), \(curve.values.count) points\n"
        out += "- Every point: the same \(MarkdownReport.grouped(r.paths)) paths and seed \(r.seed) (common random numbers): only the solved shocks move with the assumed value, so the curve is smooth\n"
        out += "- How: \(ConditioningSummary.method)\n"
        let kept = s.conditions.filter { !($0.indicator == curve.indicator && $0.year == curve.year) }
        if !kept.isEmpty { out += "- The scenario's other conditions hold at every point: " + kept.map(\.text).joined(separator: "; ") + "\n" }
        if !curve.replaced.isEmpty { out += "- Replaced by the swept value: " + curve.replaced.map(\.text).joined(separator: "; ") + "\n" }
        if run.calibration != nil { out += "- Calibration: \(ConditionText.calibrationText)\n" }
        else { out += "- P(met): the model's alone (no calibration)\n" }
        out += "\n## Where each target reaches \(MarkdownReport.percentText(c))\n\n"
        out += "The assumed \(swept(curve)) at which P(met) crosses the confidence (linear interpolation between grid points), and the same point from the shift needed at the nearest grid point (shift ÷ the change of the target's median per unit of \(curve.indicator)).\n\n"
        out += "| Target | P(met) without the sweep | P(met) at \(NumberFormat.plain(curve.values.first!)) | P(met) at \(NumberFormat.plain(curve.values.last!)) | \(swept(curve)) where P(met) = \(MarkdownReport.percentText(c)) | from the shift needed |\n"
        out += "|---|---|---|---|---|---|\n"
        for i in evaluated(curve) {
            let p = curve.probabilities(target: i)
            let cross = curve.crossing(target: i, level: c)
            let check = curve.crossingFromShift(target: i, confidence: c)
            out += "| \(MarkdownReport.cell(label(curve, i))) | \(run.targets[i].outcome.map { ConditionText.percent($0.probability) } ?? "") | "
                + "\(p.first!.map(ConditionText.percent) ?? "") | \(p.last!.map(ConditionText.percent) ?? "") | "
                + "\(cross.map { NumberFormat.fixed($0, 2) } ?? "not in range") | \(check.map { NumberFormat.fixed($0, 2) } ?? "—") |\n"
        }
        for (year, _) in run.joint {
            let p = curve.joint(year: year)
            let cross = curve.crossing(p.map { $0?.value }, level: c)
            out += "| P(all met) \(year) | \(run.joint.first { $0.year == year }.map { ConditionText.percent($0.outcome.all) } ?? "") | "
                + "\(p.first!.map(ConditionText.percent) ?? "") | \(p.last!.map(ConditionText.percent) ?? "") | "
                + "\(cross.map { NumberFormat.fixed($0, 2) } ?? "not in range") | — |\n"
        }
        out += "\n## P(met) along the grid\n\n"
        let targets = evaluated(curve)
        out += "| \(swept(curve)) | " + targets.map { MarkdownReport.cell(label(curve, $0)) }.joined(separator: " | ")
            + run.joint.map { " | P(all met) \($0.year)" }.joined() + " |\n"
        out += "|---|" + String(repeating: "---|", count: targets.count + run.joint.count) + "\n"
        for (j, v) in curve.values.enumerated() {
            let cells = targets.map { curve.runs[j].targets[$0].outcome.map { ConditionText.percent($0.probability) } ?? "" }
                + curve.runs[j].joint.map { ConditionText.percent($0.outcome.all) }
            out += "| \(NumberFormat.plain(v)) | " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Tidy CSV: one row per (grid value, target) and per (grid value, year) for P(all met)
    /// (`target_indicator` = "all"); `shift_needed` in the target's unit.
    public static func csv(_ curve: SweepCurve) -> String {
        let c = curve.baseline.scenario.confidence
        var rows = [["scenario", "swept_indicator", "swept_year", "value", "target_indicator", "target_year", "bound",
                     "p_met", "mc_se", "median", "shift_needed", "confidence"]]
        let number = { (x: Double?) in x.map { $0.isFinite ? "\($0)" : "" } ?? "" }
        let name = curve.baseline.scenario.name
        for (j, v) in curve.values.enumerated() {
            let run = curve.runs[j]
            for i in evaluated(curve) {
                guard let o = run.targets[i].outcome else { continue }
                let t = run.targets[i]
                rows.append([name, curve.indicator, String(curve.year), "\(v)", t.target.indicator, String(t.target.year),
                             t.target.bound.symbols(unit: t.unit), "\(o.probability.value)", "\(o.probability.standardError)",
                             number(o.distribution.quantile(0.5)), number(o.shiftNeeded(confidence: c)), "\(c)"])
            }
            for (year, j) in run.joint {
                rows.append([name, curve.indicator, String(curve.year), "\(v)", "all", String(year), "all targets of the year",
                             "\(j.all.value)", "\(j.all.standardError)", "", "", "\(c)"])
            }
        }
        return CSVReport.file(rows)
    }
}
