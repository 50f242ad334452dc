import Scenario
import Simulation

/// The comparison in Markdown: the scenarios (file, name, model), P(met) of every target side
/// by side with the difference to the first and whether it exceeds Monte Carlo noise
/// (|Δ| > 2 sqrt(SE_a² + SE_b²)), P(all met) per scenario, and the risks and adjustments
/// that differ.
public enum ComparisonReport {
    public static func render(_ c: ScenarioComparison) -> String {
        var out = "# Scenario comparison\n\n"
        out += c.entries.map { e in "\(e.index). \(e.file): \(e.run.scenario.name) — \(modelName(e.run)), \(e.run.paths) paths, seed \(e.run.seed)" }
            .joined(separator: "\n") + "\n\n"
        out += "| Indicator | Year | Target | " + c.entries.map { "P(met) [\($0.index)]" }.joined(separator: " | ")
        out += " | " + c.entries.dropFirst().map { "Δ [\($0.index)] - [1]" }.joined(separator: " | ") + " |\n"
        out += "|---|---|---|" + String(repeating: "---|", count: 2 * c.entries.count - 1) + "\n"
        for key in c.keys {
            var cells = c.entries.indices.map { e -> String in
                switch c.cell(key, e) {
                case .absent: return "— (no such target)"
                case .notEvaluated: return "not evaluated"
                case .estimate(let p): return NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)
                }
            }
            cells += c.entries.indices.dropFirst().map { e in c.difference(key, e).map(ScenarioComparison.text) ?? "" }
            out += "| \(key.indicator) | \(key.year) | \(key.bound) | " + cells.joined(separator: " | ") + " |\n"
        }
        out += "\n## All targets together\n\n| Scenario | Year | Targets evaluated | P(all met) | MC SE |\n|---|---|---|---|---|\n"
        for e in c.entries {
            for (year, j) in e.run.joint {
                out += "| [\(e.index)] \(MarkdownReport.cell(e.run.scenario.name)) | \(year) | \(j.targets.count) | \(j.allText) | "
                    + (j.all.standardError == 0 ? "—" : "\(NumberFormat.standardErrorPoints(j.all.standardError)) pp") + " |\n"
            }
        }
        let differing = c.differingAssumptions
        out += "\n## Risks, adjustments and conditions that differ\n\n"
        if differing.isEmpty {
            out += "None: every scenario states the same risks, adjustments and conditions.\n"
        } else {
            out += "| Kind | Name | " + c.entries.map { "[\($0.index)]" }.joined(separator: " | ") + " |\n|---|---|"
                + String(repeating: "---|", count: c.entries.count) + "\n"
            for a in differing {
                out += "| \(a.kind) | \(MarkdownReport.cell(a.name)) | " + a.perRun.map { MarkdownReport.cell($0 ?? "absent") }.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    /// The model's name only (its parameters are in each scenario's own tables).
    static func modelName(_ run: ScenarioRun) -> String {
        run.modelSummary.split(separator: ":", maxSplits: 1).first.map(String.init) ?? run.modelSummary
    }
}
