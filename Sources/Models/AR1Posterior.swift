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
    /// The regression's sufficient statistics, precomputed so that a draw costs O(gaps).
    let statistics: SufficientStatistics

    static let gridPoints = 400

    /// What S(φ), μ̂(φ), W(φ) and Σ log w need from the data, on values centred at their
    /// observed mean `centre` (μ̂ shifts by `centre`; S and W do not change): the first
    /// observation and, per gap length g between consecutive observations (1 = consecutive
    /// years), the count and the sums Σ a, Σ b, Σ a², Σ a b, Σ b² over its pairs (a, b).
    struct SufficientStatistics: Sendable {
        struct Gap: Sendable {
            let years: Int
            var count = 0.0, a = 0.0, b = 0.0, aa = 0.0, ab = 0.0, bb = 0.0
        }
        let centre: Double
        let first: Double
        let gaps: [Gap]

        init(values v: [Double], observed: [Int]) {
            centre = observed.reduce(0) { $0 + v[$1] } / Double(observed.count)
            first = v[observed[0]] - centre
            var gaps: [Gap] = []
            for (i, j) in zip(observed, observed.dropFirst()) {
                let a = v[i] - centre, b = v[j] - centre
                let k = gaps.firstIndex { $0.years == j - i } ?? { gaps.append(Gap(years: j - i)); return gaps.count - 1 }()
                gaps[k].count += 1
                gaps[k].a += a
                gaps[k].b += b
                gaps[k].aa += a * a
                gaps[k].ab += a * b
                gaps[k].bb += b * b
            }
            self.gaps = gaps
        }

        /// The weighted regression at φ: W = Σ w x², μ̂, S and Σ log w (see `AR1Posterior`).
        @inline(__always)
        func regression(phi: Double) -> (w: Double, mean: Double, s: Double, logWeights: Double) {
            let w0 = 1 - phi * phi
            var sw = w0, swxz = w0 * first, swzz = w0 * first * first, logWeights = log(w0)
            for g in gaps {
                var pg = phi
                for _ in 1..<g.years { pg *= phi }
                let w = g.years == 1 ? 1 : w0 / (1 - pg * pg), x = 1 - pg
                sw += w * g.count * x * x
                swxz += w * x * (g.b - pg * g.a)
                swzz += w * (g.bb - 2 * pg * g.ab + pg * pg * g.aa)
                if g.years > 1 { logWeights += g.count * log(w) }
            }
            let mean = swxz / sw
            return (sw, mean + centre, max(0, swzz - mean * swxz), logWeights)
        }
    }

    /// - Returns: nil when the posterior cannot be formed (fewer than 3 observations, or
    ///   S(φ) = 0 somewhere: an exact fit).
    init?(values: [Double], observed: [Int], bound: Double, prior: Prior) {
        guard observed.count >= 3 else { return nil }
        self.values = values
        self.observed = observed
        self.bound = bound
        self.prior = prior
        let statistics = SufficientStatistics(values: values, observed: observed)
        self.statistics = statistics
        let g = Self.gridPoints
        let edges = (0...g).map { -bound + 2 * bound * Double($0) / Double(g) }
        var logDensity = [Double](repeating: -.infinity, count: g)
        for c in 0..<g {
            let phi = 0.5 * (edges[c] + edges[c + 1])
            let r = statistics.regression(phi: phi)
            guard r.w > 0, r.s > 0 else { return nil }
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

    /// One exact posterior draw (μ, φ, σ): φ from a uniform, then σ² and μ given φ.
    func draw(using g: inout Philox4x32) -> (mean: Double, phi: Double, sigma: Double) {
        let phi = phi(quantile: g.nextUniform())
        let chi2 = g.nextChiSquared(degreesOfFreedom: Double(observed.count - 1))
        return conditionalDraw(phi: phi, chiSquared: chi2, normal: g.nextStandardNormal())
    }

    /// One exact posterior draw driven by the uniforms `u` (the first three coordinates of a
    /// point of (0, 1)⁴, for stratified or quasi-random draws): φ = F⁻¹(u.0) on the grid; χ²_{n−1} by Marsaglia–Tsang with its
    /// first normal candidate Φ⁻¹(u.1) (further candidates, rarely needed, and the acceptance
    /// uniforms from `g`), so the draw is exact whatever `u` is; μ's normal Φ⁻¹(u.2).
    func draw(uniforms u: ScrambledSobol.Point, using g: inout Philox4x32) -> (mean: Double, phi: Double, sigma: Double) {
        let phi = phi(quantile: u.0)
        let chi2 = g.nextChiSquared(degreesOfFreedom: Double(observed.count - 1),
                                    firstNormal: standardNormalQuantile(u.1))
        return conditionalDraw(phi: phi, chiSquared: chi2, normal: standardNormalQuantile(u.2))
    }

    /// φ at probability `u` of its piecewise-constant marginal (binary search over the cells).
    @inline(__always)
    private func phi(quantile u: Double) -> Double {
        var lo = 0, hi = cumulative.count - 1          // cumulative[lo] <= u < cumulative[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= u { lo = mid } else { hi = mid }
        }
        let width = cumulative[hi] - cumulative[lo]
        let within = width > 0 ? (u - cumulative[lo]) / width : 0.5
        return edges[lo] + within * (edges[hi] - edges[lo])
    }

    /// σ² = S(φ)/χ² and μ = μ̂(φ) + sqrt(σ²/W) z.
    @inline(__always)
    private func conditionalDraw(phi: Double, chiSquared chi2: Double, normal z: Double) -> (mean: Double, phi: Double, sigma: Double) {
        let r = statistics.regression(phi: phi)
        let variance = r.s / max(chi2, .leastNormalMagnitude)
        let mu = r.mean + (variance / r.w).squareRoot() * z
        return (mu, phi, variance.squareRoot())
    }
}
