import Calibration
import Foundation
import Scenario
import Simulation

/// The report of a calibration-set backtest: Markdown (backtest.md), forecasts.csv (a row per
/// region × target × forecaster), reliability.csv and summary.json. Probabilities are
/// fractions in files, percentages in Markdown; scores are unrounded numbers in files.
public enum CalibrationSetReport {
    /// The groups reported separately: national, Jiangxi, provinces (proxy China), Jiangxi's
    /// cities (proxy Jiangxi), and any other region on its own.
    static func subsets(_ run: CalibrationSetRun) -> [(name: String, regions: Set<String>)] {
        var out: [(String, Set<String>)] = []
        let regions = run.set.regions
        for r in regions where r.proxy == nil { out.append(("\(r.name)", [r.id])) }
        let proxies = Array(Set(regions.compactMap(\.proxy))).sorted()
        for p in proxies {
            out.append(("regions forecast on \(p)'s history (proxy)", Set(regions.filter { $0.proxy == p }.map(\.id))))
        }
        return out
    }

    static func pct(_ p: Double) -> String { NumberFormat.fixed(100 * p, 1) + "%" }
    static func num(_ x: Double, _ d: Int = 3) -> String { x.isFinite ? NumberFormat.fixed(x, d) : "n/a" }
    static func diff(_ d: ClusteredDifference) -> String {
        d.standardError.isFinite ? "\(num(d.mean)) ± \(num(d.standardError))" : "\(num(d.mean)) (one cluster)"
    }

    static func scoresTable(_ s: ForecasterScores) -> String {
        var out = "| Forecaster | n | Brier (lower is better) | Log score (higher is better) | Brier, calibrated − this | Log score, calibrated − this |\n|---|---|---|---|---|---|\n"
        for f in s.forecasters {
            let vs = f.name == .calibrated ? ("", "")
                : (diff(s.brierDifference(.calibrated, f.name)), diff(s.logScoreDifference(.calibrated, f.name)))
            out += "| \(f.name.label) | \(s.targets.count) | \(num(f.brier)) | \(num(f.logScore)) | \(vs.0) | \(vs.1) |\n"
        }
        return out
    }

    static func reliabilityTable(_ s: ForecasterScores, _ name: ForecasterName) -> String {
        var out = "| P(met) bin | targets | years | mean P | observed | observed − mean | ± SE, clustered by year |\n|---|---|---|---|---|---|---|\n"
        for (k, b) in s.reliability(name).enumerated() where b.count > 0 {
            let gap = b.observedFrequency - b.meanProbability
            let flag = b.count >= 20 ? (abs(gap) <= 0.1 ? "" : " (beyond 10 pp)") : " (fewer than 20)"
            let c = s.reliabilityGap(name, bin: k)
            let se = c.standardError.isFinite ? NumberFormat.fixed(100 * c.standardError, 1) + " pp" : "one year"
            out += "| \(Int(100 * b.lower))–\(Int(100 * b.upper))% | \(b.count) | \(c.clusters) | \(pct(b.meanProbability)) | \(pct(b.observedFrequency)) | \(NumberFormat.fixed(100 * gap, 1)) pp\(flag) | \(se) |\n"
        }
        return out
    }

