import Foundation
import Linear

/// A logistic pool of two forecasters of P(met):
/// `p = σ(a_floor · [floor] + a_ceiling · [ceiling]
///        + b_own · logit p_model · [own] + b_proxy · logit p_model · [proxy]
///        + c_own · logit p_anchored · [own] + c_other · logit p_anchored · [not own]
///        + d · logit p_base)`,
/// `[own]` marking a target whose model forecast runs on the region's own history, `[proxy]`
/// one whose model runs on another region's history, `[not own]` every target without an
/// own-history model forecast (proxied, or none), and `p_base` the indicator's smoothed base
/// rate of earlier targets; one intercept for floors (growth at least X) and one for ceilings
/// (prices and unemployment at most X), which are met far more often. Inputs are clipped to
/// [0.01, 0.99] (a missing input contributes 0, i.e. p = ½).
///
/// Fitted by penalised maximum likelihood: a ridge towards one of the `priors` (chosen, with
/// the penalty, by the log score of earlier years: `RollingCalibration`), with Newton's
/// method, the Hessian solve by Cholesky (LAPACK dpotrf/dpotrs).
/// Ranjan & Gneiting (2010), "Combining probability forecasts", JRSS B 72, 71–91.
public struct LogisticPool: Sendable, Equatable, Codable {
    /// (a_floor, a_ceiling, b_own, b_proxy, c_own, c_other, d).
    public var coefficients: [Double]

    /// A centre for the ridge penalty: the pool a forecaster trusts before the data speak.
    public struct Prior: Sendable, Equatable, Codable {
        public let name: String
        public let coefficients: [Double]
    }
    /// The candidate centres, the first the default while too few targets are known:
    /// - `tempered`: (0, 0, ½, 0, ½, ½, 0), the own model and the anchored forecaster weigh
    ///   equally; without an own model, the anchored forecaster pooled with an uninformative ½;
    /// - `equal`: (0, 0, ½, 0, ½, 1, 0), the equal-weight logarithmic pool of the forecasters
    ///   each target has (weights summing to one: the anchored forecaster alone without an own
    ///   model);
    /// - `base rate`: (0, 0, 0, 0, 0, 0, 1), the indicator's base rate.
    /// A model run on another region's history must earn its weight from the data in all three.
    public static let priors = [Prior(name: "tempered", coefficients: [0, 0, 0.5, 0, 0.5, 0.5, 0]),
                                Prior(name: "equal", coefficients: [0, 0, 0.5, 0, 0.5, 1, 0]),
                                Prior(name: "base rate", coefficients: [0, 0, 0, 0, 0, 0, 1])]
    public static var prior: [Double] { priors[0].coefficients }
    public static let clip = 0.01
    /// The coefficients' names, in order.
    public static let names = ["a_floor", "a_ceiling", "b_own", "b_proxy", "c_own", "c_other", "d"]
    /// What each coefficient multiplies, in order of `names`.
    static let terms = ["[floor]", "[ceiling]", "·logit p_model[own history]", "·logit p_model[proxy]",
                        "·logit p_anchored[own history]", "·logit p_anchored[no own model]", "·logit p_base"]
    /// The pool's formula in words, for reports.
    public static var formula: String { "p = σ(" + zip(names, terms).map { $0 + $1 }.joined(separator: " + ") + ")" }
    /// The formula with these coefficients written in (`digits` decimals).
    public func formula(digits: Int = 2) -> String {
        "p = σ(" + zip(coefficients, Self.terms).map { String(format: "%.\(digits)f", $0) + $1 }.joined(separator: " + ") + ")"
    }
    /// The candidate priors written out, for reports.
    public static var priorsText: String {
        priors.map { p in "\(p.name) (" + p.coefficients.map { $0 == 0.5 ? "½" : String(Int($0)) }.joined(separator: ", ") + ")" }
            .joined(separator: "; ")
    }

    public init(coefficients: [Double] = LogisticPool.prior) {
        precondition(coefficients.count == Self.names.count, "\(Self.names.count) coefficients")
        self.coefficients = coefficients
    }

    static func logit(_ p: Double?) -> Double {
        guard let p else { return 0 }
        let q = min(max(p, clip), 1 - clip)
        return log(q / (1 - q))
    }

    /// The features of one forecast: ([floor], [ceiling], own · logit p_m, proxy · logit p_m,
    /// own · logit p_a, (1 − own) · logit p_a, logit p_base), `own` when the model forecast
    /// exists and runs on the region's own history; `ceiling` for a target read as at most X.
    public static func features(model: Double?, proxied: Bool, anchored: Double?, baseRate: Double,
                                ceiling: Bool) -> [Double] {
        let m = logit(model), a = logit(anchored)
        let own = model != nil && !proxied
        return [ceiling ? 0 : 1, ceiling ? 1 : 0, own ? m : 0, proxied ? m : 0, own ? a : 0, own ? 0 : a, logit(baseRate)]
    }

    public func probability(_ x: [Double]) -> Double {
        let z = zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// Fits by penalised likelihood `Σ log-lik − (λ/2)‖β − prior‖²`.
    ///
    /// - Parameters: rows of features (`features(model:proxied:anchored:baseRate:ceiling:)`),
    ///   outcomes, λ > 0, the centre of the penalty (default `LogisticPool.prior`).
    /// - Throws: `LinearAlgebraError` if the Hessian is not positive definite (cannot happen for λ > 0).
    public static func fit(_ x: [[Double]], _ y: [Bool], penalty lambda: Double,
                           prior: [Double] = LogisticPool.prior) throws -> LogisticPool {
        precondition(x.count == y.count && lambda > 0 && prior.count == names.count)
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
