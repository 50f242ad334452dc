import Linear
import Numerics

/// The Normal-inverse-Wishart posterior of a VAR(p) under a conjugate Minnesota prior, in
/// closed form (Kadiyala & Karlsson 1997, §3; GLP 2015, appendix):
///
///     Ω_post = (XᵀX + Ω⁻¹)⁻¹                               (1 + kp) x (1 + kp)
///     B_post = Ω_post (XᵀY + Ω⁻¹ b)                          (1 + kp) x k
///     S_post = Ψ + (Y − X B_post)ᵀ(Y − X B_post) + (B_post − b)ᵀ Ω⁻¹ (B_post − b)    k x k
///     d_post = d + T            (T − (1 + kp) + k − 1 under `MinnesotaPrior.CovariancePrior.diffuseKernel`)
///
/// so that Σ | Y ~ IW(S_post, d_post) and vec(B) | Σ, Y ~ N(vec(B_post), Σ ⊗ Ω_post).
///
/// The marginal likelihood (GLP 2015, appendix: the density of Y given the hyperparameters,
/// conditional on the first p observations) is
///
///     log p(Y) = −(Tk/2) log π + log Γ_k((T + d)/2) − log Γ_k(d/2)
///                − (k/2) log|Ω| − (k/2) log|XᵀX + Ω⁻¹| + (d/2) log|Ψ| − ((T + d)/2) log|S_post|
///
/// with Γ_k the multivariate gamma function. With the diffuse priors on Σ (Ψ = 0, d = 0) the
/// terms in Ψ and Γ_k(d/2), which do not depend on λ, are dropped: log p(Y) is then known up to
/// a constant, enough to choose λ. Under `.diffuseKernel` T + d becomes d_post = T − (1 + kp) + k − 1
/// in Γ_k and in the exponent of |S_post| (integrating B out leaves |Σ|^((1+kp)/2) that the
/// kernel prior does not cancel; its |Σ|^-k adds k − 1 over Jeffreys'); the constant then
/// differs from the exact evidence by −(k(1 + kp − k + 1)/2) log 2. It is evaluated stably through
/// A = I + Ω^{1/2} XᵀX Ω^{1/2} (eigenvalues >= 1, Cholesky `dpotrf`):
/// log|Ω| + log|XᵀX + Ω⁻¹| = log|A| and Ω_post = Ω^{1/2} A⁻¹ Ω^{1/2}; no OLS fit is needed,
/// so T may be smaller than 1 + kp.
public struct NIWPosterior: Sendable, Equatable {
    /// B_post, (1 + kp) x k.
    public let mean: Matrix
    /// Ω_post, (1 + kp) x (1 + kp), symmetric.
    public let rowCovariance: Matrix
    /// S_post, k x k.
    public let scale: Matrix
    /// d_post = d + T.
    public let degreesOfFreedom: Double
    /// log p(Y | λ), natural log.
    public let logMarginalLikelihood: Double
    /// P = Ω^{1/2} L_A⁻ᵀ with P Pᵀ = Ω_post (upper triangular up to the diagonal scaling).
    let rowFactor: Matrix
    /// Exact draws of (B, Σ's Cholesky factor); nil when S_post or d_post admit none
    /// (d_post ≤ k − 1), and then every draw fails.
    let sampler: NIWSampler?

    /// - Parameters:
    ///   - x: X, T x (1 + kp); y: Y, T x k; crossProduct: XᵀX (computed once by the caller
    ///     for the hyperparameter search).
    /// - Throws: `LinearAlgebraError` from `dpotrf`/`dtrsm` (not expected: A is >= I and
    ///   S_post >= Ψ > 0).
    init(prior: MinnesotaPrior, x: Matrix, y: Matrix, crossProduct xtx: Matrix) throws {
        let t = y.rows, k = y.columns, m = x.columns
        let root = prior.coefficientVariances.map { $0.squareRoot() }
        var a = xtx
        for j in 0..<m { for i in 0..<m { a[i, j] *= root[i] * root[j] } }
        for i in 0..<m { a[i, i] += 1 }
        let factorA = try cholesky(a)
        var p = try trsm(factorA.lower, .identity(m), lower: true, transpose: true)   // L_A⁻ᵀ
        for j in 0..<m { for i in 0..<m { p[i, j] *= root[i] } }
        let omegaPost = try syrk(p).symmetricPart()
        var rhs = try gemm(x, y, transposeA: true)                                     // XᵀY + Ω⁻¹ b
        for j in 0..<k { for i in 0..<m { rhs[i, j] += prior.mean[i, j] / prior.coefficientVariances[i] } }
        let bPost = try gemm(omegaPost, rhs)
        let e = try y.subtracting(gemm(x, bPost))
        var dev = try bPost.subtracting(prior.mean)                                    // Ω^{-1/2}(B_post − b)
        for j in 0..<k { for i in 0..<m { dev[i, j] /= root[i] } }
        let sPost = try prior.scaleMatrix.adding(syrk(e, transpose: true)).adding(syrk(dev, transpose: true)).symmetricPart()
        let d = prior.degreesOfFreedom, tt = Double(t), kk = Double(k), nu = tt + prior.posteriorDegreesShift
        let logDetPsi = prior.covariancePrior.isDiffuse ? 0 : prior.scales.reduce(0) { $0 + .log($1) }
        let logDetS = try cholesky(sPost).logDeterminant
        mean = bPost
        rowCovariance = omegaPost
        scale = sPost
        degreesOfFreedom = nu
        rowFactor = p
        sampler = try? NIWSampler(mean: bPost, rowFactor: p, scale: sPost, degreesOfFreedom: nu)
        let gammaRatio: Double = NIWPosterior.logMultivariateGamma(nu / 2, k)
            - (prior.covariancePrior.isDiffuse ? 0 : NIWPosterior.logMultivariateGamma(d / 2, k))
        let determinants: Double = -(kk / 2) * factorA.logDeterminant + (d / 2) * logDetPsi - (nu / 2) * logDetS
        logMarginalLikelihood = -(tt * kk / 2) * Double.log(Double.pi) + gammaRatio + determinants
    }

    /// log Γ_k(a) = (k(k − 1)/4) log π + Σ_{j=1}^{k} log Γ(a + (1 − j)/2).
    static func logMultivariateGamma(_ a: Double, _ k: Int) -> Double {
        var s = Double(k * (k - 1)) / 4 * Double.log(Double.pi)
        for j in 1...k { s += Double.logGamma(a + Double(1 - j) / 2) }
        return s
    }

    /// E[Σ | Y] = S_post / (d_post − k − 1).
    public var covarianceMean: Matrix {
        scale.scaled(by: 1 / (degreesOfFreedom - Double(scale.rows) - 1))
    }

    /// Posterior standard deviations of B, (1 + kp) x k: Var(B_ij | Y) = (Ω_post)_ii E[Σ_jj | Y]
    /// (the marginal of B is matrix-variate t).
    public var coefficientStandardDeviations: Matrix {
        let s = covarianceMean
        var sd = Matrix(rows: mean.rows, columns: mean.columns)
        for j in 0..<mean.columns { for i in 0..<mean.rows { sd[i, j] = (rowCovariance[i, i] * s[j, j]).squareRoot() } }
        return sd
    }
}
