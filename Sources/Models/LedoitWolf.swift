import Linear

/// The target a Ledoit–Wolf estimate shrinks the sample correlation towards.
public enum LedoitWolfTarget: Sendable, Equatable {
    /// The identity (Ledoit & Wolf 2004, J. Multivariate Anal.): shrinks every correlation
    /// towards 0, so joint tail probabilities lean towards independence.
    case identity
    /// The constant-correlation matrix with off-diagonal r̄, the mean sample correlation
    /// (Ledoit & Wolf 2004, "Honey, I shrunk the sample covariance matrix", J. Portfolio
    /// Management 30(4), §2 and appendix): keeps the average dependence and shrinks each pair's
    /// estimation noise towards it.
    case constantCorrelation
}

/// Ledoit–Wolf shrinkage of a covariance matrix towards its diagonal, from ragged data.
///
/// Ledoit & Wolf (2004), "A well-conditioned estimator for large-dimensional covariance
/// matrices", *J. Multivariate Anal.* 88, 365–411, applied to the standardised data (so the
/// target μI of the paper is the identity for the correlation, i.e. the diagonal of the sample
/// covariance): with z_t the standardised observations (each column mean 0, variance 1 with
/// divisor n), S = (1/n) Σ z_t z_tᵀ,
///
///     d² = ‖S − I‖²_F / p,   b̄² = Σ_t ‖z_t z_tᵀ − S‖²_F / (p n²),   b² = min(b̄², d²),
///     intensity δ = b² / d²,   R = (1 − δ) S + δ I,   Σ̂ = D R D,  D = diag(sample sd)
///
/// (their Lemmas 3.2–3.4 and Theorem 3.1; scikit-learn's `ledoit_wolf_shrinkage` on the
/// standardised data). Ragged histories (NaN = missing) use pairwise-complete estimates: each
/// column standardised on its own years; s_ij and the b̄² term (1/n_ij²) Σ (z_ti z_tj − s_ij)²
/// over the n_ij years both observe; a pair with fewer than `minimumOverlap` common years gets
/// s_ij = 0 and is listed in `sparsePairs`. A column with zero variance or fewer than 2
/// observations gets correlation 0 with every other. On complete data this is exactly the
/// formula above.
///
/// With `.constantCorrelation` the target F has unit diagonal and off-diagonal r̄ (the mean of
/// s_ij over the pairs that are not sparse) and, over those ordered pairs i ≠ j,
///
///     v_ij = Σ_t (z_ti z_tj − s_ij)² / n_ij²,    θ_ij = Σ_t (z_ti² − 1)(z_ti z_tj − s_ij) / n_ij²
///     δ = clamp((Σ v_ij − (r̄/2) Σ (θ_ij + θ_ji)) / Σ (r̄ − s_ij)², 0, 1),   R = δ F + (1 − δ) S
///
/// (the paper's κ/T = (π̂ − ρ̂)/(γ̂ T) on standardised data, whose diagonal terms cancel;
/// pairwise, each over its n_ij common years); sparse pairs keep correlation 0.
public struct LedoitWolfEstimate: Sendable {
    /// The shrinkage target.
    public var target: LedoitWolfTarget = .identity
    /// r̄, the target's off-diagonal (0 for the identity).
    public var targetCorrelation: Double = 0
    /// δ in [0, 1]: 0 keeps the sample correlation, 1 the diagonal.
    public var intensity: Double
    /// The pairwise sample correlation S (`p x p`, unit diagonal, 0 for sparse pairs).
    public var sampleCorrelation: Matrix
    /// R = (1 − δ) S + δ I (`p x p`). With pairwise data it may be indefinite: check before use.
    public var correlation: Matrix
    /// Σ̂ = D R D (`p x p`), in the data's squared units.
    public var covariance: Matrix
    /// Sample standard deviations (divisor n_i, each column on its own observations; 0 with
    /// fewer than 2).
    public var standardDeviations: [Double]
    /// Pairs (i, j), i < j, with fewer than `minimumOverlap` common observations (s_ij = 0).
    public var sparsePairs: [[Int]]
}

