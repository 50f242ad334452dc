// Elementwise arithmetic on matrices as named functions (no operators). NaN or infinity
// in an operand propagates to the result; the BLAS/LAPACK wrappers reject it downstream.

extension Matrix {
    /// Applies `combine` to corresponding elements of two matrices of the same shape.
    private func elementwise(_ other: Matrix, _ name: String, _ combine: (Double, Double) -> Double) throws -> Matrix {
        guard rows == other.rows, columns == other.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                "\(name): \(rows) x \(columns) and \(other.rows) x \(other.columns) differ in shape")
        }
        var result = self
        result.elements.withUnsafeMutableBufferPointer { r in
            other.elements.withUnsafeBufferPointer { o in
                for i in r.indices { r[i] = combine(r[i], o[i]) }
            }
        }
        return result
    }

    /// The elementwise sum `self + other`.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the shapes differ.
    public func adding(_ other: Matrix) throws -> Matrix { try elementwise(other, "adding") { $0 + $1 } }

    /// The elementwise difference `self − other`.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the shapes differ.
    public func subtracting(_ other: Matrix) throws -> Matrix { try elementwise(other, "subtracting") { $0 - $1 } }

    /// Every element multiplied by `factor`.
    public func scaled(by factor: Double) -> Matrix {
        var result = self
        result.elements.withUnsafeMutableBufferPointer { r in
            for i in r.indices { r[i] *= factor }
        }
        return result
    }

    /// The symmetric part (A + Aᵀ) / 2 of a square matrix, exactly symmetric.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the matrix is not square.
    public func symmetricPart() throws -> Matrix {
        try checkSquare(self, "symmetricPart")
        var s = self
        for j in 0..<columns {
            for i in (j + 1)..<Swift.max(j + 1, rows) {
                let mean = 0.5 * (self[i, j] + self[j, i])
                s[i, j] = mean
                s[j, i] = mean
            }
        }
        return s
    }
}
