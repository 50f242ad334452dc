import Calibration
import Foundation
import Scenario
import Simulation

/// The backtest tables in Markdown: method, scores against the naive references, reliability,
/// CRPS and band coverage, the per-year table, the models fitted, and what was not forecast.
public enum BacktestMarkdown {
    public static func render(_ run: BacktestRun) -> String {
        let summary = run.summary
        return header(run, summary) + scores(summary) + reliability(summary) + growth(summary)
            + perYear(run) + years(run) + notForecast(run)
    }

    static func header(_ run: BacktestRun, _ summary: BacktestSummary) -> String {
        let s = run.scenario
        let excluded = s.estimation.exclude.isEmpty ? "none" : s.estimation.exclude.sorted().map(String.init).joined(separator: ", ")
        var lines = ["# Backtest: \(s.name)", ""]
        lines.append("Region: \(s.region) · target years \(run.settings.from)-\(run.settings.to) · \(summary.count) targets scored, \(summary.met) met")
        lines.append("")
        lines.append("- Each year Y: the scenario's model (\(s.model.type.rawValue), the same settings every year, never tuned per year) is fitted on first-published data \(s.estimation.from)-(Y−1) only (excluded years left missing: \(excluded)); Y is simulated and each target's P(met) is compared with Y's first-published outcome. Revised figures are never used. Years without a target are skipped.")
        let fallbacks = run.years.filter { $0.planNotes.contains { $0.contains("fell back") } }.map { String($0.year) }
        if !fallbacks.isEmpty {
            lines.append("- The scenario's \(s.model.type.rawValue) could not be fitted in \(fallbacks.joined(separator: ", ")) (a gap in the last years: see Models fitted); per-indicator AR(1) models, which carry the state across the gap, forecast those years.")
        }
        lines.append("- Shocks: \(MarkdownReport.shockText(s.shocks)); parameter uncertainty \(s.model.parameterUncertainty ? "on" : "off"); \(MarkdownReport.grouped(run.paths)) paths per year, seed \(run.seed) + Y in year Y. The scenario's risks and adjustments are not applied.")
        lines.append("- Brier score: mean (p − met)², lower is better. Log score: mean natural log of the probability given to what happened, higher is better, with every forecaster's p clipped to [1/(2N), 1 − 1/(2N)] = [\(String(format: "%.2g", summary.clip)), 1 − \(String(format: "%.2g", summary.clip))], N = \(run.paths) paths.")
        lines.append("- Naive references: \"base rate\" gives every target of year Y the fraction of scored targets met in earlier backtest years (all indicators); with no earlier year it gives 0.5 (\(summary.baseRateInitial) target\(summary.baseRateInitial == 1 ? "" : "s") here). \"Always met\" gives P = \(BacktestSummary.alwaysMet).")
        lines.append("- Differences are model − reference, ± the paired standard error over targets (sd of per-target differences / √n): a difference within 2 SE is not distinguishable from luck with this many targets.")
        lines.append("- CRPS is computed from the simulated histogram (exact for its piecewise-uniform distribution; within about one bin width of the sample CRPS), not from a Gaussian approximation.")
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    static func scores(_ summary: BacktestSummary) -> String {
        var out = "## Scores of P(met)\n\n"
        guard summary.count > 0 else { return out + "No target was scored.\n\n" }
        out += "| Forecaster | Brier (lower is better) | Log score (higher is better) | Brier, model − this | Log score, model − this |\n"
        out += "|---|---|---|---|---|\n"
        for f in summary.forecasters {
            let name = f.label
            let b = f.name == .model ? "" : difference(summary.brierDifference(reference: f.name))
            let l = f.name == .model ? "" : difference(summary.logScoreDifference(reference: f.name))
            out += "| \(name) | \(BacktestText.score(f.brier)) | \(BacktestText.score(f.logScore)) | \(b) | \(l) |\n"
        }
        out += "\nBy indicator (Brier scores; lower is better):\n\n"
        out += "| Indicator | Targets | Met | Mean P(met), model | " + summary.forecasters.map(\.label).joined(separator: " | ") + " |\n|---|---|---|---|"
            + String(repeating: "---|", count: summary.forecasters.count) + "\n"
        for g in summary.byIndicator {
            out += "| \(g.indicator) | \(g.count) | \(g.met) | \(BacktestText.percent(g.meanProbability)) | "
                + g.brier.map(BacktestText.score).joined(separator: " | ") + " |\n"
        }
        out += "\n"
        for f in summary.forecasters where f.name != .model {
            out += "- " + verdict(summary, reference: f.name) + "\n"
        }
        return out + "\n"
    }

    static func difference(_ d: PairedDifference) -> String {
        (d.mean >= 0 ? "+" : "−") + BacktestText.score(abs(d.mean)) + (d.standardError.isFinite ? " ± " + BacktestText.score(d.standardError) : "")
    }

    /// One sentence: does the model beat the reference on both scores, beyond 2 SE?
    static func verdict(_ summary: BacktestSummary, reference i: ForecasterName) -> String {
        let name = summary.scores(i)!.label
        func word(_ d: PairedDifference, lowerIsBetter: Bool) -> String {
            guard d.standardError.isFinite, d.standardError > 0 else {
                return d.mean == 0 ? "ties" : ((d.mean < 0) == lowerIsBetter ? "beats" : "loses to")
            }
            if abs(d.mean) < 2 * d.standardError { return "is not distinguishable from" }
            return (d.mean < 0) == lowerIsBetter ? "beats" : "loses to"
        }
        let brier = word(summary.brierDifference(reference: i), lowerIsBetter: true)
        let log = word(summary.logScoreDifference(reference: i), lowerIsBetter: false)
        return "On the Brier score the model \(brier) \(name); on the log score it \(log) \(name) (2-SE rule, \(summary.count) targets)."
    }

    static func reliability(_ summary: BacktestSummary) -> String {
        guard summary.count > 0 else { return "" }
        var out = "## Reliability of P(met)\n\nOf the targets given P(met) in a bin, the share met: a calibrated forecast has it near the mean P.\n\n"
        for (forecaster, bins) in summary.reliabilities {
            if summary.reliabilities.count > 1 { out += "### \(forecaster.label)\n\n" }
            out += "| Predicted P(met) | Targets | Mean predicted | Met | Observed frequency |\n|---|---|---|---|---|\n"
            for bin in bins {
                let range = "\(NumberFormat.fixed(bin.lower, 1))-\(NumberFormat.fixed(bin.upper, 1))"
                out += "| \(range) | \(bin.count) | \(bin.count > 0 ? BacktestText.percent(bin.meanProbability) : "") | "
                out += "\(bin.count > 0 ? String(bin.met) : "") | \(bin.count > 0 ? BacktestText.percent(bin.observedFrequency) : "") |\n"
            }
            out += "\n"
        }
        return out
    }

    static func growth(_ summary: BacktestSummary) -> String {
        guard summary.count > 0 else { return "" }
        var out = "## Predictive distributions: fan-band coverage and CRPS\n\n"
        out += "| Band | Nominal | Outcomes inside | Coverage |\n|---|---|---|---|\n"
        func row(_ name: String, _ nominal: String, _ inside: Int, _ counted: Int) -> String {
            "| \(name) | \(nominal) | \(inside) of \(counted) | \(counted > 0 ? BacktestText.percent(Double(inside) / Double(counted)) : "n/a") |\n"
        }
        out += row("25%-75%", "50%", summary.inside50, summary.counted50)
        out += row("10%-90%", "80%", summary.inside80, summary.counted80)
        out += "\n| Indicator | Unit | Targets | Mean CRPS (lower is better) |\n|---|---|---|---|\n"
        for c in summary.crps {
            out += "| \(c.indicator) | \(c.unit) | \(c.count) | \(NumberFormat.fixed(c.mean, 2)) |\n"
        }
        return out + "\n"
    }

    static func perYear(_ run: BacktestRun) -> String {
        var out = "## Per year\n\n"
        out += "| Year | Indicator | Target (as quoted) | Bound | P(met) | MC SE | 10% / 50% / 90% | Outcome (first published) | Met? |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        for f in run.forecasts {
            let t = BacktestText(forecast: f)
            let quote = f.target.quote.replacingOccurrences(of: "|", with: "/")
            let label = run.scenario.indicator(f.target.indicator)?.label ?? f.target.indicator
            out += "| \(f.target.year) | \(label) | \(quote) | \(t.boundText) | "
            switch f.status {
            case .notEvaluated(let reason):
                out += "not evaluated: \(reason) | | | \(t.outcomeText) | \(t.metText) |\n"
            case .scored, .noOutcome:
                out += "\(t.probabilityText) | \(t.standardErrorText) pp | \(t.quantileText(0.1)) / \(t.quantileText(0.5)) / \(t.quantileText(0.9)) | "
                out += f.status == .noOutcome ? "no outcome (not scored) | |\n" : "\(t.outcomeText) | \(t.metText) |\n"
            }
        }
        return out + "\n"
    }

