import Foundation
import XCTest

/// `forecast simulate` on a what-if scenario and `forecast sweep`, end to end.
final class ConditionCommandTests: XCTestCase {
    private func temporary(_ name: String) throws -> URL {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        return tmp
    }

    /// The Ruijin scenario with `conditions`, without calibration.
    private func ruijin(conditions: [[String: Any]], in dir: URL) throws -> URL {
        try ForecastExecutable.ruijinCopy(in: dir, name: "what-if.json") { json in
            json["calibration"] = nil
            json["conditions"] = conditions
        }
    }

    /// A hard condition no allowed shock can meet: exit 2, the file and "conditions" named, nothing written.
    func testUnreachableHardConditionExitsTwoWithoutOutput() throws {
        let tmp = try temporary("cond")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let file = try ruijin(conditions: [["indicator": "fai", "year": 2022, "value": 5.0, "shocks": ["unemployment"]]], in: tmp)
        let out = tmp.appendingPathComponent("out")
        let run = try ForecastExecutable.run(["simulate", file.path, "--paths", "2048", "--out", out.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("what-if.json") && run.stderr.contains("conditions[0].shocks[0]"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let gdpOnly = try ruijin(conditions: [["indicator": "fai", "year": 2022, "value": 5.0, "shocks": ["gdp"]]], in: tmp)
        let second = try ForecastExecutable.run(["simulate", gdpOnly.path, "--paths", "2048", "--out", out.path])
        XCTAssertEqual(second.status, 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("what-if.json") && second.stderr.contains("cannot be met"), second.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// A soft condition the model's paths (almost) never meet: the run says so on stderr and in
    /// the header, not only through an effective sample size in the notes.
    func testNearlyImpossibleSoftConditionWarns() throws {
        let tmp = try temporary("soft")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let file = try ruijin(conditions: [["indicator": "fai", "year": 2022, "at_least": 90.0]], in: tmp)
        let run = try ForecastExecutable.run(["simulate", file.path, "--paths", "4096"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("what-if.json:conditions: warning: the soft conditions hold on 0.00% of the model's paths"), run.stderr)
        XCTAssertTrue(run.text.contains("the model finds nearly impossible"), run.text)
        let plausible = try ruijin(conditions: [["indicator": "fai", "year": 2022, "at_least": 5.0]], in: tmp)
        let ok = try ForecastExecutable.run(["simulate", plausible.path, "--paths", "4096"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertFalse(ok.stderr.contains("nearly impossible"), ok.stderr)
        // A hard value far beyond the model's range warns too; FAI at 5 does not.
        let extreme = try ruijin(conditions: [["indicator": "fai", "year": 2022, "value": 900.0]], in: tmp)
        let far = try ForecastExecutable.run(["simulate", extreme.path, "--paths", "4096"])
        XCTAssertEqual(far.status, 0, far.stderr)
        XCTAssertTrue(far.stderr.contains("what-if.json:conditions[0]: warning: fai 2022 = 900 lies outside the model's 0.1%–99.9% range"), far.stderr)
        let five = try ruijin(conditions: [["indicator": "fai", "year": 2022, "value": 5.0]], in: tmp)
        let near = try ForecastExecutable.run(["simulate", five.path, "--paths", "4096"])
        XCTAssertFalse(near.stderr.contains("lies outside"), near.stderr)
    }

    /// One bad cell in a history file is one error: no second, derived complaint about what
    /// the unread history would have held (a level target's unit).
    func testBadHistoryCellIsOneError() throws {
        let tmp = try temporary("bad-cell")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let root = ForecastExecutable.packageRoot
        var lines = try String(contentsOf: root.appendingPathComponent("notebooks-data/china/history.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[2] = "abc"
        lines[5] = cells.joined(separator: ",")
        let csv = tmp.appendingPathComponent("china.csv")
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let file = try ForecastExecutable.ruijinCopy(in: tmp, name: "bad-cell.json") { json in
            var indicators = json["indicators"] as! [[String: Any]]
            for i in indicators.indices where indicators[i]["history"] != nil { indicators[i]["history"] = csv.path }
            json["indicators"] = indicators
            json["calibration"] = nil
        }
        let run = try ForecastExecutable.run(["validate", file.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        let errors = run.stderr.split(separator: "\n").filter { !$0.contains("warning") && !$0.isEmpty }
        XCTAssertEqual(errors.count, 1, run.stderr)
        XCTAssertTrue(errors.first?.contains("china.csv:6: value: expected a finite number") ?? false, run.stderr)
    }

    /// `compare` lists a what-if scenario's conditions among what differs.
    func testCompareListsConditions() throws {
        let run = try ForecastExecutable.run(["compare", "scenarios/ruijin-2022.json", "scenarios/ruijin-2022-fai5.json", "--paths", "2048"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let md = String(decoding: run.stdout, as: UTF8.self)
        XCTAssertTrue(md.contains("| condition | fai 2022 | absent | fai 2022 = 5 |"), md)
    }

    /// A condition on an indicator the run does not simulate (Ruijin's grain level: no 2021
    /// level) would change nothing: exit 2, named at its JSON path, nothing written.
    func testConditionOnIndicatorNotSimulatedExitsTwo() throws {
        let tmp = try temporary("cond-level")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let file = try ruijin(conditions: [["indicator": "grain", "year": 2022, "value": 20.0]], in: tmp)
        let out = tmp.appendingPathComponent("out")
        for command in ["simulate", "validate"] {
            let run = try ForecastExecutable.run(command == "simulate" ? [command, file.path, "--paths", "2048", "--out", out.path] : [command, file.path])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("what-if.json:conditions[0]") && run.stderr.contains("grain is not simulated"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// The shipped conditional scenario: P(met | conditions) beside P(met) in every table, the
    /// conditioned indicator at its value, and the unconditional column equal to the baseline's
    /// model-only P(met) (same seed and paths).
    func testConditionalScenarioShowsBothProbabilities() throws {
        let tmp = try temporary("fai5")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let run = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022-fai5.json", "--paths", "4096", "--model-only",
                                              "--out", tmp.appendingPathComponent("c").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let base = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022.json", "--paths", "4096", "--model-only",
                                               "--out", tmp.appendingPathComponent("b").path])
        XCTAssertEqual(base.status, 0, base.stderr)
        let c = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.appendingPathComponent("c/summary.json"))) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.appendingPathComponent("b/summary.json"))) as! [String: Any]
        let ct = c["targets"] as! [[String: Any]], bt = b["targets"] as! [[String: Any]]
        for (x, y) in zip(ct, bt) where x["evaluated"] as! Bool {
            XCTAssertEqual(x["p_met_unconditional"] as? Double, y["p_met"] as? Double, "\(x["indicator"]!)")
        }
        let fai = ct.first { $0["indicator"] as! String == "fai" }!
        XCTAssertEqual(fai["median"] as! Double, 5.0, accuracy: 0.01)
        XCTAssertNotNil(c["conditions"])
        XCTAssertNil(b["conditions"])
        let md = String(decoding: run.stdout, as: UTF8.self)
        XCTAssertTrue(md.contains("P(met \\| conditions)") && md.contains("P(met) without conditions"))
        XCTAssertTrue(md.contains("fai 2022 = 5 — holds on every path"))
        let html = try String(contentsOf: tmp.appendingPathComponent("c/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("P(met) without conditions") && html.contains("What if."))
    }

    /// Bad sweep options: exit 2 (64 for a grid that cannot be made: a usage error, like every
    /// bad option value), the option named, nothing written.
    func testSweepRefusesBadOptionsWithoutOutput() throws {
        let tmp = try temporary("sweep-bad")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out")
        let cases: [([String], String)] = [
            (["--indicator", "fax", "--year", "2022", "--from", "0", "--to", "15", "--step", "1"], "--indicator: \"fax\""),
            (["--indicator", "fai", "--year", "2024", "--from", "0", "--to", "15", "--step", "1"], "--year"),
            (["--indicator", "fai", "--year", "2022", "--from", "5", "--to", "1", "--step", "1"], "--to"),
            (["--indicator", "fai", "--year", "2022", "--from", "0", "--to", "15", "--step", "-1"], "--step"),
            (["--indicator", "fai", "--year", "2022", "--from", "-200", "--to", "15", "--step", "1"], "--from/--to"),
        ]
        for (arguments, word) in cases {
            let run = try ForecastExecutable.run(["sweep", "scenarios/ruijin-2022.json", "--paths", "2048", "--out", out.path] + arguments)
            let usage = word == "--to" || word == "--step"
            XCTAssertEqual(run.status, usage ? 64 : 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(word), "\(arguments): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
    }

    /// The Ruijin sweep of fai: every target's P(met) is monotone in the assumed value (the
    /// per-indicator models' correlation is fixed across parameter draws, so each indicator's
    /// response has one sign), the files are written, and a crossing agrees with the shift needed.
    func testSweepIsMonotoneAndWritesItsFiles() throws {
        let tmp = try temporary("sweep")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out")
        let run = try ForecastExecutable.run(["sweep", "scenarios/ruijin-2022.json", "--indicator", "fai", "--year", "2022",
                                              "--from", "0", "--to", "15", "--step", "1", "--paths", "4096", "--model-only",
                                              "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in ["sweep.md", "sweep.csv", "sweep.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
        let csv = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8)
        var curves: [String: [Double]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            curves["\(f[4]) \(f[5]) \(f[6])", default: []].append(Double(f[7])!)
        }
        XCTAssertEqual(curves.count, 12)
        for (name, p) in curves where !name.hasPrefix("all") {
            XCTAssertEqual(p.count, 16)
            let rising = zip(p, p.dropFirst()).allSatisfy { $0 <= $1 }, falling = zip(p, p.dropFirst()).allSatisfy { $0 >= $1 }
            XCTAssertTrue(rising || falling, "\(name) not monotone: \(p)")
        }
        let md = String(decoding: run.stdout, as: UTF8.self)
        let cpi = try XCTUnwrap(md.split(separator: "\n").first { $0.hasPrefix("| cpi 居民消费价格 2022") })
        let cells = cpi.components(separatedBy: " | ")
        let crossing = try XCTUnwrap(Double(cells[4])), fromShift = try XCTUnwrap(Double(cells[5].dropLast(2)))
        XCTAssertEqual(crossing, fromShift, accuracy: 0.25, "\(cpi)")
        // FAI's own target (≥ 10%) is met exactly when the assumed FAI is 10 or more: its
        // crossing is the bound, not an interpolation across the step between 9 and 10.
        let fai = try XCTUnwrap(md.split(separator: "\n").first { $0.hasPrefix("| fai 固定资产投资 2022") })
        XCTAssertEqual(Double(fai.components(separatedBy: " | ")[4]), 10, "\(fai)")
    }
}
