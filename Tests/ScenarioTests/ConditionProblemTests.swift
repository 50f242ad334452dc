import Foundation
import XCTest
import Scenario

/// Conditions are read and checked like every other input: each bad one names the file, the
/// JSON path and what was expected.
final class ConditionProblemTests: XCTestCase {
    private let anchor = "\"adjustments\": ["

    private func scenario(conditions: String) throws -> String {
        try cleanScenario(replacing: anchor, with: "\"conditions\": [\(conditions)],\n  " + anchor)
    }

    func testConditionsAreRead() throws {
        let text = try scenario(conditions: """
            { "indicator": "gdp", "year": 2022, "value": 5.0, "shocks": ["gdp", "cpi"], "reason": "what if" },
            { "indicator": "cpi", "year": 2023, "between": [1, 3] },
            { "indicator": "fdi", "year": 2022, "at_least": 0 }
            """)
        let s = try Scenario.decode(Data(text.utf8), file: "c.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTAssertEqual(s.conditions.count, 3)
        XCTAssertEqual(s.conditions[0].assumption, .value(5))
        XCTAssertEqual(s.conditions[0].shocks, ["gdp", "cpi"])
        XCTAssertTrue(s.conditions[0].isHard)
        XCTAssertEqual(s.conditions[1].assumption, .between(1, 3))
        XCTAssertEqual(s.conditions[2].interval.lower, 0)
        XCTAssertEqual(s.conditions[2].interval.upper, .infinity)
        // Encoded and read back: the same conditions.
        let again = try Scenario.decode(try s.encoded(), file: "c.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTAssertEqual(again.conditions, s.conditions)
    }

    func testUnknownIndicator() throws {
        let text = try scenario(conditions: #"{ "indicator": "gdq", "year": 2022, "value": 5 }"#)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[0].indicator"),
                         saying: ["\"gdq\" is not declared", "did you mean \"gdp\""])
    }

    func testYearOutsideHorizon() throws {
        let text = try scenario(conditions: #"{ "indicator": "gdp", "year": 2025, "value": 5 }"#)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[0].year"),
                         saying: ["2022...2023", "found 2025"])
    }

    func testContradictoryBetween() throws {
        let text = try scenario(conditions: #"{ "indicator": "gdp", "year": 2022, "between": [6, 4] }"#)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[0].between"),
                         saying: ["lower < upper", "found [6, 4]"])
    }

    func testTwoAssumptionsSuggestBetween() throws {
        let text = try scenario(conditions: #"{ "indicator": "gdp", "year": 2022, "at_least": 4, "at_most": 6 }"#)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[0]"),
                         saying: ["expected one assumption", "\"between\""])
    }

    func testDisjointSoftConditionsContradict() throws {
        let text = try scenario(conditions: """
            { "indicator": "gdp", "year": 2022, "at_least": 8 }, { "indicator": "gdp", "year": 2022, "at_most": 6 }
            """)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[1]"),
                         saying: ["contradicts conditions[0]", "do not overlap"])
    }

    func testHardConditionMustBeAlone() throws {
        let text = try scenario(conditions: """
            { "indicator": "gdp", "year": 2022, "value": 5 }, { "indicator": "gdp", "year": 2022, "at_least": 4 }
            """)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[1]"),
                         saying: ["already conditions gdp 2022"])
    }

    func testShocksOnlyForHardConditionsAndDeclaredModelledIndicators() throws {
        let soft = try scenario(conditions: #"{ "indicator": "gdp", "year": 2022, "at_least": 4, "shocks": ["gdp"] }"#)
        assertOneProblem(problems(ofScenario: soft), fileName: "bad.json", at: .jsonPath("conditions[0].shocks"),
                         saying: ["hard conditions"])
        let unknown = try scenario(conditions: #"{ "indicator": "gdp", "year": 2022, "value": 5, "shocks": ["cpl"] }"#)
        assertOneProblem(problems(ofScenario: unknown), fileName: "bad.json", at: .jsonPath("conditions[0].shocks[0]"),
                         saying: ["\"cpl\" is not declared", "did you mean \"cpi\""])
        let judged = try scenario(conditions: #"{ "indicator": "gdp", "year": 2022, "value": 5, "shocks": ["unemployment"] }"#)
        assertOneProblem(problems(ofScenario: judged), fileName: "bad.json", at: .jsonPath("conditions[0].shocks[0]"),
                         saying: ["judgment", "no shocks"])
    }

    func testValueOutsidePlausibleRange() throws {
        let text = try scenario(conditions: #"{ "indicator": "cpi", "year": 2022, "value": 500 }"#)
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("conditions[0].value"),
                         saying: ["rate_pct", "found 500"])
    }

    func testUnknownKey() throws {
        let text = try scenario(conditions: #"{ "indicator": "gdp", "year": 2022, "valu": 5 }"#)
        let found = problems(ofScenario: text)
        assertOneProblem(found, fileName: "bad.json", at: .jsonPath("conditions[0].valu"), saying: ["unknown key", "\"value\""])
    }
}
