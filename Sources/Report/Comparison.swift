import Scenario
import Simulation

/// Several scenario runs side by side, for `forecast compare`: the targets of all of them
/// (matched by indicator, year and bound), each one's P(met) in every run, the difference to
/// the first run and whether it exceeds Monte Carlo noise, and the risks and adjustments that
/// are not the same in every run. The Markdown, CSV, JSON and HTML writers all read this.
///
/// Noise: a difference Δ = p_b − p_a (fractions) exceeds Monte Carlo noise when
/// |Δ| > 2 sqrt(SE_a² + SE_b²), the SEs being each run's batch-means standard errors. With the
/// same seed the runs share random numbers and the differences are positively correlated, so
/// the rule is conservative.
public struct ScenarioComparison: Sendable {
    /// A compared run with its label: its position (1-based) and the file it was read from.
    public struct Entry: Sendable {
        public let index: Int
        public let file: String
        public let run: ScenarioRun
        /// "[1] ruijin-2022.json: Ruijin 2022 baseline"
        public var label: String { "[\(index)] \(file): \(run.scenario.name)" }
    }

    /// A target compared: indicator, year and the bound in symbols.
    public struct Key: Sendable, Hashable {
        public let indicator: String
        public let year: Int
        public let bound: String
    }

    /// A target in one run: absent from its scenario, not evaluated (with the reason), or
    /// its P(met).
    public enum Cell: Sendable {
        case absent
        case notEvaluated(String)
        case estimate(ProbabilityEstimate)

        public var estimate: ProbabilityEstimate? {
            if case .estimate(let p) = self { return p }
            return nil
        }
    }

    /// P(met) in a run minus P(met) in the first (fractions) and its standard error.
    public struct Difference: Sendable {
        public let value: Double
        public let standardError: Double
        public var exceedsNoise: Bool { abs(value) > 2 * standardError }
    }

    /// A risk event or an adjustment that is not the same in every run: its description in each
    /// run (nil where the run does not have it).
    public struct Assumption: Sendable {
        public let kind: String
        public let name: String
        public let perRun: [String?]
    }

    public let entries: [Entry]
    public let keys: [Key]

    /// `files[i]` labels `runs[i]`; the first run is the reference.
    public init(runs: [ScenarioRun], files: [String]) {
        entries = runs.indices.map { Entry(index: $0 + 1, file: files[$0], run: runs[$0]) }
        var keys: [Key] = []
        for run in runs {
            for item in run.targets {
                let key = Self.key(run, item)
                if !keys.contains(key) { keys.append(key) }
            }
        }
        self.keys = keys
    }

    static func key(_ run: ScenarioRun, _ item: ScenarioTarget) -> Key {
        Key(indicator: item.target.indicator, year: item.target.year, bound: TargetText(run: run, item: item).boundText)
    }

    /// The target `key` in entry `e`'s run.
    public func cell(_ key: Key, _ e: Int) -> Cell {
        let run = entries[e].run
        guard let item = run.targets.first(where: { Self.key(run, $0) == key }) else { return .absent }
        guard let p = item.outcome?.probability else { return .notEvaluated(item.reason ?? "") }
        return .estimate(p)
    }

    /// The target's row in entry `e`'s run (nil when absent).
    public func target(_ key: Key, _ e: Int) -> ScenarioTarget? {
        let run = entries[e].run
        return run.targets.first { Self.key(run, $0) == key }
    }

    /// P(met) in entry `e` minus P(met) in the first entry, when both evaluated it (`e` > 0).
    public func difference(_ key: Key, _ e: Int) -> Difference? {
        guard e > 0, let a = cell(key, 0).estimate, let b = cell(key, e).estimate else { return nil }
        return Difference(value: b.value - a.value,
                          standardError: (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot())
    }

    /// The difference in percentage points with the digits its SE supports, "+1.3 pp", and
    /// "(within MC noise)" when it does not exceed the noise.
    public static func text(_ d: Difference) -> String {
        (d.value >= 0 ? "+" : "−") + NumberFormat.points(abs(100 * d.value), standardError: 100 * d.standardError, cap: 1)
            + " pp" + (d.exceedsNoise ? "" : " (within MC noise)")
    }

    /// Risk events (by name and year) and adjustments (by indicator and year) that are not
    /// stated identically in every run.
    public var differingAssumptions: [Assumption] {
        var out: [Assumption] = []
        func collect(_ kind: String, _ items: (Scenario) -> [(String, String)]) {
            var names: [String] = []
            for e in entries { for (name, _) in items(e.run.scenario) where !names.contains(name) { names.append(name) } }
            for name in names {
                let perRun = entries.map { e in items(e.run.scenario).first { $0.0 == name }?.1 }
                if Set(perRun.map { $0 ?? "\u{0}" }).count > 1 { out.append(Assumption(kind: kind, name: name, perRun: perRun)) }
            }
        }
        collect("risk") { s in
            s.risks.map { r in
                let impacts = r.impactPP.sorted { $0.key < $1.key }
                    .map { "\($0.key) \($0.value > 0 ? "+" : "")\(NumberFormat.plain($0.value)) pp" }.joined(separator: ", ")
                return ("\(r.name) (\(r.year))", "p = \(NumberFormat.plain(r.probability)); \(impacts); persistence \(NumberFormat.plain(r.persistence))")
            }
        }
        collect("adjustment") { s in
            s.adjustments.map { a in ("\(a.indicator) \(a.year)", "\(a.shiftPP > 0 ? "+" : "")\(NumberFormat.plain(a.shiftPP)) pp (\(a.reason))") }
        }
        // A what-if scenario's numbers are conditional on its conditions: list them.
        collect("condition") { s in s.conditions.map { c in ("\(c.indicator) \(c.year)", c.text) } }
        return out
    }
}
