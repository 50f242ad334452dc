import CLAPACK

// Linear least squares min ‖A X − B‖_F (overdetermined) or the minimum-norm solution of
// A X = B (underdetermined), column by column of B.

/// Shape checks shared by both solvers; returns (m, n, number of right-hand sides).
private func checkLeastSquares(_ a: Matrix, _ b: Matrix, _ routine: String) throws -> (Int, Int, Int) {
    guard b.rows == a.rows else {
        throw LinearAlgebraError.dimensionMismatch(
            "\(routine): A is \(a.rows) x \(a.columns) but B has \(b.rows) rows")
    }
    try checkInput(a, "\(routine): A")
    try checkInput(b, "\(routine): B")
    return (a.rows, a.columns, b.columns)
}

/// B copied into a max(1, m, n) x nrhs work array, as `dgels` and `dgelsd` require: the
/// solution (n rows) overwrites it.
private func rightHandSideWorkspace(_ b: Matrix, n: Int) -> Matrix {
    let ldb = Swift.max(1, b.rows, n)
    if ldb == b.rows { return b }
    var w = Matrix(rows: ldb, columns: b.columns)
    for j in 0..<b.columns {
        for i in 0..<b.rows { w.elements[i + j * ldb] = b.elements[i + j * b.rows] }
    }
    return w
}

/// The first `n` rows of the work array: the solution X, n x nrhs.
private func solutionRows(_ w: Matrix, n: Int) -> Matrix {
    if w.rows == n { return w }
    var x = Matrix(rows: n, columns: w.columns)
    for j in 0..<w.columns {
        for i in 0..<n { x.elements[i + j * n] = w.elements[i + j * w.rows] }
    }
    return x
}

/// Least squares by QR (m >= n) or LQ (m < n) factorisation of a full-rank A (LAPACK `dgels`).
///
/// For m >= n, X minimises ‖A X − B‖_F; for m < n it is the minimum-norm solution of
/// A X = B. A is m x n and B m x nrhs (column-major); X is n x nrhs. With m, n or nrhs equal
/// to 0 the solution is the n x nrhs zero matrix.
///
/// Rank deficiency: `dgels` itself only stops on an exactly zero diagonal element of the
/// triangular factor R (or L). This wrapper also rejects a numerically rank-deficient A,
/// |Rⱼⱼ| <= max(m, n) ε maxᵢ|Rᵢᵢ|, whose solution would be dominated by rounding; use
/// `leastSquaresMinimumNorm` (`dgelsd`) for such a design.
///
/// - Throws: `LinearAlgebraError.dimensionMismatch` when `b.rows != a.rows`; `.nonFinite`
///   for NaN or infinity; `.singular(index:)` (1-based column of the triangular factor)
///   when A is (numerically) rank deficient.
public func leastSquares(_ a: Matrix, _ b: Matrix) throws -> Matrix {
    let (m, n, nrhs) = try checkLeastSquares(a, b, "leastSquares (dgels)")
    guard m > 0, n > 0, nrhs > 0 else { return Matrix(rows: n, columns: nrhs) }
    var qr = a
    var w = rightHandSideWorkspace(b, n: n)
    let info = qr.elements.withUnsafeMutableBufferPointer { pa in
        w.elements.withUnsafeMutableBufferPointer { pb in
            LAPACKE_dgels(lapackColumnMajor, lapackCharacter("N"), lapackInt(m), lapackInt(n), lapackInt(nrhs),
                          pa.baseAddress, lapackInt(m), pb.baseAddress, lapackInt(w.rows))
        }
    }
    try checkInfo(info, "dgels") { LinearAlgebraError.singular(index: $0) }
    let diagonal = qr.diagonalElements.map { Swift.abs($0) }
    let tolerance = Double(Swift.max(m, n)) * Double.ulpOfOne * (diagonal.max() ?? 0)
    if let j = diagonal.firstIndex(where: { $0 <= tolerance }) {
        throw LinearAlgebraError.singular(index: j + 1)
    }
    return solutionRows(w, n: n)
}

/// The result of `leastSquaresMinimumNorm`.
public struct LeastSquaresSolution: Equatable, Sendable {
    /// X, n x nrhs: the minimum-norm minimiser of ‖A X − B‖_F.
    public let solution: Matrix
    /// The effective rank of A: the number of singular values above rcond · σ₁.
    public let rank: Int
    /// The min(m, n) singular values of A, descending.
    public let singularValues: [Double]
}

/// Rank-revealing least squares by the singular value decomposition, divide and conquer
/// (LAPACK `dgelsd`): the minimum-norm X minimising ‖A X − B‖_F.
///
/// Singular values σᵢ <= rcond · σ₁ are treated as zero, so a rank-deficient A (a duplicated
/// regressor, a constant column twice) yields `rank < n` and a finite solution.
///
/// - Parameters:
///   - a: A, m x n, column-major.
///   - b: B, m x nrhs.
///   - rcond: relative threshold; `nil` means max(m, n) ε (numpy's `lstsq` default).
///     Must be finite.
/// - Returns: X (n x nrhs), the rank and the singular values. With m, n or nrhs equal to 0,
///   X is zero; with m or n equal to 0, rank is 0 and there are no singular values.
/// - Throws: `LinearAlgebraError.dimensionMismatch` when `b.rows != a.rows`; `.nonFinite`
///   for NaN or infinity (also in `rcond`); `.noConvergence(routine: "dgelsd", info:)` when
///   the SVD fails to converge (`info` off-diagonal elements did not reach zero).
public func leastSquaresMinimumNorm(_ a: Matrix, _ b: Matrix, rcond: Double? = nil) throws -> LeastSquaresSolution {
    let (m, n, nrhs) = try checkLeastSquares(a, b, "leastSquaresMinimumNorm (dgelsd)")
    let threshold = rcond ?? Double(Swift.max(m, n)) * Double.ulpOfOne
    guard threshold.isFinite else {
        throw LinearAlgebraError.nonFinite("leastSquaresMinimumNorm: rcond = \(threshold)")
    }
    guard m > 0, n > 0 else {
        return LeastSquaresSolution(solution: Matrix(rows: n, columns: nrhs), rank: 0, singularValues: [])
    }
    var work = a
    // dgelsd needs at least one right-hand side column to run; the rank and singular
    // values do not depend on B.
    var w = rightHandSideWorkspace(nrhs > 0 ? b : Matrix(rows: m, columns: 1), n: n)
    var s = [Double](repeating: 0, count: Swift.min(m, n))
    var rank: Int32 = 0
    let info = work.elements.withUnsafeMutableBufferPointer { pa in
        w.elements.withUnsafeMutableBufferPointer { pb in
            LAPACKE_dgelsd(lapackColumnMajor, lapackInt(m), lapackInt(n), lapackInt(w.columns),
                           pa.baseAddress, lapackInt(m), pb.baseAddress, lapackInt(w.rows),
                           &s, threshold, &rank)
        }
    }
    try checkInfo(info, "dgelsd") { LinearAlgebraError.noConvergence(routine: "dgelsd", info: $0) }
    let x = nrhs > 0 ? solutionRows(w, n: n) : Matrix(rows: n, columns: 0)
    return LeastSquaresSolution(solution: x, rank: Int(rank), singularValues: s)
}
