import Calibration
import Scenario

/// Everything a backtest produced, for the report.
public struct BacktestRun: Sendable {
    public let scenario: Scenario
    public let settings: BacktestSettings
    /// Paths simulated per year (the request rounded up to whole blocks) and the base seed.
    public let paths: Int
    public let seed: UInt64
    /// Every year of the range, in order, with its model or why it was skipped.
    public let years: [BacktestYear]
    /// Every target of the range on a declared indicator, by year.
    public internal(set) var forecasts: [BacktestForecast]
    /// The scenario's combination file when the forecasts were pooled (`calibrated()`).
    public internal(set) var calibration: CalibrationSettings?
    /// Targets of the range whose indicator the scenario does not declare (not forecast).
    public let undeclared: [PastTarget]
    /// Rows of the targets table outside the backtest years.
    public let outsideRange: Int

    /// The scored forecasts (those with a forecast and an outcome).
    public var scored: [BacktestForecast] { forecasts.filter { $0.status == .scored } }

    /// The scores of the scored forecasts.
    public var summary: BacktestSummary { BacktestSummary(scored, paths: paths) }
}

/// Scores of a backtest: the model's P(met) against the naive references, the reliability
/// table, and the growth forecasts' CRPS and band coverage.
public struct BacktestSummary: Sendable {
    /// A forecaster's scores over the scored targets.
    public struct Scores: Sendable {
        public let name: ForecasterName
        /// How reports name it, in English and in Chinese (the model's: "model (forecast)"; the
        /// calibrated default's: "calibrated (simulate's default)").
        public var label: String {
            switch name {
            case .model: "model (forecast)"
            case .calibrated: "calibrated (simulate's default)"
            default: name.label
            }
        }
        public var zhLabel: String { name.zhLabel }
        /// Its probability for each scored target (fractions).
        public let probabilities: [Double]
        public let brier: Double
        public let logScore: Double
        /// Per-target Brier and log scores, for paired comparisons.
        public let brierScores: [Double]
        public let logScores: [Double]
    }

    /// Targets scored.
    public let count: Int
    /// Targets met.
    public let met: Int
    /// The log-score clip, 1/(2N) for N paths.
    public let clip: Double
    /// The model, then the region's base rate (met fraction of earlier years; 0.5 in the first
    /// year), "always met" (P = 0.95), and, when the forecasts were pooled with a combination
    /// file (`BacktestRun.calibrated()`), the target-anchored forecaster (where every scored
    /// target has one) and the calibrated default.
    public let forecasters: [Scores]
    /// Scored targets whose base rate is the initial 0.5 (no earlier year).
    public let baseRateInitial: Int
    /// Reliability of the model's P(met), bins 0–0.1, ..., 0.9–1.
    public let reliability: [ReliabilityBin]
    /// Reliability of the calibrated default's P(met) (same bins) when the forecasts were
    /// pooled with a combination file; nil otherwise.
    public let calibratedReliability: [ReliabilityBin]?
    /// The reliability tables to report: the model's, then the calibrated default's when there
    /// is one, each with the forecaster's scores (for its name).
    public var reliabilities: [(forecaster: Scores, bins: [ReliabilityBin])] {
        [(scores(.model)!, reliability)] + (calibratedReliability.map { [(scores(.calibrated)!, $0)] } ?? [])
    }
    /// Band coverage: outcomes inside the 25–75 and 10–90 predictive quantiles, and the number
    /// of forecasts counted (those whose band edges are inside the histogram's range).
    public let inside50: Int, counted50: Int
    public let inside80: Int, counted80: Int
    /// Per indicator, in order of first appearance: targets scored, met, the model's mean
    /// P(met), and the Brier score of each forecaster (same order as `forecasters`).
    public let byIndicator: [(indicator: String, count: Int, met: Int, meanProbability: Double, brier: [Double])]
    /// Mean CRPS by indicator and unit ("pp" for growth and rates), with the number of targets.
    public let crps: [(indicator: String, unit: String, mean: Double, count: Int)]

