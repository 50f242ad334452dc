import Foundation
import Linear
import Models
import Random
import Simulation

/// A Gaussian VAR(1) with known parameters, y_t = c + A y_{t-1} + u_t, u_t ~ N(0, Σ), Σ = L Lᵀ,
/// without parameter uncertainty: its h-step distribution is N(μ_h, Σ_h) in closed form,
///   μ_h = c + A μ_{h-1} (μ_0 = y_T),   Σ_h = A Σ_{h-1} Aᵀ + Σ (Σ_0 = 0).
struct KnownVAR1: FittedModel {
    let c: [Double]
    let a: Matrix
    let l: Matrix
    let y0: [Double]
    var indicators: [String] { (0..<c.count).map { "y\($0)" } }
    var summary: String { "known VAR(1)" }
    var notes: [String] { [] }
    var warnings: [String] { [] }
    var dependence: String { "known" }
    func pointSystem() -> StateSpaceSystem {
        StateSpaceSystem(intercept: c, transition: a, shockLoading: .identity(c.count),
                         shockCholesky: l, observation: .identity(c.count), initialState: y0)
    }
    func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem { pointSystem() }

    /// Closed-form mean and covariance at horizons 1...h, computed here by plain loops
    /// (independently of the engine and of Linear's BLAS wrappers).
    func moments(horizon: Int) -> [(mean: [Double], cov: [[Double]])] {
        let k = c.count
        var mu = y0
        var s = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var sigma = s
        for i in 0..<k { for j in 0..<k { for m in 0..<k { sigma[i][j] += l[i, m] * l[j, m] } } }
        var out: [(mean: [Double], cov: [[Double]])] = []
        for _ in 0..<horizon {
            mu = (0..<k).map { i in c[i] + (0..<k).reduce(0) { $0 + a[i, $1] * mu[$1] } }
            var next = sigma
            for i in 0..<k { for j in 0..<k {
                var v = 0.0
                for p in 0..<k { for q in 0..<k { v += a[i, p] * s[p][q] * a[j, q] } }
                next[i][j] = v + sigma[i][j]
            } }
            s = next
            out.append((mu, s))
        }
        return out
    }
}

extension KnownVAR1 {
    /// A 3-indicator VAR(1) with cross-lag effects and correlated shocks.
    static let threeIndicators = KnownVAR1(
        c: [2.0, 1.0, 3.0],
        a: try! Matrix(rowMajor: [[0.5, 0.2, 0.0], [0.1, 0.4, 0.1], [0.0, -0.2, 0.6]]),
        l: try! Matrix(rowMajor: [[1.0, 0, 0], [0.5, 0.8, 0], [-0.3, 0.2, 1.2]]),
        y0: [6.0, 3.0, 5.0])
}

/// Standard normal CDF.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Standard normal quantile by bisection on `normalCDF` (to 1e-12).
func normalQuantile(_ p: Double) -> Double {
    var lo = -40.0, hi = 40.0
    for _ in 0..<200 {
        let mid = (lo + hi) / 2
        if normalCDF(mid) < p { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}

/// P(X1 >= a1, X2 >= a2) for a bivariate normal with means m, sds s and correlation r, by
/// composite Simpson integration of φ(z) P(Z2 >= ... | z) over z in [z_a, 10] (2,000 panels).
func bivariateUpperProbability(a: (Double, Double), mean: (Double, Double), sd: (Double, Double), rho: Double) -> Double {
    let za = (a.0 - mean.0) / sd.0, zb = (a.1 - mean.1) / sd.1
    let upper = 10.0, n = 2000
    let h = (upper - za) / Double(n)
    func f(_ z: Double) -> Double {
        let phi = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        return phi * (1 - normalCDF((zb - rho * z) / (1 - rho * rho).squareRoot()))
    }
    var sum = f(za) + f(upper)
    for i in 1..<n { sum += f(za + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
    return max(0, sum * h / 3)
}

/// Student-t CDF with ν degrees of freedom, by composite Simpson integration of the density
/// from 0 to |t| (4,000 panels), independent of the library's special functions.
func studentTCDF(_ t: Double, dof nu: Double) -> Double {
    let logc = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    func f(_ x: Double) -> Double { exp(logc - (nu + 1) / 2 * log1p(x * x / nu)) }
    let n = 4000, h = abs(t) / Double(n)
    var sum = f(0) + f(abs(t))
    for i in 1..<n { sum += f(Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
    let half = sum * h / 3
    return t >= 0 ? 0.5 + half : 0.5 - half
}
