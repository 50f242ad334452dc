import Linear

/// A Wishart draw W ~ W_p(S, ν) with scale S = L Lᵀ: mean ν S, and
/// Var(W_ij) = ν (S_ij² + S_ii S_jj).
///
/// Bartlett decomposition (Bartlett 1933; Anderson 2003, *An Introduction to Multivariate
/// Statistical Analysis*, 3rd ed., §7.2): W = L A Aᵀ Lᵀ with A lower triangular,
/// A_ii = √χ²(ν - i + 1) (1-based i) and A_ij ~ N(0, 1) for i > j, all independent. ν may be
/// any real number > p - 1. Draw order: column by column, the diagonal chi-square first, then
/// the normals below it.
///
/// - Parameters:
///   - scaleCholesky: the lower Cholesky factor L of S (p x p; only the lower triangle is read).
///   - degreesOfFreedom: ν > p - 1.
/// - Returns: the symmetric p x p matrix W.
/// - Precondition: `scaleCholesky` is square and ν > p - 1 (callers validate user input).
public func wishart(scaleCholesky: Matrix, degreesOfFreedom: Double, using g: inout Philox4x32) -> Matrix {
    let p = scaleCholesky.rows
    precondition(scaleCholesky.columns == p, "wishart: scale Cholesky factor must be square")
    precondition(degreesOfFreedom > Double(p - 1) && degreesOfFreedom.isFinite,
                 "wishart: degrees of freedom \(degreesOfFreedom) must exceed p - 1 = \(p - 1)")
    let a = TriangularKernels.bartlettFactor(order: p, degreesOfFreedom: degreesOfFreedom, using: &g)
    let b = TriangularKernels.lowerTimesLower(scaleCholesky.elements, a, order: p)
    return TriangularKernels.outerProduct(b, order: p)
}

/// An inverse-Wishart draw Σ ~ IW_p(S, ν), i.e. Σ⁻¹ ~ W_p(S⁻¹, ν): mean S / (ν - p - 1) for
/// ν > p + 1 (Anderson 2003, §7.7).
///
/// With S = L Lᵀ and the Bartlett factor A of `wishart`, L⁻ᵀ A Aᵀ L⁻¹ ~ W_p(S⁻¹, ν), so
/// Σ = (L A⁻ᵀ)(L A⁻ᵀ)ᵀ: one Cholesky factorisation and one triangular inverse of order p,
/// no full inverse of S.
///
/// - Parameters:
///   - scale: S, symmetric positive definite p x p (only the lower triangle is read).
///   - degreesOfFreedom: ν > p - 1 (the mean exists only for ν > p + 1).
/// - Returns: the symmetric p x p matrix Σ.
/// - Throws: `LinearAlgebraError.dimensionMismatch` if S is not square, `.nonFinite` if S or ν
///   is NaN or infinite, `.invalidArgument(routine: "inverseWishart", position: 2)` if
///   ν ≤ p - 1, `.notPositiveDefinite(order:)` if S is not positive definite.
public func inverseWishart(scale: Matrix, degreesOfFreedom: Double, using g: inout Philox4x32) throws -> Matrix {
    let p = scale.rows
    guard scale.columns == p else {
        throw LinearAlgebraError.dimensionMismatch("inverseWishart: scale is \(scale.rows) x \(scale.columns), not square")
    }
    guard degreesOfFreedom.isFinite, scale.elements.allSatisfy({ $0.isFinite }) else {
        throw LinearAlgebraError.nonFinite("inverseWishart: scale or degrees of freedom")
    }
    guard degreesOfFreedom > Double(p - 1) else {
        throw LinearAlgebraError.invalidArgument(routine: "inverseWishart", position: 2)
    }
    let l = try cholesky(scale).lower.elements  // dpotrf
    let a = TriangularKernels.bartlettFactor(order: p, degreesOfFreedom: degreesOfFreedom, using: &g)
    let t = TriangularKernels.lowerInverse(a, order: p)
    let b = TriangularKernels.lowerTimesUpperTransposed(l, t, order: p)
    return TriangularKernels.outerProduct(b, order: p)
}
