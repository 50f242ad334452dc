import Calibration
import Foundation
import Report
import Scenario
import Simulation
import XCTest

/// The backtest pages on the shipped backtest scenarios (few paths): well-formed and
/// self-contained, the reliability diagram's counts equal to the scored targets, every past
/// target in the per-year table, the scores printed as the run computed them.
final class BacktestPageTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testScenarioBacktestPage() throws {
        let input = try ScenarioInput.load(contentsOf: Self.root.appendingPathComponent("scenarios/jiangxi-backtest.json"))
        let run = try BacktestRunner.run(input, options: RunOptions(paths: 1024, threads: 2))
        let summary = run.summary
        XCTAssertGreaterThan(summary.count, 5)
        let html = BacktestPage.render(run)
        PageFixture.assertSelfContained(html)
        let page = PageFixture.parse(html)
        let chart = try XCTUnwrap(page.all("svg").first { $0.attributes["aria-label"] == "Reliability of the model's P(met)" })
        let bins = chart.all("circle").filter { $0.has(class: "bin") }
        XCTAssertEqual(bins.compactMap { Int($0.attributes["data-count"] ?? "") }, summary.reliability.filter { $0.count > 0 }.map(\.count))
        XCTAssertEqual(bins.compactMap { Int($0.attributes["data-count"] ?? "") }.reduce(0, +), summary.count)
        let perYear = try XCTUnwrap(page.all("table").first { $0.has(class: "per-year") })
        XCTAssertEqual(perYear.all("tr").count - 1, run.forecasts.count, "a row per past target, plus the header")
        let scores = try XCTUnwrap(page.all("table").first { $0.has(class: "data") })
        let firstRow = try XCTUnwrap(scores.all("tr").dropFirst().first).all("td").map(\.allText)
        XCTAssertEqual(firstRow[1], NumberFormat.fixed(summary.forecasters[0].brier, 3))
        XCTAssertEqual(firstRow[2], NumberFormat.fixed(summary.forecasters[0].logScore, 3))
    }

    func testCalibrationSetPage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calset-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = Self.root.appendingPathComponent("scenarios").path
        let set = """
            {"name": "two regions", "calibration_set": {"from": 2014, "to": 2024, "regions": [
             {"id": "china", "name": "China", "scenario": "\(scenarios)/china-backtest.json"},
             {"id": "jiangxi", "name": "Jiangxi", "scenario": "\(scenarios)/jiangxi-backtest.json"}]}}
            """
        let url = dir.appendingPathComponent("set.json")
        try set.write(to: url, atomically: true, encoding: .utf8)
        let run = try CalibrationSetRunner.run(CalibrationSetInput.load(contentsOf: url), options: RunOptions(paths: 1024, threads: 2))
        let all = run.scores()
        XCTAssertGreaterThan(all.targets.count, 10)
        let html = CalibrationSetPage.render(run)
        PageFixture.assertSelfContained(html)
        let page = PageFixture.parse(html)
        let chart = try XCTUnwrap(page.all("svg").first { $0.attributes["aria-label"]?.hasPrefix("Reliability of the calibrated") == true })
        for name in ["calibrated", "model"] {
            let counts = chart.all("circle").filter { $0.has(class: "bin") && $0.attributes["data-series"] == name }
                .compactMap { Int($0.attributes["data-count"] ?? "") }
            XCTAssertEqual(counts.reduce(0, +), all.targets.count, name)
        }
        let scores = try XCTUnwrap(page.all("table").first { $0.has(class: "scores") })
        XCTAssertEqual(scores.all("tr").count - 1, all.forecasters.count)
        for (row, f) in zip(scores.all("tr").dropFirst(), all.forecasters) {
            let cells = row.all("td").map(\.allText)
            XCTAssertEqual(cells[0], f.name.label)
            XCTAssertEqual(cells[2], NumberFormat.fixed(f.brier, 3))
        }
    }
}
