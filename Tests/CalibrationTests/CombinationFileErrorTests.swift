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

    /// What `forecast calibrate` never writes is refused by its JSON path (a hand edit must not
    /// crash a run or put NaN in a table); the untouched file loads.
    func testHandEditsAreRefused() {
        func origin(_ year: Int, _ trained: Int, halfLife: String = "2", prior: String = "\"tempered\"", b: String = "0.5") -> String {
            #"{"year": \#(year), "training_targets": \#(trained), "anchored": {"half_life": \#(halfLife), "region_weight": 3, "prior_degrees_of_freedom": 2}, "penalty": 10, "prior": \#(prior), "coefficients": [0, 0, \#(b), 0, 0.5, 0.5, 0]}"#
        }
        let record = #"{"region": "r", "indicator": "gdp", "year": 2019, "measure": "growth_pct", "bound": "at_least", "value": 6, "word": "", "outcome": 6.1, "proxied": false}"#
        func file(_ origins: [String], records: Int = 2) -> String {
            #"{"made_by": "x", "calibration_set": "s", "years": [2019, 2019], "paths": 1, "origins": [\#(origins.joined(separator: ", "))], "records": [\#(Array(repeating: record, count: records).joined(separator: ", "))]}"#
        }
        XCTAssertEqual(message(file([origin(2019, 0), origin(2020, 2)])), "loaded")
        let cases: [(String, String)] = [
            (file([origin(2019, 0), origin(2020, 2, halfLife: "0")]), "origins[1].anchored.half_life: expected a number in (0, 100]"),
            (file([origin(2019, 0), origin(2020, 2, b: "1e9")]), "origins[1].coefficients[2]: expected a finite b_own within ±50"),
            (file([origin(2020, 2), origin(2019, 0)]), "origins[1].year: expected a year after origins[0].year (2020)"),
            (file([origin(2019, 0), origin(2020, 2, prior: "\"bogus\"")]), "origins[1].prior: expected one of \"tempered\""),
            (file([origin(2019, 0), origin(2020, 2)], records: 1), "origins[1].training_targets: expected 1, the records with an outcome before 2020"),
        ]
        for (json, expected) in cases {
            let m = message(json)
            XCTAssertTrue(m.contains(expected), "\(expected) — got: \(m)")
        }
    }
}
