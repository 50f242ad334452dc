import Linear
import Models
import Random

/// The reference Monte Carlo workload of the performance notes, in the shape of the numpy
/// peer (bench/peers/mc_numpy.py): `k` indicators, a Gaussian VAR(1) in growth rates
/// `y_t = c + A y_{t-1} + L e_t`, horizon 5, target `y >= c / 0.6` for every indicator and
/// year, fan quantiles and P(met) per year and indicator, joint P(all met) per year.
///
/// Parameters are drawn as the peer draws them (A = U(-0.1, 0.1) + 0.4 I, c ~ U(2, 8),
/// Σ = M Mᵀ / k + I with M standard normal, y_0 = c / 0.6), from Philox stream 2^63 of
/// `parameterSeed`, so they are not numpy's numbers but have the same shape and scale.
public enum ReferenceWorkload {
    /// The simulation input of the workload.
    /// - Throws: `LinearAlgebraError` if Σ fails Cholesky (it cannot: Σ >= I).
    public static func input(indicators k: Int = 10, paths: Int, horizon: Int = 5, seed: UInt64 = 42,
                             threads: Int, parameterSeed: UInt64 = 7) throws -> SimulationInput {
        var g = Philox4x32(seed: parameterSeed, stream: 1 << 63)
        var a = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0..<k { a[i, j] = -0.1 + 0.2 * g.nextUniform() + (i == j ? 0.4 : 0) } }
        let c = (0..<k).map { _ in 2 + 6 * g.nextUniform() }
        var m = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0..<k { m[i, j] = g.nextStandardNormal() } }
        var sigma = syrk(m)
        for j in 0..<k { for i in 0..<k { sigma[i, j] = sigma[i, j] / Double(k) + (i == j ? 1 : 0) } }
        let l = try cholesky(sigma).lower
        let y0 = c.map { $0 / 0.6 }
        let names = (1...k).map { "y\($0)" }
        let model = FixedSystemModel(
            indicators: names,
            system: StateSpaceSystem(intercept: c, transition: a, shockLoading: .identity(k),
                                     shockCholesky: l, observation: .identity(k), initialState: y0),
            summary: "reference workload: Gaussian VAR(1), k = \(k)")
        var targets: [TargetRule] = []
        for h in 1...horizon {
            for v in 0..<k {
                targets.append(TargetRule(variable: v, yearOffset: h, measure: .value, bound: .atLeast(y0[v])))
            }
        }
        return SimulationInput(model: model, parameterUncertainty: false, shocks: .normal(scale: 1),
                               horizon: horizon, targets: targets, paths: paths, seed: seed, threads: threads)
    }
}
