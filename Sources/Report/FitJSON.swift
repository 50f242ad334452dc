import Foundation

extension FitReport {
    struct JSONReport: Encodable {
        let scenario: String
        let region: String
        let scenarioModel: String
        let scenarioModelFailed: Bool
        let planNotes: [String]
        let estimationWindow: String
        let excludedYears: [Int]
        let modelledIndicators: [String]
        let proxyHistory: String?
        let models: [JSONModel]
    }
    struct JSONModel: Encodable {
        let name: String
        let isScenarioModel: Bool
        let fitted: Bool
        let error: String?
        let summary: String?
        let notes: [String]
        let tables: [JSONTable]
    }
    struct JSONTable: Encodable {
        let section: String
        let title: String
        let caption: String
        let rowHeading: String
        let columns: [String]
        let rows: [JSONRow]
    }
    struct JSONRow: Encodable {
        let name: String
        let values: [FitCell]
    }

    /// The report as JSON (Foundation's `JSONEncoder`, sorted keys, snake_case): numbers are
    /// JSON numbers rounded to 4 significant digits, a value that is not available is the
    /// string "n/a (reason)", words are strings.
    public func json() throws -> String {
        let report = JSONReport(
            scenario: scenario, region: region, scenarioModel: scenarioModel, scenarioModelFailed: scenarioModelFailed,
            planNotes: planNotes, estimationWindow: estimationWindow, excludedYears: excludedYears,
            modelledIndicators: modelledIndicators, proxyHistory: proxyHistory,
            models: models.map { m in
                JSONModel(name: m.name, isScenarioModel: m.isScenarioModel, fitted: m.failure == nil, error: m.failure,
                          summary: m.summary, notes: m.notes,
                          tables: m.tables.map { t in
                              JSONTable(section: t.section, title: t.title, caption: t.caption, rowHeading: t.rowHeading,
                                        columns: t.columns, rows: t.rows.map { JSONRow(name: $0.name, values: $0.cells) })
                          })
            })
        return try ReportJSON.encode(report)
    }
}

extension FitCell: Encodable {
    /// A number as a JSON number with the printed digits; anything else as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .number = self, let x = Double(text) { try container.encode(x) } else { try container.encode(text) }
    }
}
