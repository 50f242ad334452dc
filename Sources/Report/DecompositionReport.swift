import Simulation

/// "Where the uncertainty comes from" (`simulate --decompose`): for each evaluated target the
/// shortfall 1 - P(met) and the variance of its quantity, and for each simulated variable and
/// year the predictive variance, each split over shocks, parameter uncertainty, risk events and
/// judgments by the Shapley value (`UncertaintyDecomposition`). The shortfall's parts are in
/// percentage points, signed (shortfall = the mean path's + the parts: a positive part makes
/// missing the target more likely); the variances' parts are shares of `total - none`.
enum DecompositionReport {
    static let sources = UncertaintySource.allCases.map(\.name)

    /// What the shortfall columns say, for the tables and the page.
    static let shortfallReading = "Shortfall = 1 − P(met) = the mean path's (every source off: 0 or 100%) + the parts, in percentage points: a positive part makes missing the target more likely, a negative one less likely. The variance columns are shares of the variance the sources make."

    /// A signed part in pp ("+18.2", "−4.0", "0.0").
    static func points(_ part: Double) -> String {
        NumberFormat.signed(100 * part, 1)
    }

    /// A part as a share of `whole`, in percent with no decimals ("—" when the whole is 0).
    static func share(_ part: Double, of whole: Double) -> String {
        guard abs(whole) > 1e-12 else { return "—" }
        return NumberFormat.fixed(100 * part / whole, 0) + "%"
    }

    static func markdown(_ run: ScenarioRun) -> String {
        guard let d = run.decomposition else { return "" }
        var out = "## Where the uncertainty comes from: targets\n\n"
        out += "Each source switched off in turn (all \(16) combinations, the same \(MarkdownReport.grouped(d.paths)) paths and seed \(d.seed)), "
            + "split by the Shapley value so that the parts add up to the whole whatever the order. " + shortfallReading + "\n\n"
        out += "| Target | Shortfall | Mean path's | " + sources.map { "\($0): shortfall (pp)" }.joined(separator: " | ")
            + " | SD | " + sources.map { "\($0): variance" }.joined(separator: " | ") + " |\n"
        out += "|---|---|---|" + String(repeating: "---|", count: 2 * sources.count + 1) + "\n"
        for (s, v) in zip(d.shortfall, d.targetVariance) {
            out += "| \(s.label) | \(NumberFormat.fixed(100 * s.total, 1))% | \(NumberFormat.fixed(100 * s.none, 0))% | "
                + s.parts.map(points).joined(separator: " | ")
                + " | \(NumberFormat.fixed(v.total.squareRoot(), 2)) | " + v.parts.map { share($0, of: v.total - v.none) }.joined(separator: " | ") + " |\n"
        }
        out += "\n## Where the uncertainty comes from: indicators\n\n"
        out += "| Indicator and year | SD | " + sources.joined(separator: " | ") + " |\n"
        out += "|---|---|" + String(repeating: "---|", count: sources.count) + "\n"
        for row in d.variance {
            out += "| \(row.label) | \(NumberFormat.fixed(row.total.squareRoot(), 2)) | "
                + row.parts.map { share($0, of: row.total - row.none) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    struct JSONRow: Encodable {
        let label: String
        let total: Double
        let none: Double
        let parts: [String: Double]
    }

    struct JSONDecomposition: Encodable {
        let method: String
        let paths: Int
        let seed: UInt64
        /// Per evaluated target: shortfall 1 - P(met) (fraction) and variance of its quantity.
        let shortfall: [JSONRow]
        let targetVariance: [JSONRow]
        /// Per simulated variable and year: predictive variance (unit squared).
        let variance: [JSONRow]
    }

    static func json(_ d: UncertaintyDecomposition) -> JSONDecomposition {
        let rows = { (rows: [UncertaintyDecomposition.Row]) in
            rows.map { r in
                JSONRow(label: r.label, total: r.total, none: r.none,
                        parts: Dictionary(uniqueKeysWithValues: zip(sources, r.parts)))
            }
        }
        return JSONDecomposition(
            method: "Shapley split over shocks, parameter uncertainty, risk events, judgments; 16 runs with common random numbers; parts sum to total - none",
            paths: d.paths, seed: d.seed, shortfall: rows(d.shortfall), targetVariance: rows(d.targetVariance),
            variance: rows(d.variance))
    }

    static func page(_ run: ScenarioRun) -> [String] {
        guard run.decomposition != nil else { return [] }
        let md = "\n" + markdown(run)   // each section after "\\n## ", as `PageHTML.table(markdown:section:)` reads it
        return [PageHTML.heading(2, zh: "不确定性来源", en: "Where the uncertainty comes from", id: "decomposition"),
                PageHTML.element("p", ["class": "meta"], text: "Shapley split over shocks, parameter uncertainty, risk events and judgments (16 runs, common random numbers); the parts add up to the whole. " + shortfallReading),
                PageHTML.table(markdown: md, section: "Where the uncertainty comes from: targets"),
                PageHTML.table(markdown: md, section: "Where the uncertainty comes from: indicators")]
    }
}
