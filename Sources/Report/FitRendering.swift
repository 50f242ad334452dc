import Foundation

extension FitReport {
    /// The report in Markdown: header (the model the scenario runs and why, estimation window,
    /// excluded years, proxy history), then one section per candidate model.
    public func markdown() -> String {
        var out = "# Model fits: \(scenario)\n\nRegion: \(region)\n\n"
        if let proxyHistory { out += "> **Proxy history.** \(proxyHistory)\n\n" }
        out += "- Scenario runs: \(scenarioModel)\n"
        out += "- Estimation window: \(estimationWindow); excluded years: \(excludedYears.isEmpty ? "none" : excludedYears.map(String.init).joined(separator: ", "))\n"
        out += "- Modelled indicators: \(modelledIndicators.joined(separator: ", "))\n"
        out += planNotes.map { "- \($0)\n" }.joined()
        out += "- Numbers: 4 significant digits; \"n/a\" says why a value is not available. Information criteria are not comparable across model families (see each table)\n\n"
        for model in models {
            out += "## \(model.name)\(model.isScenarioModel ? " (the scenario's model)" : "")\n\n"
            if let failure = model.failure {
                out += "Not fitted on this panel: \(failure)\n\n"
                continue
            }
            if let summary = model.summary { out += "\(summary)\n\n" }
            for table in model.tables { out += Self.markdown(table) }
            if !model.notes.isEmpty { out += "Notes:\n\n" + model.notes.map { "- \($0)\n" }.joined() + "\n" }
        }
        return out
    }

    static func markdown(_ t: FitTable) -> String {
        let escape = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "### \(t.title)\n\n\(t.caption)\n\n"
        out += "| \(t.rowHeading) | " + t.columns.map(escape).joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: t.columns.count) + "\n"
        for row in t.rows {
            out += "| \(escape(row.name)) | " + row.cells.map { escape($0.text) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    /// Tidy long-format CSV (RFC 4180): `model,section,row,column,value`, one value a line.
    /// Header lines have model "scenario"; a model that could not be fitted has one line with
    /// section "error"; notes have section "note".
    public func csv() -> String {
        var rows = [["model", "section", "row", "column", "value"]]
        rows.append(["scenario", "header", "name", "", scenario])
        rows.append(["scenario", "header", "scenario_model", "", scenarioModel])
        rows.append(["scenario", "header", "estimation_window", "", estimationWindow])
        rows.append(["scenario", "header", "excluded_years", "", excludedYears.map(String.init).joined(separator: " ")])
        rows.append(["scenario", "header", "modelled_indicators", "", modelledIndicators.joined(separator: " ")])
        if let proxyHistory { rows.append(["scenario", "header", "proxy_history", "", proxyHistory]) }
        rows += planNotes.map { ["scenario", "note", "", "", $0] }
        for model in models {
            if let failure = model.failure { rows.append([model.name, "error", "", "", failure]); continue }
            rows.append([model.name, "summary", "", model.isScenarioModel ? "scenario_model" : "", model.summary ?? ""])
            for t in model.tables {
                for row in t.rows {
                    for (column, cell) in zip(t.columns, row.cells) { rows.append([model.name, t.section, row.name, column, cell.text]) }
                }
            }
            rows += model.notes.map { [model.name, "note", "", "", $0] }
        }
        return CSVReport.render(rows)
    }
}
