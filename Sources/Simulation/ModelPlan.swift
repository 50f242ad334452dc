import Linear
import Models
import Scenario

/// The fitted model of a scenario, with the panel it was fitted on and what was decided on
/// the way (indicators left out, a fallback model), for the report to say.
struct ModelPlan {
    let model: any FittedModel
    /// Last year of the estimation panel: the paths start the year after.
    let origin: Int
    let notes: [String]

    /// Fewest observed years an indicator needs in the estimation window to be modelled.
    static let minimumYears = 5

    /// Fits the scenario's model on `estimation.from ... to` (the `to` year may be cut earlier
    /// by `lastYear`, as a backtest does), with excluded years left missing (never filled).
    ///
    /// - Throws: `RunError.modelFailed` when no indicator can be modelled, or when the model
    ///   and its fallback both fail.
    init(_ input: ScenarioInput, lastYear: Int? = nil) throws {
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
        let panel = Panel(indicators: ids, years: years, values: matrix)
        if !window.exclude.isEmpty {
            notes.append("years excluded from estimation (left missing, not filled): "
                + window.exclude.sorted().map(String.init).joined(separator: ", "))
        }
        let settings = scenario.model
        let specification = Self.specification(settings)
        do {
            model = try specification.fit(panel)
            notes.append("model chosen by the scenario (model.type = \(settings.type.rawValue))")
        } catch {
            guard settings.type.isVectorAutoregression else { throw RunError.modelFailed("\(error)") }
            notes.append("\(settings.type.rawValue.uppercased()) could not be fitted (\(error)); fell back to per-indicator AR(1) models joined by a Ledoit-Wolf-shrunk residual correlation")
            do {
                model = try IndependentModelsSpecification(kind: .ar1).fit(panel)
            } catch {
                throw RunError.modelFailed("\(error)")
            }
        }
        origin = to
        self.notes = notes
    }

    static func specification(_ settings: ModelSettings) -> any ModelSpecification {
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
