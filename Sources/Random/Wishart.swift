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

/// The lower Cholesky factor Q of an inverse-Wishart draw Σ = Q Qᵀ ~ IW_p(S, ν), from the lower
/// Cholesky factor L of S (factorised once by the caller), with no factorisation per draw.
///
/// With A lower triangular, A_jj = √χ²(ν − (p − 1 − j)) (0-based j) and A_ij ~ N(0, 1) for
/// i > j, all independent, Aᵀ is Bartlett's factor with rows and columns taken in reverse
/// order, so AᵀA ~ W_p(I, ν) (Bartlett 1933; Anderson 2003, §7.2) and
/// Σ⁻¹ = L⁻ᵀ AᵀA L⁻¹ ~ W_p(S⁻¹, ν); then Σ = (L A⁻¹)(L A⁻¹)ᵀ with L A⁻¹ lower triangular with a
/// positive diagonal: Σ's Cholesky factor.
///
/// - Parameters:
///   - scaleCholesky: L, p x p column-major (only the lower triangle is read).
///   - degreesOfFreedom: ν > p − 1.
///   - normals: when given, p(p + 1)/2 standard normals (e.g. Φ⁻¹ of quasi-random points): first
///     the p χ²s' first candidates (Marsaglia–Tsang; a χ² with fewer than 2 degrees of freedom
///     ignores its normal and is drawn from `g`), then A's subdiagonal row by row. The draw is
///     exact either way.
/// - Returns: Q, p x p column-major, lower triangular.
/// - Precondition: ν > p − 1 and `normals`, when given, holds p(p + 1)/2 values.
public func inverseWishartFactor(scaleCholesky l: [Double], order p: Int, degreesOfFreedom nu: Double,
                                 normals: ArraySlice<Double>? = nil, using g: inout Philox4x32) -> [Double] {
    precondition(nu > Double(p - 1) && nu.isFinite, "inverseWishartFactor: degrees of freedom must exceed p - 1")
    precondition(normals == nil || normals!.count == p * (p + 1) / 2, "inverseWishartFactor: p(p + 1)/2 normals")
    var a = [Double](repeating: 0, count: p * p)
    var next = normals?.startIndex ?? 0
    for j in 0..<p {
        let dof = nu - Double(p - 1 - j)
        if let normals, dof >= 2 {
            a[j + j * p] = g.nextChiSquared(degreesOfFreedom: dof, firstNormal: normals[next]).squareRoot()
        } else {
            a[j + j * p] = g.nextChiSquared(degreesOfFreedom: dof).squareRoot()
        }
        if normals != nil { next += 1 }
    }
    for i in 0..<p {
        for j in 0..<i {
            if let normals { a[i + j * p] = normals[next]; next += 1 } else { a[i + j * p] = g.nextStandardNormal() }
        }
    }
    return TriangularKernels.lowerTimesLower(l, TriangularKernels.lowerInverse(a, order: p), order: p)
}
