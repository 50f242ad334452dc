import Scenario
import Simulation

/// Tidy (long-format) CSV tables: one row per target, one row per (indicator, year, quantile).
/// Numeric columns hold numbers only (unrounded; the Monte Carlo error is in its own column,
/// and the Markdown tables round to what it supports), text is in separate columns;
/// probabilities are fractions. UTF-8 with a byte-order mark, so that Excel on a
/// Chinese-language Windows opens it as UTF-8 (pandas reads the BOM too). An unevaluated
/// target has empty numeric cells and a reason; `proxy_history_region` names the region whose
/// history stands in (empty: the region's own). A what-if run adds `conditions` (in words) and
/// `p_met_unconditional` (P(met) without them).
public enum CSVReport {
    public static func targets(_ run: ScenarioRun) -> String {
        var rows = [["scenario", "indicator", "year", "measure", "bound_kind", "bound_value", "tolerance",
                     "stated", "stated_value", "stated_upper", "reading", "unit",
                     "quote", "status", "reason", "p_met", "mc_se", "ci95_low", "ci95_high", "p_lands_near", "p_model",
                     "p_anchored", "calibration_shift", "q10", "q50", "q90", "confidence", "verdict", "shift_needed", "shift_note",
                     "proxy_history_region"] + (run.conditioning == nil ? [] : ["conditions", "p_met_unconditional"])]
        let number = { (x: Double?) in x.map { $0.isFinite ? "\($0)" : "" } ?? "" }
        for (index, item) in run.targets.enumerated() {
            let t = TargetText(run: run, item: item)
            let target = item.target
            let (kind, value, tolerance) = JSONSummary.boundParts(target.bound)
            let stated = JSONSummary.statedParts(target.wording)
            var row = [run.scenario.name, target.indicator, String(target.year), target.measure.rawValue, kind,
                       "\(value)", number(tolerance), stated.0, "\(stated.1)", number(stated.2), t.readingText, item.unit, target.quote ?? "user target (no quote)"]
            if let outcome = item.outcome {
                let p = outcome.probability
                let d = outcome.distribution
                let c = item.calibration
                row += ["evaluated", "", "\(p.value)", "\(p.standardError)", "\(p.interval95.lower)", "\(p.interval95.upper)",
                        number(item.near?.probability.value), number(c?.model.value), number(c?.anchored), number(c?.shift),
                        number(d.quantile(0.1)), number(d.quantile(0.5)), number(d.quantile(0.9)),
                        "\(run.scenario.confidence)", t.verdict.hasPrefix("borderline") ? "borderline" : t.verdict,
                        number(outcome.shiftNeeded(confidence: run.scenario.confidence)), t.shiftText]
            } else {
                row += ["not_evaluated", item.reason ?? ""] + Array(repeating: "", count: 15)
            }
            row.append(item.proxyRegion ?? "")
            if let c = run.conditioning {
                row += [c.conditions.map(\.text).joined(separator: "; "), number(c.unconditional[index]?.value)]
            }
            rows.append(row)
        }
        return file(rows)
    }

    public static func fan(_ run: ScenarioRun) -> String {
        var rows = [["scenario", "indicator", "year", "quantile", "value"]]
        for (v, id) in run.variables.enumerated() {
            for h in 1...run.result.horizon {
                let hist = run.result.fan[h - 1][v]
                for p in MarkdownReport.fanLevels {
                    guard let q = hist.quantile(p) else { continue }
                    rows.append([run.scenario.name, id, String(run.year(ofOffset: h)), "\(p)", "\(q)"])
                }
            }
        }
        return file(rows)
    }

    /// A CSV file's text: a UTF-8 byte-order mark (for Excel), then `render(rows)`.
    static func file(_ rows: [[String]]) -> String { "\u{FEFF}" + render(rows) }

    /// RFC 4180 rendering: fields with a comma, quote or line break are quoted.
    static func render(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
