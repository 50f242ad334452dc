import CLAPACK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix, with L
/// lower triangular and a positive diagonal (LAPACK `dpotrf`, `uplo = 'L'`).
public struct CholeskyFactor: Equatable, Sendable {
    /// L, n x n, column-major, lower triangular; the strictly upper triangle is zero.
    public let lower: Matrix

    /// A factor from a lower-triangular L computed elsewhere.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when L is not square;
    ///   `.nonFinite` for NaN or infinity; `.notPositiveDefinite(order:)` (1-based) at
    ///   the first diagonal element that is not positive. The strictly upper triangle of
    ///   `lower` is ignored (set to zero).
    public init(lower: Matrix) throws {
        try checkSquare(lower, "CholeskyFactor: L")
        try checkInput(lower, "CholeskyFactor: L")
        for i in 0..<lower.rows where !(lower[i, i] > 0) {
            throw LinearAlgebraError.notPositiveDefinite(order: i + 1)
        }
        var l = lower
        l.zeroStrictUpper()
        self.lower = l
    }

    fileprivate init(validLower: Matrix) { self.lower = validLower }

    /// The order n of A.
    public var order: Int { lower.rows }

    /// Solves A X = B with A = L Lᵀ (LAPACK `dpotrs`).
    ///
    /// - Parameter b: B, n x m, column-major.
    /// - Returns: X, n x m.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `b.rows != n`; `.nonFinite`
    ///   for NaN or infinity in B.
    public func solve(_ b: Matrix) throws -> Matrix {
        let n = order
        guard b.rows == n else {
            throw LinearAlgebraError.dimensionMismatch("CholeskyFactor.solve: A is \(n) x \(n) but B has \(b.rows) rows")
        }
        try checkInput(b, "CholeskyFactor.solve: B")
        var x = b
        guard n > 0, b.columns > 0 else { return x }
        let info = lower.elements.withUnsafeBufferPointer { pl in
            x.elements.withUnsafeMutableBufferPointer { px in
                LAPACKE_dpotrs(lapackColumnMajor, lapackCharacter("L"), lapackInt(n), lapackInt(b.columns),
                               pl.baseAddress, lapackInt(n), px.baseAddress, lapackInt(n))
            }
        }
        try checkInfo(info, "dpotrs") { LinearAlgebraError.singular(index: $0) }
        return x
    }

    /// A⁻¹ = (L Lᵀ)⁻¹, n x n, symmetric with both triangles filled (LAPACK `dpotri`).
    ///
    /// - Throws: `LinearAlgebraError.singular(index:)` (1-based) if a diagonal element of
    ///   L is exactly zero (cannot happen for a factor built by `cholesky` or `init(lower:)`).
    public func inverse() throws -> Matrix {
        let n = order
        var inv = lower
        guard n > 0 else { return inv }
        let info = inv.elements.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpotri(lapackColumnMajor, lapackCharacter("L"), lapackInt(n), p.baseAddress, lapackInt(n))
        }
        try checkInfo(info, "dpotri") { LinearAlgebraError.singular(index: $0) }
        inv.mirrorLowerToUpper()
        return inv
    }

    /// log det A = 2 Σᵢ log Lᵢᵢ (0 for the empty matrix).
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<order { s += log(lower[i, i]) }
        return 2 * s
    }
}

/// The Cholesky factor L of a symmetric positive-definite A = L Lᵀ (LAPACK `dpotrf`,
/// `uplo = 'L'`).
///
/// - Parameter a: A, n x n, column-major. Only its lower triangle is read (as LAPACK does);
///   the upper triangle is assumed to mirror it.
/// - Returns: the factor; `lower` has a zero strictly upper triangle.
/// - Throws: `LinearAlgebraError.dimensionMismatch` when A is not square; `.nonFinite` for
///   NaN or infinity; `.notPositiveDefinite(order:)` when the leading minor of that
///   (1-based) order is not positive (`dpotrf` `info > 0`). `nearestPositiveDefinite`
///   repairs such a covariance estimate.
public func cholesky(_ a: Matrix) throws -> CholeskyFactor {
    try checkSquare(a, "cholesky: A")
    try checkInput(a, "cholesky: A")
    let n = a.rows
    var l = a
    if n > 0 {
        let info = l.elements.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpotrf(lapackColumnMajor, lapackCharacter("L"), lapackInt(n), p.baseAddress, lapackInt(n))
        }
        try checkInfo(info, "dpotrf") { LinearAlgebraError.notPositiveDefinite(order: $0) }
    }
    l.zeroStrictUpper()
    return CholeskyFactor(validLower: l)
}
