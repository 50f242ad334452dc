import Foundation
import Linear
import Random

/// A fitted local linear trend (see `LocalLinearTrendSpecification`).
///
/// State-space form, states (μ_t, β_t[, ε_t]): F = [[1, 1, 0], [0, 1, 0], [0, 0, 0]], c = 0,
/// G = I, L = diag(σ_η, σ_ζ[, σ_ε]), H = (1, 0[, 1]). The base-year state is the Kalman
/// filter's a_{T|T} with covariance P_{T|T} (carried forward when the series ends early);
/// ε_T = y_T − μ_T when y_T is observed, so that H x_T reproduces it.
public struct LocalLinearTrendFit: UnivariateModelFit {
    let specification: LocalLinearTrendSpecification
    let series: ObservedSeries
    /// ML log variances, (log σ²_ε,) log σ²_η, log σ²_ζ.
    let logVariances: [Double]
    let lower: [Double]
    let upper: [Double]
    let freeParameters: [Int]
    let drawRoot: Matrix?
    let extraNotes: [String]
    /// The filter run at the estimates.
    public let filterResult: KalmanFilterResult

    init(specification: LocalLinearTrendSpecification, series: ObservedSeries, logVariances: [Double],
         lower: [Double], upper: [Double], freeParameters: [Int], drawRoot: Matrix?, extraNotes: [String]) {
        self.specification = specification
        self.series = series
        self.logVariances = logVariances
        self.lower = lower
        self.upper = upper
        self.freeParameters = freeParameters
        self.drawRoot = drawRoot
        self.extraNotes = extraNotes
        self.filterResult = specification.filter(variances: logVariances.map(exp)).filter(series.values)
    }

    /// ML variances: (σ²_ε,) σ²_η, σ²_ζ, in squared units of y.
    public var variances: [Double] { logVariances.map(exp) }
    public var logLikelihood: Double { filterResult.logLikelihood }
    public var parameterCount: Int { logVariances.count }
    public var observationCount: Int { filterResult.informativeObservations }
    /// Standardised one-step prediction errors v_t / √F_t (their variance varies in t).
    public var innovations: [Double] { filterResult.standardisedInnovations }
    public var indicator: String { series.indicator }
    public var summary: String {
        let v = variances.map(formatted).joined(separator: ", ")
        let names = specification.observationNoise ? "σ²_ε, σ²_η, σ²_ζ" : "σ²_η, σ²_ζ"
        return "\(indicator): local linear trend, exact diffuse ML, (\(names)) = (\(v)), log L = \(formatted(logLikelihood))"
    }
    public var notes: [String] { series.gapNotes + extraNotes }
    public var warnings: [String] { series.shortSampleWarnings(model: "local linear trend", minimum: LocalLinearTrendSpecification.checkedYears) }

    public var block: StateBlock { makeBlock(variances: variances, filtered: filterResult) }

    public func drawBlock(using generator: inout Philox4x32) -> StateBlock {
        guard let root = drawRoot else { return block.drawingState(using: &generator) }
        let draw = drawNormal(mean: freeParameters.map { logVariances[$0] }, root: root.elements, using: &generator)
        var theta = logVariances
        for (k, i) in freeParameters.enumerated() { theta[i] = min(max(draw[k], lower[i]), upper[i]) }
        let v = theta.map(exp)
        let filtered = specification.filter(variances: v).filter(series.values)
        return makeBlock(variances: v, filtered: filtered).drawingState(using: &generator)
    }

    private func makeBlock(variances v: [Double], filtered: KalmanFilterResult) -> StateBlock {
        let noise = specification.observationNoise
        let n = noise ? 3 : 2, offset = noise ? 1 : 0
        let last = series.years.count - 1
        let a = filtered.filteredStates[last], p = filtered.filteredCovariances[last]
        var mean = a, cov = Matrix(rows: n, columns: n)
        for i in 0..<2 { for j in 0..<2 { cov[i, j] = p[i, j] } }
        var transition = Matrix(rows: n, columns: n)
        transition[0, 0] = 1; transition[0, 1] = 1; transition[1, 1] = 1
        var sd = [v[offset].squareRoot(), v[offset + 1].squareRoot()]
        var observation = [1.0, 0]
        if noise {
            sd.append(v[0].squareRoot())
            observation.append(1)
            let y = series.values[last]
            if y.isFinite {                      // ε_T = y_T − μ_T
                mean.append(y - a[0])
                cov[2, 2] = p[0, 0]; cov[0, 2] = -p[0, 0]; cov[2, 0] = -p[0, 0]
                cov[1, 2] = -p[1, 0]; cov[2, 1] = -p[1, 0]
            } else {
                mean.append(0)
                cov[2, 2] = v[0]
            }
        }
        return StateBlock(intercept: [Double](repeating: 0, count: n), transition: transition,
                          loading: .identity(n), shockSD: sd, observation: observation,
                          stateMean: mean, stateCovariance: cov)
    }
}
