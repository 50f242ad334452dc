import Linear

/// Central-difference Hessian of `f` at `x`: (f(x+hᵢeᵢ+hⱼeⱼ) − f(x+hᵢeᵢ−hⱼeⱼ) − f(x−hᵢeᵢ+hⱼeⱼ)
/// + f(x−hᵢeᵢ−hⱼeⱼ)) / (4 hᵢ hⱼ), with hᵢ = 1e-4 · max(1, |xᵢ|); `p x p`, symmetric.
/// Used for asymptotic (inverse-Hessian) parameter covariances of the ML models.
func numericalHessian(_ f: ([Double]) -> Double, at x: [Double]) -> Matrix {
    let p = x.count
    let h = x.map { 1e-4 * max(1, abs($0)) }
    var hessian = Matrix(rows: p, columns: p)
    func at(_ i: Int, _ si: Double, _ j: Int, _ sj: Double) -> Double {
        var y = x
        y[i] += si * h[i]
        y[j] += sj * h[j]
        return f(y)
    }
    for i in 0..<p {
        for j in i..<p {
            let v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j])
            hessian[i, j] = v
            hessian[j, i] = v
        }
    }
    return hessian
}

/// The lower Cholesky factor of a small symmetric positive semidefinite matrix, pivots below
/// `1e-14 x` the largest diagonal element treated as zero (their column set to zero), so that
/// degenerate directions (a state known exactly) give a valid factor instead of a failure.
/// Returns nil when the matrix is materially indefinite or not finite.
func semidefiniteCholesky(_ a: Matrix) -> Matrix? {
    let n = a.rows
    guard a.elements.allSatisfy(\.isFinite) else { return nil }
    let scale = max(a.diagonalElements.max() ?? 0, 0)
    var l = Matrix(rows: n, columns: n)
    for j in 0..<n {
        var d = a[j, j]
        for k in 0..<j { d -= l[j, k] * l[j, k] }
        if d < -1e-8 * max(scale, 1e-300) { return nil }
        if d <= 1e-14 * scale { continue }
        let root = d.squareRoot()
        l[j, j] = root
        for i in (j + 1)..<n {
            var s = a[i, j]
            for k in 0..<j { s -= l[i, k] * l[j, k] }
            l[i, j] = s / root
        }
    }
    return l
}

/// The lower Cholesky factor of the asymptotic covariance H⁻¹ of ML estimates, H the Hessian
/// of the negative log-likelihood at the maximum (`p x p`). A Hessian that is not positive
/// definite (a flat or saddle direction) is repaired with `nearestPositiveDefinite`
/// (Higham 1988) and the repair reported; nil when even that fails.
func asymptoticCovarianceRoot(hessian: Matrix) -> (root: Matrix?, note: String?) {
    guard hessian.elements.allSatisfy(\.isFinite) else {
        return (nil, "the Hessian of the log-likelihood is not finite: parameters held at their estimates in draws")
    }
    var note: String?
    var h = hessian
    if (try? cholesky(h)) == nil {
        guard let repaired = try? nearestPositiveDefinite(h, minimumEigenvalue: 1e-8 * max(1, h.diagonalElements.map(abs).max() ?? 1)) else {
            return (nil, "the Hessian of the log-likelihood could not be repaired: parameters held at their estimates in draws")
        }
        h = repaired.matrix
        note = "the Hessian of the log-likelihood was not positive definite: repaired to the nearest positive definite matrix (Higham 1988) for the parameter draws"
    }
    guard let inverse = try? cholesky(h).inverse(), let root = try? cholesky(inverse).lower else {
        return (nil, "the inverse Hessian has no Cholesky factor: parameters held at their estimates in draws")
    }
    return (root, note)
}
