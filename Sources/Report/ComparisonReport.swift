import Scenario
import Simulation

/// Side-by-side P(met) of the targets of several scenario runs, with the difference to the
/// first run and whether it exceeds Monte Carlo noise (|Δ| > 2 sqrt(SE_a² + SE_b²)).
public enum ComparisonReport {
    public static func render(_ runs: [ScenarioRun]) -> String {
        guard let base = runs.first else { return "" }
        var out = "# Scenario comparison\n\n"
        out += runs.enumerated().map { (i, run) in
            // The model's name only (its parameters are in each scenario's own tables).
            let model = run.modelSummary.split(separator: ":", maxSplits: 1).first.map(String.init) ?? run.modelSummary
            return "\(i + 1). \(run.scenario.name): \(model), \(run.paths) paths, seed \(run.seed)"
        }.joined(separator: "\n") + "\n\n"
        out += "| Indicator | Year | Target | " + runs.indices.map { "P(met) [\($0 + 1)]" }.joined(separator: " | ")
        out += " | " + runs.indices.dropFirst().map { "Δ [\($0 + 1)] - [1]" }.joined(separator: " | ") + " |\n"
        out += "|---|---|---|" + String(repeating: "---|", count: 2 * runs.count - 1) + "\n"
        var keys: [(String, Int, String)] = []
        for run in runs {
            for item in run.targets {
                let key = (item.target.indicator, item.target.year, TargetText(run: run, item: item).boundText)
                if !keys.contains(where: { $0 == key }) { keys.append(key) }
            }
        }
        func outcome(_ run: ScenarioRun, _ key: (String, Int, String)) -> ProbabilityEstimate? {
            run.targets.first { $0.target.indicator == key.0 && $0.target.year == key.1
                && TargetText(run: run, item: $0).boundText == key.2 }?.outcome?.probability
        }
        for key in keys {
            var cells = runs.map { run -> String in
                let present = run.targets.contains { $0.target.indicator == key.0 && $0.target.year == key.1
                    && TargetText(run: run, item: $0).boundText == key.2 }
                guard let p = outcome(run, key) else { return present ? "not evaluated" : "— (no such target)" }
                return NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)
            }
            for run in runs.dropFirst() {
                guard let a = outcome(base, key), let b = outcome(run, key) else { cells.append(""); continue }
                let se = (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
                let delta = 100 * (b.value - a.value)
                let significant = abs(b.value - a.value) > 2 * se
                cells.append((delta >= 0 ? "+" : "−") + NumberFormat.points(abs(delta), standardError: 100 * se, cap: 1)
                    + " pp" + (significant ? "" : " (within MC noise)"))
            }
            out += "| \(key.0) | \(key.1) | \(key.2) | " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
