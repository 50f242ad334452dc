import Foundation
import XCTest
import Scenario

/// Readings of 左右 and 区间: the official default per measure, an explicit read_as, the second
/// figure, and the errors of malformed ranges and readings.
final class TargetReadingTests: XCTestCase {
    func testDefaultReadingsFollowOfficialPractice() {
        // 左右 on growth: at least X − tol (NDRC 2011: 10.3% against 8%左右 "exceeded" it).
        XCTAssertEqual(Wording.around(8, tolerance: 0.5).verdict(.defaultRule(for: .growthPct)), .atLeast(7.5))
        XCTAssertTrue(Wording.around(8, tolerance: 0.5).verdict(.floor).isMet(by: 10.3))
        // NBS 2015: 7.4% against 7.5%左右 was met.
        XCTAssertTrue(Wording.around(7.5, tolerance: 0.5).verdict(.floor).isMet(by: 7.4))
        // CPI 控制在3%左右 stays a ceiling.
        XCTAssertEqual(Wording.around(3, tolerance: 0.5).verdict(.defaultRule(for: .ratePct)), .atMost(3))
        // 区间 6–6.5: at least 6; the band is the second figure.
        XCTAssertEqual(Wording.range(6, 6.5).verdict(.floor), .atLeast(6))
        XCTAssertEqual(Wording.range(6, 6.5).nearBand(.floor), .around(6.25, tolerance: 0.25))
        XCTAssertEqual(Wording.range(6, 6.5).verdict(.band), .around(6.25, tolerance: 0.25))
        XCTAssertNil(Wording.range(6, 6.5).nearBand(.band), "no second figure when the verdict is the band")
        XCTAssertNil(Wording.atLeast(8.2).nearBand(.floor))
        XCTAssertEqual(Wording.range(2, 3).verdict(.ceiling), .atMost(3))
    }

    func testRangeAndReadAsDecode() throws {
        let text = try cleanScenario(replacing: "\"around\": 7.0, \"tolerance\": 0.5", with: "\"range\": [6.5, 7.5], \"read_as\": \"band\"")
        let s = try Scenario.decode(Data(text.utf8), file: "ok.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        let fdi = try XCTUnwrap(s.targets.first { $0.indicator == "fdi" })
        XCTAssertEqual(fdi.wording, .range(6.5, 7.5))
        XCTAssertEqual(fdi.readAs, .band)
        XCTAssertEqual(fdi.bound, .around(7, tolerance: 0.5))
        // And it survives a round trip.
        let again = try Scenario.decode(s.encoded(), file: "again.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTAssertEqual(again.targets, s.targets)
    }

    func testBadRangeIsRefusedWithItsPath() throws {
        let text = try cleanScenario(replacing: "\"around\": 7.0, \"tolerance\": 0.5", with: "\"range\": [7.5, 6.5]")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[1].range"),
                         saying: ["lower < upper", "区间"])
    }

    func testReadAsOnAFirmBoundIsRefused() throws {
        let text = try cleanScenario(replacing: "\"at_least\": 8.2,", with: "\"at_least\": 8.2, \"read_as\": \"band\",")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[0].read_as"),
                         saying: ["only", "around"])
    }

    func testUnknownReadingNamesTheChoices() throws {
        let text = try cleanScenario(replacing: "\"around\": 7.0, \"tolerance\": 0.5", with: "\"around\": 7.0, \"tolerance\": 0.5, \"read_as\": \"flor\"")
        assertOneProblem(problems(ofScenario: text), fileName: "bad.json", at: .jsonPath("targets[1].read_as"),
                         saying: ["\"floor\""])
    }

    /// A target the user states for their own reasons needs no quote.
    func testQuoteIsOptional() throws {
        let text = try cleanScenario(replacing: ", \"quote\": \"地区生产总值增长8.2%以上\"", with: "")
        let s = try Scenario.decode(Data(text.utf8), file: "ok.json", baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTAssertNil(s.targets[0].quote)
    }
}
