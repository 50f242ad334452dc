import Foundation
import Linear

/// A logistic pool of two forecasters of P(met):
/// `p = σ(a_floor · [floor] + a_ceiling · [ceiling] + b_own · logit p_model · [own history]
///        + b_proxy · logit p_model · [proxy history] + c · logit p_anchored + d · logit p_base)`,
/// `p_base` being the indicator's smoothed base rate of earlier targets,
/// with one intercept for floors (growth at least X) and one for ceilings (prices and
/// unemployment at most X), which are met far more often;
/// inputs clipped to [0.01, 0.99] (a missing input contributes 0, i.e. p = ½). Fitted by
/// penalised maximum likelihood (ridge towards `prior`, the equal-weight geometric pool
/// (0, 0, ½, 0, ½, 0): the region's own model and the anchored forecaster weigh equally; a
/// model run on another region's history, and the base rate, must earn their weight from
/// the data) with Newton's method; the Hessian solve by Cholesky (LAPACK dpotrf/dpotrs).
/// Ranjan & Gneiting (2010), "Combining probability forecasts", JRSS B 72, 71–91.
public struct LogisticPool: Sendable, Equatable, Codable {
    /// (a_floor, a_ceiling, b_own, b_proxy, c, d).
    public var coefficients: [Double]
    public static let prior = [0.0, 0.0, 0.5, 0.0, 0.5, 0.0]
    public static let clip = 0.01

    public init(coefficients: [Double] = LogisticPool.prior) {
        precondition(coefficients.count == Self.prior.count, "six coefficients")
        self.coefficients = coefficients
    }

    static func logit(_ p: Double?) -> Double {
        guard let p else { return 0 }
        let q = min(max(p, clip), 1 - clip)
        return log(q / (1 - q))
    }

    /// The features of one forecast: ([floor], [ceiling], own · logit p_m, proxy · logit p_m,
    /// logit p_a, logit p_base); `ceiling` for a target read as at most X.
    public static func features(model: Double?, proxied: Bool, anchored: Double?, baseRate: Double,
                                ceiling: Bool) -> [Double] {
        let m = logit(model)
        return [ceiling ? 0 : 1, ceiling ? 1 : 0, proxied ? 0 : m, proxied ? m : 0, logit(anchored), logit(baseRate)]
    }

    public func probability(_ x: [Double]) -> Double {
        let z = zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// Fits by penalised likelihood `Σ log-lik − (λ/2)‖β − prior‖²`.
    ///
    /// - Parameters: rows of features (`features(model:proxied:anchored:baseRate:ceiling:)`), outcomes, λ > 0.
    /// - Throws: `LinearAlgebraError` if the Hessian is not positive definite (cannot happen for λ > 0).
    public static func fit(_ x: [[Double]], _ y: [Bool], penalty lambda: Double) throws -> LogisticPool {
        precondition(x.count == y.count && lambda > 0)
        let n = prior.count
        var beta = prior
        for _ in 0..<50 {
            var g = (0..<n).map { -lambda * (beta[$0] - prior[$0]) }
            var h = Matrix(rows: n, columns: n)
            for i in 0..<n { h[i, i] = lambda }
            let pool = LogisticPool(coefficients: beta)
            for (xi, yi) in zip(x, y) {
                let p = pool.probability(xi)
                let r = (yi ? 1 : 0) - p, w = p * (1 - p)
                for j in 0..<n {
                    g[j] += r * xi[j]
                    for k in 0..<n { h[j, k] += w * xi[j] * xi[k] }
                }
            }
            let step = try cholesky(h).solve(try Matrix(rows: n, columns: 1, columnMajor: g)).column(0)
            beta = zip(beta, step).map { $0 + $1 }
            if step.map(abs).max()! < 1e-10 { break }
        }
        return LogisticPool(coefficients: beta)
    }
}
