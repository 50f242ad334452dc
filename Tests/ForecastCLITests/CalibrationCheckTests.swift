import Foundation
import XCTest

/// validate and simulate check a scenario's combination file alike: unreadable -> exit 2 naming
/// calibration.file, nothing written; a region without records -> a warning (error under --strict).
final class CalibrationCheckTests: XCTestCase {
    func scenario(calibration: [String: String], in dir: URL) throws -> URL {
        try ForecastExecutable.ruijinCopy(in: dir) { $0["calibration"] = calibration }
    }

    func testBrokenCombinationFileIsRefusedByValidateAndSimulate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"made_by\": 1}".utf8).write(to: dir.appendingPathComponent("bad.json"))
        let s = try scenario(calibration: ["file": dir.appendingPathComponent("bad.json").path, "region": "ruijin"], in: dir)
        for command in [["validate", s.path], ["simulate", s.path, "--paths", "1024", "--out", dir.appendingPathComponent("out").path]] {
            let run = try ForecastExecutable.run(command)
            XCTAssertEqual(run.status, 2, "\(command[0]): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("s.json:calibration.file:"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    func testRegionWithoutRecordsWarnsAndFailsUnderStrict() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = ForecastExecutable.packageRoot.appendingPathComponent("notebooks-data/calibration/combination.json").path
        let s = try scenario(calibration: ["file": file, "region": "atlantis"], in: dir)
        let run = try ForecastExecutable.run(["validate", s.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("calibration.region: warning: \"atlantis\" has no past targets"), run.stderr)
        let strict = try ForecastExecutable.run(["validate", "--strict", s.path])
        XCTAssertEqual(strict.status, 2, strict.stderr)
    }

    /// A calibrated run quotes the file's track record in the header (the calibrated default's
    /// Brier on the calibration set, as the file records it); a file without one says so.
    func testTrackRecordIsQuotedBesideTheProbabilities() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = ForecastExecutable.packageRoot.appendingPathComponent("notebooks-data/calibration/combination.json")
        var file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as? [String: Any])
        let record = try XCTUnwrap(file["track_record"] as? [String: Any])
        let calibrated = try XCTUnwrap((record["forecasters"] as? [[String: Any]])?.first { $0["name"] as? String == "calibrated" })
        let brier = try XCTUnwrap(calibrated["brier"] as? Double)
        let s = try scenario(calibration: ["file": shipped.path, "region": "ruijin"], in: dir)
        let run = try ForecastExecutable.run(["simulate", s.path, "--paths", "4096"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.contains("- Track record: on \(record["targets"] as! Int) past targets"), run.text)
        XCTAssertTrue(run.text.contains("the calibrated default scored Brier \(String(format: "%.3f", brier))"), run.text)
        XCTAssertFalse(run.text.contains("on this region's own"), "ruijin has no past targets in the file")

        // A region with past targets in the file also gets its own share of the record, from the
        // file's by_region entry (nationally, "always met" scored better than the pool).
        let china = try XCTUnwrap((record["by_region"] as? [String: Any])?["china"] as? [String: Any])
        let scores = try XCTUnwrap(china["forecasters"] as? [[String: Any]])
        func brierOf(_ name: String) throws -> Double { try XCTUnwrap(scores.first { $0["name"] as? String == name }?["brier"] as? Double) }
        let national = try scenario(calibration: ["file": shipped.path, "region": "china"], in: dir)
        let n = try ForecastExecutable.run(["simulate", national.path, "--paths", "4096"])
        XCTAssertEqual(n.status, 0, n.stderr)
        XCTAssertTrue(n.text.contains("on this region's own \(china["targets"] as! Int) past targets (\(china["met"] as! Int) met): calibrated \(String(format: "%.3f", try brierOf("calibrated")))"), n.text)
        XCTAssertEqual(n.text.contains("— here \"always met\" scored better"), try brierOf("always_met") < brierOf("calibrated"), n.text)

        file["track_record"] = nil
        let bare = dir.appendingPathComponent("bare.json")
        try JSONSerialization.data(withJSONObject: file).write(to: bare)
        let t = try scenario(calibration: ["file": bare.path, "region": "ruijin"], in: dir)
        let old = try ForecastExecutable.run(["simulate", t.path, "--paths", "4096"])
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertTrue(old.text.contains("Track record: the combination file carries none"), old.text)
    }
}
