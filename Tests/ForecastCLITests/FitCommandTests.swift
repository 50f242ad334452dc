import CSV
import Foundation
import XCTest

/// `forecast fit` run as a process (the built executable next to the test bundle).
final class FitCommandTests: XCTestCase {
    struct Output { let status: Int32; let stdout: String; let stderr: String }

    static let repository = ForecastExecutable.packageRoot

    static func run(_ arguments: [String]) throws -> Output {
        let r = try ForecastExecutable.run(arguments)
        return Output(status: r.status, stdout: r.text, stderr: r.stderr)
    }

    static var shippedScenarios: [URL] {
        ForecastExecutable.shippedScenarios.map { repository.appendingPathComponent($0) }
    }

    /// "nan", "NaN", "inf", "infinity" as words (not "information").
    static func nonFiniteWords(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\b(nan|[-+]?inf(inity)?)\\b", options: [.caseInsensitive])
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    func testBadScenarioExitsTwoNamingTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fit-bad-\(UUID().uuidString).json")
        try "{ \"name\": ".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try Self.run(["fit", path.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(path.lastPathComponent), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    /// A valid scenario whose only indicator has 3 years: no estimation panel, exit 1, the
    /// message names the file and the reason.
    func testNoModellableIndicatorExitsOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fit-short-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "indicator,year,value,measure,unit,source\ngdp,2019,6.0,growth_pct,%,x\ngdp,2020,2.3,growth_pct,%,x\ngdp,2021,8.1,growth_pct,%,x\n"
            .write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let scenario = dir.appendingPathComponent("short.json")
        try """
            {"name": "short", "region": "r", "history": "history.csv", "base_year": 2021, "horizon_end": 2022,
             "estimation": {"from": 2019, "to": 2021, "exclude": []}, "model": {"type": "ar1", "parameter_uncertainty": false},
             "shocks": {"distribution": "normal"}, "simulation": {"paths": 1000, "seed": 1}, "confidence": 0.8,
             "indicators": [{"id": "gdp", "model_on": "growth_pct"}], "targets": []}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let result = try Self.run(["fit", scenario.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("short.json") && result.stderr.contains("observed years"), result.stderr)
    }

    func testMissingScenarioExitsTwo() throws {
        let result = try Self.run(["fit", "/nonexistent/fit-scenario.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("fit-scenario.json"), result.stderr)
    }

    /// Every shipped scenario: exit 0, no NaN or infinity printed, the CSV parses with 5
    /// fields a row; for the Ruijin scenario also the Markdown tables (equal cell counts a row)
    /// and the JSON (JSONSerialization). The backtests (seconds a scenario in debug builds) run
    /// in the Ruijin CSV and Markdown; the other runs use --no-backtest.
    func testEveryShippedScenarioFitsInEveryFormat() throws {
        let scenarios = Self.shippedScenarios
        XCTAssertGreaterThanOrEqual(scenarios.count, 5)
        let ruijin = try XCTUnwrap(scenarios.first { $0.lastPathComponent == "ruijin-2022.json" })
        let jobs = scenarios.map { ($0, "csv", $0 == ruijin) } + [(ruijin, "markdown", true), (ruijin, "json", false)]
        // Independent processes: run them two at a time (the backtests take seconds in debug).
        let outputs = Outputs(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let (url, format, backtest) = jobs[i]
            outputs.set(i, Result { try Self.run(["fit", url.path, "--format", format] + (backtest ? [] : ["--no-backtest"])) })
        }
        let runs = try jobs.indices.map { (jobs[$0].0, jobs[$0].1, try outputs.get($0)) }
        for (url, format, result) in runs {
            let name = "\(url.lastPathComponent) --format \(format)"
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertEqual(Self.nonFiniteWords(result.stdout), [], name)
            switch format {
            case "csv": try checkCSV(result.stdout, name)
            case "json": try checkJSON(result.stdout, name)
            default: checkMarkdown(result.stdout, name)
            }
        }
    }

    /// Results written by concurrent jobs.
    final class Outputs: @unchecked Sendable {
        private var results: [Result<Output, any Error>?]
        private let lock = NSLock()
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<Output, any Error>) { lock.lock(); results[i] = r; lock.unlock() }
        func get(_ i: Int) throws -> Output { lock.lock(); defer { lock.unlock() }; return try results[i]!.get() }
    }

    func checkCSV(_ text: String, _ name: String) throws {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        XCTAssertEqual(reader.headerRow ?? [], ["model", "section", "row", "column", "value"], name)
        var count = 0, models = Set<String>()
        while let row = reader.next() {
            XCTAssertEqual(row.count, 5, "\(name): \(row)")
            models.insert(row[0])
            count += 1
        }
        XCTAssertGreaterThan(count, 20, name)
        for model in ["random walk", "AR(1)", "local linear trend"] { XCTAssertTrue(models.contains(model), "\(name): \(model)") }
        XCTAssertTrue(models.contains { $0.hasPrefix("VAR(") } && models.contains { $0.hasPrefix("BVAR(") }, name)
    }

    func checkJSON(_ text: String, _ name: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let models = try XCTUnwrap(object?["models"] as? [[String: Any]], name)
        XCTAssertEqual(models.count, 5, name)
        XCTAssertEqual(models.filter { $0["is_scenario_model"] as? Bool == true }.count, 1, name)
        for model in models where model["fitted"] as? Bool == true {
            for table in try XCTUnwrap(model["tables"] as? [[String: Any]]) {
                let columns = try XCTUnwrap(table["columns"] as? [String])
                for row in try XCTUnwrap(table["rows"] as? [[String: Any]]) {
                    XCTAssertEqual((row["values"] as? [Any])?.count, columns.count, "\(name): \(table["section"] ?? "")")
                }
            }
        }
    }

    func checkMarkdown(_ text: String, _ name: String) {
        XCTAssertTrue(text.hasPrefix("# Model fits: "), name)
        var width: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { width = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let width { XCTAssertEqual(cells, width, "\(name): \(line)") } else { width = cells }
        }
    }
}