    static func years(_ run: BacktestRun) -> String {
        var out = "## Models fitted\n\n| Year | Data up to | Model | Notes |\n|---|---|---|---|\n"
        for y in run.years {
            if let skipped = y.skipped, y.modelSummary == nil {
                out += "| \(y.year) | | skipped: \(skipped) | |\n"
                continue
            }
            let model = (y.modelSummary ?? "").split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            // The fallback and states carried forward; the full notes are in summary.json.
            let notes = (y.planNotes.filter {
                    !$0.hasPrefix("model chosen by the scenario") && !$0.hasPrefix("years excluded") && !$0.contains("is not modelled")
                }
                + y.modelNotes.filter { $0.contains("carried forward") } + (y.skipped.map { [$0] } ?? []))
            out += "| \(y.year) | \(y.origin.map(String.init) ?? "") | \(model) | \(notes.joined(separator: "; ").replacingOccurrences(of: "|", with: "/")) |\n"
        }
        return out + "\n"
    }

    static func notForecast(_ run: BacktestRun) -> String {
        var lines: [String] = []
        let counts = Dictionary(grouping: run.forecasts.filter {
            if case .notEvaluated = $0.status { return true } else { return false }
        }, by: { BacktestText(forecast: $0).reason })
        for (reason, items) in counts.sorted(by: { $0.key < $1.key }) {
            lines.append("- \(items.count) not evaluated (\(items.map { "\($0.target.indicator) \($0.target.year)" }.joined(separator: ", "))): \(reason)")
        }
        let noOutcome = run.forecasts.filter { $0.status == .noOutcome }
        if !noOutcome.isEmpty {
            lines.append("- \(noOutcome.count) without a first-published outcome in the history, not scored: "
                + noOutcome.map { "\($0.target.indicator) \($0.target.year)" }.joined(separator: ", "))
        }
        if !run.undeclared.isEmpty {
            let byIndicator = Dictionary(grouping: run.undeclared, by: \.indicator).sorted { $0.key < $1.key }
            lines.append("- \(run.undeclared.count) skipped, indicator not declared in the scenario: "
                + byIndicator.map { "\($0.key) (\($0.value.map { String($0.year) }.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        if run.outsideRange > 0 {
            lines.append("- \(run.outsideRange) rows of the targets table are outside \(run.settings.from)-\(run.settings.to)")
        }
        guard !lines.isEmpty else { return "" }
        return "## Not scored\n\n" + lines.joined(separator: "\n") + "\n"
    }
}
