import Foundation
import Linear
import Random

/// A VAR(p) fitted by OLS: the statsmodels `VARResults` quantities and the state-space form.
///
/// Parameter draws come from the exact posterior under the flat (Jeffreys) prior
/// p(B, Σ_u) ∝ |Σ_u|^-(k+1)/2 (Kadiyala & Karlsson 1997, §2; Lütkepohl 2005, §5.2.2):
/// Σ_u | Y ~ IW(ÛᵀÛ, T − r) and vec(B) | Σ_u, Y ~ N(vec(B̂), Σ_u ⊗ (XᵀX)⁻¹), so that the bands
/// carry the small-sample estimation error of both (one indicator: the Student-t predictive
/// with T − 2 degrees of freedom one step ahead).
///
/// Shapes (column-major): `coefficients` and `standardErrors` are (1 + kp) x k — row 0 the
/// constant, row 1 + (l - 1) k + j the lag-l coefficient of indicator j, column i equation i;
/// covariances k x k; `residuals` T x k on the used years. Units of the panel (percent).
public struct VARResults: FittedModel {
    public let indicators: [String]
    /// p.
    public let lags: Int
    /// The years whose rows entered the regression (T of them).
    public let years: [Int]
    /// B̂, (1 + kp) x k.
    public let coefficients: Matrix
    /// Standard errors sqrt(diag((XᵀX)⁻¹)_r Σ_u,ii), (1 + kp) x k (pseudo-inverse when X is
    /// rank-deficient).
    public let standardErrors: Matrix
    /// Σ_u = ÛᵀÛ / (T − r), r the rank of X (T − kp − 1 at full rank, statsmodels `sigma_u`).
    public let residualCovariance: Matrix
    /// Σ̃_u = ÛᵀÛ / T, the ML estimate (statsmodels `sigma_u_mle`), used by the criteria.
    public let residualCovarianceML: Matrix
    /// Û = Y − X B̂, T x k.
    public let residuals: Matrix
    /// Rank of X (1 + kp unless collinear).
    public let rank: Int
    /// Gaussian log-likelihood −(Tk/2)(1 + log 2π) − (T/2) log|Σ̃_u| (statsmodels `llf`).
    public let logLikelihood: Double
    /// log|Σ̃_u| + 2 n / T, n = p k² + k free parameters (Lütkepohl 2005, §4.3; statsmodels).
    public let aic: Double
    /// log|Σ̃_u| + n log(T) / T.
    public let bic: Double
    /// log|Σ̃_u| + 2 n log(log T) / T (Hannan–Quinn).
    public let hqic: Double
    /// Eigenvalues of the companion matrix (LAPACK `dgeev`), by decreasing modulus.
    public let companionEigenvalues: [ComplexValue]
    /// True when every companion eigenvalue has modulus < 1.
    public let isStable: Bool

    let form: VARPointForm
    /// Exact draws of (B, Σ_u's Cholesky factor): P with P Pᵀ = (XᵀX)⁺ ((1 + kp) x r), Σ_u ~
    /// IW(ÛᵀÛ, T − r) when T − r > k − 1, else held at its estimate. Nil when ÛᵀÛ (repaired)
    /// cannot be factorised, and then every draw fails.
    let sampler: NIWSampler?
    /// `sampler` turned towards the first step's regressors, for balanced draws.
    let rotatedSampler: NIWSampler?
    let baseNotes: [String]

    init(design: VARDesign, drawLimit: Int) throws {
        let t = design.observationCount, m = design.regressorCount, k = design.indicatorCount
        let x = design.x, y = design.y
        let decomposition = try svd(x)
        let s = decomposition.singularValues
        let rcond = Double(Swift.max(t, m)) * Double.ulpOfOne
        let r = s.filter { $0 > rcond * s[0] }.count
        var notes: [String] = []
        if let dropped = design.droppedYearsNote { notes.append(dropped) }
        let b: Matrix
        if r == m {
            b = try leastSquares(x, y)
        } else {
            b = try leastSquaresMinimumNorm(x, y, rcond: rcond).solution
            notes.append("warning: the regressors are collinear (rank \(r) of \(m)); minimum-norm least squares (dgelsd) was used, so coefficients of collinear lags are not separately identified and their standard errors use the pseudo-inverse")
        }
        let u = try y.subtracting(gemm(x, b))
        let cross = syrk(u, transpose: true)
        let form = try VARPointForm(coefficients: b, covariance: cross.scaled(by: 1 / Double(t - r)), name: "Σ_u",
                                    design: design, drawLimit: drawLimit)
        let sigma = form.shockCovariance
        notes += form.notes
        if sigma.note != nil {
            notes.append("the log-likelihood and information criteria use the repaired Σ_u (the singular estimate would make them infinite)")
        }
        var p = Matrix(rows: m, columns: r)
        for c in 0..<r { for i in 0..<m { p[i, c] = decomposition.vt[c, i] / s[c] } }
        var se = Matrix(rows: m, columns: k)
        for i in 0..<m {
            let v = (0..<r).reduce(0.0) { $0 + p[i, $1] * p[i, $1] }
            for j in 0..<k { se[i, j] = (v * sigma.matrix[j, j]).squareRoot() }
        }
        let logDetML = sigma.factor.logDeterminant + Double(k) * log(Double(t - r) / Double(t))
        let n = Double(design.lags * k * k + k), tt = Double(t)
        indicators = design.indicators
        lags = design.lags
        years = design.usedYears
        coefficients = b
        standardErrors = se
        residualCovariance = sigma.matrix
        residualCovarianceML = sigma.matrix.scaled(by: Double(t - r) / tt)
        residuals = u
        rank = r
        logLikelihood = -(tt * Double(k) / 2) * (1 + log(2 * Double.pi)) - tt / 2 * logDetML
        aic = logDetML + 2 * n / tt
        bic = logDetML + log(tt) * n / tt
        hqic = logDetML + 2 * log(log(tt)) * n / tt
        companionEigenvalues = form.companionEigenvalues
        isStable = form.isStable
        self.form = form
        let nu = Double(t - r), drawn = t - r > k - 1
        sampler = try? NIWSampler(mean: b, rowFactor: p, scale: drawn ? sigma.matrix.scaled(by: nu) : nil,
                                  degreesOfFreedom: nu, fixedCholesky: sigma.factor.lower)
        rotatedSampler = sampler?.rotated(towards: form.firstStepRegressors)
        baseNotes = notes
    }

