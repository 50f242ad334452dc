/// A dense matrix of `Double` in column-major storage, as BLAS and LAPACK expect.
///
/// Element (i, j) (zero-based row i, column j) lives at `elements[i + j * rows]`; the
/// leading dimension passed to BLAS/LAPACK is `rows` (at least 1). A matrix is a value:
/// wrappers that factor or overwrite return a new `Matrix` and never alias their input.
///
/// Only the operations the models need live here; the linear algebra proper is in the
/// typed BLAS/LAPACK wrappers of this module.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    /// Number of rows (>= 0).
    public let rows: Int
    /// Number of columns (>= 0).
    public let columns: Int
    /// The `rows x columns` elements in column-major order.
    public var elements: [Double]

    /// A `rows x columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A `rows x columns` matrix from its elements in column-major order.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when
    ///   `columnMajor.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws {
        guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(
                "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) elements, got \(columnMajor.count)")
        }
        self.rows = rows
        self.columns = columns
        self.elements = columnMajor
    }

    /// A matrix from its rows, written as nested arrays (the reading order of a printed
    /// matrix). `[[1, 2], [3, 4]]` is the 2 x 2 matrix with first row (1, 2).
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows differ in length.
    public init(rowMajor nested: [[Double]]) throws {
        let r = nested.count
        let c = nested.first?.count ?? 0
        var e = [Double](repeating: 0, count: r * c)
        for (i, row) in nested.enumerated() {
            guard row.count == c else {
                throw LinearAlgebraError.dimensionMismatch(
                    "row \(i) has \(row.count) elements, row 0 has \(c)")
            }
            for j in 0..<c { e[i + j * r] = row[j] }
        }
        self.rows = r
        self.columns = c
        self.elements = e
    }

    /// The `n x n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = 1 }
        return m
    }

    /// The `n x n` diagonal matrix with `diagonal` on its diagonal.
    public static func diagonal(_ diagonal: [Double]) -> Matrix {
        let n = diagonal.count
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = diagonal[i] }
        return m
    }

    /// Element (row, column), zero-based. Bounds are checked in debug builds.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get {
            assert(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return elements[row + column * rows]
        }
        set {
            assert(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            elements[row + column * rows] = newValue
        }
    }

    /// Leading dimension for BLAS/LAPACK: `max(1, rows)`.
    @inlinable
    public var leadingDimension: Int { Swift.max(1, rows) }

    /// True when `rows == columns`.
    public var isSquare: Bool { rows == columns }

    /// Column `j` as an array of `rows` elements.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array of `columns` elements.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { elements[i + $0 * rows] }
    }

    /// The diagonal, `min(rows, columns)` elements.
    public var diagonalElements: [Double] {
        (0..<Swift.min(rows, columns)).map { elements[$0 + $0 * rows] }
    }

    /// The transpose, a `columns x rows` matrix.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] }
        }
        return t
    }

    /// The rows as nested arrays (for printing and tests).
    public var rowMajor: [[Double]] { (0..<rows).map(row) }

    /// Largest absolute elementwise difference to `other` (infinity when shapes differ).
    public func maxAbsDifference(_ other: Matrix) -> Double {
        guard rows == other.rows, columns == other.columns else { return .infinity }
        var d = 0.0
        for i in elements.indices { d = Swift.max(d, Swift.abs(elements[i] - other.elements[i])) }
        return d
    }

    /// Frobenius norm, sqrt(sum of squared elements).
    public var frobeniusNorm: Double {
        var s = 0.0
        for x in elements { s += x * x }
        return s.squareRoot()
    }

    public var description: String {
        rowMajor.map { $0.map { String($0) }.joined(separator: "\t") }.joined(separator: "\n")
    }
}

/// Failures of the linear algebra wrappers, each saying what failed.
///
/// LAPACK's `info` return is mapped here: `info < 0` (an illegal argument, a bug in the
/// wrapper) becomes `.invalidArgument`; `info > 0` becomes the routine-specific case.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// Shapes do not conform; caught before BLAS/LAPACK is called.
    case dimensionMismatch(String)
    /// Cholesky (`dpotrf`) failed: the leading minor of this order (1-based) is not positive.
    case notPositiveDefinite(order: Int)
    /// A triangular or LU factor has an exact zero pivot at this (1-based) position.
    case singular(index: Int)
    /// An iterative routine (`dgesvd`, `dgelsd`, `dsyevr`, `dgeev`) did not converge.
    case noConvergence(routine: String, info: Int)
    /// LAPACK rejected an argument (`info < 0`): the argument index and routine.
    case invalidArgument(routine: String, position: Int)
    /// Input contains NaN or infinity.
    case nonFinite(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        case .notPositiveDefinite(let order):
            return "matrix is not positive definite: the leading minor of order \(order) is not positive"
        case .singular(let index): return "matrix is singular: zero pivot at position \(index)"
        case .noConvergence(let routine, let info): return "\(routine) did not converge (info = \(info))"
        case .invalidArgument(let routine, let position): return "\(routine): illegal value in argument \(position)"
        case .nonFinite(let s): return "non-finite input: \(s)"
        }
    }
}
