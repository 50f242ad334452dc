import Foundation
import Linear
import Random

/// AR(1) around a mean for one indicator (a growth rate or rate, in percent):
///
///     y_t − μ = φ (y_{t-1} − μ) + σ e_t,   e_t ~ N(0, 1),   |φ| ≤ `stationarityBound` < 1
///
/// `.exact`: exact maximum likelihood with the stationary start y_1 ~ N(μ, σ²/(1 − φ²)), the
/// estimates of statsmodels' `ARIMA(1, 0, 0)` with a constant. Missing years are handled
/// exactly: y_t given the previous observation g years earlier is
/// N(μ + φ^g (y_{t−g} − μ), σ² (1 − φ^{2g})/(1 − φ²)). Nelder–Mead on (μ, atanh(φ/bound),
/// log σ²), so every estimate and every draw is stationary.
///
/// `.conditional`: OLS of y_t on (1, y_{t−1}) over pairs of consecutive years (statsmodels'
/// `AutoReg(1)`), σ² = SSR / pairs; φ̂ outside the bound is clamped to it and the intercept
/// re-estimated given φ (stated in `notes`).
public struct AR1Specification: ModelSpecification {
    public enum Estimation: Sendable { case exact, conditional }
    public var estimation: Estimation
    /// The stationarity bound on |φ| (default 0.98, a stated regularisation); `notes` say when
    /// it binds.
    public var stationarityBound: Double

    public init(estimation: Estimation = .exact, stationarityBound: Double = 0.98) {
        self.estimation = estimation
        self.stationarityBound = stationarityBound
    }

    /// Fits the panel's single indicator.
    /// - Throws: `ModelError.invalidSpecification` unless the panel has one indicator or when
    ///   the bound is not in (0, 1); `.tooFewObservations` below 4 observed years;
    ///   `.degenerateSeries` for a constant series; `.notIdentified` (conditional) with fewer
    ///   than 3 pairs of consecutive years.
    public func fit(_ panel: Panel) throws -> any FittedModel {
        try fitSeries(ObservedSeries.only(in: panel, model: "AR(1)"))
    }

    func fitSeries(_ s: ObservedSeries) throws -> AR1Fit {
        guard stationarityBound > 0, stationarityBound < 1 else {
            throw ModelError.invalidSpecification("AR(1) stationarity bound \(stationarityBound) is not in (0, 1)")
        }
        switch estimation {
        case .exact: return try AR1Exact(series: s, bound: stationarityBound).fit()
        case .conditional: return try AR1Conditional(series: s, bound: stationarityBound).fit()
        }
    }
}

/// A fitted AR(1) (see `AR1Specification`).
///
/// State-space form: x_t = y_t, c = μ (1 − φ), F = φ, G = 1, L = σ, H = 1; x_T the last
/// observation (carried forward when the series ends early).
/// Parameter draws: exact ML — the exact posterior of the exact likelihood (`AR1Posterior`:
/// Jeffreys prior on φ, flat on μ and log σ), whose predictive carries the small-sample
/// estimation error (Student-t one step ahead); conditional — the flat-prior posterior of the
/// OLS regression: σ² scaled inverse χ² (pairs − 2 dof) and (intercept, φ) normal with
/// covariance σ² (XᵀX)⁻¹, φ redrawn (at most 20 times, then clamped) outside the bound.
public struct AR1Fit: UnivariateModelFit {
    let series: ObservedSeries
    /// μ̂, the mean of the process (units of y).
    public let mean: Double
    /// φ̂, the autoregressive coefficient.
    public let phi: Double
    /// σ̂, the shock standard deviation (ML: divisor n).
    public let sigma: Double
    public let logLikelihood: Double
    public let observationCount: Int
    public var parameterCount: Int { 3 }
    public let innovations: [Double]
    let method: String
    let extraNotes: [String]
    public let warnings: [String]
    let draw: @Sendable (inout Philox4x32) -> (mean: Double, phi: Double, sigma: Double)
    /// The exact posterior that `draw` samples (exact ML, when it could be formed), for draws
    /// driven by given uniforms (`drawScalars`); nil otherwise.
    let posterior: AR1Posterior?

