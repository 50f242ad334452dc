import Foundation
import Random

/// The exact posterior of the AR(1) around a mean under the exact likelihood (stationary
/// start, gaps handled exactly; see `AR1Specification`), for parameter draws that carry the
/// small-sample estimation error.
///
/// Prior: flat on μ and on log σ, and on φ either uniform or Jeffreys' (1 − φ²)^{-1/2}
/// (Berger & Yang 1994, the reference prior inside the stationary region), truncated to
/// |φ| <= bound. Given φ the likelihood is that of a weighted regression of z on x,
///
///     y_first:       z = y_first,              x = 1,        weight w = 1 − φ²
///     pair (a, b):   z = y_b − φ^g y_a,        x = 1 − φ^g,  w = (1 − φ²)/(1 − φ^{2g})
///
/// (g = b − a years, w = 1 for consecutive years), with residual variance σ²/w. So, with
/// n observations, W = Σ w x², μ̂(φ) = Σ w x z / W and S(φ) = Σ w (z − μ̂ x)²,
///
///     p(φ | y)        ∝ p(φ) (Π w)^{1/2} W^{-1/2} S(φ)^{-(n−1)/2}
///     σ² | φ, y       = S(φ) / χ²_{n−1}           (scaled inverse χ²)
///     μ | φ, σ², y    ~ N(μ̂(φ), σ²/W)
///
/// (the normal-regression posterior, Gelman et al. 2013, *Bayesian Data Analysis* §14.2, with
/// φ integrated on a grid). Draws are exact up to the grid: φ from the piecewise-constant
/// density on `gridPoints` cells over [−bound, bound], then σ² and μ from their conditionals
/// at that φ. The one-step predictive at fixed φ is Student-t with n − 1 degrees of freedom.
struct AR1Posterior: Sendable {
    enum Prior: Sendable { case uniform, jeffreys }

    let values: [Double]
    /// Indices of the observed values, ascending.
    let observed: [Int]
    let bound: Double
    let prior: Prior
    /// Cell edges of the φ grid (gridPoints + 1) and the cumulative probabilities at them.
    let edges: [Double]
    let cumulative: [Double]

    static let gridPoints = 400

    /// - Returns: nil when the posterior cannot be formed (fewer than 3 observations, or
    ///   S(φ) = 0 somewhere: an exact fit).
    init?(values: [Double], observed: [Int], bound: Double, prior: Prior) {
        guard observed.count >= 3 else { return nil }
        self.values = values
        self.observed = observed
        self.bound = bound
        self.prior = prior
        let g = Self.gridPoints
        let edges = (0...g).map { -bound + 2 * bound * Double($0) / Double(g) }
        var logDensity = [Double](repeating: -.infinity, count: g)
        for c in 0..<g {
            let phi = 0.5 * (edges[c] + edges[c + 1])
            guard let r = Self.regression(values: values, observed: observed, phi: phi), r.s > 0 else { return nil }
            let n = Double(observed.count)
            var l = 0.5 * r.logWeights - 0.5 * log(r.w) - 0.5 * (n - 1) * log(r.s)
            if prior == .jeffreys { l -= 0.5 * log(1 - phi * phi) }
            logDensity[c] = l
        }
        let top = logDensity.max()!
        var cumulative = [0.0]
        for l in logDensity { cumulative.append(cumulative.last! + exp(l - top)) }
        let total = cumulative.last!
        self.edges = edges
        self.cumulative = cumulative.map { $0 / total }
    }

    /// The weighted regression at φ: W = Σ w x², μ̂, S and Σ log w.
    static func regression(values v: [Double], observed: [Int], phi: Double) -> (w: Double, mean: Double, s: Double, logWeights: Double)? {
        let p2 = phi * phi
        var terms = [(z: v[observed[0]], x: 1.0, w: 1 - p2)]
        for (a, b) in zip(observed, observed.dropFirst()) {
            let pg = pow(phi, Double(b - a))
            terms.append((v[b] - pg * v[a], 1 - pg, b == a + 1 ? 1 : (1 - p2) / (1 - pg * pg)))
        }
        let sw = terms.reduce(0) { $0 + $1.w * $1.x * $1.x }
        guard sw > 0 else { return nil }
        let mean = terms.reduce(0) { $0 + $1.w * $1.x * $1.z } / sw
        let s = terms.reduce(0) { $0 + $1.w * ($1.z - mean * $1.x) * ($1.z - mean * $1.x) }
        return (sw, mean, s, terms.reduce(0) { $0 + log($1.w) })
    }

    /// One exact posterior draw (μ, φ, σ).
    func draw(using g: inout Philox4x32) -> (mean: Double, phi: Double, sigma: Double) {
        let u = g.nextUniform()
        var lo = 0, hi = cumulative.count - 1          // cumulative[lo] <= u < cumulative[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= u { lo = mid } else { hi = mid }
        }
        let width = cumulative[hi] - cumulative[lo]
        let within = width > 0 ? (u - cumulative[lo]) / width : 0.5
        let phi = edges[lo] + within * (edges[hi] - edges[lo])
        let r = Self.regression(values: values, observed: observed, phi: phi)!
        let n = observed.count
        let chi2 = g.nextChiSquared(degreesOfFreedom: Double(n - 1))
        let variance = r.s / max(chi2, .leastNormalMagnitude)
        let mu = r.mean + (variance / r.w).squareRoot() * g.nextStandardNormal()
        return (mu, phi, variance.squareRoot())
    }
}
