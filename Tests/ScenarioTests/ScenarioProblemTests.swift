import Foundation
import XCTest
import Scenario

/// One bad input each: the problem names the file, the JSON path and what was expected.
final class ScenarioProblemTests: XCTestCase {
    func testUnknownKeySuggestsNearestValidKey() throws {
        let text = try cleanScenario(replacing: "\"probability\": 0.3", with: "\"probabilty\": 0.3, \"probability\": 0.3")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("risks[0].probabilty"),
                         saying: ["unknown key", "did you mean \"probability\""])
    }

    func testUnknownTopLevelKeyWithoutCloseMatchListsValidKeys() throws {
        let text = try cleanScenario(replacing: "\"confidence\": 0.8,", with: "\"confidence\": 0.8, \"zzzzzzzz\": 1,")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("zzzzzzzz"),
                         saying: ["unknown key", "\"horizon_end\"", "\"targets\""])
    }

    func testWrongTypeNamesExpectedAndFound() throws {
        let text = try cleanScenario(replacing: "\"at_least\": 8.2", with: "\"at_least\": \"8.2%\"")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[0].at_least"),
                         saying: ["expected a number", "found \"8.2%\""])
    }

    func testFractionalYearIsNotAnInteger() throws {
        let text = try cleanScenario(replacing: "\"base_year\": 2021", with: "\"base_year\": 2021.5")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("base_year"),
                         saying: ["expected an integer", "found 2021.5"])
    }

    func testTargetOnUndeclaredIndicator() throws {
        let text = try cleanScenario(replacing: "{ \"indicator\": \"fdi\", \"year\": 2022,", with: "{ \"indicator\": \"fdl\", \"year\": 2022,")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[1].indicator"),
                         saying: ["\"fdl\" is not declared", "did you mean \"fdi\""])
    }

    func testDuplicateTargetWouldCountTwice() throws {
        let gdp = "{ \"indicator\": \"gdp\", \"year\": 2022, \"at_least\": 8.2, \"quote\": \"地区生产总值增长8.2%以上\" },"
        let text = try cleanScenario(replacing: gdp, with: gdp + gdp.replacingOccurrences(of: "以上", with: "以上 (again)"))
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[1]"),
                         saying: ["duplicate of targets[0]", "count twice"])
    }

    /// A copy that leaves out "measure" (so takes the indicator's) is the same target.
    func testDuplicateTargetWithImplicitMeasure() throws {
        let gdp = "{ \"indicator\": \"gdp\", \"year\": 2022, \"at_least\": 8.2, \"quote\": \"地区生产总值增长8.2%以上\" },"
        let explicit = gdp.replacingOccurrences(of: "\"at_least\"", with: "\"measure\": \"growth_pct\", \"at_least\"")
        let text = try cleanScenario(replacing: gdp, with: gdp + explicit)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[1]"),
                         saying: ["duplicate of targets[0]"])
    }

    func testTargetYearOutsideHorizon() throws {
        let text = try cleanScenario(replacing: "{ \"indicator\": \"cpi\", \"year\": 2022", with: "{ \"indicator\": \"cpi\", \"year\": 2021")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[2].year"),
                         saying: ["2022...2023", "base_year < year <= horizon_end", "found 2021"])
    }

    func testProbabilityOutsideUnitInterval() throws {
        let text = try cleanScenario(replacing: "\"probability\": 0.3", with: "\"probability\": 1.3")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("risks[0].probability"),
                         saying: ["expected a probability in [0, 1]", "found 1.3"])
    }

    func testNonPositiveStandardDeviation() throws {
        for sd in ["0", "-0.3"] {
            let text = try cleanScenario(replacing: "\"sd\": 0.3", with: "\"sd\": \(sd)")
            assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("indicators[4].judgment.sd"),
                             saying: ["standard deviation > 0", "found \(sd)"])
        }
    }

    func testNegativeTolerance() throws {
        let text = try cleanScenario(replacing: "\"tolerance\": 0.5", with: "\"tolerance\": -0.5")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[1].tolerance"),
                         saying: ["tolerance >= 0", "found -0.5"])
    }

    func testMissingRequiredKey() throws {
        let text = try cleanScenario(replacing: "\"simulation\": { \"paths\": 10000, \"seed\": 2022 },", with: "")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("$"),
                         saying: ["missing required key \"simulation\"", "an object {paths, seed}"])
    }

    func testStudentTNeedsMoreThanTwoDegreesOfFreedom() throws {
        let text = try cleanScenario(replacing: "\"dof\": 6", with: "\"dof\": 2")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("shocks.dof"),
                         saying: ["degrees of freedom in (2, 1000]", "found 2"])
    }

    func testUnknownMeasureSuggestsNearest() throws {
        let text = try cleanScenario(replacing: "\"measure\": \"level\"", with: "\"measure\": \"levels\"")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[3].measure"),
                         saying: ["unknown measure \"levels\"", "did you mean \"level\""])
    }

    func testUnknownUnitOfIndicator() throws {
        let text = try cleanScenario(replacing: "\"unit\": \"亿元\"", with: "\"unit\": \"billion\"")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("indicators[2].unit"),
                         saying: ["a level unit", "亿元", "found \"billion\""])
    }

    func testInvalidJSONNamesTheLine() throws {
        let text = try cleanScenario(replacing: "\"confidence\": 0.8,", with: "\"confidence\": ,")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("\"confidence\"") }! + 1
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .line(line), saying: ["not valid JSON"])
    }

    /// Every problem is reported, not only the first, each at its own path.
    func testCollectsEveryProblem() throws {
        var text = try cleanScenario(replacing: "\"probability\": 0.3", with: "\"probability\": -1")
        text = text.replacingOccurrences(of: "\"tolerance\": 0.5", with: "\"tolerance\": -1")
        text = text.replacingOccurrences(of: "\"paths\": 10000", with: "\"paths\": \"many\"")
        text = text.replacingOccurrences(of: "\"confidence\": 0.8", with: "\"confidence\": 1")
        let found = problems(ofScenario: text)
        XCTAssertEqual(Set(found.map(\.location)), [.jsonPath("risks[0].probability"), .jsonPath("targets[1].tolerance"),
                                                    .jsonPath("simulation.paths"), .jsonPath("confidence")])
        XCTAssertEqual(found.count, 4, "\(ValidationFailure(problems: found))")
    }

    /// A bad indicator is reported once: its targets are not also "undeclared".
    func testNoCascadeFromABadIndicator() throws {
        let text = try cleanScenario(replacing: "\"sd\": 0.3", with: "\"sd\": -1")
        let found = problems(ofScenario: text)
        XCTAssertEqual(found.map(\.location), [.jsonPath("indicators[4].judgment.sd")], "\(ValidationFailure(problems: found))")
    }

    /// A judgmental indicator may leave out model_on when its targets state the measure.
    func testJudgmentMeasureComesFromItsTargets() throws {
        var text = try cleanScenario(replacing: "{ \"id\": \"unemployment\", \"model_on\": \"rate_pct\",", with: "{ \"id\": \"unemployment\",")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("indicators[4]"),
                         saying: ["missing key \"model_on\"", "not stated by a target's \"measure\""])
        text = text.replacingOccurrences(of: "\"year\": 2023, \"at_most\": 5.5", with: "\"year\": 2023, \"measure\": \"rate_pct\", \"at_most\": 5.5")
        let s = try Scenario.decode(Data(text.utf8), file: "ok.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTAssertEqual(s.indicator("unemployment")?.modelOn, .ratePct)
    }

    func testEstimationMayNotUseDataAfterTheBaseYear() throws {
        let text = try cleanScenario(replacing: "],\n  \"backtest\": { \"from\": 2022, \"to\": 2023, \"targets\": \"../data/targets.csv\" }",
                                     with: "]")
            .replacingOccurrences(of: "\"to\": 2021, \"exclude\"", with: "\"to\": 2022, \"exclude\"")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("estimation.to"),
                         saying: ["expected a year <= base_year (2021)", "found 2022"])
    }

    func testBacktestYearsInsideTheHorizon() throws {
        let text = try cleanScenario(replacing: "\"backtest\": { \"from\": 2022, \"to\": 2023,", with: "\"backtest\": { \"from\": 2021, \"to\": 2024,")
        let found = problems(ofScenario: text)
        assertOneProblem(found, fileName: "bad.json", at: .jsonPath("backtest.from"), saying: ["after base_year (2021)", "found 2021"])
        assertOneProblem(found, fileName: "bad.json", at: .jsonPath("backtest.to"), saying: ["<= horizon_end (2023)", "found 2024"])
    }

    func testNonFiniteNumberInJSON() throws {
        let text = try cleanScenario(replacing: "\"at_least\": 8.2", with: "\"at_least\": 1e400")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("1e400") }! + 1
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .line(line),
                         saying: ["not valid JSON", "1e400 is not representable"])
    }

    /// A scenario saved with a byte-order mark and CRLF line ends reads as the clean one.
    func testByteOrderMarkAndCRLFInScenario() throws {
        let text = try String(contentsOf: cleanScenarioURL, encoding: .utf8)
        let url = cleanScenarioURL.deletingLastPathComponent().appendingPathComponent("bom-crlf-\(UUID().uuidString).json")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try Scenario.load(contentsOf: url), try Scenario.load(contentsOf: cleanScenarioURL))
    }

    func testEmptyScenarioFile() {
        let url = fixtures.appendingPathComponent("csv/empty.csv")
        assertOneProblem(problems { () throws(ValidationFailure) in try Scenario.load(contentsOf: url) },
                         fileName: "empty.csv", at: .file, saying: ["file is empty"])
    }

    func testMissingScenarioFile() {
        let url = fixtures.appendingPathComponent("clean/nope.json")
        assertOneProblem(problems { () throws(ValidationFailure) in try Scenario.load(contentsOf: url) },
                         fileName: "nope.json", at: .file, saying: ["file not found"])
    }
}
