import Foundation
import Models

/// The rolling-origin one-step backtest of a candidate model, as a table per indicator.
enum FitBacktestTable {
    /// Fewest training years before the first origin.
    static let trainingYears = 8

    /// Runs `RollingOriginBacktest` (Gaussian one-step predictive at the point estimate,
    /// 80% central interval) and tabulates RMSE, mean CRPS and coverage per indicator; the
    /// notes say which origins were skipped and why, or why there is no backtest.
    static func make(_ specification: any ModelSpecification, panel: Panel) -> (table: FitTable?, notes: [String]) {
        let result: RollingOriginResult
        do {
            result = try RollingOriginBacktest(specification: specification, minimumTrainingYears: trainingYears,
                                               intervalLevel: 0.8).run(panel)
        } catch {
            return (nil, ["backtest not available: \(error)"])
        }
        var notes: [String] = []
        let origins = panel.years.count - trainingYears
        if let first = result.skipped.first {
            notes.append("backtest: \(result.skipped.count) of \(origins) origins could not be fitted (first: \(first))")
        }
        let none = "no forecast scored: every origin failed or the year was missing"
        let rows = panel.indicators.map { id -> (name: String, cells: [FitCell]) in
            guard let s = result.scores.first(where: { $0.indicator == id }) else {
                return (id, [.number(0), .notAvailable(none), .notAvailable(none), .notAvailable(none)])
            }
            return (id, [.number(Double(s.count)), .value(s.rmse, ifNotFinite: "not finite"),
                         .value(s.meanCRPS, ifNotFinite: "not finite"), .value(s.coverage, ifNotFinite: "not finite")])
        }
        let table = FitTable(
            section: "backtest", title: "Rolling-origin backtest (one step ahead)",
            caption: "fit on the years before each origin (at least \(trainingYears)), predict the next year: RMSE of the mean and mean CRPS in percent (log points for a log-level model), coverage = fraction of outcomes inside the 80% central interval (Gaussian at the point estimate); \(origins) origins \(panel.years[trainingYears])-\(panel.years.last!)",
            rowHeading: "indicator", columns: ["forecasts", "RMSE", "CRPS", "80% coverage"], rows: rows)
        return (table, notes)
    }
}
