import Calibration
import Foundation
import Scenario
import Simulation

/// summary.json of a backtest: the header, the scores of the model and the naive references,
/// the reliability table, band coverage and CRPS, for programs (the per-target rows are in
/// forecasts.csv). Scores are numbers rounded to 4 decimals; probabilities are fractions.
public enum BacktestJSON {
    struct Summary: Encodable {
        let scenario: String
        let region: String
        let targetYears: String
        let model: String
        let paths: Int
        let seed: UInt64
        let scored: Int
        let met: Int
        let logScoreClip: Double
        let baseRateInitialTargets: Int
        let forecasters: [Forecaster]
        let reliability: [Bin]
        /// The calibrated default's, when the backtest was pooled with a combination file.
        let calibratedReliability: [Bin]?
        let coverage: [Coverage]
        let crps: [CRPS]
        let notEvaluated: Int
        let noOutcome: Int
        let undeclared: Int
        let years: [Year]
    }
    struct Forecaster: Encodable {
        let name: String
        let brier: Double
        let logScore: Double
        let brierDifferenceModelMinusThis: Double?
        let brierDifferenceStandardError: Double?
        let logScoreDifferenceModelMinusThis: Double?
        let logScoreDifferenceStandardError: Double?
    }
    struct Bin: Encodable { let lower: Double; let upper: Double; let targets: Int; let met: Int; let meanP: Double? }
    struct Coverage: Encodable { let band: String; let nominal: Double; let inside: Int; let counted: Int }
    struct CRPS: Encodable { let indicator: String; let unit: String; let targets: Int; let mean: Double }
    struct Year: Encodable { let year: Int; let origin: Int?; let model: String?; let notes: [String]; let skipped: String? }

    public static func render(_ run: BacktestRun) throws -> String {
        let s = run.summary
        func r(_ x: Double) -> Double? { x.isFinite ? (x * 10_000).rounded() / 10_000 : nil }
        func bins(_ b: [ReliabilityBin]) -> [Bin] {
            b.map { Bin(lower: $0.lower, upper: $0.upper, targets: $0.count, met: $0.met, meanP: r($0.meanProbability)) }
        }
        let forecasters = s.forecasters.map { f in
            let b = f.name == .model ? nil : s.brierDifference(reference: f.name)
            let l = f.name == .model ? nil : s.logScoreDifference(reference: f.name)
            return Forecaster(name: f.name.rawValue, brier: r(f.brier) ?? .nan, logScore: r(f.logScore) ?? .nan,
                              brierDifferenceModelMinusThis: b.flatMap { r($0.mean) },
                              brierDifferenceStandardError: b.flatMap { r($0.standardError) },
                              logScoreDifferenceModelMinusThis: l.flatMap { r($0.mean) },
                              logScoreDifferenceStandardError: l.flatMap { r($0.standardError) })
        }
        let notEvaluated = run.forecasts.filter { if case .notEvaluated = $0.status { true } else { false } }.count
        let summary = Summary(
            scenario: run.scenario.name, region: run.scenario.region,
            targetYears: "\(run.settings.from)-\(run.settings.to)", model: run.scenario.model.type.rawValue,
            paths: run.paths, seed: run.seed, scored: s.count, met: s.met, logScoreClip: s.clip,
            baseRateInitialTargets: s.baseRateInitial, forecasters: s.count > 0 ? forecasters : [],
            reliability: bins(s.reliability), calibratedReliability: s.calibratedReliability.map { bins($0) },
            coverage: [Coverage(band: "25-75", nominal: 0.5, inside: s.inside50, counted: s.counted50),
                       Coverage(band: "10-90", nominal: 0.8, inside: s.inside80, counted: s.counted80)],
            crps: s.crps.map { CRPS(indicator: $0.indicator, unit: $0.unit, targets: $0.count, mean: r($0.mean) ?? .nan) },
            notEvaluated: notEvaluated, noOutcome: run.forecasts.filter { $0.status == .noOutcome }.count,
            undeclared: run.undeclared.count,
            years: run.years.map { Year(year: $0.year, origin: $0.origin, model: $0.modelSummary, notes: $0.planNotes + $0.modelNotes, skipped: $0.skipped) })
        return try ReportJSON.encode(summary, nonFinite: true)
    }
}
