import Foundation
import XCTest

/// End-to-end tests of `forecast simulate` and `forecast compare` on the shipped scenarios.
final class SimulateCommandTests: XCTestCase {
    /// Every shipped scenario (backtest scenarios included) simulates, exits 0, and reports
    /// every one of its targets, evaluated or with a reason; no NaN anywhere.
    func testEveryShippedScenarioSimulates() throws {
        let scenarios = ForecastExecutable.shippedScenarios
        XCTAssertGreaterThanOrEqual(scenarios.count, 5)
        for file in scenarios {
            let run = try ForecastExecutable.run(["simulate", file, "--paths", "2048"])
            XCTAssertEqual(run.status, 0, "\(file): \(run.stderr)")
            let json = try JSONSerialization.jsonObject(
                with: Data(contentsOf: ForecastExecutable.packageRoot.appendingPathComponent(file))) as! [String: Any]
            let targets = json["targets"] as! [[String: Any]]
            let rows = run.text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(" | ") }
            for target in targets {
                let id = target["indicator"] as! String
                XCTAssertTrue(rows.contains { $0.hasPrefix("| \(id) ") }, "\(file): target on \(id) not reported")
            }
            XCTAssertEqual(FitCommandTests.nonFiniteWords(run.text), [], "\(file): NaN in the tables")
        }
    }

    /// Same scenario and seed: byte-identical files with 1 and 2 threads; another seed differs.
    func testOutputIsByteIdenticalAcrossThreadCounts() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-det-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        var outputs: [[String: Data]] = []
        for (threads, seed) in [(1, "5"), (2, "5"), (2, "6")] {
            let dir = tmp.appendingPathComponent("\(threads)-\(seed)")
            let run = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022-downside.json", "--paths", "8192",
                                                  "--threads", String(threads), "--seed", seed, "--out", dir.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            var files: [String: Data] = [:]
            for name in ["tables.md", "targets.csv", "fan.csv", "summary.json", "report.html"] {
                files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
            }
            files["stdout"] = run.stdout
            outputs.append(files)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertNotEqual(outputs[0]["fan.csv"], outputs[2]["fan.csv"])
    }

    /// --precision: the run stops once every evaluated target's SE is at most the precision
    /// (checked against the SE column of targets.csv), the header states the paths used and the
    /// stopping rule, and stdout is byte-identical with 1 and 2 threads (same paths used).
    func testPrecisionRunStopsAtTheRequestedSEWhateverTheThreads() throws {
        var outputs: [Data] = []
        for threads in ["1", "2"] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-precision-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let run = try ForecastExecutable.run(["simulate", "scenarios/china-2025.json", "--model-only", "--precision", "0.5",
                                                  "--threads", threads, "--out", dir.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.text.contains("- Stopping rule: every evaluated target's MC SE at most 0.500 pp, checked block after block"), run.text)
            XCTAssertTrue(run.text.contains("paths used — met"), run.text)
            XCTAssertTrue(run.text.contains("- P(met) estimator: P(met) of 2 of 3 targets by conditional Monte Carlo"), run.text)
            let csv = try String(contentsOf: dir.appendingPathComponent("targets.csv"), encoding: .utf8)
            let lines = csv.split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let se = try XCTUnwrap(header.firstIndex(of: "mc_se")), status = try XCTUnwrap(header.firstIndex(of: "status"))
            var evaluated = 0
            for line in lines.dropFirst() {
                // The quoted fields of these targets hold no commas before mc_se.
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard fields[status] == "evaluated" else { continue }
                evaluated += 1
                XCTAssertLessThanOrEqual(try XCTUnwrap(Double(fields[se])), 0.005, line)
            }
            XCTAssertGreaterThan(evaluated, 0)
            outputs.append(run.stdout)
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    /// compare shows every target of both scenarios and a difference column.
    func testCompareReportsEveryTarget() throws {
        let run = try ForecastExecutable.run(["compare", "scenarios/ruijin-2022.json", "scenarios/ruijin-2022-downside.json",
                                              "--paths", "4096"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for id in ["gdp", "retail", "fai", "cpi", "unemployment", "hogs"] {
            XCTAssertTrue(run.text.contains("| \(id) | 2022 |"), "compare misses \(id)")
        }
        XCTAssertTrue(run.text.contains("Δ [2] - [1]"))
    }

    /// compare --out: the Markdown printed is comparison.md, beside the CSV, JSON and page; the
    /// risks of the downside are listed as differing, the scenarios by file.
    func testCompareWritesFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ForecastExecutable.run(["compare", "scenarios/ruijin-2022.json", "scenarios/ruijin-2022-downside.json",
                                              "--paths", "4096", "--out", dir.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files, ["comparison.csv", "comparison.json", "comparison.md", "joint.csv", "report.html"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("comparison.md"), encoding: .utf8), run.text)
        XCTAssertTrue(run.text.contains("scenarios/ruijin-2022-downside.json"))
        XCTAssertTrue(run.text.contains("| risk | property slowdown (2022) | absent |"), run.text)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("comparison.json"))) as! [String: Any]
        let targets = json["targets"] as! [[String: Any]]
        XCTAssertEqual(targets.count, 2 * 14, "14 targets in each of the two scenarios")
        let page = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("规上工业营业收入"))
    }

    /// Bad input: exit status 2, a message naming the file, and no output directory written.
    func testInvalidScenarioExitsTwoWithoutOutput() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let bad = tmp.appendingPathComponent("bad.json")
        try Data(#"{"name": "x", "probabilty": 2}"#.utf8).write(to: bad)
        let out = tmp.appendingPathComponent("out")
        let run = try ForecastExecutable.run(["simulate", bad.path, "--out", out.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("bad.json"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let zero = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022.json", "--paths", "0"])
        XCTAssertNotEqual(zero.status, 0)
    }

    /// A level target on a proxy history without a stated last_level is not evaluated: the
    /// proxy region's level is not the region's own.
    func testLevelTargetOnProxyHistoryNeedsItsOwnLastLevel() throws {
        let root = ForecastExecutable.packageRoot
        var json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("scenarios/ruijin-2022.json"))) as! [String: Any]
        var targets = json["targets"] as! [[String: Any]]
        let gdp = targets.firstIndex { ($0["indicator"] as! String) == "gdp" }!
        targets[gdp]["measure"] = "level"
        targets[gdp]["at_least"] = 100.0
        json["targets"] = targets
        json["history"] = root.appendingPathComponent("notebooks-data/jiangxi/history.csv").path
        var indicators = json["indicators"] as! [[String: Any]]
        for i in indicators.indices {
            if let h = indicators[i]["history"] as? String {
                indicators[i]["history"] = root.appendingPathComponent("scenarios").appendingPathComponent(h).standardized.path
            }
        }
        json["indicators"] = indicators
        if var c = json["calibration"] as? [String: Any], let f = c["file"] as? String {
            c["file"] = root.appendingPathComponent("scenarios").appendingPathComponent(f).standardized.path
            json["calibration"] = c
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-level-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let run = try ForecastExecutable.run(["simulate", file.path, "--paths", "1024"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let row = run.text.split(separator: "\n").first { $0.hasPrefix("| gdp ") } ?? ""
        XCTAssertTrue(row.contains("not evaluated") && row.contains("proxy"), String(row))
    }

    /// Absurd magnitudes and path counts end with a message naming the field, never a trap.
    func testAbsurdNumbersAreRefusedWithoutACrash() throws {
        let root = ForecastExecutable.packageRoot
        var json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("scenarios/ruijin-2022-downside.json"))) as! [String: Any]
        var targets = json["targets"] as! [[String: Any]]
        targets[0]["at_least"] = 1e300
        json["targets"] = targets
        json["history"] = root.appendingPathComponent("notebooks-data/jiangxi/history.csv").path
        var indicators = json["indicators"] as! [[String: Any]]
        for i in indicators.indices where indicators[i]["history"] != nil {
            indicators[i]["history"] = root.appendingPathComponent("notebooks-data/china/history.csv").path
        }
        json["indicators"] = indicators
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("absurd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let huge = try ForecastExecutable.run(["simulate", file.path, "--paths", "1024"])
        XCTAssertEqual(huge.status, 2, huge.stderr)
        XCTAssertTrue(huge.stderr.contains("s.json:targets[0].at_least: expected a growth_pct bound in (-100, 1000]"), huge.stderr)
        let paths = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022.json", "--paths", "9223372036854775807"])
        XCTAssertEqual(paths.status, 64, paths.stderr)
        XCTAssertTrue(paths.stderr.contains("10^12"), paths.stderr)
        // A negative precision is read as a value (not as an unknown flag) and refused for its range.
        let negative = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022.json", "--precision", "-1"])
        XCTAssertEqual(negative.status, 64, negative.stderr)
        XCTAssertTrue(negative.stderr.contains("--precision must be between 0.001 and 50 percentage points, got -1"), negative.stderr)
        for r in [huge, paths, negative] { XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr) }
    }

    /// Tables printed to a standard output that cannot take them (/dev/full): exit 74 and a
    /// message, not a silent 0.
    func testFullStandardOutputIsAnError() throws {
        let process = Process()
        process.executableURL = ForecastExecutable.productsDirectory.appendingPathComponent("forecast")
        process.arguments = ["simulate", "scenarios/ruijin-2022.json", "--paths", "1024"]
        process.currentDirectoryURL = ForecastExecutable.packageRoot
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 74, message)
        XCTAssertTrue(message.contains("cannot write the tables to standard output"), message)
        // A standard error that cannot take the warnings is no crash (FileHandle would trap).
        let second = Process()
        second.executableURL = process.executableURL
        second.arguments = process.arguments
        second.currentDirectoryURL = process.currentDirectoryURL
        second.standardOutput = FileHandle.nullDevice
        second.standardError = FileHandle(forWritingAtPath: "/dev/full")
        try second.run()
        second.waitUntilExit()
        XCTAssertEqual(second.terminationReason, .exit)
        XCTAssertEqual(second.terminationStatus, 0)
    }

    /// Seven years of history: the header lists the short-sample warning and stderr repeats it;
    /// with parameter uncertainty off the header says the bands ignore estimation error.
    func testShortHistoryWarnsInHeaderAndOnStderr() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-short-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let values = [7.1, 6.4, 8.0, 6.9, 5.2, 6.6, 7.3]
        let rows = values.enumerated().map { "gdp,\(2015 + $0.offset),\($0.element),growth_pct,%,x" }
        try (["indicator,year,value,measure,unit,source"] + rows).joined(separator: "\n")
            .write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        for uncertainty in [true, false] {
            let scenario = dir.appendingPathComponent("short-\(uncertainty).json")
            try """
                {"name": "short", "region": "r", "history": "history.csv", "base_year": 2021, "horizon_end": 2022,
                 "estimation": {"from": 2015, "to": 2021, "exclude": []}, "model": {"type": "ar1", "parameter_uncertainty": \(uncertainty)},
                 "shocks": {"distribution": "normal"}, "simulation": {"paths": 2048, "seed": 1}, "confidence": 0.8,
                 "indicators": [{"id": "gdp", "model_on": "growth_pct"}],
                 "targets": [{"indicator": "gdp", "year": 2022, "at_least": 6.0, "quote": "GDP 6%"}]}
                """.write(to: scenario, atomically: true, encoding: .utf8)
            let run = try ForecastExecutable.run(["simulate", scenario.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            let header = run.text.components(separatedBy: "## Targets")[0]
            let warning = "gdp: AR(1) fitted on only 7 observed years (fewer than 10)"
            XCTAssertTrue(header.contains("**Warnings.**") && header.contains(warning), header)
            XCTAssertTrue(run.stderr.contains("warning: \(warning)"), run.stderr)
            XCTAssertEqual(header.contains("ignore estimation error"), !uncertainty, header)
            XCTAssertTrue(run.text.contains("Dependence between indicators: one modelled indicator"))
        }
    }
}
