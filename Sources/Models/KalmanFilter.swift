import Foundation
import Linear

/// The Kalman filter for a univariate observation with exact diffuse initialisation.
///
///     y_t = Z α_t + ε_t,             ε_t ~ N(0, h)
///     α_{t+1} = c + T α_t + η_t,     η_t ~ N(0, Q)
///     α_1 ~ N(a_1, P_{*,1} + κ P_{∞,1}),  κ -> ∞
///
/// `n` states (small: the loops are plain Swift on `n x n` column-major arrays). Missing
/// observations (NaN) are skipped: the update is left out and the prediction carries the
/// state forward.
///
/// Diffuse periods (F_∞ = Z P_∞ Zᵀ > tolerance) use the exact diffuse update of Durbin &
/// Koopman (2012), *Time Series Analysis by State Space Methods*, 2nd ed., §5.2 (univariate
/// treatment, as in statsmodels' `_univariate_diffuse`): K₀ = M_∞/F_∞,
/// a ← a + K₀ v, P_* ← P_* − (M_* M_∞ᵀ + M_∞ M_*ᵀ)/F_∞ + M_∞ M_∞ᵀ F_*/F_∞²,
/// P_∞ ← P_∞ − M_∞ M_∞ᵀ/F_∞, with log-likelihood contribution −½ log(2π F_∞) (their w_t,
/// eq. 7.4). Other periods use the usual update with contribution −½ (log(2π F) + v²/F).
/// This is the likelihood statsmodels reports for `use_exact_diffuse=True`.
public struct KalmanFilter: Sendable {
    /// `Z`, the observation loading: `n` elements.
    public var design: [Double]
    /// `h >= 0`, the observation noise variance.
    public var observationVariance: Double
    /// `c`, the state intercept: `n` elements.
    public var intercept: [Double]
    /// `T`, the `n x n` transition.
    public var transition: Matrix
    /// `Q`, the `n x n` covariance of the state disturbance (R Q Rᵀ in Durbin–Koopman).
    public var stateCovariance: Matrix
    /// `a_1`, the predicted state for the first period: `n` elements.
    public var initialState: [Double]
    /// `P_{*,1}`, the proper part of the first period's state covariance (`n x n`).
    public var initialCovariance: Matrix
    /// `P_{∞,1}`, the diffuse part (`n x n`; the identity for a fully diffuse start).
    public var initialDiffuseCovariance: Matrix
    /// Threshold below which F_∞ (and the sum of squares of P_∞) counts as zero
    /// (statsmodels' `tolerance_diffuse`).
    public var diffuseTolerance: Double = 1e-10

    public init(design: [Double], observationVariance: Double, intercept: [Double],
                transition: Matrix, stateCovariance: Matrix, initialState: [Double],
                initialCovariance: Matrix, initialDiffuseCovariance: Matrix) {
        self.design = design
        self.observationVariance = observationVariance
        self.intercept = intercept
        self.transition = transition
        self.stateCovariance = stateCovariance
        self.initialState = initialState
        self.initialCovariance = initialCovariance
        self.initialDiffuseCovariance = initialDiffuseCovariance
    }

    /// Runs the filter over `y` (NaN = missing).
    ///
    /// Returns the exact diffuse log-likelihood, filtered states a_{t|t} and covariances
    /// P_{t|t} (the proper part P_*; it is the full covariance once the diffuse periods are
    /// over), and the one-step prediction errors v_t with variances F_t (NaN for missing and
    /// diffuse periods).
    public func filter(_ y: [Double]) -> KalmanFilterResult { run(y, storing: true) }

    /// The exact diffuse log-likelihood alone (`filter(y).logLikelihood` without storing the
    /// per-period states: the objective of the maximum-likelihood search).
    public func logLikelihood(_ y: [Double]) -> Double { run(y, storing: false).logLikelihood }

