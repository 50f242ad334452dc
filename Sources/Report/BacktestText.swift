import Foundation
import Scenario
import Simulation

/// Words and numbers of a backtest row, shared by the Markdown, CSV and JSON writers.
struct BacktestText {
    let forecast: BacktestForecast

    var target: PastTarget { forecast.target }

    /// The bound in symbols, e.g. "≥ 8.2%", "7% ± 0.5", "≥ 1100 万人".
    var boundText: String { target.bound.symbols(unit: forecast.unit) }

    var boundKind: String {
        switch target.bound {
        case .atLeast: return "at_least"
        case .atMost: return "at_most"
        case .around: return "around"
        }
    }

    var tolerance: String {
        if case .around(_, let t) = target.bound { return Self.plain(t) }
        return ""
    }

    var statusText: String {
        switch forecast.status {
        case .scored: return "scored"
        case .noOutcome: return "no_outcome"
        case .notEvaluated: return "not_evaluated"
        }
    }

    var reason: String {
        switch forecast.status {
        case .scored: return ""
        case .noOutcome: return "no first-published outcome for \(target.year) in the history: not scored"
        case .notEvaluated(let r): return r
        }
    }

    /// P(met) as a percentage with the digits its Monte Carlo error supports.
    var probabilityText: String {
        guard let p = forecast.probability else { return "" }
        return NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)
    }

    /// The Monte Carlo SE in percentage points.
    var standardErrorText: String {
        guard let p = forecast.probability else { return "" }
        return NumberFormat.standardErrorPoints(p.standardError)
    }

    /// P(met) as a fraction with the digits its SE supports (for CSV and JSON).
    var probabilityFraction: (value: String, se: String)? {
        guard let p = forecast.probability else { return nil }
        let d = NumberFormat.fractionDecimals(standardError: p.standardError)
        return (NumberFormat.fixed(p.value, d), NumberFormat.fixed(p.standardError, d + 1))
    }

    /// Quantile `p` of the predictive distribution, with the digits its SE supports.
    func quantileText(_ p: Double) -> String {
        guard let d = forecast.distribution, let q = d.quantile(p) else { return "" }
        return NumberFormat.points(q, standardError: d.quantileStandardError(p) ?? d.resolution,
                                   cap: forecast.unit == "pp" ? 1 : 2)
    }

    var outcomeText: String { forecast.outcome.map(Self.plain) ?? "" }

    var metText: String { forecast.met.map { $0 ? "yes" : "no" } ?? "" }

    /// A CRPS (or other score in the target's unit) to 2 decimals.
    var crpsText: String { forecast.crps.map { NumberFormat.fixed($0, 2) } ?? "" }

    static func plain(_ x: Double) -> String { NumberFormat.plain(x) }

    /// A score to 3 decimals.
    static func score(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(x, 3) : "n/a" }

    /// A fraction as a whole percentage, e.g. "73%".
    static func percent(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(100 * x, 0) + "%" : "n/a" }
}
