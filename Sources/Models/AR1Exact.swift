import Foundation
import Linear
import Random

/// Exact maximum likelihood for the AR(1) around a mean, gaps handled exactly (see
/// `AR1Specification`).
struct AR1Exact {
    let series: ObservedSeries
    let bound: Double

    /// The exact Gaussian log-likelihood at (μ, φ, σ²): y_first ~ N(μ, σ²/(1−φ²)), then each
    /// observation given the previous one g years earlier ~ N(μ + φ^g (y − μ), σ² (1−φ^{2g})/(1−φ²)).
    func logLikelihood(mean mu: Double, phi: Double, variance s2: Double) -> Double {
        let v = series.values
        let stationary = s2 / (1 - phi * phi)
        var ll = gaussianLogDensity(v[series.observed[0]] - mu, variance: stationary)
        for (a, b) in series.successivePairs {
            let g = Double(b - a), pg = pow(phi, g)
            ll += gaussianLogDensity(v[b] - mu - pg * (v[a] - mu), variance: stationary * (1 - pg * pg))
        }
        return ll
    }

    func parameters(_ theta: [Double]) -> (mean: Double, phi: Double, sigma: Double) {
        (theta[0], bound * tanh(theta[1]), exp(0.5 * theta[2]))
    }

    func fit() throws -> AR1Fit {
        let obs = series.observed.map { series.values[$0] }
        let ybar = obs.reduce(0, +) / Double(obs.count)
        let variance = obs.reduce(0) { $0 + ($1 - ybar) * ($1 - ybar) } / Double(obs.count)
        let sd = variance.squareRoot()
        let optimizer = NelderMead(lower: [ybar - 100 * sd, -8, log(1e-8 * variance)],
                                   upper: [ybar + 100 * sd, 8, log(1e4 * variance)])
        let objective: ([Double]) -> Double = { theta in
            let p = self.parameters(theta)
            return -self.logLikelihood(mean: p.mean, phi: p.phi, variance: p.sigma * p.sigma)
        }
        let best = optimizer.minimize(objective, start: [ybar, 0, log(variance)], step: [0.5 * sd, 0.5, 0.5])
        guard best.value.isFinite else {
            throw ModelError.numericalFailure("AR(1) likelihood of '\(series.indicator)' is not finite at any trial point")
        }
        let theta = best.point
        let estimate = parameters(theta)
        var notes: [String] = []
        if abs(theta[1]) > 3 {
            notes.append("\(series.indicator): the stationarity bound |φ| ≤ \(bound) binds (φ̂ = \(formatted(estimate.phi))): the likelihood rises towards a unit root")
        }
        if !best.converged { notes.append("\(series.indicator): Nelder–Mead stopped at its evaluation limit before converging") }
        let posterior = AR1Posterior(values: series.values, observed: series.observed, bound: bound, prior: .jeffreys)
        var warnings: [String] = []
        if posterior != nil {
            notes.append("\(series.indicator): AR(1) parameter draws from the exact posterior of the exact likelihood (flat prior on μ and log σ, Jeffreys prior (1 − φ²)^-1/2 on |φ| ≤ \(bound)): φ from its marginal on a \(AR1Posterior.gridPoints)-cell grid, σ² | φ scaled inverse χ² with \(obs.count - 1) dof, μ | φ, σ² normal; the bands carry the estimation error of \(obs.count) years")
        } else {
            warnings.append("\(series.indicator): the AR(1) posterior could not be formed (an exact fit at some φ): parameters held at their estimates in draws, so the bands ignore estimation error")
        }
        return AR1Fit(series: series, mean: estimate.mean, phi: estimate.phi, sigma: estimate.sigma,
                      logLikelihood: -best.value, observationCount: obs.count, method: "exact ML",
                      notes: notes, warnings: warnings, posterior: posterior) { generator in
            posterior?.draw(using: &generator) ?? estimate
        }
    }
}

/// log N(x; 0, variance) (natural log); −infinity for a non-positive variance.
func gaussianLogDensity(_ x: Double, variance: Double) -> Double {
    guard variance > 0 else { return -.infinity }
    return -0.5 * (log(2 * Double.pi * variance) + x * x / variance)
}
