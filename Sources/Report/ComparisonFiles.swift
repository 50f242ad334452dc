import Simulation

/// The comparison as files for programs: comparison.csv (tidy: one row per target and
/// scenario), joint.csv (one row per scenario and year) and comparison.json (scenarios with
/// their P(all met), the target rows, the differing risks and adjustments; `pd.json_normalize`
/// reads `targets` as a table). Probabilities and differences are unrounded fractions beside
/// their Monte Carlo standard errors; `exceeds_noise` is true when |Δ| > 2 SE.
public enum ComparisonFiles {
    struct TargetRow: Encodable {
        let scenarioIndex: Int
        let scenarioFile: String
        let scenario: String
        let indicator: String
        let year: Int
        let bound: String
        let status: String
        let reason: String?
        let pMet: Double?
        let mcStandardError: Double?
        let ci95Low: Double?
        let ci95High: Double?
        let deltaVsFirst: Double?
        let deltaStandardError: Double?
        let exceedsNoise: Bool?
    }
    struct Joint: Encodable {
        let year: Int
        let targets: Int
        let pAllMet: Double
        let mcStandardError: Double
    }
    struct ScenarioSummary: Encodable {
        let index: Int
        let file: String
        let name: String
        let model: String
        let paths: Int
        let seed: UInt64
        let calibrated: Bool
        let joint: [Joint]
    }
    struct Assumption: Encodable {
        let kind: String
        let name: String
        /// The description in each scenario, in order (nil: absent there).
        let perScenario: [String?]
    }
    struct Summary: Encodable {
        let scenarios: [ScenarioSummary]
        let targets: [TargetRow]
        let differingAssumptions: [Assumption]
    }

    static func rows(_ c: ScenarioComparison) -> [TargetRow] {
        c.keys.flatMap { key in
            c.entries.indices.map { e in
                let entry = c.entries[e]
                let cell = c.cell(key, e)
                let p = cell.estimate
                let d = c.difference(key, e)
                let (status, reason): (String, String?) = switch cell {
                case .absent: ("absent", nil)
                case .notEvaluated(let r): ("not_evaluated", r)
                case .estimate: ("evaluated", nil)
                }
                return TargetRow(scenarioIndex: entry.index, scenarioFile: entry.file, scenario: entry.run.scenario.name,
                                 indicator: key.indicator, year: key.year, bound: key.bound, status: status, reason: reason,
                                 pMet: p?.value, mcStandardError: p?.standardError, ci95Low: p?.interval95.lower,
                                 ci95High: p?.interval95.upper, deltaVsFirst: d?.value, deltaStandardError: d?.standardError,
                                 exceedsNoise: d?.exceedsNoise)
            }
        }
    }

    /// comparison.csv (UTF-8 with BOM).
    public static func targetsCSV(_ c: ScenarioComparison) -> String {
        let number = { (x: Double?) in x.map { "\($0)" } ?? "" }
        var table = [["scenario_index", "scenario_file", "scenario", "indicator", "year", "bound", "status", "reason", "p_met",
                      "mc_se", "ci95_low", "ci95_high", "delta_vs_first", "delta_se", "exceeds_noise"]]
        for r in rows(c) {
            table.append([String(r.scenarioIndex), r.scenarioFile, r.scenario, r.indicator, String(r.year), r.bound, r.status,
                          r.reason ?? "", number(r.pMet), number(r.mcStandardError), number(r.ci95Low), number(r.ci95High),
                          number(r.deltaVsFirst), number(r.deltaStandardError), r.exceedsNoise.map { $0 ? "true" : "false" } ?? ""])
        }
        return CSVReport.file(table)
    }

    /// joint.csv (UTF-8 with BOM): P(all met) per scenario and year.
    public static func jointCSV(_ c: ScenarioComparison) -> String {
        var table = [["scenario_index", "scenario_file", "scenario", "year", "targets", "p_all_met", "mc_se"]]
        for e in c.entries {
            for (year, j) in e.run.joint {
                table.append([String(e.index), e.file, e.run.scenario.name, String(year), String(j.targets.count),
                              "\(j.all.value)", "\(j.all.standardError)"])
            }
        }
        return CSVReport.file(table)
    }

    /// comparison.json.
    public static func json(_ c: ScenarioComparison) throws -> String {
        let scenarios = c.entries.map { e in
            ScenarioSummary(index: e.index, file: e.file, name: e.run.scenario.name, model: ComparisonReport.modelName(e.run),
                            paths: e.run.paths, seed: e.run.seed, calibrated: e.run.calibration != nil,
                            joint: e.run.joint.map { Joint(year: $0.year, targets: $0.outcome.targets.count,
                                                           pAllMet: $0.outcome.all.value, mcStandardError: $0.outcome.all.standardError) })
        }
        return try ReportJSON.encode(Summary(
            scenarios: scenarios, targets: rows(c),
            differingAssumptions: c.differingAssumptions.map { Assumption(kind: $0.kind, name: $0.name, perScenario: $0.perRun) }))
    }
}
