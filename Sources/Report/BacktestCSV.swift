import Scenario
import Simulation

/// Tidy CSV tables of a backtest: one row per target (forecasts.csv) and one row per
/// reliability bin of each forecaster reported (reliability.csv: the model, and the calibrated
/// default when the backtest was pooled). Probabilities are fractions with the digits their Monte
/// Carlo error supports; a target not forecast has empty numeric cells and a reason.
public enum BacktestCSV {
    public static func forecasts(_ run: BacktestRun) -> String {
        var rows = [["scenario", "year", "indicator", "measure", "bound", "value", "tolerance", "unit", "quote",
                     "status", "reason", "origin", "p_met", "mc_se", "q10", "q25", "q50", "q75", "q90",
                     "outcome", "met", "inside_25_75", "inside_10_90", "crps", "p_base_rate"]
                    + (run.calibration == nil ? [] : ["p_target_anchored", "p_calibrated"])]
        let summary = run.summary
        var base = summary.scores(.regionBaseRate)!.probabilities.makeIterator()
        for f in run.forecasts {
            let t = BacktestText(forecast: f)
            let p = t.probabilityFraction
            let yesNo = { (b: Bool?) in b.map { $0 ? "yes" : "no" } ?? "" }
            rows.append([run.scenario.name, String(f.target.year), f.target.indicator, f.target.measure.rawValue,
                         t.boundKind, BacktestText.plain(f.target.bound.value), t.tolerance, f.unit, f.target.quote,
                         t.statusText, t.reason, f.origin.map(String.init) ?? "", p?.value ?? "", p?.se ?? "",
                         t.quantileText(0.1), t.quantileText(0.25), t.quantileText(0.5), t.quantileText(0.75),
                         t.quantileText(0.9), t.outcomeText, t.metText, yesNo(f.isInside(band: 0.25)),
                         yesNo(f.isInside(band: 0.1)), t.crpsText,
                         f.status == .scored ? NumberFormat.fixed(base.next()!, 4) : ""]
                         + (run.calibration == nil ? [] : [f.anchored.map { NumberFormat.fixed($0, 4) } ?? "",
                                                           f.calibrated.map { NumberFormat.fixed($0, 4) } ?? ""]))
        }
        return CSVReport.file(rows)
    }

    public static func reliability(_ run: BacktestRun) -> String {
        var rows = [["scenario", "forecaster", "bin_lower", "bin_upper", "targets", "met", "mean_p", "observed_frequency"]]
        for (forecaster, bins) in run.summary.reliabilities {
            for bin in bins {
                rows.append([run.scenario.name, forecaster.name.rawValue, NumberFormat.fixed(bin.lower, 1), NumberFormat.fixed(bin.upper, 1),
                             String(bin.count), String(bin.met),
                             bin.count > 0 ? NumberFormat.fixed(bin.meanProbability, 3) : "",
                             bin.count > 0 ? NumberFormat.fixed(bin.observedFrequency, 3) : ""])
            }
        }
        return CSVReport.file(rows)
    }
}
