import CLAPACK

// Typed wrappers over the level-2 and level-3 BLAS routines the models and the simulation
// use (CBLAS, column-major, leading dimension = rows). Inputs are values: outputs are new
// matrices and never alias an input.

/// The side on which a triangular matrix multiplies the unknown in `trsm`.
public enum Side: Sendable, Equatable {
    /// Solve op(T) X = B.
    case left
    /// Solve X op(T) = B.
    case right
}

@inline(__always)
private func cblasTranspose(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

/// The general matrix product C = alpha op(A) op(B), where op(X) is X or Xᵀ (BLAS `dgemm`).
///
/// With op(A) of shape m x k and op(B) of shape k x n, the result is m x n (column-major).
/// When k = 0 the result is the m x n zero matrix; when m or n is 0 it is empty.
///
/// Performance: op(A) is processed in row blocks of about 256 KiB, each checked for NaN and
/// multiplied while in cache, so a tall product such as the simulation step (N x k)(k x k)
/// reads A from memory once.
///
/// - Parameters:
///   - a: A, `rows x columns`; op(A) is m x k.
///   - b: B; op(B) is k x n.
///   - transposeA: use Aᵀ in place of A.
///   - transposeB: use Bᵀ in place of B.
///   - alpha: the scalar factor (finite).
/// - Throws: `LinearAlgebraError.dimensionMismatch` when the inner dimensions differ;
///   `.nonFinite` when A, B or alpha holds NaN or infinity.
public func gemm(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
                 alpha: Double = 1) throws -> Matrix {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kB = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    guard k == kB else {
        throw LinearAlgebraError.dimensionMismatch(
            "gemm: op(A) is \(m) x \(k) but op(B) is \(kB) x \(n)")
    }
    guard alpha.isFinite else { throw LinearAlgebraError.nonFinite("gemm: alpha = \(alpha)") }
    try checkDimensions(a, "gemm: A")
    try checkInput(b, "gemm: B")
    guard m > 0, n > 0, k > 0 else {
        try checkInput(a, "gemm: A")
        return Matrix(rows: m, columns: n)
    }
    // Row blocks of op(A) and C of about 256 KiB: each block of A is checked for NaN and
    // infinity and then multiplied while it is still in cache, so the check costs no
    // second pass over memory when N is large (the simulation step, N x k by k x k).
    let block = Swift.max(64, 32_768 / (k + n))
    var finite = true
    let c = a.elements.withUnsafeBufferPointer { pa in
        b.elements.withUnsafeBufferPointer { pb in
            Matrix(rows: m, columns: n) { pc in
                var first = 0
                while first < m {
                    let count = Swift.min(block, m - first)
                    if transposeA {
                        finite = allFinite(UnsafeBufferPointer(rebasing: pa[(first * k)..<((first + count) * k)]))
                    } else {
                        for j in 0..<k where finite {
                            finite = allFinite(UnsafeBufferPointer(rebasing: pa[(first + j * m)..<(first + count + j * m)]))
                        }
                    }
                    guard finite else { return }
                    cblas_dgemm(CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                                lapackInt(count), lapackInt(n), lapackInt(k), alpha,
                                pa.baseAddress! + (transposeA ? first * k : first), lapackInt(a.leadingDimension),
                                pb.baseAddress, lapackInt(b.leadingDimension),
                                0, pc.baseAddress! + first, lapackInt(m))
                    first += count
                }
            }
        }
    }
    guard finite else { throw nonFiniteError(a, "gemm: A") }
    return c
}

/// The matrix-vector product y = op(A) x, where op(A) is A or Aᵀ (BLAS `dgemv`).
///
/// With op(A) of shape m x n, `x` has n elements and the result m elements. When n = 0 the
/// result is m zeros.
///
/// - Throws: `LinearAlgebraError.dimensionMismatch` when `x.count` is not the number of
///   columns of op(A); `.nonFinite` when A or x holds NaN or infinity.
public func gemv(_ a: Matrix, _ x: [Double], transpose: Bool = false) throws -> [Double] {
    let m = transpose ? a.columns : a.rows
    let n = transpose ? a.rows : a.columns
    guard x.count == n else {
        throw LinearAlgebraError.dimensionMismatch("gemv: op(A) is \(m) x \(n) but x has \(x.count) elements")
    }
    try checkInput(a, "gemv: A")
    try checkInput(x, "gemv: x")
    guard m > 0, n > 0 else { return [Double](repeating: 0, count: m) }
    return a.elements.withUnsafeBufferPointer { pa in
        x.withUnsafeBufferPointer { px in
            [Double](unsafeUninitializedCapacity: m) { py, count in
                cblas_dgemv(CblasColMajor, cblasTranspose(transpose), lapackInt(a.rows), lapackInt(a.columns),
                            1, pa.baseAddress, lapackInt(a.leadingDimension), px.baseAddress, 1,
                            0, py.baseAddress, 1)
                count = m
            }
        }
    }
}

/// The symmetric rank-k product C = A Aᵀ, or C = Aᵀ A when `transpose` is true (BLAS `dsyrk`).
///
/// For A of shape n x k the result is n x n (A Aᵀ) or k x k (Aᵀ A), with both triangles
/// filled. A product over an empty inner dimension is the zero matrix.
///
/// This wrapper does not throw: NaN or infinity in A propagates to the result; use `gemm`
/// (which rejects non-finite input) when A is not known to be finite.
public func syrk(_ a: Matrix, transpose: Bool = false) -> Matrix {
    let n = transpose ? a.columns : a.rows
    let k = transpose ? a.rows : a.columns
    var c = Matrix(rows: n, columns: n)
    guard n > 0, k > 0 else { return c }
    precondition(n <= Int(Int32.max) && k <= Int(Int32.max), "syrk: dimensions beyond LAPACK's 32-bit range")
    a.elements.withUnsafeBufferPointer { pa in
        c.elements.withUnsafeMutableBufferPointer { pc in
            cblas_dsyrk(CblasColMajor, CblasLower, cblasTranspose(transpose), lapackInt(n), lapackInt(k),
                        1, pa.baseAddress, lapackInt(a.leadingDimension), 0, pc.baseAddress, lapackInt(n))
        }
    }
    c.mirrorLowerToUpper()
    return c
}

/// Solves the triangular system op(T) X = B (`side: .left`) or X op(T) = B (`side: .right`)
/// for X, where op(T) is T or Tᵀ (BLAS `dtrsm`, non-unit diagonal).
///
/// T is n x n and only its `lower` (or upper) triangle is read. For `.left`, B is n x m; for
/// `.right`, B is m x n. X has the shape of B.
///
/// - Throws: `LinearAlgebraError.dimensionMismatch` when T is not square or B does not
///   conform; `.singular(index:)` (1-based) when a diagonal element of T is exactly zero,
///   checked before BLAS is called (as LAPACK `dtrtrs` does); `.nonFinite` for NaN or
///   infinity in T or B.
public func trsm(_ t: Matrix, _ b: Matrix, lower: Bool = true, transpose: Bool = false,
                 side: Side = .left) throws -> Matrix {
    try checkSquare(t, "trsm: T")
    let n = t.rows
    let conforming = side == .left ? b.rows : b.columns
    guard conforming == n else {
        throw LinearAlgebraError.dimensionMismatch(
            "trsm: T is \(n) x \(n) but B is \(b.rows) x \(b.columns) (side \(side))")
    }
    try checkInput(t, "trsm: T")
    try checkInput(b, "trsm: B")
    for i in 0..<n where t[i, i] == 0 { throw LinearAlgebraError.singular(index: i + 1) }
    var x = b
    guard b.rows > 0, b.columns > 0 else { return x }
    t.elements.withUnsafeBufferPointer { pt in
        x.elements.withUnsafeMutableBufferPointer { px in
            cblas_dtrsm(CblasColMajor, side == .left ? CblasLeft : CblasRight, lower ? CblasLower : CblasUpper,
                        cblasTranspose(transpose), CblasNonUnit, lapackInt(b.rows), lapackInt(b.columns), 1,
                        pt.baseAddress, lapackInt(t.leadingDimension), px.baseAddress, lapackInt(b.leadingDimension))
        }
    }
    return x
}