    /// The probability the "always met" reference gives every target.
    public static let alwaysMet = ForecasterScores.alwaysMet

    public init(_ scored: [BacktestForecast], paths: Int) {
        let outcomes = scored.map { $0.met! }
        count = scored.count
        met = outcomes.filter { $0 }.count
        clip = ProbabilityScore.clip(paths: paths)
        let base = ProbabilityScore.baseRate(years: scored.map(\.target.year), outcomes: outcomes)
        baseRateInitial = base.filter(\.isInitial).count
        let clip = self.clip
        func scores(_ name: ForecasterName, _ p: [Double]) -> Scores {
            let b = zip(p, outcomes).map { ProbabilityScore.brier($0, $1) }
            let l = zip(p, outcomes).map { ProbabilityScore.logScore($0, $1, clip: clip) }
            return Scores(name: name, probabilities: p, brier: ProbabilityScore.mean(b),
                          logScore: ProbabilityScore.mean(l), brierScores: b, logScores: l)
        }
        let model = scored.map { $0.probability!.value }
        var forecasters = [scores(.model, model), scores(.regionBaseRate, base.map(\.probability)),
                           scores(.alwaysMet, Array(repeating: Self.alwaysMet, count: scored.count))]
        let anchored = scored.compactMap(\.anchored), calibrated = scored.compactMap(\.calibrated)
        if !scored.isEmpty && anchored.count == scored.count {
            forecasters.append(scores(.targetAnchored, anchored))
        }
        if !scored.isEmpty && calibrated.count == scored.count {
            forecasters.append(scores(.calibrated, calibrated))
        }
        self.forecasters = forecasters
        reliability = ReliabilityBin.table(model, outcomes)
        calibratedReliability = forecasters.first { $0.name == .calibrated }.map { ReliabilityBin.table($0.probabilities, outcomes) }
        let b50 = scored.compactMap { $0.isInside(band: 0.25) }, b80 = scored.compactMap { $0.isInside(band: 0.1) }
        inside50 = b50.filter { $0 }.count
        counted50 = b50.count
        inside80 = b80.filter { $0 }.count
        counted80 = b80.count
        var groups: [String: (String, String, [Double])] = [:]
        var order: [String] = []
        for f in scored {
            guard let c = f.crps, c.isFinite else { continue }
            let key = f.target.indicator + "\u{1}" + f.unit
            if groups[key] == nil { order.append(key); groups[key] = (f.target.indicator, f.unit, []) }
            groups[key]!.2.append(c)
        }
        var indicators: [String] = []
        for f in scored where !indicators.contains(f.target.indicator) { indicators.append(f.target.indicator) }
        byIndicator = indicators.map { id in
            let rows = scored.indices.filter { scored[$0].target.indicator == id }
            return (id, rows.count, rows.filter { outcomes[$0] }.count, ProbabilityScore.mean(rows.map { model[$0] }),
                    forecasters.map { f in ProbabilityScore.mean(rows.map { f.brierScores[$0] }) })
        }
        crps = order.map { k in
            let g = groups[k]!
            return (g.0, g.1, ProbabilityScore.mean(g.2), g.2.count)
        }
    }

    /// A forecaster's scores, nil when the backtest has none for it.
    public func scores(_ name: ForecasterName) -> Scores? { forecasters.first { $0.name == name } }

    /// Model minus `reference` Brier scores, paired over the targets.
    public func brierDifference(reference: ForecasterName) -> PairedDifference {
        PairedDifference(scores(.model)!.brierScores, scores(reference)!.brierScores)
    }

    /// Model minus `reference` log scores, paired over the targets.
    public func logScoreDifference(reference: ForecasterName) -> PairedDifference {
        PairedDifference(scores(.model)!.logScores, scores(reference)!.logScores)
    }
}
