import Foundation
import XCTest

/// `forecast backtest` as a user runs it: the built executable in a subprocess.
final class BacktestCommandTests: XCTestCase {
    var repository: URL { ForecastExecutable.packageRoot }

    func forecast(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try ForecastExecutable.run(arguments)
        return (r.status, r.text, r.stderr)
    }

    func testScenarioWithoutBacktestSectionExitsTwo() throws {
        let r = try forecast(["backtest", "scenarios/ruijin-2022.json", "--paths", "1024"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no \"backtest\" section"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testMissingScenarioExitsTwo() throws {
        let r = try forecast(["backtest", "scenarios/no-such-file.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no-such-file.json"), r.stderr)
    }

    /// Jiangxi's backtest: the tables on stdout and the five files in --out, scored rows
    /// consistent with the history's first-published outcomes.
    func testJiangxiBacktestWritesTables() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backtest-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try forecast(["backtest", "scenarios/jiangxi-backtest.json", "--paths", "2048", "--threads", "1",
                              "--out", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("# Backtest: "))
        for section in ["## Scores of P(met)", "## Reliability of P(met)", "fan-band coverage", "## Per year"] {
            XCTAssertTrue(r.stdout.contains(section), section)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files, ["backtest.md", "forecasts.csv", "reliability.csv", "report.html", "summary.json"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("backtest.md"), encoding: .utf8), r.stdout)
        // Every scored GDP row's outcome is the first-published value of that year in the history.
        let history = try String(contentsOf: repository.appendingPathComponent("notebooks-data/jiangxi/history.csv"), encoding: .utf8)
        var firstPublished: [String: String] = [:]
        for line in history.split(separator: "\n").dropFirst() {
            let f = splitCSV(String(line))
            if f[0] == "gdp" && f[3] == "growth_pct" && (f.count < 7 || f[6] == "first-published" || f[6].isEmpty) {
                firstPublished[f[1]] = f[2]
            }
        }
        let csv = try String(contentsOf: dir.appendingPathComponent("forecasts.csv"), encoding: .utf8)
        let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let year = header.firstIndex(of: "year")!, status = header.firstIndex(of: "status")!
        let outcome = header.firstIndex(of: "outcome")!
        var scored = 0
        for line in csv.split(separator: "\n").dropFirst() where line.contains(",scored,") {
            // The quote column may hold commas: read the fixed columns from a CSV-aware split.
            let f = splitCSV(String(line))
            XCTAssertEqual(f[status], "scored")
            XCTAssertEqual(Double(f[outcome]), Double(firstPublished[f[year]]!), "year \(f[year])")
            scored += 1
        }
        XCTAssertGreaterThan(scored, 0)
    }

    /// RFC 4180 fields of one line.
    func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}
