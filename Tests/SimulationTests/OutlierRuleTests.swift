import Scenario
@testable import Simulation
import XCTest

/// The forward outlier rule on hand cases: only earlier years count, an excluded year does not
/// enter later medians, and too short a past excludes nothing.
final class OutlierRuleTests: XCTestCase {
    func testForwardHampelRuleByHand() {
        // Ten calm years (median 8, |x − 8| = 0.5 or 0 -> MAD 0.5, robust SD 0.7413), then
        // 2.3 (7.7 robust SD from 8: out at k = 3.5), then 8.1 (kept: 2020 is not in its past).
        let years = Array(2010...2021)
        var columns = [[8, 7.5, 8.5, 8, 7.5, 8.5, 8, 7.5, 8.5, 8, 2.3, 8.1]]
        let out = OutlierRule(k: 3.5).apply(years: years, ids: ["gdp"], columns: &columns)
        XCTAssertEqual(out.map(\.year), [2020])
        XCTAssertTrue(columns[0][10].isNaN)
        XCTAssertEqual(columns[0][11], 8.1)
        XCTAssertTrue(out[0].reason.contains("gdp 2.3"))
        // With seven earlier years the rule cannot judge: nothing is excluded.
        var short = [[8, 7.5, 8.5, 8, 7.5, 8.5, 8, 2.3]]
        XCTAssertTrue(OutlierRule(k: 3.5).apply(years: Array(2013...2020), ids: ["gdp"], columns: &short).isEmpty)
    }
}
