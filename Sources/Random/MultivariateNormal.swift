import Linear

/// A draw from the multivariate normal N(μ, L Lᵀ): `μ + L z` with `z` a vector of `p`
/// independent standard normals (drawn in order `z[0], z[1], ...`).
///
/// - Parameters:
///   - mean: μ, length p.
///   - cholesky: the lower-triangular Cholesky factor L of the covariance (p x p, column-major);
///     only the lower triangle (diagonal included) is read.
///   - g: the generator; advanced by p normal draws.
/// - Returns: a vector of length p.
/// - Precondition: `cholesky` is p x p with p = `mean.count`.
public func multivariateNormal(mean: [Double], cholesky: Matrix, using g: inout Philox4x32) -> [Double] {
    let p = mean.count
    precondition(cholesky.rows == p && cholesky.columns == p,
                 "multivariateNormal: Cholesky factor is \(cholesky.rows) x \(cholesky.columns), mean has length \(p)")
    var x = mean
    var z = [Double](repeating: 0, count: p)
    z.withUnsafeMutableBufferPointer { g.fillStandardNormal($0) }
    cholesky.elements.withUnsafeBufferPointer { l in
        for j in 0..<p {
            let zj = z[j]
            for i in j..<p { x[i] += l[i + j * p] * zj }
        }
    }
    return x
}
