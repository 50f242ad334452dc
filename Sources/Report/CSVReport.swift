import Scenario
import Simulation

/// Tidy (long-format) CSV tables: one row per target, one row per (indicator, year, quantile).
/// Numbers carry the digits their Monte Carlo error supports, as in the Markdown tables;
/// probabilities are fractions. An unevaluated target has empty numeric cells and a reason;
/// `proxy_history_region` names the region whose history stands in (empty: the region's own).
public enum CSVReport {
    public static func targets(_ run: ScenarioRun) -> String {
        var rows = [["scenario", "indicator", "year", "measure", "bound", "value", "tolerance", "shift_unit", "quote",
                     "status", "reason", "p_met", "mc_se", "ci95_low", "ci95_high", "q10", "q50", "q90",
                     "confidence", "reachable", "shift_needed", "proxy_history_region"]]
        for item in run.targets {
            let t = TargetText(run: run, item: item)
            let target = item.target
            let (kind, tolerance): (String, String) = {
                switch target.bound {
                case .atLeast: return ("at_least", "")
                case .atMost: return ("at_most", "")
                case .around(_, let tol): return ("around", t.plain(tol))
                }
            }()
            var row = [run.scenario.name, target.indicator, String(target.year), target.measure.rawValue, kind,
                       t.plain(target.bound.value), tolerance, item.unit, target.quote ?? ""]
            if let outcome = item.outcome {
                let p = outcome.probability
                let d = NumberFormat.fractionDecimals(standardError: p.standardError)
                let fraction = { (x: Double) in NumberFormat.fixed(x, d) }
                let shift = outcome.shiftNeeded(confidence: run.scenario.confidence)
                // No SE when no path or every path met it; interval bounds rounded outward.
                row += ["evaluated", "", fraction(p.value), p.standardError == 0 ? "" : NumberFormat.fixed(p.standardError, d + 1),
                        NumberFormat.fixed(p.interval95.lower, d, outward: -1), NumberFormat.fixed(p.interval95.upper, d, outward: +1),
                        t.quantileText(0.1), t.quantileText(0.5), t.quantileText(0.9),
                        t.plain(run.scenario.confidence), t.verdict.hasPrefix("borderline") ? "borderline" : t.verdict,
                        shift.map { NumberFormat.points($0, standardError: t.shiftStandardError ?? 0.05) } ?? "unreachable"]
            } else {
                row += ["not_evaluated", item.reason ?? ""] + Array(repeating: "", count: 10)
            }
            row.append(item.proxyRegion ?? "")
            rows.append(row)
        }
        return render(rows)
    }

    public static func fan(_ run: ScenarioRun) -> String {
        var rows = [["scenario", "indicator", "year", "quantile", "value"]]
        for (v, id) in run.variables.enumerated() {
            for h in 1...run.result.horizon {
                let hist = run.result.fan[h - 1][v]
                for p in MarkdownReport.fanLevels {
                    guard let q = hist.quantile(p) else { continue }
                    rows.append([run.scenario.name, id, String(run.year(ofOffset: h)), NumberFormat.fixed(p, 2),
                                 NumberFormat.points(q, standardError: hist.quantileStandardError(p) ?? hist.resolution)])
                }
            }
        }
        return render(rows)
    }

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