    private func run(_ y: [Double], storing: Bool) -> KalmanFilterResult {
        let n = design.count
        var a = initialState, pStar = initialCovariance.elements, pInf = initialDiffuseCovariance.elements
        var mStar = [Double](repeating: 0, count: n), mInf = mStar
        var work = [Double](repeating: 0, count: n * n)
        var result = KalmanFilterResult(count: storing ? y.count : 0, states: n)
        var diffuse = Self.sumOfSquares(pInf) > diffuseTolerance
        let logTwoPi = log(2 * Double.pi)
        for t in y.indices {
            let obs = y[t]
            if diffuse { result.diffusePeriods = t + 1 }
            if obs.isFinite {
                var v = obs, fStar = observationVariance, fInf = 0.0
                for i in 0..<n { v -= design[i] * a[i] }
                for i in 0..<n {
                    var s = 0.0, si = 0.0
                    for j in 0..<n { s += pStar[i + j * n] * design[j]; si += pInf[i + j * n] * design[j] }
                    mStar[i] = s; mInf[i] = si
                }
                for i in 0..<n { fStar += design[i] * mStar[i]; fInf += design[i] * mInf[i] }
                if diffuse && fInf > diffuseTolerance {
                    for i in 0..<n { a[i] += mInf[i] * v / fInf }
                    for j in 0..<n {
                        for i in 0..<n {
                            pStar[i + j * n] += mInf[i] * mInf[j] * fStar / (fInf * fInf)
                                - (mStar[i] * mInf[j] + mInf[i] * mStar[j]) / fInf
                            pInf[i + j * n] -= mInf[i] * mInf[j] / fInf
                        }
                    }
                    result.logLikelihood -= 0.5 * (logTwoPi + log(fInf))
                    result.diffuseObservations += 1
                } else if fStar > diffuseTolerance {
                    for i in 0..<n { a[i] += mStar[i] * v / fStar }
                    for j in 0..<n {
                        for i in 0..<n { pStar[i + j * n] -= mStar[i] * mStar[j] / fStar }
                    }
                    result.logLikelihood -= 0.5 * (logTwoPi + log(fStar) + v * v / fStar)
                    if storing {
                        result.predictionErrors[t] = v
                        result.predictionVariances[t] = fStar
                    }
                    result.informativeObservations += 1
                }
                if diffuse && Self.sumOfSquares(pInf) <= diffuseTolerance {
                    diffuse = false
                    for i in pInf.indices { pInf[i] = 0 }
                }
            }
            if storing {
                result.filteredStates[t] = a
                result.filteredCovariances[t] = (try? Matrix(rows: n, columns: n, columnMajor: pStar)) ?? Matrix(rows: n, columns: n)
            }
            predict(&a, &pStar, &work)
            if diffuse { predictDiffuse(&pInf, &work) }
        }
        return result
    }

    private static func sumOfSquares(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 } }

    /// a ← c + T a, P ← T P Tᵀ + Q.
    private func predict(_ a: inout [Double], _ p: inout [Double], _ work: inout [Double]) {
        let n = design.count, tr = transition.elements
        let old = a
        for i in 0..<n {
            var s = intercept[i]
            for j in 0..<n { s += tr[i + j * n] * old[j] }
            a[i] = s
        }
        congruence(tr, &p, n: n, work: &work)
        for i in p.indices { p[i] += stateCovariance.elements[i] }
    }

    /// P_∞ ← T P_∞ Tᵀ.
    private func predictDiffuse(_ p: inout [Double], _ work: inout [Double]) {
        congruence(transition.elements, &p, n: design.count, work: &work)
    }
}

/// What `KalmanFilter.filter` returns, one entry per period.
public struct KalmanFilterResult: Sendable {
    /// Exact diffuse log-likelihood (natural log), summed over observed periods.
    public var logLikelihood = 0.0
    /// a_{t|t}: `n` elements per period.
    public var filteredStates: [[Double]]
    /// P_{t|t} (the proper part, `n x n`) per period.
    public var filteredCovariances: [Matrix]
    /// v_t = y_t − Z a_t for observed, non-diffuse periods; NaN otherwise.
    public var predictionErrors: [Double]
    /// F_t = Z P_t Zᵀ + h for observed, non-diffuse periods; NaN otherwise.
    public var predictionVariances: [Double]
    /// Observations that went into a diffuse update (F_∞ > 0).
    public var diffuseObservations = 0
    /// Observations with a proper (non-diffuse) prediction error: the effective sample size.
    public var informativeObservations = 0
    /// Number of leading periods (observed or not) that began with a non-zero P_∞
    /// (statsmodels' `nobs_diffuse`).
    public var diffusePeriods = 0

    init(count: Int, states: Int) {
        filteredStates = Array(repeating: [Double](repeating: 0, count: states), count: count)
        filteredCovariances = Array(repeating: Matrix(rows: states, columns: states), count: count)
        predictionErrors = Array(repeating: .nan, count: count)
        predictionVariances = Array(repeating: .nan, count: count)
    }

    /// Standardised one-step innovations v_t / √F_t (NaN where undefined).
    public var standardisedInnovations: [Double] {
        zip(predictionErrors, predictionVariances).map { v, f in f > 0 ? v / f.squareRoot() : .nan }
    }
}
