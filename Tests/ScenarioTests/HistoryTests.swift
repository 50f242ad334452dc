import Foundation
import XCTest
import Scenario

/// History and targets tables: what a spreadsheet writes is read; each bad row is reported
/// with its line (the header is line 1) and column.
final class HistoryTests: XCTestCase {
    private func csv(_ name: String) -> URL { fixtures.appendingPathComponent("csv/\(name)") }

    private func historyProblems(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [ValidationProblem] {
        problems(file: file, line: line) { () throws(ValidationFailure) in try History.load(contentsOf: csv(name)) }
    }

    func testByteOrderMarkAndCRLFAreRead() throws {
        let history = try History.load(contentsOf: csv("bom-crlf.csv"))
        XCTAssertEqual(history.observations.map(\.indicator), ["gdp", "gdp", "grain"])
        XCTAssertEqual(history.observations.map(\.line), [2, 3, 5], "the quoted field spans lines 3-4")
        XCTAssertEqual(history.observations[1].source, "bulletin 2021,\r\nsecond line")
        XCTAssertEqual(history.observations[2].unit, "万吨")
        XCTAssertEqual(history.series("gdp", .growthPct)?.values, [3.9, 8.8])
    }

    func testDuplicateRowNamesBothLines() {
        assertOneProblem(historyProblems("duplicate.csv"), fileName: "duplicate.csv", at: .line(5),
                         saying: ["duplicate row gdp 2020 growth_pct first-published", "first on line 2"])
    }

    func testNonNumericAndNonFiniteValues() {
        let found = historyProblems("non-numeric.csv")
        for (line, value) in [(2, "n/a"), (3, "nan"), (4, "inf")] {
            assertOneProblem(found, fileName: "non-numeric.csv", at: .line(line),
                             saying: ["value:", "expected a finite number", "found \"\(value)\""])
        }
        assertOneProblem(found, fileName: "non-numeric.csv", at: .line(5), saying: ["year:", "expected an integer", "\"20x2\""])
        XCTAssertEqual(found.count, 4)
    }

    func testUnknownUnit() {
        let found = historyProblems("unknown-unit.csv")
        assertOneProblem(found, fileName: "unknown-unit.csv", at: .line(2), saying: ["unit:", "unknown unit \"亿\"", "did you mean \"亿元\""])
        assertOneProblem(found, fileName: "unknown-unit.csv", at: .line(3), saying: ["unit:", "expected \"%\" for growth_pct", "\"percent\""])
    }

    func testUnknownMeasure() {
        assertOneProblem(historyProblems("unknown-measure.csv"), fileName: "unknown-measure.csv", at: .line(2),
                         saying: ["measure:", "unknown measure \"growth\"", "did you mean \"growth_pct\""])
    }

    func testFileNotUTF8() {
        assertOneProblem(historyProblems("not-utf8.csv"), fileName: "not-utf8.csv", at: .line(2),
                         saying: ["not UTF-8", "save it as UTF-8"])
    }

    func testEmptyFile() {
        assertOneProblem(historyProblems("empty.csv"), fileName: "empty.csv", at: .file, saying: ["file is empty"])
    }

    func testMissingFile() {
        assertOneProblem(historyProblems("absent.csv"), fileName: "absent.csv", at: .file, saying: ["file not found"])
    }

    func testMissingRequiredColumn() {
        assertOneProblem(historyProblems("missing-column.csv"), fileName: "missing-column.csv", at: .line(1),
                         saying: ["missing required column \"unit\"", "expected columns indicator,year,value,measure,unit,source"])
    }

    func testUnknownColumnSuggestsNearest() {
        let found = historyProblems("unknown-column.csv")
        XCTAssertEqual(found.count, 2, "the misspelt column, and the required one it should have been")
        XCTAssertTrue(found.contains { $0.message.contains("unknown column \"indicater\": did you mean \"indicator\"?") })
    }

    func testPastTargetsProblems() {
        let found = problems { () throws(ValidationFailure) in try PastTarget.load(contentsOf: csv("bad-targets.csv")) }
        assertOneProblem(found, fileName: "bad-targets.csv", at: .line(2), saying: ["tolerance:", "tolerance >= 0", "found -0.5"])
        assertOneProblem(found, fileName: "bad-targets.csv", at: .line(3), saying: ["bound:", "unknown bound \"atleast\"", "did you mean \"at_least\""])
    }

    /// The first-published series skips the missing year and the revised row; the gap is reported.
    func testGapsAreReportedNotFilled() throws {
        let history = try History.load(contentsOf: fixtures.appendingPathComponent("data/history.csv"))
        let gdp = try XCTUnwrap(history.series("gdp", .growthPct))
        XCTAssertEqual(gdp.years, [2015, 2016, 2017, 2019, 2020, 2021])
        XCTAssertEqual(gdp.values, [9.1, 9.0, 9.2, 8.5, 3.9, 8.8], "2020 is the first-published 3.9, not the revision")
        XCTAssertEqual(gdp.gaps, [2018])
        XCTAssertEqual(gdp.gaps(in: 2013...2021), [2013, 2014, 2018])
        let window = gdp.values(over: 2017...2019)
        XCTAssertEqual(window[0], 9.2)
        XCTAssertTrue(window[1].isNaN, "a gap stays missing (NaN, the Panel convention)")
        XCTAssertEqual(window[2], 8.5)
        XCTAssertEqual(history.series("gdp", .growthPct, basis: .revised)?.values, [4.1])
        XCTAssertEqual(history.series("industry_revenue", .level)?.unit, "亿元")
        XCTAssertNil(history.series("gdp", .level))
    }
}