    public var summary: String {
        "VAR(\(lags)) with constant by OLS on \(indicators.count) indicators, \(years.count) years (\(years.first ?? 0)–\(years.last ?? 0))"
    }

    /// ν = T − r, the residual degrees of freedom of Σ_u's posterior IW(ÛᵀÛ, ν).
    var residualDegreesOfFreedom: Int { years.count - rank }
    /// Whether Σ_u is drawn: IW(S, ν) needs ν > k − 1.
    var drawsCovariance: Bool { residualDegreesOfFreedom > indicators.count - 1 }

    public var notes: [String] {
        let method = drawsCovariance
            ? "exact posterior under the flat prior p(B, Σ_u) ∝ |Σ_u|^-(k+1)/2: Σ_u ~ IW(ÛᵀÛ, T − r = \(residualDegreesOfFreedom)), then vec(B) | Σ_u ~ N(vec(B̂), Σ_u ⊗ (XᵀX)⁻¹) (Kadiyala & Karlsson 1997, §2; the Student-t predictive of the OLS regression)"
            : "vec(B) ~ N(vec(B̂), Σ_u ⊗ (XᵀX)⁻¹) with Σ_u fixed at its OLS estimate (T − r = \(residualDegreesOfFreedom) residual degrees of freedom are too few for its posterior)"
        return baseNotes + form.drawNotes(method: method)
    }

    public var dependence: String {
        "the VAR's residual covariance Σ_u" + (drawsCovariance ? ", drawn from its posterior with the coefficients" : "")
    }

    public var warnings: [String] {
        var w = form.warnings(model: "VAR(\(lags))", observations: years.count)
        if !drawsCovariance {
            w.append("VAR: only \(residualDegreesOfFreedom) residual degrees of freedom for \(indicators.count) indicators: Σ_u is held at its estimate in parameter draws, so the bands ignore its estimation error")
        }
        return w
    }

    /// h-step point forecasts from the last observed years: `steps x k`, row h − 1 for T + h.
    public func forecast(steps: Int) -> Matrix { form.forecast(steps: steps) }

    /// Forecast MSE matrices Σ_{i<h} Φ_i Σ_u Φ_iᵀ (k x k), h = 1...steps, without parameter
    /// uncertainty (statsmodels `VARResults.mse`).
    public func forecastMSE(steps: Int) throws -> [Matrix] {
        try form.dynamics.forecastMSE(covariance: residualCovariance, steps: steps)
    }

    public func pointSystem() -> StateSpaceSystem { form.pointSystem() }

    /// One posterior draw of (B, Σ_u), screened for stability: Σ_u ~ IW(ÛᵀÛ, T − r) (Bartlett;
    /// ÛᵀÛ = (T − r) Σ_u with the repaired Σ_u when it had to be), then B = B̂ + P Z Lᵀ with
    /// P Pᵀ = (XᵀX)⁺ and L Lᵀ = Σ_u (`NIWSampler`). With T − r <= k − 1, Σ_u stays at its estimate.
    public func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem {
        form.drawSystem(using: &generator) { g in sampler?.draw(using: &g) }
    }

    /// `count` draws as `drawSystem`, balanced: the Bartlett normals and Z's first row of each
    /// draw's first attempt are Φ⁻¹ of one randomised quasi-Monte Carlo set, with the row factor turned so
    /// that the first step's mean rests on Z's first row (`VARPointForm.drawSystems`,
    /// `NIWSampler.rotated(towards:)`). Each draw is exact; sets from independent generators
    /// are independent.
    public func drawSystems(count: Int, using generator: inout Philox4x32) -> [StateSpaceSystem] {
        form.drawSystems(count: count, samplers: [rotatedSampler], choose: nil, using: &generator) { g in sampler?.draw(using: &g) }
    }
}
