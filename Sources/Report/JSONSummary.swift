import Foundation
import Scenario
import Simulation

/// summary.json: the run's header, targets, joint probabilities and fan, for programs.
/// Numbers are strings with the digits their Monte Carlo error supports (as in the tables),
/// so that no reader mistakes noise for signal; probabilities are fractions.
public enum JSONSummary {
    struct Summary: Encodable {
        let scenario: String
        let region: String
        let model: String
        let notes: [String]
        let warnings: [String]
        let historyProxy: String?
        let baseYear: Int
        let origin: Int
        let horizonEnd: Int
        let estimation: String
        let excludedYears: [Int]
        let paths: Int
        let seed: UInt64
        let confidence: Double
        let targets: [TargetSummary]
        let joint: [JointSummary]
    }
    struct TargetSummary: Encodable {
        let indicator: String
        let year: Int
        let measure: String
        let bound: String
        let quote: String?
        let unit: String
        let proxyHistoryRegion: String?
        let evaluated: Bool
        let reason: String?
        let pMet: String?
        let mcStandardError: String?
        let reachable: Bool?
        let shiftNeeded: String?
        let median: String?
        let q10: String?
        let q90: String?
        let ci95: [String]?
    }
    struct JointSummary: Encodable {
        let year: Int
        let targets: Int
        let pAllMet: String
        let mcStandardError: String
    }

    public static func render(_ run: ScenarioRun) throws -> String {
        let s = run.scenario
        let targets = run.targets.map { item -> TargetSummary in
            let t = TargetText(run: run, item: item)
            let p = item.outcome?.probability
            let d = p.map { NumberFormat.fractionDecimals(standardError: $0.standardError) } ?? 4
            return TargetSummary(
                indicator: item.target.indicator, year: item.target.year, measure: item.target.measure.rawValue,
                bound: t.boundText, quote: item.target.quote, unit: item.unit, proxyHistoryRegion: item.proxyRegion, evaluated: item.outcome != nil,
                reason: item.reason, pMet: p.map { NumberFormat.fixed($0.value, d) },
                mcStandardError: p.flatMap { $0.standardError == 0 ? nil : NumberFormat.fixed($0.standardError, d + 1) },
                reachable: t.reachable,
                shiftNeeded: item.outcome == nil ? nil : t.shiftText, median: item.outcome == nil ? nil : t.quantileText(0.5),
                q10: item.outcome == nil ? nil : t.quantileText(0.1), q90: item.outcome == nil ? nil : t.quantileText(0.9),
                ci95: p.map { [NumberFormat.fixed($0.interval95.lower, d, outward: -1),
                               NumberFormat.fixed($0.interval95.upper, d, outward: +1)] })
        }
        let joint = run.joint.map { (year, j) in
            let d = NumberFormat.fractionDecimals(standardError: j.all.standardError)
            return JointSummary(year: year, targets: j.targets.count, pAllMet: NumberFormat.fixed(j.all.value, d),
                                mcStandardError: NumberFormat.fixed(j.all.standardError, d + 1))
        }
        let summary = Summary(
            scenario: s.name, region: s.region, model: run.modelSummary, notes: run.notes,
            warnings: run.warnings.map { "\($0.path): \($0.message)" },
            historyProxy: s.historyProxy.map { "\($0.region): \($0.note)" }, baseYear: s.baseYear, origin: run.origin,
            horizonEnd: s.horizonEnd, estimation: "\(s.estimation.from)-\(min(s.estimation.to, run.origin))",
            excludedYears: s.estimation.exclude.sorted(), paths: run.paths, seed: run.seed, confidence: s.confidence,
            targets: targets, joint: joint)
        return try ReportJSON.encode(summary)
    }
}
