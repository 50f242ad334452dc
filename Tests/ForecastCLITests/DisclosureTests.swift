import Foundation
import XCTest

/// What a run must say aloud: proxies in every output, the same warnings from validate and
/// simulate, the rounding of --paths, a long run announced.
final class DisclosureTests: XCTestCase {
    func directory(scenario: String) throws -> URL {
        try InputBatteryTests.directory(files: ["scenario.json": scenario, "history.csv": InputBattery.cleanHistory,
                                                "targets.csv": InputBattery.cleanTargets])
    }

    /// An indicator fitted on another region's history (history_region) is named a proxy in the
    /// header, its target row, targets.csv, summary.json and report.html.
    func testPerIndicatorProxyIsDisclosedEverywhere() throws {
        let text = InputBattery.scenario([("{ \"id\": \"cpi\", \"model_on\": \"rate_pct\" }",
                                           "{ \"id\": \"cpi\", \"model_on\": \"rate_pct\", \"history_region\": \"全国\" }")])
        let dir = try directory(scenario: text)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let run = try ForecastExecutable.run(["simulate", dir.appendingPathComponent("scenario.json").path, "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("scenario.json:indicators[1].history_region: warning: proxy history: cpi is fitted on 全国's history"), run.stderr)
        let header = run.text.components(separatedBy: "## Targets")[0]
        XCTAssertTrue(header.contains("> **Warnings.**") && header.contains("proxy history: cpi"), header)
        let row = run.text.split(separator: "\n").first { $0.hasPrefix("| cpi ") } ?? ""
        XCTAssertTrue(row.contains("(history: 全国's, a proxy)"), String(row))
        let gdpRow = run.text.split(separator: "\n").first { $0.hasPrefix("| gdp ") } ?? ""
        XCTAssertFalse(gdpRow.contains("proxy"), String(gdpRow))

        let csv = try String(contentsOf: out.appendingPathComponent("targets.csv"), encoding: .utf8).split(separator: "\n")
        let columns = csv[0].split(separator: ",", omittingEmptySubsequences: false)
        let column = try XCTUnwrap(columns.firstIndex(of: "proxy_history_region"))
        for line in csv.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields[column], fields[1] == "cpi" ? "全国" : "", String(line))
        }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        let targets = try XCTUnwrap(json["targets"] as? [[String: Any]])
        XCTAssertEqual(targets.compactMap { $0["proxy_history_region"] as? String }, ["全国"])
        XCTAssertTrue((json["warnings"] as? [String])?.contains { $0.hasPrefix("indicators[1].history_region: proxy history") } ?? false)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("(history: 全国&#39;s, a proxy)") || html.contains("(history: 全国's, a proxy)"), "report.html names no proxy")
        XCTAssertTrue(html.contains("<strong>Warnings.</strong>"))
    }

    /// validate and simulate print the same warnings, line for line.
    func testValidateAndSimulateWarnTheSame() throws {
        let text = InputBattery.scenario([("\"type\": \"ar1\",", "\"type\": \"var\", \"lags\": 10,"),
                                          ("\"unit\": \"亿元\", \"growth_prices\": \"current\"", "\"unit\": \"亿元\""),
                                          ("\"history\": \"history.csv\",", "\"history\": \"history.csv\", \"history_proxy\": { \"region\": \"省\", \"note\": \"n\" },")])
        let dir = try directory(scenario: text)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("scenario.json").path
        let validate = try ForecastExecutable.run(["validate", file])
        let simulate = try ForecastExecutable.run(["simulate", file])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertEqual(simulate.status, 0, simulate.stderr)
        let warnings = { (s: String) in s.split(separator: "\n").filter { $0.contains(": warning: ") } }
        XCTAssertEqual(warnings(validate.stderr).count, 3, validate.stderr)
        XCTAssertEqual(warnings(validate.stderr), warnings(simulate.stderr))
        XCTAssertEqual(validate.text, "ok: \(file) (3 warnings)\n")
        for path in ["history_proxy", "model.type", "targets[3]"] {
            XCTAssertTrue(validate.stderr.contains("\(file):\(path): warning: "), path)
        }
    }

    /// Revised rows are never used, and the notes say so, with the years that only have one.
    func testRevisedRowsAreSaidNotUsed() throws {
        let history = InputBattery.cleanHistory.replacingOccurrences(of: InputBattery.historyHeader, with: InputBattery.historyHeader + ",basis")
            .replacingOccurrences(of: "\n", with: ",\n")
            .replacingOccurrences(of: InputBattery.historyHeader + ",basis,", with: InputBattery.historyHeader + ",basis")
            .replacingOccurrences(of: "gdp,2007,", with: "gdp,2007,1.0,growth_pct,%,https://example.org/revision,revised\ngdp,2007,")
            .replacingOccurrences(of: "gdp,2008,", with: "gdp,2008,1.0,growth_pct,%,https://example.org/revision,revised\nunused,2008,")
        let dir = try InputBatteryTests.directory(files: ["scenario.json": InputBattery.cleanScenario, "history.csv": history])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ForecastExecutable.run(["simulate", dir.appendingPathComponent("scenario.json").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.contains("- gdp: 2 revised row(s) of growth_pct in the history are not used (models use first-published values only); 2008 has only a revised value and stays missing"), run.text)
    }

    /// The header says how many paths were asked for when they were rounded up.
    func testRoundedPathsAreStated() throws {
        let dir = try directory(scenario: InputBattery.cleanScenario)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("scenario.json").path
        let one = try ForecastExecutable.run(["simulate", file, "--paths", "1"])
        XCTAssertTrue(one.text.contains("- Paths: 1,024 (64 blocks of 16; 1 requested, rounded up to whole blocks, at least 64 for the standard error)"), one.text)
        let whole = try ForecastExecutable.run(["simulate", file, "--paths", "2048"])
        XCTAssertTrue(whole.text.contains("- Paths: 2,048 (64 blocks of 32) ·"), whole.text)
        let exponent = try ForecastExecutable.run(["simulate", file, "--paths", "2.048e3"])
        XCTAssertEqual(exponent.text, whole.text)
    }

    /// A run of 10^12 paths says, within seconds, how long it would take.
    func testLongRunIsAnnounced() throws {
        let dir = try directory(scenario: InputBattery.cleanScenario)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = ForecastExecutable.productsDirectory.appendingPathComponent("forecast")
        process.arguments = ["simulate", dir.appendingPathComponent("scenario.json").path, "--paths", "1000000000000", "--threads", "1"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        let buffer = Accumulated()
        err.fileHandleForReading.readabilityHandler = { handle in buffer.append(handle.availableData) }
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !text.contains("this run will take about"), process.isRunning {
            usleep(100_000)
            text = buffer.text
        }
        process.terminate()
        process.waitUntilExit()
        err.fileHandleForReading.readabilityHandler = nil
        XCTAssertTrue(text.contains("warning: this run will take about"), text)
        XCTAssertTrue(text.contains(" d ") || text.contains(" h "), text)
    }
}

/// Bytes appended from one thread and read from another.
final class Accumulated: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
