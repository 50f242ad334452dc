import Calibration
import Foundation
import XCTest

/// A broken combination file is named with the JSON path of the fault, in the file's own
/// snake_case keys, and what was expected there.
final class CombinationFileErrorTests: XCTestCase {
    func message(_ json: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("combination-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try! json.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try CombinationFile.load(contentsOf: url)
            return "loaded"
        } catch {
            return "\(error)"
        }
    }

    func testPathsAndExpectations() {
        let state = #"{"year": 2020, "training_targets": "many", "anchored": {"half_life": 2, "region_weight": 3, "prior_degrees_of_freedom": 2}, "coefficients": [0, 0, 0.5, 0, 0.5, 0.5, 0]}"#
        let file = #"{"made_by": "x", "calibration_set": "s", "years": [2005, 2025], "paths": 1, "origins": [STATE], "records": []}"#
        let m = message(file.replacingOccurrences(of: "STATE", with: state))
        XCTAssertTrue(m.contains("origins[0].training_targets: expected a number"), m)
        XCTAssertFalse(m.contains("CodingKeys"), m)
        let missing = message(file.replacingOccurrences(of: "STATE", with: state.replacingOccurrences(of: #""many""#, with: "3"))
            .replacingOccurrences(of: #""made_by": "x", "#, with: ""))
        XCTAssertTrue(missing.contains("made_by: missing"), missing)
        let six = message(file.replacingOccurrences(of: "STATE", with: state.replacingOccurrences(of: #""many""#, with: "3")
            .replacingOccurrences(of: "0.5, 0.5, 0]", with: "0.5, 0]")))
        XCTAssertTrue(six.contains("7 coefficients"), six)
        XCTAssertTrue(message("{\"made_by\": ").contains("not valid JSON"))
    }
}
