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

    /// The shipped JSON Schema sits beside the scenarios: `validate scenarios/*.json` accepts it
    /// as a schema, while a scenario with a `$schema` pointing at it is still checked.
    func testJSONSchemaIsNotCheckedAsAScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertNoThrow(try FileCheck.validate(root.appendingPathComponent("scenarios/scenario.schema.json")))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("s.json")
        try Data(#"{"$schema": "scenario.schema.json", "nme": "x"}"#.utf8).write(to: bad)
        XCTAssertThrowsError(try FileCheck.validate(bad))
    }

    func testOtherExtensionsAreRefused() {
        let found = problems { () throws(ValidationFailure) in try FileCheck.validate(fixtures.appendingPathComponent("make_fixtures.py")) }
        assertOneProblem(found, fileName: "make_fixtures.py", at: .file, saying: ["expected a scenario (.json)", "found a .py file"])
    }
}