/// Ledoit–Wolf shrinkage estimate from `data` (`n x p`: rows are years, columns variables,
/// NaN = missing), towards `target`. See `LedoitWolfEstimate`.
///
/// - Throws: `ModelError.degenerateSeries` for infinite values.
public func ledoitWolf(_ data: Matrix, minimumOverlap: Int = 3, target: LedoitWolfTarget = .identity) throws -> LedoitWolfEstimate {
    let n = data.rows, p = data.columns
    var z = Matrix(rows: n, columns: p, repeating: .nan)
    var sd = [Double](repeating: 0, count: p)
    for j in 0..<p {
        let column = data.column(j)
        if column.contains(where: \.isInfinite) {
            throw ModelError.degenerateSeries(indicator: "column \(j)", reason: "infinite values in the residuals")
        }
        let observed = column.filter(\.isFinite)
        guard observed.count >= 2 else { continue }          // sd 0: correlation 0 with every other
        let mean = observed.reduce(0, +) / Double(observed.count)
        sd[j] = (observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(observed.count)).squareRoot()
        for t in 0..<n where column[t].isFinite { z[t, j] = sd[j] > 0 ? (column[t] - mean) / sd[j] : 0 }
    }
    var s = Matrix.identity(p)
    var pi = 0.0
    var sparse: [[Int]] = []
    for j in 0..<p {
        for i in 0...j where i != j || sd[j] > 0 {
            var count = 0, sum = 0.0
            for t in 0..<n where z[t, i].isFinite && z[t, j].isFinite { count += 1; sum += z[t, i] * z[t, j] }
            guard count >= minimumOverlap else { if i != j { sparse.append([i, j]) }; continue }
            let sij = i == j ? 1 : sum / Double(count)
            var spread = 0.0
            for t in 0..<n where z[t, i].isFinite && z[t, j].isFinite {
                let d = z[t, i] * z[t, j] - sij
                spread += d * d
            }
            let term = spread / Double(count * count)
            pi += i == j ? term : 2 * term
            s[i, j] = sij
            s[j, i] = sij
        }
    }
    if target == .constantCorrelation {
        return constantCorrelationShrinkage(z: z, sample: s, standardDeviations: sd, sparse: sparse, minimumOverlap: minimumOverlap)
    }
    var d2 = 0.0
    for j in 0..<p { for i in 0..<p where i != j { d2 += s[i, j] * s[i, j] } }
    d2 /= Double(p)
    let b2 = min(pi / Double(p), d2)
    let delta = d2 > 0 ? b2 / d2 : 1
    var r = s, cov = s
    for j in 0..<p {
        for i in 0..<p {
            r[i, j] = i == j ? 1 : (1 - delta) * s[i, j]
            cov[i, j] = sd[i] * sd[j] * r[i, j]
        }
    }
    return LedoitWolfEstimate(intensity: delta, sampleCorrelation: s, correlation: r, covariance: cov,
                              standardDeviations: sd, sparsePairs: sparse)
}

/// The `.constantCorrelation` estimate from the standardised data `z` (NaN = missing) and the
/// pairwise sample correlation `s` (see `LedoitWolfEstimate`).
private func constantCorrelationShrinkage(z: Matrix, sample s: Matrix, standardDeviations sd: [Double],
                                          sparse: [[Int]], minimumOverlap: Int) -> LedoitWolfEstimate {
    let n = z.rows, p = z.columns
    var pairs: [(Int, Int)] = []
    for j in 0..<p { for i in 0..<p where i != j && sd[i] > 0 && sd[j] > 0 {
        var count = 0
        for t in 0..<n where z[t, i].isFinite && z[t, j].isFinite { count += 1 }
        if count >= minimumOverlap { pairs.append((i, j)) }
    } }
    let rbar = pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + s[$1.0, $1.1] } / Double(pairs.count)
    var variance = 0.0, covariance = 0.0, distance = 0.0
    for (i, j) in pairs {
        var count = 0, v = 0.0, theta = 0.0
        for t in 0..<n where z[t, i].isFinite && z[t, j].isFinite {
            count += 1
            let d = z[t, i] * z[t, j] - s[i, j]
            v += d * d
            theta += (z[t, i] * z[t, i] - 1) * d
        }
        let m2 = Double(count * count)
        variance += v / m2
        covariance += theta / m2          // Σ over ordered pairs of θ_ij = ½ Σ (θ_ij + θ_ji)
        distance += (rbar - s[i, j]) * (rbar - s[i, j])
    }
    let delta = distance > 0 ? min(max((variance - rbar * covariance) / distance, 0), 1) : 1
    var r = Matrix.identity(p), cov = Matrix(rows: p, columns: p)
    for (i, j) in pairs { r[i, j] = delta * rbar + (1 - delta) * s[i, j] }
    for j in 0..<p { for i in 0..<p { cov[i, j] = sd[i] * sd[j] * r[i, j] } }
    return LedoitWolfEstimate(target: .constantCorrelation, targetCorrelation: rbar, intensity: delta,
                              sampleCorrelation: s, correlation: r, covariance: cov,
                              standardDeviations: sd, sparsePairs: sparse)
}
