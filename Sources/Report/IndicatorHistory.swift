import Linear
import Models
import Scenario
import Simulation

/// Where an indicator's history comes from and which of its years the model used: the line a
/// fan chart draws before the fan, and a row of the page's data provenance table.
///
/// Values are first-published (never revised), in the indicator's `model_on` measure (percent
/// for growth and rates).
struct IndicatorHistory {
    let id: String
    /// The region whose series it is: the scenario's own, or the proxy named by the
    /// indicator's `history_region` or the scenario's `history_proxy`.
    let region: String
    /// True when `region` stands in for the scenario's region.
    let isProxy: Bool
    /// The history file as written in the scenario (nil for a judgment).
    let file: String?
    /// Every first-published observation of the file up to the base year, ascending.
    let observed: [(year: Int, value: Double)]
    /// Observations of the simulated years found in the file (what happened, when known).
    let outcomes: [(year: Int, value: Double)]
    /// Years of the estimation window whose observation entered the estimation.
    let used: [Int]
    /// Years with an observation left out of the estimation: stated in the scenario, or by
    /// its outlier rule.
    let excluded: [Int]
    /// The indicator's judgment, when it has one instead of a history.
    let judgment: Judgment?

    /// One entry per indicator of the scenario, in its order. `input` is the scenario with
    /// its tables (nil: only what the scenario file says, no years).
    static func all(_ run: ScenarioRun, input: ScenarioInput?) -> [IndicatorHistory] {
        let s = run.scenario
        // The estimation panel as the run fitted it (excluded years and the outlier rule's
        // years are NaN); nil when it cannot be rebuilt (then no year is listed as used).
        let panel = input.flatMap { try? ModelPlan.panel($0, lastYear: run.origin).panel }
        return s.indicators.map { indicator in
            let region = indicator.historyRegion ?? (indicator.history == nil ? s.historyProxy?.region : nil) ?? s.region
            let series = input?.series(for: indicator)
            let points = series.map { Array(zip($0.years, $0.values)).map { (year: $0.0, value: $0.1) } } ?? []
            var used: [Int] = [], excluded: [Int] = []
            if let panel, let j = panel.indicators.firstIndex(of: indicator.id) {
                for (i, year) in panel.years.enumerated() where series?.value(in: year) != nil {
                    if panel.values[i, j].isNaN { excluded.append(year) } else { used.append(year) }
                }
            }
            return IndicatorHistory(
                id: indicator.id, region: region, isProxy: region != s.region,
                file: indicator.isJudgmental ? nil : s.historyFile(for: indicator)?.written,
                observed: points.filter { $0.year <= run.origin },
                outcomes: points.filter { s.horizon.contains($0.year) },
                used: used, excluded: excluded, judgment: indicator.judgment)
        }
    }

    /// Years written compactly: "2004–2019, 2021".
    static func spans(_ years: [Int]) -> String {
        var out: [String] = []
        var i = 0
        let sorted = years.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            out.append(j == i ? "\(sorted[i])" : "\(sorted[i])–\(sorted[j])")
            i = j + 1
        }
        return out.joined(separator: ", ")
    }
}
