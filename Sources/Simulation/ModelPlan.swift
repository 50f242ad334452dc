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
    /// What the plan had to give up (the scenario's model could not be fitted): for the header
    /// and stderr. The model's own warnings are `model.warnings`.
    public let warnings: [String]

    /// Fewest observed years an indicator needs in the estimation window to be modelled.
    public static let minimumYears = 5

    /// Fits the scenario's model on `estimation.from ... to` (the `to` year may be cut earlier
    /// by `lastYear`, as a backtest does), with excluded years left missing (never filled).
    ///
    /// - Throws: `RunError.modelFailed` when no indicator can be modelled, or when the model
    ///   and its fallback both fail.
    public init(_ input: ScenarioInput, lastYear: Int? = nil) throws {
        let scenario = input.scenario
        let estimation = try Self.panel(input, lastYear: lastYear)
        panel = estimation.panel
        var notes = estimation.notes
        var warnings: [String] = []
        let settings = scenario.model
        let specification = Self.specification(settings)
        do {
            model = try specification.fit(panel)
            notes.append("model chosen by the scenario (model.type = \(settings.type.rawValue))")
        } catch {
            guard settings.type.isVectorAutoregression else { throw RunError.modelFailed("\(error)") }
            notes.append("\(settings.type.rawValue.uppercased()) could not be fitted (\(error)); fell back to per-indicator AR(1) models joined by their residual correlation (Ledoit–Wolf, shrunk towards constant correlation)")
            warnings.append("\(settings.type.rawValue.uppercased()) could not be fitted; fell back to per-indicator AR(1) models (see the notes)")
            do {
                model = try IndependentModelsSpecification(kind: .ar1).fit(panel)
            } catch {
                throw RunError.modelFailed("\(error)")
            }
        }
        origin = panel.years.last!
        self.notes = notes
        self.warnings = warnings
    }

    /// The estimation panel of a scenario on `estimation.from ... to` (`to` cut at `lastYear`
    /// when given): one column per modelled indicator (growth_pct or rate_pct history with at
    /// least `minimumYears` observed years), excluded years NaN. `notes` say which indicators
    /// were left out and which years excluded.
    ///
    /// - Throws: `RunError.modelFailed` when the window is empty or no indicator can be modelled.
    public static func panel(_ input: ScenarioInput, lastYear: Int? = nil) throws -> (panel: Panel, notes: [String]) {
        let scenario = input.scenario
        let window = scenario.estimation
        let to = min(window.to, lastYear ?? window.to)
        guard window.from < to else {
            throw RunError.modelFailed("the estimation window \(window.from)-\(to) has no years")
        }
        let years = Array(window.from...to)
        var notes: [String] = []
        var ids: [String] = []
        var columns: [[Double]] = []
        for indicator in scenario.indicators where !indicator.isJudgmental {
            guard indicator.modelOn == .growthPct || indicator.modelOn == .ratePct else {
                notes.append("\(indicator.id) is not modelled: its history is in levels (\(indicator.modelOn.rawValue)); growth paths are modelled")
                continue
            }
            let series = input.series(for: indicator)
            let values = years.map { y in window.exclude.contains(y) ? Double.nan : (series?.value(in: y) ?? .nan) }
            let observed = values.filter { !$0.isNaN }.count
            guard observed >= Self.minimumYears else {
                notes.append("\(indicator.id) is not modelled: \(observed) observed years in \(window.from)-\(to), fewer than \(Self.minimumYears) (give it a judgment distribution)")
                continue
            }
            ids.append(indicator.id)
            columns.append(values)
        }
        guard !ids.isEmpty else {
            throw RunError.modelFailed("no indicator has \(Self.minimumYears) or more observed years in \(window.from)-\(to)")
        }
        var matrix = Matrix(rows: years.count, columns: ids.count)
        for (j, column) in columns.enumerated() { for (i, x) in column.enumerated() { matrix[i, j] = x } }
        if !window.exclude.isEmpty {
            notes.append("years excluded from estimation (left missing, not filled): "
                + window.exclude.sorted().map(String.init).joined(separator: ", "))
        }
        return (Panel(indicators: ids, years: years, values: matrix), notes)
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
