import CSV
import Foundation

/// A CSV file with a header row, each data row keeping its line number (1-based; the header
/// is line 1). UTF-8 with or without BOM, LF or CRLF line ends; blank lines are skipped.
///
/// Parsed by yaslab/CSV.swift (`CSVReader`), which handles quoted fields, CRLF and line breaks
/// inside quotes but neither strips a BOM from a string nor counts lines: `TextFile` strips the
/// BOM and line numbers are counted here from the line breaks inside each row's fields.
struct CSVTable {
    struct Row {
        /// Line on which the row starts.
        var line: Int
        /// Field by column name (trimmed of surrounding spaces).
        var fields: [String: String]
        subscript(column: String) -> String { fields[column] ?? "" }
    }

    var file: String
    var columns: [String]
    var rows: [Row]

    /// Reads the table and checks its header: every `required` column present, nothing outside
    /// `required + optional`, no column twice. Problems with rows' shape (field counts) are
    /// logged in `log`; the table is returned when the header is usable.
    static func read(_ url: URL, required: [String], optional: [String] = []) throws(ValidationFailure) -> (CSVTable, ProblemLog) {
        let text = try TextFile.read(url)
        let log = ProblemLog(file: url.relativePath, baseDirectory: url.deletingLastPathComponent())
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            throw ValidationFailure(problems: [ValidationProblem(file: url.relativePath, location: .line(1), message: "cannot read the header row")])
        }
        var line = 1
        var header: [String]?
        var rows: [Row] = []
        while let raw = reader.next() {
            let start = line
            line += 1 + raw.reduce(0) { $0 + lineBreaks(in: $1) }
            if raw.count == 1, raw[0].allSatisfy(\.isWhitespace) { continue }   // blank line
            let cells = raw.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                header = cells
                checkHeader(cells, required: required, optional: optional, line: start, log: log)
                try log.throwIfAny()
                continue
            }
            guard cells.count == columns.count else {
                log.add(.line(start), "expected \(columns.count) fields (\(columns.joined(separator: ","))), found \(cells.count)"
                        + (cells.count > columns.count ? " (a comma inside an unquoted field?)" : "")
                        + (cells.contains { lineBreaks(in: $0) > 0 } ? " (a quote opened here runs over line breaks: unterminated?)" : ""))
                continue
            }
            rows.append(Row(line: start, fields: Dictionary(zip(columns, cells), uniquingKeysWith: { a, _ in a })))
        }
        return (CSVTable(file: url.relativePath, columns: header ?? [], rows: rows), log)
    }

    private static func checkHeader(_ cells: [String], required: [String], optional: [String], line: Int, log: ProblemLog) {
        let valid = required + optional
        let expected = "expected columns " + required.joined(separator: ",")
            + (optional.isEmpty ? "" : " (optional: " + optional.joined(separator: ",") + ")")
        for (i, name) in cells.enumerated() {
            if !valid.contains(name) {
                log.add(.line(line), nearest(to: name, in: valid).map { "unknown column \"\(name)\": did you mean \"\($0)\"?" }
                        ?? "unknown column \"\(name)\"; \(expected)")
            } else if cells[..<i].contains(name) {
                log.add(.line(line), "column \"\(name)\" appears twice")
            }
        }
        for name in required where !cells.contains(name) {
            log.add(.line(line), "missing required column \"\(name)\"; " + expected)
        }
    }
}

/// Line breaks inside a (quoted) field: LF, CRLF or a lone CR each count once.
private func lineBreaks(in field: String) -> Int {
    var count = 0
    var previous: Unicode.Scalar?
    for scalar in field.unicodeScalars {
        if scalar == "\n" { if previous != "\r" { count += 1 } } else if scalar == "\r" { count += 1 }
        previous = scalar
    }
    return count
}

/// Reads typed fields of CSV rows, logging each problem with the row's line and the column.
struct FieldReader {
    let log: ProblemLog

    func problem(_ row: CSVTable.Row, _ column: String, _ message: String) {
        log.add(.line(row.line), "\(column): \(message)")
    }

    func string(_ row: CSVTable.Row, _ column: String, required: Bool = true) -> String? {
        let s = row[column]
        if s.isEmpty {
            if required { problem(row, column, "expected a value, found an empty field") }
            return nil
        }
        return s
    }

    func identifier(_ row: CSVTable.Row, _ column: String) -> String? {
        guard let s = string(row, column) else { return nil }
        guard isIdentifier(s) else {
            problem(row, column, "expected an indicator id of lower-case letters, digits and _, found \"\(s)\"")
            return nil
        }
        return s
    }

    func integer(_ row: CSVTable.Row, _ column: String) -> Int? {
        guard let s = string(row, column) else { return nil }
        guard let n = Int(s) else {
            problem(row, column, "expected an integer, found \"\(s)\"")
            return nil
        }
        return n
    }

    /// A finite number; "nan", "inf", "8,8", "8.8%" are refused.
    func number(_ row: CSVTable.Row, _ column: String, required: Bool = true) -> Double? {
        guard let s = string(row, column, required: required) else { return nil }
        guard let x = Double(s), x.isFinite, s.lowercased().allSatisfy({ "0123456789.-+e".contains($0) }) else {
            problem(row, column, "expected a finite number (no unit, no thousands separator), found \"\(s)\"")
            return nil
        }
        return x
    }

    /// A calendar year in `PlausibleRange.years`.
    func year(_ row: CSVTable.Row, _ column: String) -> Int? {
        guard let y = integer(row, column) else { return nil }
        guard PlausibleRange.years.contains(y) else {
            problem(row, column, "expected a calendar year in \(PlausibleRange.years.lowerBound)...\(PlausibleRange.years.upperBound), found \(y)")
            return nil
        }
        return y
    }

    /// `value` when `range` contains it; else logs "expected `what` in range" and gives nil.
    func plausible(_ row: CSVTable.Row, _ column: String, _ value: Double?, _ range: PlausibleRange, _ what: String) -> Double? {
        guard let value else { return nil }
        guard range.contains(value) else {
            problem(row, column, "expected \(what) in \(range), found \(formatNumber(value))")
            return nil
        }
        return value
    }

    /// The bound's numbers in the plausible range of `measure` (`PlausibleRange.problems`),
    /// each problem logged on the `value` or `tolerance` column; false when any is not.
    func plausible(_ row: CSVTable.Row, _ wording: Wording, _ measure: Measure) -> Bool {
        let found = PlausibleRange.problems(of: wording, measure: measure)
        for p in found { problem(row, p.key == "tolerance" ? "tolerance" : "value", p.message) }
        return found.isEmpty
    }

    func named<T: NamedCases>(_ row: CSVTable.Row, _ column: String, among allowed: [T] = Array(T.allCases),
                              default value: T? = nil) -> T? {
        guard let s = string(row, column, required: value == nil) else { return value }
        guard let x = T(rawValue: s), allowed.contains(x) else {
            problem(row, column, unknownNameMessage(T.kind, s, valid: allowed.map(\.rawValue)))
            return nil
        }
        return x
    }
}
