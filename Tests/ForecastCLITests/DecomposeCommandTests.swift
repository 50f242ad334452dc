import Foundation
import XCTest

/// `forecast simulate --decompose` end to end: the parts in summary.json add up to the whole,
/// and a scenario without risk events gives them exactly no part.
final class DecomposeCommandTests: XCTestCase {
    func testDecompositionPartsAddUpInSummaryJSON() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-dec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let run = try ForecastExecutable.run(["simulate", "scenarios/ruijin-2022.json", "--paths", "4096", "--decompose",
                                              "--out", tmp.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(String(decoding: run.stdout, as: UTF8.self).contains("## Where the uncertainty comes from: targets"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.appendingPathComponent("summary.json"))) as! [String: Any]
        let d = try XCTUnwrap(json["decomposition"] as? [String: Any])
        for key in ["shortfall", "target_variance", "variance"] {
            let rows = try XCTUnwrap(d[key] as? [[String: Any]], key)
            XCTAssertFalse(rows.isEmpty)
            for row in rows {
                let parts = row["parts"] as! [String: Double]
                let total = row["total"] as! Double, none = row["none"] as! Double
                XCTAssertEqual(parts.values.reduce(0, +), total - none, accuracy: 1e-9 * max(1, abs(total)), "\(key) \(row["label"]!)")
                XCTAssertEqual(parts["risk events"], 0, "the baseline has no risk events")
            }
        }
    }
}
