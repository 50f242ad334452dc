import Linear

/// Gaussian h-step forecast moments, h = 1...H.
///
/// `means[h-1]` and `covariances[h-1]` are the mean and covariance of the forecast h years
/// after the base year: for the state x_{T+h} (`n` elements, `n x n`) or for the indicators
/// y_{T+h} (`k` elements, `k x k`), in the system's units (percent or 100 x log level).
public struct ForecastMoments: Sendable, Equatable {
    public var means: [[Double]]
    public var covariances: [Matrix]
}

extension StateSpaceSystem {
    /// Mean and covariance of x_{T+h}, h = 1...horizon, for Gaussian shocks:
    ///
    ///     x̂_h = c + F x̂_{h-1},   P_h = F P_{h-1} Fᵀ + G L Lᵀ Gᵀ,   x̂_0 = x_T,  P_0 = initialCovariance
    ///
    /// (the closed form of the recursion x_t = c + F x_{t-1} + G L e_t; with P_0 = 0 it is
    /// Σ_{j<h} Fʲ G L Lᵀ Gᵀ Fʲᵀ). `initialCovariance` (`n x n`, default zero) carries the
    /// uncertainty of x_T itself, e.g. a Kalman filter's P_{T|T}.
    ///
    /// - Throws: `ModelError.invalidSpecification` when the shapes do not conform or
    ///   `horizon < 1`.
    public func stateForecastMoments(horizon: Int, initialCovariance: Matrix? = nil) throws -> ForecastMoments {
        try validate(horizon: horizon, initialCovariance: initialCovariance)
        return stateMoments(horizon: horizon, initialCovariance: initialCovariance)
    }

    /// Mean and covariance of y_{T+h} = H x_{T+h}, h = 1...horizon: H x̂_h and H P_h Hᵀ
    /// (see `stateForecastMoments`). These are the exact moments the Monte Carlo engine's
    /// Gaussian paths must reproduce.
    ///
    /// - Throws: `ModelError.invalidSpecification` when the shapes do not conform or
    ///   `horizon < 1`.
    public func forecastMoments(horizon: Int, initialCovariance: Matrix? = nil) throws -> ForecastMoments {
        let state = try stateForecastMoments(horizon: horizon, initialCovariance: initialCovariance)
        let n = stateCount, k = indicatorCount, h = observation.elements
        var out = ForecastMoments(means: [], covariances: [])
        for (mean, cov) in zip(state.means, state.covariances) {
            out.means.append((0..<k).map { i in (0..<n).reduce(0) { $0 + h[i + $1 * k] * mean[$1] } })
            var hp = [Double](repeating: 0, count: k * n)        // H P
            for j in 0..<n { for l in 0..<n { let p = cov.elements[l + j * n]
                for i in 0..<k { hp[i + j * k] += h[i + l * k] * p } } }
            var y = Matrix(rows: k, columns: k)
            for j in 0..<k { for i in 0..<k {
                var s = 0.0
                for l in 0..<n { s += hp[i + l * k] * h[j + l * k] }
                y[i, j] = s } }
            out.covariances.append(y)
        }
        return out
    }

    private func validate(horizon: Int, initialCovariance: Matrix?) throws {
        let n = stateCount, m = shockCount
        guard horizon >= 1 else { throw ModelError.invalidSpecification("forecast horizon \(horizon) < 1") }
        guard transition.columns == n, intercept.count == n, initialState.count == n,
              shockLoading.rows == n, shockLoading.columns == m, shockCholesky.columns == m,
              observation.columns == n else {
            throw ModelError.invalidSpecification("state-space shapes do not conform: F \(n)x\(transition.columns), c \(intercept.count), x_T \(initialState.count), G \(shockLoading.rows)x\(shockLoading.columns), L \(m)x\(shockCholesky.columns), H \(observation.rows)x\(observation.columns)")
        }
        if let p = initialCovariance, p.rows != n || p.columns != n {
            throw ModelError.invalidSpecification("initial state covariance is \(p.rows)x\(p.columns), the state has \(n) elements")
        }
    }

    /// The recursion of `stateForecastMoments`, shapes assumed valid.
    func stateMoments(horizon: Int, initialCovariance: Matrix?) -> ForecastMoments {
        let n = stateCount, m = shockCount
        var gl = [Double](repeating: 0, count: n * m)            // G L
        for j in 0..<m { for l in j..<m { let v = shockCholesky.elements[l + j * m]
            for i in 0..<n { gl[i + j * n] += shockLoading.elements[i + l * n] * v } } }
        var q = [Double](repeating: 0, count: n * n)             // G L Lᵀ Gᵀ
        for j in 0..<n { for i in 0..<n {
            var s = 0.0
            for l in 0..<m { s += gl[i + l * n] * gl[j + l * n] }
            q[i + j * n] = s } }
        var mean = initialState
        var p = initialCovariance?.elements ?? [Double](repeating: 0, count: n * n)
        var work = p
        var out = ForecastMoments(means: [], covariances: [])
        for _ in 0..<horizon {
            let old = mean
            for i in 0..<n { mean[i] = intercept[i] + (0..<n).reduce(0) { $0 + transition.elements[i + $1 * n] * old[$1] } }
            congruence(transition.elements, &p, n: n, work: &work)
            for i in p.indices { p[i] += q[i] }
            out.means.append(mean)
            out.covariances.append((try? Matrix(rows: n, columns: n, columnMajor: p)) ?? Matrix(rows: n, columns: n))
        }
        return out
    }
}

/// p ← F p Fᵀ for `n x n` column-major arrays, `work` (n² elements) as scratch.
func congruence(_ f: [Double], _ p: inout [Double], n: Int, work: inout [Double]) {
    f.withUnsafeBufferPointer { f in
        for j in 0..<n { for i in 0..<n {
            var s = 0.0
            for k in 0..<n { s += f[i + k * n] * p[k + j * n] }
            work[i + j * n] = s } }
        for j in 0..<n { for i in 0..<n {
            var s = 0.0
            for k in 0..<n { s += work[i + k * n] * f[j + k * n] }
            p[i + j * n] = s } }
    }
}
