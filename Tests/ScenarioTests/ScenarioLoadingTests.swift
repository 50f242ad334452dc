import Foundation
import XCTest
import Scenario

/// The clean example: read as written, paths resolved, round-trips through JSON.
final class ScenarioLoadingTests: XCTestCase {
    func testCleanScenarioReadsAsWritten() throws {
        let s = try Scenario.load(contentsOf: cleanScenarioURL)
        XCTAssertEqual(s.horizon, 2022...2023)
        XCTAssertEqual(s.estimation.years, [2015, 2016, 2017, 2018, 2019, 2021])
        XCTAssertEqual(s.model, ModelSettings(type: .bvar, lags: 1, prior: .minnesota, parameterUncertainty: true))
        XCTAssertEqual(s.shocks, ShockSettings(distribution: .studentT, dof: 6, scale: 1))
        XCTAssertEqual(s.simulation, SimulationSettings(paths: 10000, seed: 2022))
        XCTAssertEqual(s.indicators.map(\.id), ["gdp", "cpi", "industry_revenue", "fdi", "unemployment"])
        XCTAssertEqual(s.indicator("unemployment")?.judgment?.sd, 0.3)
        XCTAssertEqual(s.targets.map(\.measure), [.growthPct, .growthPct, .ratePct, .level, .averageGrowth, .ratePct],
                       "a target without measure takes its indicator's model_on")
        XCTAssertEqual(s.targets[1].wording, .around(7, tolerance: 0.5))
        XCTAssertEqual(s.targets[1].bound, .atLeast(6.5), "左右 on growth reads as at least X − tolerance")
        XCTAssertEqual(s.targets[1].nearBand, .around(7, tolerance: 0.5), "the band is the second figure")
        XCTAssertEqual(s.targets[4].years, 2021...2023)
        XCTAssertEqual(s.targets[3].lastLevel, 301.2)
        XCTAssertEqual(s.risks[0].impactPP, ["gdp": -1.5, "fdi": -2.0])
        XCTAssertEqual(s.adjustments[0].shiftPP, 1.0)
    }

    func testRelativePathsResolveAgainstTheScenarioFile() throws {
        let s = try Scenario.load(contentsOf: cleanScenarioURL)
        let expected = fixtures.appendingPathComponent("data/history.csv").standardizedFileURL.path
        XCTAssertEqual(s.history?.written, "../data/history.csv")
        XCTAssertEqual(s.history?.url.path, expected)
        XCTAssertEqual(s.indicator("fdi")?.history?.url.path, expected)
        XCTAssertEqual(s.backtest?.targets?.url.path, fixtures.appendingPathComponent("data/targets.csv").standardizedFileURL.path)
    }

    func testScenarioInputLoadsReferencedTables() throws {
        let input = try ScenarioInput.load(contentsOf: cleanScenarioURL)
        XCTAssertEqual(input.histories.count, 1)
        XCTAssertEqual(input.series(for: input.scenario.indicator("cpi")!)?.values, [2.9, 2.6, 0.9])
        XCTAssertNil(input.series(for: input.scenario.indicator("unemployment")!), "judgmental: no history")
        XCTAssertEqual(input.pastTargets.map(\.wording), [.atLeast(8.5), .around(7, tolerance: 0.5), .atMost(3.5)])
        XCTAssertEqual(input.pastTargets.map(\.bound), [.atLeast(8.5), .atLeast(6.5), .atMost(3.5)])
        XCTAssertEqual(input.baseLevel(for: input.scenario.targets[3]), 301.2)
    }

    func testRoundTrip() throws {
        let s = try Scenario.load(contentsOf: cleanScenarioURL)
        let again = try Scenario.decode(s.encoded(), file: "encoded.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTAssertEqual(again, s)
    }

    /// Writes `text` as `<temporary>/scenarios/scenario.json`; with `linkData`, `<temporary>/data`
    /// links to the fixtures' data so that "../data/history.csv" resolves.
    private func writeScenario(_ text: String, linkData: Bool) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        let directory = root.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        if linkData {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("data"),
                                                       withDestinationURL: fixtures.appendingPathComponent("data"))
        }
        let url = directory.appendingPathComponent("scenario.json")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testMissingHistoryFileNamesFileAndReference() throws {
        let url = try writeScenario(String(contentsOf: cleanScenarioURL, encoding: .utf8), linkData: false)
        let found = problems { () throws(ValidationFailure) in try ScenarioInput.load(contentsOf: url) }
        assertOneProblem(found, fileName: "history.csv", at: .file, saying: ["file not found", "scenario.json:history"])
        assertOneProblem(found, fileName: "targets.csv", at: .file, saying: ["file not found", "scenario.json:backtest.targets"])
        XCTAssertEqual(found.count, 2, "the history file is reported once, not once per indicator")
    }

    func testModelledIndicatorWithoutHistoryRows() throws {
        let text = try cleanScenario(replacing: "\"id\": \"cpi\", \"name\": { \"zh\": \"居民消费价格\", \"en\": \"Consumer prices\" }, \"model_on\": \"rate_pct\"",
                                     with: "\"id\": \"cpi\", \"model_on\": \"level\"")
        let url = try writeScenario(text, linkData: true)
        let found = problems { () throws(ValidationFailure) in try ScenarioInput.load(contentsOf: url) }
        assertOneProblem(found, fileName: "scenario.json", at: .jsonPath("indicators[1].model_on"),
                         saying: ["history.csv has no first-published rows for cpi level", "found: rate_pct"])
    }
}
