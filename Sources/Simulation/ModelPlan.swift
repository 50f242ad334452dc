import Linear
import Models
import Scenario

/// The fitted model of a scenario, with the panel it was fitted on and what was decided on
/// the way (indicators left out, a fallback model), for the report to say.
public struct ModelPlan: Sendable {
    public let model: any FittedModel
    /// The panel the model was fitted on (see `panel(_:lastYear:)`).
    public let panel: Panel
    /// Last year of the estimation panel: the paths start the year after.
    public let origin: Int
    /// Indicators left out, excluded years, the model chosen or the fallback taken.
    public let notes: [String]
    /// Why each declared, non-judgmental indicator that is not in the model was left out, by
    /// id: "gdp has 3 pairs of consecutive observed years in 2001-2010; a fit needs ...".
    public let leftOut: [String: String]
    /// When the scenario's VAR or BVAR could not be fitted: why, and what runs instead.
    public let fallback: String?
    /// What the plan had to give up (the scenario's model could not be fitted): for the header
    /// and stderr. The model's own warnings are `model.warnings`.
    public let warnings: [String]

    /// Fits the scenario's model on `estimation.from ... to` (the `to` year may be cut earlier
    /// by `lastYear`, as a backtest does), with excluded years left missing (never filled).
    ///
    /// - Throws: `RunError.modelFailed` when no indicator can be modelled, or when the model
    ///   and its fallback both fail.
    public init(_ input: ScenarioInput, lastYear: Int? = nil) throws {
        // The fits' matrices are small: BLAS on one thread from the start (as the simulation
        // runs it), so that OpenBLAS's worker threads do not spin after a fit on the cores
        // the simulation is about to use (about 10% of a short run's wall time).
        setBLASThreads(1)
        let scenario = input.scenario
        let estimation = try Self.panel(input, lastYear: lastYear)
        panel = estimation.panel
        leftOut = estimation.leftOut
        var notes = estimation.notes
        var warnings: [String] = []
        let settings = scenario.model
        let specification = Self.specification(settings)
        var fallback: String?
        do {
            model = try specification.fit(panel)
            notes.append("model chosen by the scenario (model.type = \(settings.type.rawValue))")
        } catch {
            guard settings.type.isVectorAutoregression else { throw RunError.modelFailed("\(error)") }
            let name = settings.type.rawValue.uppercased() + "(\(settings.lags))"
            fallback = "\(name) could not be fitted (\(error)); fell back to per-indicator AR(1) models joined by their residual correlation (Ledoit–Wolf, shrunk towards constant correlation)"
            notes.append(fallback!)
            warnings.append("\(name) could not be fitted; fell back to per-indicator AR(1) models (see the notes)")
            do {
                model = try IndependentModelsSpecification(kind: .ar1).fit(panel)
            } catch {
                throw RunError.modelFailed("\(name) could not be fitted, nor its fallback, per-indicator AR(1) models: \(error)")
            }
        }
        origin = panel.years.last!
        self.notes = notes
        self.fallback = fallback
        self.warnings = warnings
    }

    /// The estimation panel of a scenario on `estimation.from ... to` (`to` cut at `lastYear`
    /// when given): one column per modelled indicator (growth_pct or rate_pct history with at
    /// least `MinimumData.consecutivePairs` pairs of consecutive observed years), excluded
    /// years NaN. `notes` say which indicators were left out and which years excluded;
    /// `leftOut` gives the reason for each indicator left out.
    ///
    /// - Throws: `RunError.modelFailed` when the window is empty or no indicator can be modelled.
    public static func panel(_ input: ScenarioInput, lastYear: Int? = nil)
        throws -> (panel: Panel, notes: [String], leftOut: [String: String]) {
        let scenario = input.scenario
        let window = scenario.estimation
        let to = min(window.to, lastYear ?? window.to)
        guard window.from < to else {
            throw RunError.modelFailed("the estimation window \(window.from)-\(to) has no years")
        }
        let years = Array(window.from...to)
        var notes: [String] = []
        var leftOut: [String: String] = [:]
        var short: [String] = []   // "gdp has 3 pairs", for the message when nothing can be modelled
        var ids: [String] = []
        var columns: [[Double]] = []
        for indicator in scenario.indicators where !indicator.isJudgmental {
            guard indicator.modelOn == .growthPct || indicator.modelOn == .ratePct else {
                leftOut[indicator.id] = "the history of \(indicator.id) is in levels (model_on level), and only growth_pct and rate_pct series are modelled"
                notes.append("not modelled: " + leftOut[indicator.id]!)
                continue
            }
            let series = input.series(for: indicator)
            let values = years.map { y in window.exclude.contains(y) ? Double.nan : (series?.value(in: y) ?? .nan) }
            let pairs = MinimumData.pairs(in: values)
            guard MinimumData.isEnough(pairs) else {
                short.append("\(indicator.id) has \(pairs)")
                leftOut[indicator.id] = MinimumData.shortfall(indicator.id, pairs: pairs, years: window.from...to)
                    + "; give it more history or a judgment distribution"
                notes.append("not modelled: " + leftOut[indicator.id]!)
                continue
            }
            ids.append(indicator.id)
            columns.append(values)
        }
        guard !ids.isEmpty else {
            let levels = scenario.indicators.filter { $0.modelOn == .level && leftOut[$0.id] != nil }.map(\.id)
            throw RunError.modelFailed("no indicator can be modelled in \(window.from)-\(to)"
                + (short.isEmpty ? "" : ": " + short.joined(separator: ", ") + " pairs of consecutive observed years; "
                   + MinimumData.requirement + "; give them more history or a judgment distribution")
                + (levels.isEmpty ? "" : "; " + levels.joined(separator: ", ") + " modelled on level (only growth_pct and rate_pct series are modelled)")
                + (leftOut.isEmpty ? " (every indicator has a judgment)" : ""))
        }
        if let k = window.excludeOutliers {
            let excluded = OutlierRule(k: k).apply(years: years, ids: ids, columns: &columns)
            notes.append("outlier rule (k = \(k), stated in the scenario, applied with the data known at each year): "
                + (excluded.isEmpty ? "no year excluded" : "excluded " + excluded.map { "\($0.year) (\($0.reason))" }.joined(separator: "; ")))
        }
        var matrix = Matrix(rows: years.count, columns: ids.count)
        for (j, column) in columns.enumerated() { for (i, x) in column.enumerated() { matrix[i, j] = x } }
        if !window.exclude.isEmpty {
            notes.append("years excluded from estimation (left missing, not filled): "
                + window.exclude.sorted().map(String.init).joined(separator: ", "))
        }
        return (Panel(indicators: ids, years: years, values: matrix), notes, leftOut)
    }

    /// The model specification the scenario's `model` settings name (no fallback).
    public static func specification(_ settings: ModelSettings) -> any ModelSpecification {
        switch settings.type {
        case .randomWalk: return IndependentModelsSpecification(kind: .randomWalk)
        case .ar1: return IndependentModelsSpecification(kind: .ar1)
        case .localLinearTrend: return IndependentModelsSpecification(kind: .localLinearTrend)
        case .logLinearTrend: return IndependentModelsSpecification(kind: .logLinearTrend)
        case .var: return VARSpecification(lags: settings.lags)
        case .bvar: return BVARSpecification(lags: settings.lags)
        }
    }
}
