import CLAPACK

/// The eigendecomposition A = Q diag(λ) Qᵀ of a real symmetric matrix.
public struct SymmetricEigen: Equatable, Sendable {
    /// The n eigenvalues λ, ascending.
    public let values: [Double]
    /// Q, n x n, column-major and orthogonal: column j is the unit eigenvector of `values[j]`.
    public let vectors: Matrix
}

/// Eigenvalues and eigenvectors of a real symmetric matrix by the MRRR algorithm (LAPACK
/// `dsyevr`, all eigenpairs, absolute tolerance = the safe minimum for full relative accuracy).
///
/// - Parameter a: A, n x n, column-major. Only its lower triangle is read; the upper is
///   assumed to mirror it.
/// - Throws: `LinearAlgebraError.dimensionMismatch` when A is not square; `.nonFinite` for
///   NaN or infinity; `.noConvergence(routine: "dsyevr", info:)` on an internal failure.
public func symmetricEigen(_ a: Matrix) throws -> SymmetricEigen {
    try checkSquare(a, "symmetricEigen: A")
    try checkInput(a, "symmetricEigen: A")
    let n = a.rows
    guard n > 0 else { return SymmetricEigen(values: [], vectors: Matrix(rows: 0, columns: 0)) }
    var work = a
    var values = [Double](repeating: 0, count: n)
    var vectors = Matrix(rows: n, columns: n)
    var support = [Int32](repeating: 0, count: 2 * n)
    var found: Int32 = 0
    let info = work.elements.withUnsafeMutableBufferPointer { pa in
        vectors.elements.withUnsafeMutableBufferPointer { pz in
            LAPACKE_dsyevr(lapackColumnMajor, lapackCharacter("V"), lapackCharacter("A"), lapackCharacter("L"),
                           lapackInt(n), pa.baseAddress, lapackInt(n), 0, 0, 0, 0,
                           Double.leastNormalMagnitude, &found, &values, pz.baseAddress, lapackInt(n), &support)
        }
    }
    try checkInfo(info, "dsyevr") { LinearAlgebraError.noConvergence(routine: "dsyevr", info: $0) }
    return SymmetricEigen(values: values, vectors: vectors)
}

/// A complex number a + b i, as returned for the eigenvalues of a real matrix.
public struct ComplexValue: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The real part a.
    public let real: Double
    /// The imaginary part b.
    public let imaginary: Double

    public init(real: Double, imaginary: Double) {
        self.real = real
        self.imaginary = imaginary
    }

    /// |a + b i| = sqrt(a² + b²), computed without undue overflow or underflow.
    public var modulus: Double {
        let scale = Swift.max(Swift.abs(real), Swift.abs(imaginary))
        guard scale > 0, scale.isFinite else { return scale }
        let x = real / scale, y = imaginary / scale
        return scale * (x * x + y * y).squareRoot()
    }

    public var description: String {
        imaginary < 0 ? "\(real) - \(-imaginary)i" : "\(real) + \(imaginary)i"
    }
}

/// The eigenvalues of a real general (non-symmetric) matrix by the Hessenberg QR algorithm
/// (LAPACK `dgeev`, no eigenvectors). For a VAR(p), the process is stable when every
/// eigenvalue of its companion matrix has modulus < 1.
///
/// - Parameter a: A, n x n, column-major.
/// - Returns: the n eigenvalues sorted by modulus, largest first (ties keep LAPACK's order,
///   so a complex-conjugate pair appears with the positive imaginary part first).
/// - Throws: `LinearAlgebraError.dimensionMismatch` when A is not square; `.nonFinite` for
///   NaN or infinity; `.noConvergence(routine: "dgeev", info:)` when the QR algorithm failed
///   to compute all eigenvalues.
public func eigenvalues(_ a: Matrix) throws -> [ComplexValue] {
    try checkSquare(a, "eigenvalues: A")
    try checkInput(a, "eigenvalues: A")
    let n = a.rows
    guard n > 0 else { return [] }
    var work = a
    var wr = [Double](repeating: 0, count: n)
    var wi = [Double](repeating: 0, count: n)
    let info = work.elements.withUnsafeMutableBufferPointer { pa in
        LAPACKE_dgeev(lapackColumnMajor, lapackCharacter("N"), lapackCharacter("N"), lapackInt(n),
                      pa.baseAddress, lapackInt(n), &wr, &wi, nil, 1, nil, 1)
    }
    try checkInfo(info, "dgeev") { LinearAlgebraError.noConvergence(routine: "dgeev", info: $0) }
    let values = (0..<n).map { ComplexValue(real: wr[$0], imaginary: wi[$0]) }
    let moduli = values.map(\.modulus)
    return (0..<n).sorted { moduli[$0] > moduli[$1] }.map { values[$0] }
}
