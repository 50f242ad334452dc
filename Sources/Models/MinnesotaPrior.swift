import Linear

/// The Minnesota prior in conjugate Normal-inverse-Wishart form for a VAR(p) with constant
/// (Kadiyala & Karlsson 1997, J. Applied Econometrics 12(2); Giannone, Lenza & Primiceri 2015,
/// "Prior selection for vector autoregressions", REStat 97(2), §3):
///
///     Σ ~ IW(Ψ, d),   vec(B) | Σ ~ N(vec(b), Σ ⊗ Ω)
///
/// - b ((1 + kp) x k): zero, except the own first lag of each equation, b[1 + i, i] = δ
///   (`ownLagMean`: 0 for growth rates, 1 for a random walk in levels).
/// - Ω = diag(ω), 1 + kp: the lag-l coefficient of indicator j has
///   ω = λ² (d − k − 1) / (l² ψ_j), so that Var(B | Σ) in equation i, with Σ at its prior mean
///   Ψ / (d − k − 1), is λ² ψ_i / (l² ψ_j): overall tightness λ, lag decay 1/l², the usual
///   scale ratio (GLP 2015, eq. for the Minnesota prior with α = 2). The constant gets
///   ω₀ = κ² (`interceptScale` κ, default 100: prior sd of the intercept κ √Σ_ii), a loose
///   proper stand-in for GLP's flat prior that keeps the marginal likelihood finite and does
///   not depend on λ.
/// - Ψ = diag(ψ), ψ_j the residual variance SSR / (n − 2) of an OLS AR(1) with constant on
///   indicator j over all pairs of consecutive observed years (the standard choice; GLP
///   treat ψ as a hyperparameter, we fix it at this estimate). d = k + 2, the smallest
///   integer for which the prior mean of Σ exists.
///
/// With `covariancePrior = .diffuse` Σ has Jeffreys' prior p(Σ) ∝ |Σ|^-(k+1)/2 instead of
/// IW(Ψ, d) (Kadiyala & Karlsson 1997, §2.2, the diffuse part of their Normal-Wishart
/// family): Ψ then only scales Ω (with d − k − 1 taken as 1, its value at d = k + 2), and no
/// pseudo-observations of the data-based Ψ enter the posterior of Σ. With
/// `.diffuseKernel` the prior on B is moreover the Normal kernel without its normalising
/// |Σ|^-(1+kp)/2, so that the 1 + kp rows of b do not count as observations of Σ either, and
/// p(Σ) ∝ |Σ|^-k: each Σ_ii's marginal posterior is then S_ii / χ²_{T − (1+kp)}, that of the
/// flat-prior regression of indicator i alone (with k = 1 the prior is Jeffreys').
///
/// Units: ψ in squared units of the panel (pp² for growth rates); λ is unit-free.
public struct MinnesotaPrior: Sendable, Equatable {
    /// The prior of Σ.
    public enum CovariancePrior: Sendable, Equatable {
        /// Σ ~ IW(Ψ, k + 2) (GLP 2015): proper whatever T, but its k + 2 pseudo-observations of
        /// the data-based Ψ narrow short-sample bands.
        case inverseWishart
        /// p(Σ) ∝ |Σ|^-(k+1)/2: the posterior of Σ rests on the residuals alone (needs T > k + 1
        /// for its mean), but the normalised Normal prior of B adds 1 + kp degrees of freedom.
        case diffuse
        /// p(B, Σ) ∝ |Σ|^-k exp(−½ tr[Σ⁻¹ (B − b)ᵀ Ω⁻¹ (B − b)]): Σ ~ IW(S_post, T − (1 + kp) + k − 1)
        /// a posteriori, so that Σ_ii / S_ii ~ 1/χ²_{T − (1+kp)} as in the OLS regression of one
        /// equation (Jeffreys' |Σ|^-(k+1)/2 would leave T − (1 + kp) − (k − 1) to each). The
        /// default when the sample allows it: with k = 1 the 80% bands at h = 1 then cover 78–83% at
        /// T = 10–20, where `.diffuse` covered 69–78% (bench/coverage.md).
        case diffuseKernel

