/// The result of `nearestPositiveDefinite`.
public struct NearestSPD: Equatable, Sendable {
    /// The repaired matrix X, n x n, symmetric with every eigenvalue >= the clip level
    /// (the input itself when no repair was needed).
    public let matrix: Matrix
    /// ‖A − X‖_F, the Frobenius distance the repair moved the input (0 when unchanged).
    public let frobeniusDistance: Double
    /// False when the input was already symmetric with every eigenvalue >= the clip level
    /// and is returned unchanged.
    public let wasRepaired: Bool
}

/// The nearest symmetric positive-definite matrix to A in the Frobenius norm, with
/// eigenvalues bounded below (Higham 1988, "Computing a nearest symmetric positive
/// semidefinite matrix", Linear Algebra Appl. 103:103–118, Theorem 2.1).
///
/// With B = (A + Aᵀ)/2 = Q diag(λ) Qᵀ (LAPACK `dsyevr`), the result is
/// X = Q diag(max(λᵢ, δ)) Qᵀ, the Frobenius-nearest symmetric matrix to A whose eigenvalues
/// are all >= δ. For symmetric A, ‖A − X‖_F = sqrt(Σᵢ (max(λᵢ, δ) − λᵢ)²). Used for
/// covariance estimates that fail `cholesky`; X is formed as W Wᵀ with W = Q diag(√max(λᵢ, δ))
/// so that it is exactly symmetric.
///
/// The clip level is δ = max(`minimumEigenvalue`, 4 (n + 1) ε maxᵢ|λᵢ|): the second term,
/// relative to the scale of A, keeps rounding in the reconstruction from undoing positive
/// definiteness, so that `cholesky(result.matrix)` succeeds.
///
/// - Parameters:
///   - a: A, n x n, column-major (need not be symmetric).
///   - minimumEigenvalue: the absolute lower bound δ for the eigenvalues, in the units of A
///     (e.g. squared percentage points for a covariance of growth rates); finite and > 0.
/// - Throws: `LinearAlgebraError.dimensionMismatch` when A is not square; `.nonFinite` for
///   NaN or infinity; `.invalidArgument(routine: "nearestPositiveDefinite", position: 2)` when
///   `minimumEigenvalue` is not finite and positive; `.noConvergence` from `dsyevr`.
public func nearestPositiveDefinite(_ a: Matrix, minimumEigenvalue: Double = 1e-10) throws -> NearestSPD {
    try checkSquare(a, "nearestPositiveDefinite: A")
    try checkInput(a, "nearestPositiveDefinite: A")
    guard minimumEigenvalue.isFinite, minimumEigenvalue > 0 else {
        throw LinearAlgebraError.invalidArgument(routine: "nearestPositiveDefinite", position: 2)
    }
    let n = a.rows
    let symmetric = try a.symmetricPart()
    let eigen = try symmetricEigen(symmetric)
    let spectralRadius = Swift.max(Swift.abs(eigen.values.first ?? 0), Swift.abs(eigen.values.last ?? 0))
    let clip = Swift.max(minimumEigenvalue, 4 * Double(n + 1) * Double.ulpOfOne * spectralRadius)
    let result: Matrix
    if (eigen.values.first ?? clip) >= clip {
        guard symmetric != a else { return NearestSPD(matrix: a, frobeniusDistance: 0, wasRepaired: false) }
        result = symmetric
    } else {
        var w = eigen.vectors
        for j in 0..<n {
            let root = Swift.max(eigen.values[j], clip).squareRoot()
            for i in 0..<n { w[i, j] *= root }
        }
        result = syrk(w)
    }
    let distance = try a.subtracting(result).frobeniusNorm
    return NearestSPD(matrix: result, frobeniusDistance: distance, wasRepaired: true)
}
