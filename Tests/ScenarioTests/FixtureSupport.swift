import Foundation
import XCTest
import Scenario

/// The test fixtures directory (copied as a resource).
let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
let cleanScenarioURL = fixtures.appendingPathComponent("clean/scenario.json")

/// The clean scenario's text with exactly one occurrence of `old` replaced by `new`.
func cleanScenario(replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let text = try String(contentsOf: cleanScenarioURL, encoding: .utf8)
    let parts = text.components(separatedBy: old)
    XCTAssertEqual(parts.count, 2, "fixture must contain \(old) exactly once", file: file, line: line)
    return parts.joined(separator: new)
}

/// The problems of decoding `text` as a scenario named `name` in the clean fixture's directory
/// (so its relative paths resolve as the clean one's); fails the test when it decodes.
func problems(ofScenario text: String, named name: String = "bad.json",
              file: StaticString = #filePath, line: UInt = #line) -> [ValidationProblem] {
    do {
        _ = try Scenario.decode(Data(text.utf8), file: name, baseDirectory: cleanScenarioURL.deletingLastPathComponent())
        XCTFail("expected a ValidationFailure", file: file, line: line)
        return []
    } catch {
        return error.problems
    }
}

/// The problems thrown by `load`; fails the test when it succeeds.
func problems<T>(file: StaticString = #filePath, line: UInt = #line,
                 _ load: () throws(ValidationFailure) -> T) -> [ValidationProblem] {
    do {
        _ = try load()
        XCTFail("expected a ValidationFailure", file: file, line: line)
        return []
    } catch {
        return error.problems
    }
}

/// Asserts that exactly one problem is at `location` in a file named `fileName` (its last path
/// component), that its message contains every one of `words`, and that it prints as
/// `file:location: message`.
func assertOneProblem(_ problems: [ValidationProblem], fileName: String, at location: Location,
                      saying words: [String], file: StaticString = #filePath, line: UInt = #line) {
    let here = problems.filter { $0.location == location && URL(fileURLWithPath: $0.file).lastPathComponent == fileName }
    guard here.count == 1, let problem = here.first else {
        XCTFail("expected one problem in \(fileName) at \(location), found:\n\(ValidationFailure(problems: problems))", file: file, line: line)
        return
    }
    for word in words {
        XCTAssertTrue(problem.message.contains(word), "\"\(problem.message)\" should contain \"\(word)\"", file: file, line: line)
    }
    let printed = ValidationFailure(problems: [problem]).description
    let expectedPrefix = location == .file ? "\(problem.file): " : "\(problem.file):\(location): "
    XCTAssertTrue(printed.hasPrefix(expectedPrefix), "\(printed) should start with \(expectedPrefix)", file: file, line: line)
}