    public static func markdown(_ run: CalibrationSetRun) -> String {
        let all = run.scores()
        let records = run.records
        let scoredRegions = Set(all.targets.map { records[$0].region })
        let scoredYears = Set(all.years)
        var out = "# Calibration set backtest: \(run.set.name)\n\n"
        out += "Target years \(run.set.from)–\(run.set.to). For each target of year Y every forecaster uses only what was known before Y: first-published outcomes and targets of earlier years (of every region, for the pooling forecasters), the model fitted on data up to Y − 1, and hyperparameters chosen on earlier years. \(run.paths) paths per region-year.\n\n"
        let withOutcome = records.filter { $0.outcome != nil && (run.set.from...run.set.to).contains($0.year) }
        out += "Scored: **\(all.targets.count) targets** (\(all.outcomes.filter { $0 }.count) met under the official reading) over \(scoredRegions.count) regions and \(scoredYears.count) years; \(withOutcome.count) targets of these years have a first-published outcome, \(withOutcome.count - all.targets.count) of them without a model forecast (listed at the end). Reading: 左右 on growth is met at X − 0.5 or above, 区间 a–b at a or above, CPI and unemployment are ceilings.\n\n"
        out += "## Scores\n\nStandard errors of the paired differences are clustered by year (\(Set(all.years).count) clusters): a shock year hits every region at once.\n\n"
        out += scoresTable(all) + "\n"
        out += "## Reliability of the calibrated forecaster\n\nA bin's gap has two sources of noise: the targets in it, and the years they come from — targets of one year miss together when a shock hits every region, so the standard error is clustered by year (a gap beyond 2 SE is more than the luck of the years drawn).\n\n" + reliabilityTable(all, .calibrated) + "\n"
        out += "### Reliability of the base rate\n\n" + reliabilityTable(all, .baseRate) + "\n"
        out += "### Reliability of the model\n\n" + reliabilityTable(all, .model) + "\n"
        out += "## By group of regions\n\n"
        for (name, regions) in subsets(run) {
            let s = run.scores(regions: regions)
            guard !s.targets.isEmpty else { out += "### \(name)\n\nNo scored target.\n\n"; continue }
            out += "### \(name)\n\n" + scoresTable(s) + "\n"
        }
        out += "## By indicator\n\n| Indicator | n | met | " + all.forecasters.map { "Brier \($0.name.label)" }.joined(separator: " | ") + " |\n|---|---|---|" + String(repeating: "---|", count: all.forecasters.count) + "\n"
        for ind in Array(Set(all.targets.map { records[$0].indicator })).sorted() {
            let rows = all.targets.indices.filter { records[all.targets[$0]].indicator == ind }
            out += "| \(ind) | \(rows.count) | \(rows.filter { all.outcomes[$0] }.count) | "
                + all.forecasters.map { f in num(ProbabilityScore.mean(rows.map { f.brierScores[$0] })) }.joined(separator: " | ") + " |\n"
        }
        out += "\n## By year\n\n| Year | n | met | mean P calibrated | " + all.forecasters.map { "Brier \($0.name.label)" }.joined(separator: " | ") + " |\n|---|---|---|---|" + String(repeating: "---|", count: all.forecasters.count) + "\n"
        for y in Array(Set(all.years)).sorted() {
            let rows = all.targets.indices.filter { all.years[$0] == y }
            out += "| \(y) | \(rows.count) | \(rows.filter { all.outcomes[$0] }.count) | \(pct(ProbabilityScore.mean(rows.map { all.scores(.calibrated).probabilities[$0] }))) | "
                + all.forecasters.map { f in num(ProbabilityScore.mean(rows.map { f.brierScores[$0] })) }.joined(separator: " | ") + " |\n"
        }
        out += "\n## The calibrated forecaster at each origin\n\nSettings chosen on earlier years only: the target-anchored forecaster's half-life h, regional weight κ and prior degrees of freedom ν₀ by predictive log density; the pool's penalty λ and the centre it pulls towards together by log score (candidate centres: \(LogisticPool.priorsText)); coefficients of \(LogisticPool.formula). λ \"none\" = too few earlier targets (< \(RollingCalibration.minimumTraining)): the \(LogisticPool.priors[0].name) centre itself.\n\n| Year | earlier targets | h | κ | ν₀ | λ | centre | " + LogisticPool.names.joined(separator: " | ") + " |\n|---|---|---|---|---|---|---|" + String(repeating: "---|", count: LogisticPool.names.count) + "\n"
        for y in run.rolling.origins.keys.sorted() where y >= run.set.from {
            let o = run.rolling.origins[y]!
            let c = o.pool.coefficients
            out += "| \(y) | \(o.trainingRecords) | \(NumberFormat.plain(o.anchoredSettings.halfLife)) | \(NumberFormat.plain(o.anchoredSettings.regionWeight)) | \(NumberFormat.plain(o.anchoredSettings.priorDegreesOfFreedom)) | \(o.penalty.map(NumberFormat.plain) ?? "none") | \(o.prior.name) | " + c.map { num($0, 2) }.joined(separator: " | ") + " |\n"
        }
        let unscored = withOutcome.filter { $0.model == nil }
        if !unscored.isEmpty {
            out += "\n## Targets with an outcome but no model forecast (not scored)\n\n"
            var counts: [String: Int] = [:]
            for r in unscored { counts["\(r.region) \(r.indicator)", default: 0] += 1 }
            out += counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: "; ") + ".\n"
            if !run.skipped.isEmpty {
                out += "\nYears whose model could not run:\n\n" + run.skipped.map { "- \($0.region) \($0.year): \(MarkdownReport.cell($0.reason))" }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    public static func forecastsCSV(_ run: CalibrationSetRun) -> String {
        let all = run.scores()
        var rows = [["region", "indicator", "year", "measure", "word", "bound", "value", "upper", "tolerance", "outcome", "met", "forecaster", "probability"]]
        for (i, k) in all.targets.enumerated() {
            let r = run.records[k]
            let (kind, upper, tol): (String, String, String) = switch r.wording {
            case .atLeast: ("at_least", "", "")
            case .atMost: ("at_most", "", "")
            case .around(_, let t): ("around", "", "\(t)")
            case .range(_, let b): ("range", "\(b)", "")
            }
            for f in all.forecasters {
                rows.append([r.region, r.indicator, "\(r.year)", r.measure.rawValue, r.word, kind, "\(r.wording.value)", upper, tol,
                             "\(r.outcome!)", all.outcomes[i] ? "1" : "0", f.name.rawValue, "\(f.probabilities[i])"])
            }
        }
        return CSVReport.file(rows)
    }

    public static func reliabilityCSV(_ run: CalibrationSetRun) -> String {
        let all = run.scores()
        var rows = [["forecaster", "lower", "upper", "targets", "met", "mean_probability", "observed_frequency"]]
        for f in all.forecasters {
            for b in all.reliability(f.name) where b.count > 0 {
                rows.append([f.name.rawValue, "\(b.lower)", "\(b.upper)", "\(b.count)", "\(b.met)", "\(b.meanProbability)", "\(b.observedFrequency)"])
            }
        }
        return CSVReport.file(rows)
    }

    struct Summary: Encodable {
        struct Forecaster: Encodable {
            let name: String, n: Int, brier: Double, logScore: Double
            let brierCalibratedMinusThis: Double?, brierDifferenceSE: Double?
            let logScoreCalibratedMinusThis: Double?, logScoreDifferenceSE: Double?
        }
        struct Group: Encodable { let name: String; let regions: [String]; let forecasters: [Forecaster] }
        struct Origin: Encodable {
            let year: Int, trainingTargets: Int, halfLife: Double, regionWeight: Double, priorDegreesOfFreedom: Double
            let penalty: Double?, prior: String, coefficients: [Double]
        }
        let name: String, from: Int, to: Int, paths: Int
        let scored: Int, met: Int, regions: Int, years: Int
        let forecasters: [Forecaster]
        let groups: [Group]
        let origins: [Origin]
    }

    static func forecasters(_ s: ForecasterScores) -> [Summary.Forecaster] {
        s.forecasters.map { f in
            let b = f.name == .calibrated ? nil : s.brierDifference(.calibrated, f.name)
            let l = f.name == .calibrated ? nil : s.logScoreDifference(.calibrated, f.name)
            func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
            return .init(name: f.name.rawValue, n: s.targets.count, brier: f.brier, logScore: f.logScore,
                         brierCalibratedMinusThis: finite(b?.mean), brierDifferenceSE: finite(b?.standardError),
                         logScoreCalibratedMinusThis: finite(l?.mean), logScoreDifferenceSE: finite(l?.standardError))
        }
    }

    public static func summaryJSON(_ run: CalibrationSetRun) throws -> String {
        let all = run.scores()
        let groups = subsets(run).compactMap { (name, regions) -> Summary.Group? in
            let s = run.scores(regions: regions)
            return s.targets.isEmpty ? nil : Summary.Group(name: name, regions: regions.sorted(), forecasters: forecasters(s))
        }
        let origins = run.rolling.origins.keys.sorted().map { y in
            let o = run.rolling.origins[y]!
            return Summary.Origin(year: y, trainingTargets: o.trainingRecords, halfLife: o.anchoredSettings.halfLife,
                                  regionWeight: o.anchoredSettings.regionWeight,
                                  priorDegreesOfFreedom: o.anchoredSettings.priorDegreesOfFreedom,
                                  penalty: o.penalty, prior: o.prior.name, coefficients: o.pool.coefficients)
        }
        let summary = Summary(name: run.set.name, from: run.set.from, to: run.set.to, paths: run.paths,
                              scored: all.targets.count, met: all.outcomes.filter { $0 }.count,
                              regions: Set(all.targets.map { run.records[$0].region }).count, years: Set(all.years).count,
                              forecasters: forecasters(all), groups: groups, origins: origins)
        return try ReportJSON.encode(summary)
    }
}
