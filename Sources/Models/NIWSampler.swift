import Linear
import Random

/// Exact draws from a Normal-inverse-Wishart distribution,
///
///     Σ ~ IW(S, ν),   vec(B) | Σ ~ N(vec(M), Σ ⊗ P Pᵀ),
///
/// that hand back B and the lower Cholesky factor of Σ without factorising anything per draw:
/// S = L Lᵀ is factorised once, Σ's factor Q comes from `inverseWishartFactor` (Random), and
/// B = M + P Z Qᵀ with Z (r x k) standard normal. Per draw: k χ² and k(k − 1)/2 + r k normals,
/// one triangular inverse and small products in plain loops (orders are a handful of
/// indicators, where a BLAS call costs more than the arithmetic).
///
/// Shapes: M is m x k, P is m x r (any factor of the row covariance), S and L are k x k; all
/// column-major. Units are those of the series (percent for growth rates).
struct NIWSampler: Sendable, Equatable {
    /// M, m x k, column-major.
    let mean: [Double]
    /// P, m x r, column-major.
    private(set) var rowFactor: [Double]
    /// L, k x k, the lower Cholesky factor of S (column-major, upper part zero); nil when Σ is
    /// held fixed at `fixedCholesky`.
    let scaleCholesky: [Double]?
    /// Σ's Cholesky factor when Σ is not drawn.
    let fixedCholesky: [Double]
    let degreesOfFreedom: Double
    let m: Int, r: Int, k: Int

    /// - Parameters:
    ///   - mean: M (m x k); rowFactor: P (m x r).
    ///   - scale: S (k x k, symmetric positive definite) and ν > k − 1, or nil to hold Σ at
    ///     `fixedCholesky` (then only B is drawn).
    ///   - fixedCholesky: the Cholesky factor of Σ used when `scale` is nil.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` from `dpotrf` when S is not positive
    ///   definite; `.invalidArgument(routine: "NIWSampler", position: 3)` when ν ≤ k − 1.
    init(mean: Matrix, rowFactor: Matrix, scale: Matrix?, degreesOfFreedom: Double, fixedCholesky: Matrix? = nil) throws {
        precondition(rowFactor.rows == mean.rows, "NIWSampler: P must have the rows of M")
        self.mean = mean.elements
        self.rowFactor = rowFactor.elements
        m = mean.rows; r = rowFactor.columns; k = mean.columns
        self.degreesOfFreedom = degreesOfFreedom
        if let scale {
            guard degreesOfFreedom > Double(k - 1), degreesOfFreedom.isFinite else {
                throw LinearAlgebraError.invalidArgument(routine: "NIWSampler", position: 3)
            }
            scaleCholesky = try cholesky(scale).lower.elements
            self.fixedCholesky = []
        } else {
            precondition(fixedCholesky?.rows == mean.columns, "NIWSampler: a fixed Σ needs its k x k Cholesky factor")
            scaleCholesky = nil
            self.fixedCholesky = fixedCholesky!.elements
        }
    }

    /// Standard normals a balanced draw takes from `draw(normals:using:)`: k for the χ² (first
    /// candidates of their rejection steps) and k(k − 1)/2 below the diagonal of the Bartlett
    /// factor (none when Σ is fixed), then Z's first row (k): the row the first step's mean
    /// rests on after `rotated(towards:)`. Z's other rows come from the generator.
    var normalCount: Int { bartlettNormalCount + k }

    /// The normals of the Bartlett factor: k(k + 1)/2, none when Σ is fixed.
    private var bartlettNormalCount: Int { scaleCholesky == nil ? 0 : k * (k + 1) / 2 }

    /// One draw: B (m x k) and Σ's lower Cholesky factor Q (k x k), or nil when a drawn value
    /// is not finite. With `normals` (`normalCount` of them, e.g. Φ⁻¹ of balanced quasi-random
    /// points) they replace the generator's values for the Bartlett factor and Z's first row;
    /// the χ² rejection steps' later candidates and Z's other rows come from `g`. It is an exact
    /// draw either way.
    func draw(normals: ArraySlice<Double>? = nil, using g: inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)? {
        var next = normals?.startIndex ?? 0
        var q = fixedCholesky
        if let l = scaleCholesky {
            let used = normals.map { $0.prefix(bartlettNormalCount) }
            q = inverseWishartFactor(scaleCholesky: l, order: k, degreesOfFreedom: degreesOfFreedom, normals: used, using: &g)
            next += used?.count ?? 0
        }
        var z = [Double](repeating: 0, count: r * k)
        z.withUnsafeMutableBufferPointer { g.fillStandardNormal($0) }
        if let normals {
            for j in 0..<k { z[j * r] = normals[next]; next += 1 }
        }
        // W = Z Qᵀ (r x k): W_ij = Σ_{l ≤ j} Z_il Q_jl
        var w = [Double](repeating: 0, count: r * k)
        for j in 0..<k {
            for l in 0...j {
                let qjl = q[j + l * k]
                for i in 0..<r { w[i + j * r] += z[i + l * r] * qjl }
            }
        }
        // B = M + P W
        var b = mean
        for j in 0..<k {
            for l in 0..<r {
                let wlj = w[l + j * r]
                for i in 0..<m { b[i + j * m] += rowFactor[i + l * m] * wlj }
            }
        }
        guard b.allSatisfy({ $0.isFinite }), q.allSatisfy({ $0.isFinite }) else { return nil }
        var coefficients = Matrix(rows: m, columns: k), factor = Matrix(rows: k, columns: k)
        coefficients.elements = b
        factor.elements = q
        return (coefficients, factor)
    }

    /// The same distribution with the row factor P replaced by P H, H the Householder
    /// reflection that takes e₁ to a / ‖a‖, a = Pᵀx (P H Hᵀ Pᵀ = P Pᵀ, so the draws are the same
    /// in law): then xᵀB = xᵀM + ‖a‖ Z₁ Qᵀ depends on the first row of Z only, which
    /// `draw(normals:using:)` takes first. With x the regressors of the first forecast step
    /// (1 and the base year's lags), the first step's mean rests on k of Z's r k normals, which
    /// a balanced set of normals then covers well.
    ///
    /// - Parameter x: m elements.
    func rotated(towards x: [Double]) -> NIWSampler {
        precondition(x.count == m, "NIWSampler.rotated: x must have m elements")
        var a = [Double](repeating: 0, count: r)
        for c in 0..<r { for i in 0..<m { a[c] += rowFactor[i + c * m] * x[i] } }
        let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite, r > 1 else { return self }
        var v = a.map { $0 / norm }
        v[0] -= 1                                     // v = a/‖a‖ − e₁; H = I − 2 v vᵀ / vᵀv
        let vv = v.reduce(0) { $0 + $1 * $1 }
        guard vv > 1e-24 else { return self }         // a already along e₁
        var p = rowFactor
        for i in 0..<m {
            var pv = 0.0
            for c in 0..<r { pv += rowFactor[i + c * m] * v[c] }
            for c in 0..<r { p[i + c * m] -= 2 * pv * v[c] / vv }
        }
        var out = self
        out.rowFactor = p
        return out
    }
}

/// Φ⁻¹ of each uniform (inputs of `NIWSampler.draw(normals:using:)` from quasi-random points).
func standardNormals(_ u: ArraySlice<Double>) -> ArraySlice<Double> {
    ArraySlice(u.map(standardNormalQuantile))
}
