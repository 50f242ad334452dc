import CSV
import Foundation
import XCTest

/// Machine-readable outputs carry numbers as numbers: summary.json's probabilities are JSON
/// numbers with their SE, targets.csv and fan.csv have a UTF-8 BOM (Excel) and numeric
/// columns that parse as numbers in every evaluated row.
final class OutputFormatTests: XCTestCase {
    func testSummaryAndCSVCarryNumbers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-fmt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022.json", "--paths", "8192", "--out", dir.path])
        XCTAssertEqual(run.status, 0, run.stderr)

        let raw = try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)
        XCTAssertFalse(raw.contains("\"p_met\" : \""), "p_met must not be a string")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as! [String: Any]
        let targets = try XCTUnwrap(json["targets"] as? [[String: Any]])
        let evaluated = targets.filter { $0["evaluated"] as? Bool == true }
        XCTAssertFalse(evaluated.isEmpty)
        for t in evaluated {
            for key in ["p_met", "mc_standard_error", "ci95_low", "ci95_high", "median", "bound_value"] {
                XCTAssertTrue(t[key] is NSNumber, "\(key) of \(t["indicator"] ?? "?") is \(String(describing: t[key]))")
            }
        }
        let joint = try XCTUnwrap((json["joint"] as? [[String: Any]])?.first)
        XCTAssertTrue(joint["p_all_met"] is NSNumber)

        for (name, numeric) in [("targets.csv", ["year", "bound_value", "p_met", "mc_se", "ci95_low", "ci95_high", "q50"]),
                                ("fan.csv", ["year", "quantile", "value"])] {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) starts with a UTF-8 BOM")
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            let header = try XCTUnwrap(reader.headerRow)
            var rows = 0
            while let row = reader.next() {
                let cells = Dictionary(uniqueKeysWithValues: zip(header, row))
                if name == "targets.csv" && cells["status"] != "evaluated" { continue }
                rows += 1
                for column in numeric {
                    XCTAssertNotNil(Double(cells[column] ?? ""), "\(name) \(column) = \(cells[column] ?? "nil")")
                }
            }
            XCTAssertGreaterThan(rows, 0, name)
        }
    }

    func testVersion() throws {
        let run = try ForecastExecutable.run(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.hasPrefix("forecast "), run.text)
    }
}
