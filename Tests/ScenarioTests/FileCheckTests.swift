import Foundation
import XCTest
import Scenario

/// `forecast validate` dispatch: by extension, and by header for the two kinds of table.
final class FileCheckTests: XCTestCase {
    func testCleanFilesOfEachKindPass() throws {
        for name in ["clean/scenario.json", "data/history.csv", "data/targets.csv", "csv/bom-crlf.csv"] {
            XCTAssertNoThrow(try FileCheck.validate(fixtures.appendingPathComponent(name)), name)
        }
    }

    func testTargetsTableIsCheckedAsTargets() {
        let found = problems { () throws(ValidationFailure) in try FileCheck.validate(fixtures.appendingPathComponent("csv/bad-targets.csv")) }
        assertOneProblem(found, fileName: "bad-targets.csv", at: .line(3), saying: ["unknown bound \"atleast\""])
    }

    func testOtherExtensionsAreRefused() {
        let found = problems { () throws(ValidationFailure) in try FileCheck.validate(fixtures.appendingPathComponent("make_fixtures.py")) }
        assertOneProblem(found, fileName: "make_fixtures.py", at: .file, saying: ["expected a scenario (.json)", "found a .py file"])
    }
}
