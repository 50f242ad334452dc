import Linear

/// The dynamics implied by VAR(p) coefficients B ((1 + kp) x k, row 0 the constant, row
/// 1 + (l - 1) k + j the lag-l coefficient of indicator j; column i is equation i):
///
///     y_t = ν + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t,   (A_l)_{ij} = B[1 + (l - 1) k + j, i]
///
/// in companion form x_t = c + F x_{t-1} + G u_t with x_t = [y_t; ...; y_{t-p+1}] (kp),
/// c = [ν; 0], F = [A_1 ... A_p; I_{k(p-1)} 0] (kp x kp), G = [I_k; 0] (Lütkepohl 2005, §2.1).
struct VARDynamics: Sendable {
    let k: Int
    let lags: Int
    /// ν, k elements.
    let constant: [Double]
    /// F, kp x kp.
    let companion: Matrix

    init(coefficients b: Matrix, lags: Int) {
        let k = b.columns, n = k * lags
        precondition(b.rows == 1 + n, "VAR coefficients must be (1 + kp) x k")
        var f = Matrix(rows: n, columns: n)
        for i in 0..<k {
            for r in 0..<n { f[i, r] = b[1 + r, i] }
        }
        for r in k..<n { f[r, r - k] = 1 }
        self.k = k
        self.lags = lags
        constant = b.row(0)
        companion = f
    }

    var stateCount: Int { k * lags }

    /// Eigenvalues of F (LAPACK `dgeev`); the VAR is stable when every modulus is < 1.
    func eigenvalues() throws -> [ComplexValue] {
        try Linear.eigenvalues(companion).sorted { $0.modulus > $1.modulus }
    }

    /// h-step point forecasts from state x_T (kp elements): `steps x k`, row h - 1 the
    /// forecast E[y_{T+h} | y_T, ...] = first k elements of c + F E[x_{T+h-1}].
    func forecast(from state: [Double], steps: Int) -> Matrix {
        var out = Matrix(rows: steps, columns: k)
        var x = state, next = state
        for h in 0..<steps {
            for i in 0..<stateCount {
                var s = i < k ? constant[i] : 0
                for r in 0..<stateCount { s += companion[i, r] * x[r] }
                next[i] = s
            }
            swap(&x, &next)
            for i in 0..<k { out[h, i] = x[i] }
        }
        return out
    }

    /// Forecast MSE matrices MSE(h) = Σ_{i<h} Φ_i Σ_u Φ_iᵀ, h = 1...steps (k x k each), with
    /// Φ_i = J Fⁱ Jᵀ the moving-average coefficients (Lütkepohl 2005, eq. 2.2.11;
    /// statsmodels `VARResults.mse`).
    func forecastMSE(covariance sigma: Matrix, steps: Int) throws -> [Matrix] {
        var powers = Matrix(rows: stateCount, columns: k)   // Fⁱ Jᵀ
        for i in 0..<k { powers[i, i] = 1 }
        var mse = Matrix(rows: k, columns: k)
        var out: [Matrix] = []
        for _ in 0..<steps {
            var phi = Matrix(rows: k, columns: k)
            for j in 0..<k { for i in 0..<k { phi[i, j] = powers[i, j] } }
            mse = try mse.adding(gemm(gemm(phi, sigma), phi, transposeB: true))
            out.append(try mse.symmetricPart())
            powers = try gemm(companion, powers)
        }
        return out
    }

    /// The state-space form handed to the simulation (see `StateSpaceSystem`), with shocks
    /// u_t = L e_t, L the k x k Cholesky factor of Σ_u.
    func stateSpace(shockCholesky l: Matrix, initialState: [Double]) -> StateSpaceSystem {
        let n = stateCount
        var g = Matrix(rows: n, columns: k), h = Matrix(rows: k, columns: n)
        for i in 0..<k { g[i, i] = 1; h[i, i] = 1 }
        return StateSpaceSystem(intercept: constant + [Double](repeating: 0, count: n - k),
                                transition: companion, shockLoading: g, shockCholesky: l,
                                observation: h, initialState: initialState)
    }
}
