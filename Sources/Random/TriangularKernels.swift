import Linear

/// Small dense kernels of order p (column-major `[Double]` of length p²) used by the Wishart
/// draws. Sizes here are a handful of indicators, where plain loops beat a BLAS call.
enum TriangularKernels {
    /// The Bartlett factor A (lower triangular): A_jj = √χ²(ν - j) (0-based j), A_ij ~ N(0, 1)
    /// for i > j; drawn column by column, diagonal first.
    static func bartlettFactor(order p: Int, degreesOfFreedom nu: Double,
                               using g: inout Philox4x32) -> [Double] {
        var a = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            a[j + j * p] = g.nextChiSquared(degreesOfFreedom: nu - Double(j)).squareRoot()
            for i in (j + 1)..<p { a[i + j * p] = g.nextStandardNormal() }
        }
        return a
    }

    /// L A for lower-triangular L and A (lower triangles only read); the result is lower.
    static func lowerTimesLower(_ l: [Double], _ a: [Double], order p: Int) -> [Double] {
        var b = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            for k in j..<p {
                let akj = a[k + j * p]
                for i in k..<p { b[i + j * p] += l[i + k * p] * akj }
            }
        }
        return b
    }

    /// L Tᵀ for lower-triangular L and T (lower triangles only read); the result is full.
    static func lowerTimesUpperTransposed(_ l: [Double], _ t: [Double], order p: Int) -> [Double] {
        var b = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            // (L Tᵀ)_ij = Σ_k L_ik T_jk, k ≤ min(i, j)
            for k in 0...j {
                let tjk = t[j + k * p]
                for i in k..<p { b[i + j * p] += l[i + k * p] * tjk }
            }
        }
        return b
    }

    /// B Bᵀ as an exactly symmetric Matrix.
    static func outerProduct(_ b: [Double], order p: Int) -> Matrix {
        var w = Matrix(rows: p, columns: p)
        for j in 0..<p {
            for i in j..<p {
                var s = 0.0
                for k in 0..<p { s += b[i + k * p] * b[j + k * p] }
                w.elements[i + j * p] = s
                w.elements[j + i * p] = s
            }
        }
        return w
    }

    /// The inverse of a lower-triangular matrix with nonzero diagonal (lower triangle read).
    static func lowerInverse(_ a: [Double], order p: Int) -> [Double] {
        var t = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            t[j + j * p] = 1 / a[j + j * p]
            // forward substitution for column j of A⁻¹
            for i in (j + 1)..<p {
                var s = 0.0
                for k in j..<i { s += a[i + k * p] * t[k + j * p] }
                t[i + j * p] = -s / a[i + i * p]
            }
        }
        return t
    }
}
