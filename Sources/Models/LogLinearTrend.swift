import Foundation
import Linear
import Random

/// Log-linear trend for a level series (a positive stock or flow in its stated unit):
///
///     100 log(level_t) = a + b (t − t₀) + σ e_t,   e_t ~ N(0, 1) independent
///
/// fitted by OLS on the observed years (missing years simply left out); b is the trend growth
/// in log points (≈ percent) a year. The model's y is 100 x log(level), so that first
/// differences are growth in log points; the simulation turns it back with exp(y / 100).
public struct LogLinearTrendSpecification: ModelSpecification {
    public init() {}

    /// Fits the panel's single indicator.
    /// - Throws: `ModelError.invalidSpecification` unless the panel has one indicator;
    ///   `.degenerateSeries` for a non-positive level or a constant series;
    ///   `.tooFewObservations` below 4 observed years.
    public func fit(_ panel: Panel) throws -> any FittedModel {
        try fitSeries(ObservedSeries.only(in: panel, model: "log-linear trend"))
    }

    func fitSeries(_ levels: ObservedSeries) throws -> LogLinearTrendFit {
        if let bad = levels.observed.first(where: { levels.values[$0] <= 0 }) {
            throw ModelError.degenerateSeries(indicator: levels.indicator,
                reason: "level \(levels.values[bad]) in \(levels.years[bad]) is not positive: a log-linear trend needs positive levels")
        }
        let logs = try ObservedSeries(indicator: levels.indicator, years: levels.years,
                                      values: levels.values.map { $0.isFinite ? 100 * log($0) : .nan })
        let t = logs.observed.map(Double.init), y = logs.observed.map { logs.values[$0] }
        let ols = simpleLinearRegression(x: t, y: y)
        let n = y.count
        guard ols.residualSumOfSquares > 1e-20 * max(1, y.map { $0 * $0 }.max()!) else {
            throw ModelError.degenerateSeries(indicator: levels.indicator,
                reason: "the log levels lie exactly on a line: no deviation size to estimate")
        }
        var residuals = [Double](repeating: .nan, count: logs.values.count)
        for i in logs.observed { residuals[i] = logs.values[i] - ols.intercept - ols.slope * Double(i) }
        return LogLinearTrendFit(series: logs, regression: ols, observationCount: n, innovations: residuals)
    }
}

/// A fitted log-linear trend (see `LogLinearTrendSpecification`); y = 100 x log(level).
///
/// State-space form, states (τ_t, ε_t): τ_t = τ_{t−1} + b, ε_t = σ e_t, y_t = τ_t + ε_t:
/// c = (b, 0), F = [[1, 0], [0, 0]], G = (0, 1)ᵀ, L = σ, H = (1, 1). x_T = (a + b (T − t₀),
/// y_T − τ_T) so that y_T is the last observed value (ε_T = 0 when T is missing).
/// Growth in log points is y_{T+h} − y_{T+h−1}.
/// Parameter draws: σ² = (n − 2) s² / χ²_{n−2}, (a, b) ~ N((â, b̂), σ² (XᵀX)⁻¹) — the exact
/// posterior under the flat prior, the OLS covariance (numpy `polyfit(cov=True)`) at s².
public struct LogLinearTrendFit: UnivariateModelFit {
    let series: ObservedSeries
    let regression: SimpleRegression
    public let observationCount: Int
    public let innovations: [Double]

    /// â: 100 x log level at the panel's first year on the trend line.
    public var intercept: Double { regression.intercept }
    /// b̂: trend growth in log points a year.
    public var slope: Double { regression.slope }
    /// s: residual standard deviation (divisor n − 2), log points.
    public var sigma: Double { (regression.residualSumOfSquares / Double(observationCount - 2)).squareRoot() }
    /// OLS covariance of (â, b̂), s² (XᵀX)⁻¹, `2 x 2`.
    public var parameterCovariance: Matrix {
        let s2 = sigma * sigma
        return (try? Matrix(rows: 2, columns: 2, columnMajor: regression.unscaledCovariance.map { $0 * s2 }))
            ?? Matrix(rows: 2, columns: 2)
    }

    public var indicator: String { series.indicator }
    public var summary: String {
        "\(indicator): log-linear trend on the level, trend growth \(formatted(slope)) log points a year, deviation sd \(formatted(sigma)) (y = 100 log level, \(observationCount) years)"
    }
    public var warnings: [String] { series.shortSampleWarnings(model: "log-linear trend") }
    public var notes: [String] {
        series.gapNotes + ["\(indicator): modelled as y = 100 x log(level); growth is the first difference of y (log points)",
                           "\(indicator): parameter draws from the exact posterior under a flat prior (σ² scaled inverse χ², (a, b) normal given σ²)"]
    }
    /// Gaussian log-likelihood of y = 100 log level at the OLS fit and ML variance SSR / n.
    public var logLikelihood: Double {
        let n = Double(observationCount)
        return -0.5 * n * (log(2 * Double.pi * regression.residualSumOfSquares / n) + 1)
    }
    public var parameterCount: Int { 3 }

    public var block: StateBlock { makeBlock(intercept: intercept, slope: slope, sigma: sigma) }

    public func drawBlock(using generator: inout Philox4x32) -> StateBlock {
        let variance = drawVariance(sigma * sigma, degreesOfFreedom: observationCount - 2, using: &generator)
        let root = regression.unscaledCovarianceRoot.map { $0 * variance.squareRoot() }
        let beta = drawNormal(mean: [intercept, slope], root: root, using: &generator)
        return makeBlock(intercept: beta[0], slope: beta[1], sigma: variance.squareRoot())
    }

    private func makeBlock(intercept a: Double, slope b: Double, sigma: Double) -> StateBlock {
        let last = series.years.count - 1
        let trend = a + b * Double(last)
        let y = series.values[last]
        return StateBlock(intercept: [b, 0], transition: .diagonal([1, 0]),
                          loading: (try? Matrix(rows: 2, columns: 1, columnMajor: [0, 1])) ?? Matrix(rows: 2, columns: 1),
                          shockSD: [sigma], observation: [1, 1],
                          stateMean: [trend, y.isFinite ? y - trend : 0],
                          stateCovariance: Matrix(rows: 2, columns: 2))
    }
}
