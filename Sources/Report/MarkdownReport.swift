import Calibration
import Foundation
import Scenario
import Simulation

/// The scenario tables in Markdown: header, targets, joint probabilities, fan quantiles, notes.
public enum MarkdownReport {
    /// Fan quantile levels shown (fractions).
    public static let fanLevels = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]

    public static func render(_ run: ScenarioRun) -> String {
        var out = header(run)
        out += targets(run)
        out += readings(run)
        out += joint(run)
        out += fan(run)
        out += DecompositionReport.markdown(run)
        out += notes(run)
        return out
    }

    /// How the models' warnings on parameter draws that fell back to the point estimate begin.
    static let parameterDrawsFallback = "parameter draws:"

    static func header(_ run: ScenarioRun) -> String {
        let s = run.scenario
        let r = run.result
        var lines = ["# \(s.name)", ""]
        lines.append("Region: \(s.region) · base year \(s.baseYear) · simulated \(run.origin + 1)-\(s.horizonEnd) · confidence \(percentText(s.confidence))")
        lines.append("")
        if let proxy = s.historyProxy {
            lines.append("> **Proxy history.** \(s.region)'s own history is not used: \(proxy.region)'s stands in for it. \(proxy.note)")
            lines.append("")
        }
        if !run.warnings.isEmpty {
            lines.append("> **Warnings.** Read these before the numbers:")
            lines += run.warnings.map { "> - \($0.path): \($0.message)" }
            lines.append("")
        }
        let excluded = s.estimation.exclude.isEmpty ? "none" : s.estimation.exclude.sorted().map(String.init).joined(separator: ", ")
        lines.append("- Model: \(run.modelSummary)")
        lines.append("- Estimation window: \(s.estimation.from)-\(min(s.estimation.to, run.origin)); excluded years: \(excluded); paths start from \(run.origin)")
        lines.append("- Shocks: \(shockText(s.shocks))")
        let fellBack = run.warnings.contains { $0.message.hasPrefix(parameterDrawsFallback) }
        lines.append("- Parameter uncertainty: " + (s.model.parameterUncertainty
            ? (fellBack ? "on, but parameter draws fell back to the point estimate (see the warnings)"
                        : r.pathsPerDraw == r.blockSize ? "on (one posterior or sampling draw of the parameters per block of \(r.pathsPerDraw) paths)"
                        : "on (one posterior or sampling draw of the parameters per group of \(r.pathsPerDraw) paths; within each block of \(grouped(r.blockSize)) the draws are balanced where the model allows — randomised quasi-Monte Carlo for AR(1), VAR and BVAR posteriors, the Student-t mixing and judgmental draws stratified — and blocks are independent, so the standard errors, from the spread between blocks, stay honest)")
            : "off (point estimates): the bands and P(met) ignore estimation error, so with short samples they are too narrow and too confident"))
        lines.append("- Paths: \(grouped(r.paths)) (\(r.blocks) blocks of \(r.blockSize)"
            + (run.requestedPaths == r.paths ? ")" : run.precision != nil ? "; as many as the stopping rule below needed)"
               : "; \(grouped(run.requestedPaths)) requested, rounded up to whole blocks, at least \(MonteCarloEngine.minimumBlocks) for the standard error)")
            + " · seed \(r.seed)")
        if let p = run.precision {
            let asked = NumberFormat.fixed(100 * p.requested, 3), got = NumberFormat.fixed(100 * p.reached, 3)
            lines.append("- Stopping rule: every evaluated target's MC SE at most \(asked) pp, checked block after block (stages of whole blocks, sized from the SE so far; at most \(grouped(p.cap)) paths); \(grouped(p.paths)) paths used — "
                + (p.isMet ? "met (largest SE \(got) pp)" : "**not met** at the cap of \(grouped(p.cap)) paths (largest SE \(got) pp)"))
        }
        let judged = s.indicators.filter(\.isJudgmental)
        if !judged.isEmpty {
            lines.append("- Judgments (no usable history; drawn each year independently of the model): " + judged.map { i in
                let j = i.judgment!
                let law = j.distribution == .studentT ? "Student-t (ν = \(j.dof.map { String($0) } ?? "?"))" : "normal"
                return "\(i.id) \(law), mean \(j.mean), sd \(j.sd) (source: \(j.source))"
            }.joined(separator: "; "))
        }
        if !s.risks.isEmpty {
            lines.append("- Risk events: " + s.risks.map { risk in
                "\(risk.name) (p = \(risk.probability), \(risk.year), " + risk.impactPP.sorted { $0.key < $1.key }
                    .map { "\($0.key) \($0.value > 0 ? "+" : "")\($0.value) pp" }.joined(separator: ", ")
                    + ", persistence \(risk.persistence))"
            }.joined(separator: "; "))
        }
        if !s.adjustments.isEmpty {
            lines.append("- Adjustments: " + s.adjustments.map { "\($0.indicator) \($0.year) \($0.shiftPP > 0 ? "+" : "")\($0.shiftPP) pp (\($0.reason))" }.joined(separator: "; "))
        }
        if let c = run.calibration {
            lines.append("- P(met): **calibrated** — the model's and the target-anchored forecaster's P(met) and the indicator's base rate pooled as learned from \(c.state.trainingTargets) earlier targets of the calibration set (state of \(c.state.year); \(LogisticPool(coefficients: c.state.coefficients).formula())), then the paths shifted to those probabilities, and the scenario's risks and judgmental adjustments applied in full on top (the combination was learned from backtests without them); region \"\(c.region)\" in \(c.file) (\(c.madeBy)). The model's own P(met) is in the next table")
            lines.append("- " + TrackRecordText.english(c.trackRecord, region: c.region))
        } else {
            lines.append("- P(met): the model's alone (no calibration used: the scenario names none, or --model-only; on past targets the model alone scored worse than the calibrated default: see the README)")
        }
        let conditional = run.targets.filter { $0.outcome?.probability.estimator == .conditionalLastStep }.count
        let evaluated = run.targets.filter { $0.outcome != nil }.count
        if conditional > 0 {
            lines.append("- P(met) estimator: " + (conditional == evaluated ? "every target's P(met)" : "P(met) of \(conditional) of \(evaluated) targets") + " by conditional Monte Carlo on its year's step (each path's normal probability of meeting it, given the path's earlier years, parameter draw, Student-t mixing variable and risk events, averaged over the paths)"
                + (conditional == evaluated ? "" : "; the others by the share of paths meeting them")
                + "; P(all met), P(at least k met), fans and shifts count paths")
        }
        if let c = run.conditioning { lines += ConditionText.headerLines(c, run: run) }
        lines.append("- Monte Carlo error: P(met) ± its standard error (batch means over blocks); digits shown are those the error supports; quantiles read off fixed-range histograms (\(r.fan.first?.first?.binCount ?? 0) bins)")
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    static func targets(_ run: ScenarioRun) -> String {
        let c = percentText(run.scenario.confidence)
        var out = "## Targets\n\n"
        let given = run.conditioning.map { _ in " \(ConditionText.given)" } ?? ""
        out += "| Indicator | Year | Target (as quoted) | Bound | P(met\(given)) | MC SE | 95% interval | Median | 10%-90% | Reachable at \(c)? | Shift needed |"
            + (run.conditioning == nil ? "" : " \(ConditionText.withoutHeader) |") + "\n"
        out += "|---|---|---|---|---|---|---|---|---|---|---|" + (run.conditioning == nil ? "" : "---|") + "\n"
        for (index, item) in run.targets.enumerated() {
            let extra = run.conditioning.map { " \(ConditionText.unconditionalCell($0, target: index)) |" } ?? ""
            let t = TargetText(run: run, item: item)
            let quote = cell(item.target.quote ?? "user target (no quote)")
            guard let outcome = item.outcome else {
                out += "| \(t.indicatorLabel) | \(item.target.year) | \(quote) | \(t.boundText) | not evaluated: \(cell(item.reason ?? "")) | | | | | | |\(extra)\n"
                continue
            }
            let p = outcome.probability
            let ci = p.interval95
            let pct = { (x: Double) in NumberFormat.percent(x, standardError: p.standardError, paths: p.paths) }
            out += "| \(t.indicatorLabel) | \(item.target.year) | \(quote) | \(t.boundText) | \(pct(p.value)) | "
            if p.standardError == 0 {
                // No path, or every path, met it: no error estimate; the rule-of-three interval.
                out += "— | \(NumberFormat.fixed(100 * ci.lower, 3))%-\(NumberFormat.fixed(100 * ci.upper, 3))% | "
            } else {
                out += "\(NumberFormat.standardErrorPoints(p.standardError)) pp | "
                out += "\(NumberFormat.percentInterval(ci.lower, ci.upper, standardError: p.standardError)) | "
            }
            out += "\(t.quantileText(0.5)) | \(t.quantileText(0.1)) to \(t.quantileText(0.9)) | "
            out += "\(t.verdict) | \(t.shiftText) |\(extra)\n"
        }
        return out + "\n"
    }

    /// How each target was read and how its P(met) was made: the reading, the second figure
    /// (lands near X), the model's and the target-anchored forecaster's P(met), the pooled value
    /// and the shift of the paths.
    static func readings(_ run: ScenarioRun) -> String {
        let evaluated = run.targets.filter { $0.outcome != nil }
        guard !evaluated.isEmpty else { return "" }
        var out = "### How each target is read and its P(met) made\n\n"
        out += "| Indicator | Year | Reading | P(lands near X) | Model P(met), before risks and judgments | Target-anchored P(met) | Calibration shift |\n|---|---|---|---|---|---|---|\n"
        for item in evaluated {
            let t = TargetText(run: run, item: item)
            let near = item.near.map { o in
                "\(NumberFormat.percent(o.probability.value, standardError: o.probability.standardError, paths: o.probability.paths)) (\(item.target.nearBand!.symbols(unit: item.unit)))"
            } ?? ""
            var model = "", anchored = "", shift = ""
            if let c = item.calibration {
                model = NumberFormat.percent(c.model.value, standardError: c.model.standardError, paths: c.model.paths)
                anchored = c.anchored.map { NumberFormat.fixed(100 * $0, 0) + "%" } ?? "n/a (too few past targets on \(item.target.indicator))"
                shift = c.shift.map { NumberFormat.signed($0, 2) + " pp" } ?? cell(c.note ?? "")
            } else {
                model = "(the P(met) above)"
            }
            out += "| \(t.indicatorLabel) | \(item.target.year) | \(cell(t.readingText)) | \(near) | \(model) | \(anchored) | \(shift) |\n"
        }
        return out + "\n"
    }

    static func joint(_ run: ScenarioRun) -> String {
        guard !run.joint.isEmpty else { return "" }
        var out = "## All targets together\n\nFrom the same paths, over the targets evaluated in each year. Dependence between indicators: \(cell(run.dependence)).\n\n"
        let conditioned = run.conditioning != nil
        out += "| Year | Targets evaluated | P(all met\(conditioned ? " \(ConditionText.given)" : "")) | MC SE | P(at least k met), k = n, n-1, ..., 1 |"
            + (conditioned ? " P(all met) without conditions |\n|---|---|---|---|---|---|\n" : "\n|---|---|---|---|---|\n")
        for (year, j) in run.joint {
            let extra = run.conditioning.map { " \(ConditionText.unconditionalJointCell($0, year: year)) |" } ?? ""
            let n = j.targets.count
            let se = j.all.standardError
            let atLeast = stride(from: n, through: 1, by: -1).map { k in "\(k): \(j.atLeastText(k))" }.joined(separator: " · ")
            out += "| \(year) | \(n) | \(j.allText) | "
            out += (se == 0 ? "—" : "\(NumberFormat.standardErrorPoints(se)) pp")
                + " | \(atLeast) |\(extra)\n"
        }
        return out + "\n"
    }

    static func fan(_ run: ScenarioRun) -> String {
        var out = "## Fan quantiles (growth and rates in percent)\n\n"
        out += "| Indicator | Year | " + fanLevels.map { "\(Int((100 * $0).rounded()))%" }.joined(separator: " | ") + " |\n"
        out += "|---|---|" + String(repeating: "---|", count: fanLevels.count) + "\n"
        for (v, id) in run.variables.enumerated() {
            for h in 1...run.result.horizon {
                let hist = run.result.fan[h - 1][v]
                let cells = fanLevels.map { p -> String in
                    guard let q = hist.quantile(p) else {
                        guard let (side, bound) = hist.quantileBound(p) else { return "n/a" }
                        return (side < 0 ? "< " : "> ") + NumberFormat.fixed(bound, 1)
                    }
                    return NumberFormat.points(q, standardError: hist.quantileStandardError(p) ?? hist.resolution, cap: 1)
                }
                out += "| \(id) | \(run.year(ofOffset: h)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return out + "\n"
    }

    static func notes(_ run: ScenarioRun) -> String {
        guard !run.notes.isEmpty else { return "" }
        return "## Notes\n\n" + run.notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a Markdown table cell: no pipe, no line break.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "/")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    static func shockText(_ s: ShockSettings) -> String {
        switch s.distribution {
        case .normal: return "Gaussian, scale \(s.scale)"
        case .studentT:
            return "Student-t (ν = \(s.dof.map { String($0) } ?? "6"), scale \(s.scale)), one χ² draw per path and year shared by all indicators"
        }
    }

    static func percentText(_ x: Double) -> String { NumberFormat.plain(100 * x) + "%" }

    static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }
}
