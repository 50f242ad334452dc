import Foundation
import Linear
import Random

/// Conditional ML (OLS on consecutive pairs) for the AR(1) around a mean (see `AR1Specification`).
struct AR1Conditional {
    let series: ObservedSeries
    let bound: Double

    func fit() throws -> AR1Fit {
        let v = series.values
        let pairs = series.successivePairs.filter { $0.current == $0.previous + 1 }
        guard pairs.count >= 3 else {
            throw ModelError.notIdentified("conditional AR(1) of '\(series.indicator)' needs at least 3 pairs of consecutive years, the history has \(pairs.count)")
        }
        let x = pairs.map { v[$0.previous] }, y = pairs.map { v[$0.current] }
        let n = pairs.count
        var notes = ["\(series.indicator): AR(1) parameter draws: σ² scaled inverse χ² (\(n - 2) dof), (intercept, φ) normal with covariance σ² (XᵀX)⁻¹, φ outside ±\(bound) redrawn"]
        var ols = simpleLinearRegression(x: x, y: y)
        if ols.slope.isNaN {
            throw ModelError.notIdentified("conditional AR(1) of '\(series.indicator)': the lagged values are all equal")
        }
        if abs(ols.slope) > bound {
            notes.append("\(series.indicator): the stationarity bound binds: OLS φ̂ = \(formatted(ols.slope)) clamped to \(formatted(bound * (ols.slope > 0 ? 1 : -1))), intercept re-estimated given φ")
            let phi = bound * (ols.slope > 0 ? 1 : -1)
            ols = ols.withSlope(phi, x: x, y: y)
        }
        let phi = ols.slope, intercept = ols.intercept
        let ml = ols.residualSumOfSquares / Double(n)
        guard ml > 0 else {
            throw ModelError.degenerateSeries(indicator: series.indicator, reason: "the AR(1) fits the consecutive pairs exactly: no shock size to estimate")
        }
        let loglik = -0.5 * Double(n) * (log(2 * Double.pi * ml) + 1)
        let s2 = ols.residualSumOfSquares / Double(max(n - 2, 1))
        let root = ols.unscaledCovarianceRoot
        let bound = self.bound
        return AR1Fit(series: series, mean: intercept / (1 - phi), phi: phi, sigma: ml.squareRoot(),
                      logLikelihood: loglik, observationCount: n, method: "conditional ML (OLS)",
                      notes: notes) { generator in
            let variance = drawVariance(s2, degreesOfFreedom: n - 2, using: &generator)
            let scaled = root.map { $0 * variance.squareRoot() }
            var beta = [intercept, phi]
            for _ in 0..<20 {
                beta = drawNormal(mean: [intercept, phi], root: scaled, using: &generator)
                if abs(beta[1]) <= bound { break }
            }
            let phiDraw = min(max(beta[1], -bound), bound)
            return (beta[0] / (1 - phiDraw), phiDraw, variance.squareRoot())
        }
    }
}
