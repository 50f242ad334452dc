import CLAPACK

/// The thin singular value decomposition A = U diag(σ) Vᵀ.
public struct SingularValueDecomposition: Equatable, Sendable {
    /// U, m x p with p = min(m, n), orthonormal columns (left singular vectors).
    public let u: Matrix
    /// σ, the p singular values, descending and non-negative.
    public let singularValues: [Double]
    /// Vᵀ, p x n, orthonormal rows (right singular vectors).
    public let vt: Matrix
}

/// The thin (economy) singular value decomposition of a real matrix (LAPACK `dgesvd`,
/// `jobu = jobvt = 'S'`).
///
/// - Parameter a: A, m x n, column-major.
/// - Returns: U (m x p), σ (p), Vᵀ (p x n), p = min(m, n); for an empty A, p = 0.
/// - Throws: `LinearAlgebraError.nonFinite` for NaN or infinity;
///   `.noConvergence(routine: "dgesvd", info:)` when the bidiagonal QR iteration left
///   `info` superdiagonals unconverged.
public func svd(_ a: Matrix) throws -> SingularValueDecomposition {
    try checkInput(a, "svd: A")
    let m = a.rows, n = a.columns, p = Swift.min(m, n)
    guard p > 0 else {
        return SingularValueDecomposition(u: Matrix(rows: m, columns: 0), singularValues: [],
                                          vt: Matrix(rows: 0, columns: n))
    }
    var work = a
    var s = [Double](repeating: 0, count: p)
    var u = Matrix(rows: m, columns: p)
    var vt = Matrix(rows: p, columns: n)
    var superdiagonal = [Double](repeating: 0, count: Swift.max(1, p - 1))
    let info = work.elements.withUnsafeMutableBufferPointer { pa in
        u.elements.withUnsafeMutableBufferPointer { pu in
            vt.elements.withUnsafeMutableBufferPointer { pv in
                LAPACKE_dgesvd(lapackColumnMajor, lapackCharacter("S"), lapackCharacter("S"), lapackInt(m), lapackInt(n),
                               pa.baseAddress, lapackInt(m), &s, pu.baseAddress, lapackInt(m),
                               pv.baseAddress, lapackInt(p), &superdiagonal)
            }
        }
    }
    try checkInfo(info, "dgesvd") { LinearAlgebraError.noConvergence(routine: "dgesvd", info: $0) }
    return SingularValueDecomposition(u: u, singularValues: s, vt: vt)
}