        /// Whether Σ's prior is Jeffreys' (Ψ and d do not enter the posterior).
        public var isDiffuse: Bool { self != .inverseWishart }
    }
    public let lags: Int
    /// λ > 0, the overall tightness.
    public let tightness: Double
    /// δ, the prior mean of each own first-lag coefficient.
    public let ownLagMean: Double
    /// κ, prior sd of the intercept in units of √Σ_ii.
    public let interceptScale: Double
    /// ψ, the k AR(1) residual variances (diagonal of Ψ).
    public let scales: [Double]
    /// b, (1 + kp) x k.
    public let mean: Matrix
    /// ω, the 1 + kp diagonal elements of Ω.
    public let coefficientVariances: [Double]
    /// d = k + 2 (0 with the diffuse priors: no pseudo-observations).
    public let degreesOfFreedom: Double
    public let covariancePrior: CovariancePrior

    /// - Throws: `ModelError.invalidSpecification` for λ or κ not finite and positive.
    public init(lags: Int, tightness: Double, ownLagMean: Double, interceptScale: Double, scales: [Double],
                covariancePrior: CovariancePrior = .inverseWishart) throws {
        guard tightness.isFinite, tightness > 0, interceptScale.isFinite, interceptScale > 0, ownLagMean.isFinite else {
            throw ModelError.invalidSpecification(
                "Minnesota prior needs a finite positive tightness and intercept scale and a finite own-lag mean; got λ = \(tightness), κ = \(interceptScale), δ = \(ownLagMean)")
        }
        let k = scales.count, m = 1 + k * lags
        let d = Double(k + 2)           // Ω's factor d − k − 1 = 1 either way
        var b = Matrix(rows: m, columns: k)
        for i in 0..<k { b[1 + i, i] = ownLagMean }
        var omega = [interceptScale * interceptScale]
        for l in 1...lags {
            for j in 0..<k { omega.append(tightness * tightness * (d - Double(k) - 1) / (Double(l * l) * scales[j])) }
        }
        self.lags = lags
        self.tightness = tightness
        self.ownLagMean = ownLagMean
        self.interceptScale = interceptScale
        self.scales = scales
        mean = b
        coefficientVariances = omega
        degreesOfFreedom = covariancePrior.isDiffuse ? 0 : d
        self.covariancePrior = covariancePrior
    }

    /// Ψ, k x k diagonal (zero with the diffuse priors: it adds nothing to S_post).
    public var scaleMatrix: Matrix { covariancePrior.isDiffuse ? Matrix(rows: scales.count, columns: scales.count) : .diagonal(scales) }

    /// What the prior adds to T in Σ's posterior degrees of freedom: d, or k − 1 − (1 + kp)
    /// for `.diffuseKernel` (its coefficient rows are not observations of Σ; p(Σ) ∝ |Σ|^-k).
    var posteriorDegreesShift: Double {
        covariancePrior == .diffuseKernel ? Double(scales.count - 1 - coefficientVariances.count) : degreesOfFreedom
    }

    /// ψ_j for every column of a years x indicators panel: the residual variance
    /// SSR / (n − 2) of the least-squares fit (`dgelsd`) of y_t on [1, y_{t-1}] over the n pairs of
    /// consecutive observed years.
    ///
    /// - Throws: `ModelError.degenerateSeries` when an indicator has fewer than 3 such pairs
    ///   or a zero residual variance (an exact AR(1), e.g. a straight line).
    static func autoregressiveScales(_ values: Matrix, indicators: [String]) throws -> [Double] {
        try (0..<values.columns).map { j in
            let s = values.column(j)
            let pairs = (1..<s.count).filter { !s[$0].isNaN && !s[$0 - 1].isNaN }
            guard pairs.count >= 3 else {
                throw ModelError.degenerateSeries(
                    indicator: indicators[j],
                    reason: "only \(pairs.count) pairs of consecutive observed years; the AR(1) residual variance that scales the Minnesota prior needs at least 3")
            }
            var x = Matrix(rows: pairs.count, columns: 2, repeating: 1), y = Matrix(rows: pairs.count, columns: 1)
            for (r, t) in pairs.enumerated() { x[r, 1] = s[t - 1]; y[r, 0] = s[t] }
            let fit = try leastSquaresMinimumNorm(x, y).solution
            let ssr = pairs.enumerated().reduce(0.0) { acc, e in
                let u = s[e.element] - fit[0, 0] - fit[1, 0] * s[e.element - 1]
                return acc + u * u
            }
            let psi = ssr / Double(pairs.count - 2)
            guard psi > 1e-12 * (1 + s.filter { !$0.isNaN }.map { $0 * $0 }.max()!) else {
                throw ModelError.degenerateSeries(
                    indicator: indicators[j],
                    reason: "its AR(1) fit is exact (residual variance \(psi)), so the Minnesota prior has no scale for it")
            }
            return psi
        }
    }
}
