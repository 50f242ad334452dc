import Foundation
import Linear
import Random

/// Local linear trend for one indicator (Harvey 1989, *Forecasting, Structural Time Series
/// Models and the Kalman Filter*, §2.3.2; statsmodels `UnobservedComponents('lltrend')`):
///
///     y_t = μ_t + ε_t,            ε_t ~ N(0, σ²_ε)   (only with `observationNoise`)
///     μ_{t+1} = μ_t + β_t + η_t,  η_t ~ N(0, σ²_η)
///     β_{t+1} = β_t + ζ_t,        ζ_t ~ N(0, σ²_ζ)
///
/// y in the panel's units (percent for growth rates). The variances are estimated by exact
/// diffuse maximum likelihood (`KalmanFilter`, both states diffuse) with Nelder–Mead on log
/// variances, each bounded to [1e-10, 1e2] x the sample variance of y (a stated
/// regularisation: a variance at the lower bound is effectively zero). Missing years are
/// skipped by the filter.
public struct LocalLinearTrendSpecification: ModelSpecification {
    /// Include the irregular ε_t (three variances) or not (two).
    public var observationNoise: Bool

    public init(observationNoise: Bool = true) { self.observationNoise = observationNoise }

    /// Fewest observed years on which the local linear trend's bands were checked to cover at
    /// their nominal rate (the coverage battery, bench/coverage.md); fewer draw a warning.
    public static let checkedYears = 15

    /// Fits the panel's single indicator.
    /// - Throws: `ModelError.invalidSpecification` unless the panel has one indicator;
    ///   `.tooFewObservations` below 4 + (number of variances) observed years (two go to the
    ///   diffuse initialisation); `.degenerateSeries` for a constant
    ///   series; `.numericalFailure` if the likelihood is nowhere finite.
    public func fit(_ panel: Panel) throws -> any FittedModel {
        try fitSeries(ObservedSeries.only(in: panel, model: "local linear trend"))
    }

    /// The Kalman filter of the model at `variances` = (σ²_ε if `observationNoise`, σ²_η, σ²_ζ).
    public func filter(variances: [Double]) -> KalmanFilter {
        let irregular = observationNoise ? variances[0] : 0
        let offset = observationNoise ? 1 : 0
        return KalmanFilter(design: [1, 0], observationVariance: irregular, intercept: [0, 0],
                            transition: (try? Matrix(rowMajor: [[1, 1], [0, 1]])) ?? .identity(2),
                            stateCovariance: .diagonal([variances[offset], variances[offset + 1]]),
                            initialState: [0, 0], initialCovariance: Matrix(rows: 2, columns: 2),
                            initialDiffuseCovariance: .identity(2))
    }

    func fitSeries(_ s: ObservedSeries) throws -> LocalLinearTrendFit {
        let p = observationNoise ? 3 : 2
        guard s.observed.count >= p + 4 else {      // 2 diffuse + p variances + 2 to spare
            throw ModelError.tooFewObservations(needed: p + 4, got: s.observed.count)
        }
        let obs = s.observed.map { s.values[$0] }
        let mean = obs.reduce(0, +) / Double(obs.count)
        let scale = obs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(obs.count)
        let lower = [Double](repeating: log(1e-10 * scale), count: p)
        let upper = [Double](repeating: log(1e2 * scale), count: p)
        let objective: ([Double]) -> Double = { theta in
            -self.filter(variances: theta.map(exp)).logLikelihood(s.values)
        }
        let optimizer = NelderMead(lower: lower, upper: upper, tolerance: 1e-10)
        let starts: [[Double]] = observationNoise
            ? [[0.5, 0.1, 0.01], [0.1, 0.5, 0.01], [0.9, 1e-4, 1e-4], [1e-4, 0.9, 1e-4]]
            : [[0.5, 0.01], [0.9, 1e-4], [1e-3, 0.1]]
        var best: NelderMead.Minimum?
        for start in starts {
            let m = optimizer.minimize(objective, start: start.map { log($0 * scale) }, step: [Double](repeating: 1, count: p))
            if best == nil || m.value < best!.value { best = m }
        }
        guard let best, best.value.isFinite else {
            throw ModelError.numericalFailure("local linear trend likelihood of '\(s.indicator)' is not finite at any trial point")
        }
        var notes: [String] = []
        if !best.converged { notes.append("\(s.indicator): Nelder–Mead stopped at its evaluation limit before converging") }
        let names = (observationNoise ? ["σ²_ε"] : []) + ["σ²_η (level)", "σ²_ζ (slope)"]
        let atBound = (0..<p).filter { best.point[$0] < lower[$0] + 1 }
        if !atBound.isEmpty {
            notes.append("\(s.indicator): \(atBound.map { names[$0] }.joined(separator: ", ")) at the lower bound (effectively zero): held fixed in parameter draws")
        }
        let free = (0..<p).filter { !atBound.contains($0) }
        var root: Matrix?
        if !free.isEmpty {
            let sub: ([Double]) -> Double = { z in
                var theta = best.point
                for (k, i) in free.enumerated() { theta[i] = z[k] }
                return objective(theta)
            }
            let covariance = asymptoticCovarianceRoot(hessian: numericalHessian(sub, at: free.map { best.point[$0] }))
            root = covariance.root
            if let note = covariance.note { notes.append("\(s.indicator): \(note)") }
        }
        notes.append("\(s.indicator): parameter draws asymptotic normal in the log variances (inverse numerical Hessian), each variance clamped to at most the series' sample variance (a component innovating more than the whole series varies is not plausible: with few years the Hessian alone allows absurd draws); the base-year state drawn from its filtered distribution N(a_T|T, P_T|T)")
        // Draws are clamped tighter than the optimiser's box: at most the sample variance
        // (but never below the estimate itself).
        let drawUpper = (0..<p).map { max(min(upper[$0], log(scale)), best.point[$0]) }
        return LocalLinearTrendFit(specification: self, series: s, logVariances: best.point, lower: lower,
                                   upper: drawUpper, freeParameters: free, drawRoot: root, extraNotes: notes)
    }
}
