import Foundation
import XCTest

/// The shipped calibration set: backtest scores at least 300 real pairs with every forecaster,
/// and calibrate writes a combination file whose records match.
final class CalibrationSetCommandTests: XCTestCase {
    func testCalibrationSetBacktestAndCalibrate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-calset-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ForecastExecutable.run(["backtest", "scenarios/calibration-set.json", "--paths", "4096",
                                              "--out", dir.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as? [String: Any])
        let forecasters = try XCTUnwrap(json["forecasters"] as? [[String: Any]])
        XCTAssertEqual(Set(forecasters.compactMap { $0["name"] as? String }),
                       ["model", "always_met", "base_rate", "target_anchored", "calibrated"])
        for f in forecasters {
            XCTAssertGreaterThanOrEqual(f["n"] as? Int ?? 0, 300)
            XCTAssertTrue(f["brier"] is NSNumber && f["log_score"] is NSNumber)
        }
        XCTAssertGreaterThanOrEqual(json["regions"] as? Int ?? 0, 25)
        XCTAssertGreaterThanOrEqual(json["years"] as? Int ?? 0, 10)
        for name in ["backtest.md", "forecasts.csv", "reliability.csv", "report.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), name)
        }

        let file = dir.appendingPathComponent("combination.json")
        let cal = try ForecastExecutable.run(["calibrate", "scenarios/calibration-set.json", "--paths", "4096", "--out", file.path])
        XCTAssertEqual(cal.status, 0, cal.stderr)
        let combination = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let records = try XCTUnwrap(combination["records"] as? [[String: Any]])
        let shipped = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: ForecastExecutable.packageRoot
            .appendingPathComponent("notebooks-data/calibration/combination.json"))) as? [String: Any])
        XCTAssertEqual(records.count, (shipped["records"] as? [[String: Any]])?.count,
                       "the shipped combination file covers the shipped calibration set (rerun forecast calibrate)")
        // The file's track record is the backtest's scores of the same run.
        let record = try XCTUnwrap(combination["track_record"] as? [String: Any])
        XCTAssertEqual(record["targets"] as? Int, forecasters.first?["n"] as? Int)
        for f in forecasters {
            let name = try XCTUnwrap(f["name"] as? String)
            let stored = try XCTUnwrap((record["forecasters"] as? [[String: Any]])?.first { $0["name"] as? String == name }, name)
            XCTAssertEqual(try XCTUnwrap(stored["brier"] as? Double), try XCTUnwrap(f["brier"] as? Double), accuracy: 1e-4, name)
        }
    }

    /// A region's missing file is named at its JSON path in the set; exit 2; nothing written.
    func testMissingRegionFileNamedAtItsPath() throws {
        let root = ForecastExecutable.packageRoot
        var set = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("scenarios/calibration-set.json"))) as? [String: Any])
        var body = try XCTUnwrap(set["calibration_set"] as? [String: Any])
        var regions = try XCTUnwrap(body["regions"] as? [[String: Any]])
        regions[2]["targets"] = "../notebooks-data/provinces/nowhere/targets.csv"
        body["regions"] = regions
        set["calibration_set"] = body
        let file = root.appendingPathComponent("scenarios/calibration-set-missing-\(UUID().uuidString).json")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-calset-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file); try? FileManager.default.removeItem(at: out) }
        try JSONSerialization.data(withJSONObject: set).write(to: file)
        let run = try ForecastExecutable.run(["backtest", file.path, "--paths", "1024", "--out", out.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("calibration_set.regions[2].targets: file not found: ../notebooks-data/provinces/nowhere/targets.csv"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
