import Foundation
import Linear
import Random

/// Rolling-origin one-step backtest of any `ModelSpecification` on a panel's history.
///
/// For each origin year t after the first `minimumTrainingYears` years: fit on the years
/// before t, predict t one step ahead, and score every indicator observed in t (RMSE, CRPS,
/// coverage of the central `intervalLevel` interval, log score). Indicators a model holds as
/// 100 x log(level) (`LogScaledModel`) are scored on that scale (log points).
///
/// Predictive distributions:
/// - `.point`: Gaussian, mean and variance from `forecastMoments(horizon: 1)` of the point
///   system including the base-year state covariance (`StateUncertainty`) when the model has one;
///   CRPS in closed form (Gneiting & Raftery 2007, eq. 21).
/// - `.parameterDraws(count:seed:)`: the mixture over `count` systems from `drawSystem`
///   (parameter and state uncertainty, as the simulation uses them), each Gaussian one step
///   ahead; one value drawn from each for the sample CRPS and the empirical interval; the log
///   score is the mixture's log density. Generator stream = origin index, so runs repeat.
///
/// An origin whose fit throws is skipped and listed with the reason; the backtest itself does
/// not stop.
public struct RollingOriginBacktest: Sendable {
    public enum Predictive: Sendable {
        case point
        case parameterDraws(count: Int, seed: UInt64)
    }
    public var specification: any ModelSpecification
    public var minimumTrainingYears: Int
    public var intervalLevel: Double
    public var predictive: Predictive

    public init(specification: any ModelSpecification, minimumTrainingYears: Int = 8,
                intervalLevel: Double = 0.8, predictive: Predictive = .point) {
        self.specification = specification
        self.minimumTrainingYears = minimumTrainingYears
        self.intervalLevel = intervalLevel
        self.predictive = predictive
    }

    /// Runs the backtest.
    /// - Throws: `ModelError.tooFewObservations` when the panel has no year after the
    ///   training window; `.invalidSpecification` for an interval level outside (0, 1) or a
    ///   draw count below 2.
    public func run(_ panel: Panel) throws -> RollingOriginResult {
        guard intervalLevel > 0, intervalLevel < 1 else {
            throw ModelError.invalidSpecification("interval level \(intervalLevel) is not in (0, 1)")
        }
        if case .parameterDraws(let count, _) = predictive, count < 2 {
            throw ModelError.invalidSpecification("parameter draws: count \(count) < 2")
        }
        guard minimumTrainingYears >= 1, panel.years.count > minimumTrainingYears else {
            throw ModelError.tooFewObservations(needed: minimumTrainingYears + 1, got: panel.years.count)
        }
        var result = RollingOriginResult(forecasts: [], scores: [], skipped: [],
                                         criteria: (try? specification.fit(panel)).map { informationCriteria(of: $0) } ?? [])
        for t in minimumTrainingYears..<panel.years.count {
            let training = panel.leading(t)
            do {
                let model = try specification.fit(training)
                result.forecasts += try predict(model, panel: panel, row: t, origin: t)
            } catch {
                result.skipped.append("\(panel.years[t]): \(error)")
            }
        }
        result.scores = panel.indicators.compactMap { RollingOriginScore(indicator: $0, forecasts: result.forecasts) }
        return result
    }

    private func predict(_ model: any FittedModel, panel: Panel, row t: Int, origin: Int) throws -> [RollingOriginForecast] {
        let logScale = (model as? LogScaledModel)?.hundredLogIndicators ?? Array(repeating: false, count: model.indicators.count)
        var out: [RollingOriginForecast] = []
        let draws: [(mean: [Double], sd: [Double])]
        switch predictive {
        case .point:
            let system = model.pointSystem()
            let p0 = (model as? StateUncertainty)?.initialStateCovariance
            let m = try system.forecastMoments(horizon: 1, initialCovariance: p0)
            draws = [(m.means[0], m.covariances[0].diagonalElements.map { max($0, 0).squareRoot() })]
        case .parameterDraws(let count, let seed):
            var generator = Philox4x32(seed: seed, stream: UInt64(origin))
            draws = try (0..<count).map { _ in
                let m = try model.drawSystem(using: &generator).forecastMoments(horizon: 1)
                return (m.means[0], m.covariances[0].diagonalElements.map { max($0, 0).squareRoot() })
            }
        }
        var generator = Philox4x32(seed: 0x5EED, stream: UInt64(origin))
        for (j, name) in model.indicators.enumerated() {
            guard let column = panel.indicators.firstIndex(of: name) else { continue }
            var y = panel.values[t, column]
            guard y.isFinite else { continue }
            if logScale[j] {
                guard y > 0 else { continue }
                y = 100 * log(y)
            }
            out.append(try score(draws.map { ($0.mean[j], $0.sd[j]) }, observation: y, indicator: name,
                                 year: panel.years[t], generator: &generator))
        }
        return out
    }

    private func score(_ mixture: [(mean: Double, sd: Double)], observation y: Double, indicator: String,
                       year: Int, generator: inout Philox4x32) throws -> RollingOriginForecast {
        let tail = (1 - intervalLevel) / 2
        if mixture.count == 1 {
            let (m, s) = mixture[0], z = standardNormalQuantile(1 - tail)
            return RollingOriginForecast(indicator: indicator, year: year, mean: m, lower: m - z * s, upper: m + z * s,
                                         observation: y, crps: crpsGaussian(mean: m, standardDeviation: s, observation: y),
                                         logScore: logScoreGaussian(mean: m, standardDeviation: s, observation: y))
        }
        let sample = mixture.map { $0.mean + $0.sd * generator.nextStandardNormal() }.sorted()
        let mean = mixture.reduce(0) { $0 + $1.mean } / Double(mixture.count)
        let logDensities = mixture.map { logScoreGaussian(mean: $0.mean, standardDeviation: $0.sd, observation: y) }
        let top = logDensities.max()!            // log-sum-exp: no underflow
        let logDensity = top.isFinite
            ? top + log(logDensities.reduce(0) { $0 + exp($1 - top) } / Double(mixture.count)) : top
        return RollingOriginForecast(indicator: indicator, year: year, mean: mean,
                                     lower: empiricalQuantile(sorted: sample, tail), upper: empiricalQuantile(sorted: sample, 1 - tail),
                                     observation: y, crps: try crpsSample(sample, observation: y, sampleIsSorted: true),
                                     logScore: logDensity)
    }
}

/// Quantile of a sorted sample by linear interpolation between order statistics
/// (Hyndman & Fan 1996 type 7, numpy's default).
func empiricalQuantile(sorted x: [Double], _ p: Double) -> Double {
    let h = Double(x.count - 1) * p
    let i = Int(h.rounded(.down)), frac = h - Double(i)
    return i + 1 < x.count ? x[i] + frac * (x[i + 1] - x[i]) : x[i]
}

extension Panel {
    /// The first `count` years.
    func leading(_ count: Int) -> Panel {
        var values = Matrix(rows: count, columns: indicators.count)
        for j in 0..<indicators.count { for i in 0..<count { values[i, j] = self.values[i, j] } }
        return Panel(indicators: indicators, years: Array(years.prefix(count)), values: values)
    }
}
