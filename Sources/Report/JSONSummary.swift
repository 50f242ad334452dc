import Calibration
import Foundation
import Scenario
import Simulation

/// summary.json: the run's header, targets, joint probabilities, for programs (pandas'
/// `json_normalize` reads `targets` and `joint` as tables). Numbers are JSON numbers,
/// unrounded, each probability beside its Monte Carlo standard error; probabilities are
/// fractions, growth and rates in percent, shifts in percentage points (or the level's unit).
/// Text (verdicts, readings, reasons) is in separate fields.
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
        let calibrated: Bool
        let calibration: String?
        /// How the calibrated default scored on the calibration set (absent: not calibrated, or
        /// a combination file without one).
        let trackRecord: TrackRecord?
        let targets: [TargetSummary]
        let joint: [JointSummary]
        /// The conditions of a what-if run (absent: unconditional).
        let conditions: ConditionsSummary?
        /// Where the uncertainty comes from (`--decompose`; absent otherwise).
        let decomposition: DecompositionReport.JSONDecomposition?
    }
    struct ConditionsSummary: Encodable {
        /// Each condition in words with whether it holds ("fai 2022 = 5", "holds on every path ...").
        let conditions: [ConditionSummary]
        let method: String
        /// Soft conditions: P(event) under the model and the paths inside it (effective sample size).
        let softEventProbability: Double?
        let effectiveSampleSize: Int?
        let calibration: String?
    }
    struct ConditionSummary: Encodable {
        let indicator: String
        let year: Int
        let kind: String
        let lower: Double?
        let upper: Double?
        let shocks: [String]?
        let holds: String
    }
    struct TargetSummary: Encodable {
        let indicator: String
        let year: Int
        let measure: String
        let bound: String
        let boundKind: String
        let boundValue: Double
        let tolerance: Double?
        /// The target as the report states it (区间 a–b: "range", stated_value a, stated_upper b).
        let stated: String
        let statedValue: Double
        let statedUpper: Double?
        let reading: String
        let quote: String?
        let unit: String
        let proxyHistoryRegion: String?
        let evaluated: Bool
        let reason: String?
        let pMet: Double?
        let mcStandardError: Double?
        let ci95Low: Double?
        let ci95High: Double?
        let pLandsNear: Double?
        let pLandsNearStandardError: Double?
        let pModel: Double?
        let pModelStandardError: Double?
        let pAnchored: Double?
        let calibrationShift: Double?
        let calibrationNote: String?
        let reachable: Bool?
        let verdict: String?
        let shiftNeeded: Double?
        let shiftNote: String?
        let median: Double?
        let q10: Double?
        let q90: Double?
        /// P(met) without the conditions (what-if runs only).
        let pMetUnconditional: Double?
        let pMetUnconditionalStandardError: Double?
    }
    struct JointSummary: Encodable {
        let year: Int
        let targets: Int
        let pAllMet: Double
        let mcStandardError: Double
        /// P(at least k met) for k = 0...n.
        let pAtLeast: [Double]
        /// P(all met) without the conditions (what-if runs only).
        let pAllMetUnconditional: Double?
    }

    /// The bound's kind, value and tolerance as data ("at_least", 6.5, nil).
    static func boundParts(_ b: Bound) -> (String, Double, Double?) {
        switch b {
        case .atLeast(let x): return ("at_least", x, nil)
        case .atMost(let x): return ("at_most", x, nil)
        case .around(let x, let t): return ("around", x, t)
        }
    }

    /// The target as stated (before its reading): kind ("at_least", "at_most", "around",
    /// "range"), first number, and the range's upper end (nil unless a range).
    static func statedParts(_ w: Wording) -> (String, Double, Double?) {
        switch w {
        case .atLeast(let x): return ("at_least", x, nil)
        case .atMost(let x): return ("at_most", x, nil)
        case .around(let x, _): return ("around", x, nil)
        case .range(let a, let b): return ("range", a, b)
        }
    }

    public static func render(_ run: ScenarioRun) throws -> String {
        let s = run.scenario
        let targets = run.targets.enumerated().map { index, item -> TargetSummary in
            let unconditional = run.conditioning.flatMap { $0.unconditional[index] }
            let t = TargetText(run: run, item: item)
            let o = item.outcome, p = o?.probability
            let (kind, value, tolerance) = boundParts(item.target.bound)
            let stated = statedParts(item.target.wording)
            let shift = o?.shiftNeeded(confidence: s.confidence)
            let finite = { (x: Double?) in x.flatMap { $0.isFinite ? $0 : nil } }
            return TargetSummary(
                indicator: item.target.indicator, year: item.target.year, measure: item.target.measure.rawValue,
                bound: t.boundText, boundKind: kind, boundValue: value, tolerance: tolerance,
                stated: stated.0, statedValue: stated.1, statedUpper: stated.2, reading: t.readingText,
                quote: item.target.quote, unit: item.unit, proxyHistoryRegion: item.proxyRegion, evaluated: o != nil, reason: item.reason,
                pMet: p?.value, mcStandardError: p?.standardError,
                ci95Low: p?.interval95.lower, ci95High: p?.interval95.upper,
                pLandsNear: item.near?.probability.value, pLandsNearStandardError: item.near?.probability.standardError,
                pModel: item.calibration?.model.value, pModelStandardError: item.calibration?.model.standardError,
                pAnchored: item.calibration?.anchored, calibrationShift: item.calibration?.shift,
                calibrationNote: item.calibration?.note,
                reachable: t.reachable, verdict: o == nil ? nil : t.verdict,
                shiftNeeded: finite(shift), shiftNote: o == nil ? nil : t.shiftText,
                median: finite(o?.distribution.quantile(0.5)), q10: finite(o?.distribution.quantile(0.1)),
                q90: finite(o?.distribution.quantile(0.9)),
                pMetUnconditional: unconditional?.value, pMetUnconditionalStandardError: unconditional?.standardError)
        }
        let joint = run.joint.map { (year, j) in
            JointSummary(year: year, targets: j.targets.count, pAllMet: j.all.value, mcStandardError: j.all.standardError,
                         pAtLeast: j.atLeast,
                         pAllMetUnconditional: run.conditioning?.unconditionalJoint.first { $0.year == year }?.all.value)
        }
        let summary = Summary(
            scenario: s.name, region: s.region, model: run.modelSummary, notes: run.notes,
            warnings: run.warnings.map { "\($0.path): \($0.message)" },
            historyProxy: s.historyProxy.map { "\($0.region): \($0.note)" }, baseYear: s.baseYear, origin: run.origin,
            horizonEnd: s.horizonEnd, estimation: "\(s.estimation.from)-\(min(s.estimation.to, run.origin))",
            excludedYears: s.estimation.exclude.sorted(), paths: run.paths, seed: run.seed, confidence: s.confidence,
            calibrated: run.calibration != nil,
            calibration: run.calibration.map { "\($0.file), region \($0.region), state of \($0.state.year) learned from \($0.state.trainingTargets) earlier targets" },
            trackRecord: run.calibration?.trackRecord,
            targets: targets, joint: joint, conditions: run.conditioning.map { conditions($0, run: run) },
            decomposition: run.decomposition.map(DecompositionReport.json))
        return try ReportJSON.encode(summary)
    }

    static func conditions(_ c: ConditioningSummary, run: ScenarioRun) -> ConditionsSummary {
        ConditionsSummary(
            conditions: c.conditions.map { d in
                let (lower, upper) = d.interval
                return ConditionSummary(indicator: d.indicator, year: d.year, kind: d.isHard ? "hard" : "soft",
                                        lower: lower.isFinite ? lower : nil, upper: upper.isFinite ? upper : nil,
                                        shocks: d.shocks, holds: ConditionText.status(d, c))
            },
            method: ConditioningSummary.method, softEventProbability: c.eventProbability, effectiveSampleSize: c.softInside,
            calibration: run.calibration == nil ? nil : ConditionText.calibrationText + ". " + ConditionText.readingsText)
    }
}
