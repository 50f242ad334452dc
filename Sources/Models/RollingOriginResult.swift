import Foundation

/// One one-step forecast of a rolling-origin backtest, in the model's units (percent, or log
/// points for 100 x log(level) indicators).
public struct RollingOriginForecast: Sendable, Equatable {
    public var indicator: String
    /// The predicted year (the model was fitted on the years before it).
    public var year: Int
    /// Predictive mean.
    public var mean: Double
    /// Central interval at the backtest's level.
    public var lower: Double
    public var upper: Double
    public var observation: Double
    /// CRPS (smaller is better).
    public var crps: Double
    /// Log predictive density (larger is better).
    public var logScore: Double
}

/// Scores of one indicator over all origins.
public struct RollingOriginScore: Sendable, Equatable {
    public var indicator: String
    /// Number of scored forecasts.
    public var count: Int
    /// Root mean squared error of the predictive mean.
    public var rmse: Double
    /// Mean CRPS.
    public var meanCRPS: Double
    /// Fraction of observations inside the interval (compare with the nominal level).
    public var coverage: Double
    /// Mean log score (−infinity if any forecast gave the observation zero density).
    public var meanLogScore: Double

    /// Aggregates the forecasts of `indicator`; nil when it has none.
    init?(indicator: String, forecasts: [RollingOriginForecast]) {
        let mine = forecasts.filter { $0.indicator == indicator }
        guard !mine.isEmpty else { return nil }
        let n = Double(mine.count)
        self.indicator = indicator
        count = mine.count
        rmse = (try? rootMeanSquaredError(forecasts: mine.map(\.mean), observations: mine.map(\.observation))) ?? .infinity
        meanCRPS = mine.reduce(0) { $0 + $1.crps } / n
        coverage = (try? intervalCoverage(lower: mine.map(\.lower), upper: mine.map(\.upper),
                                          observations: mine.map(\.observation))) ?? 0
        meanLogScore = mine.reduce(0) { $0 + $1.logScore } / n
    }
}

/// What `RollingOriginBacktest.run` returns.
public struct RollingOriginResult: Sendable {
    /// Every scored one-step forecast, by origin then indicator.
    public var forecasts: [RollingOriginForecast]
    /// Per-indicator aggregates.
    public var scores: [RollingOriginScore]
    /// Origins whose fit failed: "year: reason".
    public var skipped: [String]
    /// Information criteria of the fit on the whole panel, where defined (ML models).
    public var criteria: [InformationCriteria]
}
