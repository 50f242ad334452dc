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
        var notes = ["\(series.indicator): AR(1) parameter draws asymptotic normal in (μ, atanh(φ/\(bound)), log σ²), covariance the inverse numerical Hessian: every draw is stationary"]
        if abs(theta[1]) > 3 {
            notes.append("\(series.indicator): the stationarity bound |φ| ≤ \(bound) binds (φ̂ = \(formatted(estimate.phi))): the likelihood rises towards a unit root")
        }
        if !best.converged { notes.append("\(series.indicator): Nelder–Mead stopped at its evaluation limit before converging") }
        let covariance = asymptoticCovarianceRoot(hessian: numericalHessian(objective, at: theta))
        if let note = covariance.note { notes.append("\(series.indicator): \(note)") }
        let root = covariance.root?.elements
        let lower = optimizer.lower, upper = optimizer.upper
        let map = self.parameters
        return AR1Fit(series: series, mean: estimate.mean, phi: estimate.phi, sigma: estimate.sigma,
                      logLikelihood: -best.value, observationCount: obs.count, method: "exact ML",
                      notes: notes) { generator in
            guard let root else { return estimate }
            let draw = drawNormal(mean: theta, root: root, using: &generator)
            return map((0..<3).map { min(max(draw[$0], lower[$0]), upper[$0]) })
        }
    }
}

/// log N(x; 0, variance) (natural log); −infinity for a non-positive variance.
func gaussianLogDensity(_ x: Double, variance: Double) -> Double {
    guard variance > 0 else { return -.infinity }
    return -0.5 * (log(2 * Double.pi * variance) + x * x / variance)
}