    public var indicator: String { series.indicator }
    public var summary: String {
        "\(indicator): AR(1) around a mean (\(method)), μ = \(formatted(mean)), φ = \(formatted(phi)), σ = \(formatted(sigma)) (\(observationCount) observations)"
    }
    public var notes: [String] { series.gapNotes + extraNotes }
    public var block: StateBlock { makeBlock(mean: mean, phi: phi, sigma: sigma) }

    public func drawBlock(using generator: inout Philox4x32) -> StateBlock {
        let p = draw(&generator)
        return makeBlock(mean: p.mean, phi: p.phi, sigma: p.sigma).drawingState(using: &generator)
    }

    /// The posterior draw as the block's scalars (`AR1ScalarDraw`), when `posterior` exists.
    var scalarDraw: AR1ScalarDraw? {
        posterior.map { AR1ScalarDraw(posterior: $0, lastValue: series.lastValue, stepsToBase: series.stepsToBase) }
    }

    private func makeBlock(mean: Double, phi: Double, sigma: Double) -> StateBlock {
        StateBlock(intercept: [mean * (1 - phi)], transition: .diagonal([phi]), loading: .identity(1),
                   shockSD: [sigma], observation: [1], stateMean: [series.lastValue],
                   stateCovariance: Matrix(rows: 1, columns: 1))
            .advanced(steps: series.stepsToBase)
    }

    init(series: ObservedSeries, mean: Double, phi: Double, sigma: Double, logLikelihood: Double,
         observationCount: Int, method: String, notes: [String], warnings: [String] = [],
         posterior: AR1Posterior? = nil, draw: @escaping @Sendable (inout Philox4x32) -> (mean: Double, phi: Double, sigma: Double)) {
        self.series = series
        self.mean = mean
        self.phi = phi
        self.sigma = sigma
        self.logLikelihood = logLikelihood
        self.observationCount = observationCount
        self.method = method
        self.extraNotes = notes
        self.warnings = series.shortSampleWarnings(model: "AR(1)") + warnings
        self.draw = draw
        self.posterior = posterior
        var innovations = [Double](repeating: .nan, count: series.values.count)
        for (a, b) in series.successivePairs where b == a + 1 {
            innovations[b] = series.values[b] - mean - phi * (series.values[a] - mean)
        }
        self.innovations = innovations
    }
}

/// An exact-posterior AR(1) draw as the scalars of its one-state block — c = μ (1 − φ), φ, σ
/// and the base-year state x_T — without building the block (what `AR1Fit.drawBlock` draws,
/// from the same generator words in the same order when `uniforms` is nil). With `uniforms`
/// (a point of (0, 1)⁴), φ, σ² and μ come from its first three coordinates
/// (`AR1Posterior.draw(uniforms:using:)`). A series that ended `s` years before the base year
/// has x_T ~ N(μ + φ^s (y_last − μ), σ² Σ_{j<s} φ^{2j}), its normal Φ⁻¹ of the fourth
/// coordinate (else from `generator`).
struct AR1ScalarDraw: Sendable {
    let posterior: AR1Posterior
    /// The last observation (units of y) and the years from it to the base year.
    let lastValue: Double
    let stepsToBase: Int

    func draw(uniforms: ScrambledSobol.Point?,
              using generator: inout Philox4x32) -> (intercept: Double, phi: Double, sigma: Double, state: Double) {
        let p = uniforms.map { posterior.draw(uniforms: $0, using: &generator) } ?? posterior.draw(using: &generator)
        var state = lastValue
        if stepsToBase > 0 {
            var power = 1.0, variance = 0.0
            for _ in 0..<stepsToBase {
                variance += power * power
                power *= p.phi
            }
            let z = uniforms.map { standardNormalQuantile($0.3) } ?? generator.nextStandardNormal()
            state = p.mean + power * (state - p.mean) + p.sigma * variance.squareRoot() * z
        }
        return (p.mean * (1 - p.phi), p.phi, p.sigma, state)
    }
}
