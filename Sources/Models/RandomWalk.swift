import Foundation
import Linear
import Random

/// Random walk with drift for one indicator: y_t = y_{t-1} + μ + σ e_t, e_t ~ N(0, 1).
///
/// `y` in the panel's units (growth or rates in percent, or levels). With consecutive years,
/// μ̂ is the mean of the first differences and σ̂ their standard deviation (divisor n − 1).
/// Missing years inside the history are handled exactly: a difference over a gap of g years
/// has mean g μ and variance g σ², so μ̂ = (y_last − y_first) / (years spanned) and
/// s² = Σ (d_i − g_i μ̂)² / g_i / (n_d − 1) over the n_d differences of successive observations.
public struct RandomWalkSpecification: ModelSpecification {
    public init() {}

    /// Fits the panel's single indicator.
    /// - Throws: `ModelError.invalidSpecification` unless the panel has one indicator;
    ///   `.tooFewObservations` below 4 observed years; `.degenerateSeries` for a constant series.
    public func fit(_ panel: Panel) throws -> any FittedModel {
        try fitSeries(ObservedSeries.only(in: panel, model: "random walk with drift"))
    }

    func fitSeries(_ s: ObservedSeries) throws -> RandomWalkFit {
        let pairs = s.successivePairs
        let span = Double(s.observed.last! - s.observed.first!)
        let drift = (s.lastValue - s.values[s.observed[0]]) / span
        var ss = 0.0
        for (a, b) in pairs {
            let g = Double(b - a), d = s.values[b] - s.values[a] - g * drift
            ss += d * d / g
        }
        let scale = s.observed.reduce(0) { $0 + s.values[$1] * s.values[$1] } / Double(s.observed.count)
        guard ss > 1e-20 * max(scale, 1) else {
            throw ModelError.degenerateSeries(indicator: s.indicator,
                reason: "the first differences are all equal: a straight line leaves no shock size to estimate")
        }
        let variance = ss / Double(pairs.count - 1)
        var innovations = [Double](repeating: .nan, count: s.values.count)
        for (a, b) in pairs where b == a + 1 { innovations[b] = s.values[b] - s.values[a] - drift }
        return RandomWalkFit(series: s, drift: drift, sigma: variance.squareRoot(), span: span,
                             differenceCount: pairs.count, residualSumOfSquares: ss, innovations: innovations)
    }
}

/// A fitted random walk with drift (see `RandomWalkSpecification`).
///
/// State-space form: x_t = y_t, c = μ, F = 1, G = 1, L = σ, H = 1; x_T is the last observed
/// value, carried forward (mean + μ a year, variance + σ² a year) when the series ends early.
/// Parameter draws: σ² = ν s² / χ²_ν with ν = n_d − 1, then μ ~ N(μ̂, σ² / span): the exact
/// posterior under the flat prior on (μ, log σ).
public struct RandomWalkFit: UnivariateModelFit {
    let series: ObservedSeries
    /// μ̂, the drift per year (units of y).
    public let drift: Double
    /// σ̂, the standard deviation of the yearly shock (divisor n_d − 1).
    public let sigma: Double
    /// Years spanned by the observed history (last − first observed year).
    public let span: Double
    /// n_d, the number of differences between successive observations.
    public let differenceCount: Int
    let residualSumOfSquares: Double
    public let innovations: [Double]

    public var indicator: String { series.indicator }
    public var summary: String {
        "\(indicator): random walk with drift, μ = \(formatted(drift)) a year, σ = \(formatted(sigma)) (\(differenceCount) differences)"
    }
    public var warnings: [String] { series.shortSampleWarnings(model: "random walk") }
    public var notes: [String] {
        series.gapNotes + ["\(indicator): parameter draws from the exact posterior under a flat prior (σ² scaled inverse χ² with \(differenceCount - 1) dof, μ normal given σ²)"]
    }
    /// Gaussian log-likelihood of the differences at μ̂ and the ML variance SS / n_d.
    public var logLikelihood: Double {
        let n = Double(differenceCount)
        var logGaps = 0.0
        for (a, b) in series.successivePairs { logGaps += log(Double(b - a)) }
        return -0.5 * (n * (log(2 * Double.pi * residualSumOfSquares / n) + 1) + logGaps)
    }
    public var parameterCount: Int { 2 }
    public var observationCount: Int { differenceCount }

    public var block: StateBlock { makeBlock(drift: drift, sigma: sigma) }

    public func drawBlock(using generator: inout Philox4x32) -> StateBlock {
        let variance = drawVariance(sigma * sigma, degreesOfFreedom: differenceCount - 1, using: &generator)
        let mu = drift + (variance / span).squareRoot() * generator.nextStandardNormal()
        return makeBlock(drift: mu, sigma: variance.squareRoot()).drawingState(using: &generator)
    }

    private func makeBlock(drift: Double, sigma: Double) -> StateBlock {
        StateBlock(intercept: [drift], transition: .identity(1), loading: .identity(1), shockSD: [sigma],
                   observation: [1], stateMean: [series.lastValue], stateCovariance: Matrix(rows: 1, columns: 1))
            .advanced(steps: series.stepsToBase)
    }
}

/// A number with 4 significant digits, for summaries.
func formatted(_ x: Double) -> String { String(format: "%.4g", x) }

