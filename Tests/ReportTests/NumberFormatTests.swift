import Report
import XCTest

/// Digits follow the Monte Carlo error; intervals are rounded outward; a probability that is
/// not 0 or 1 is never printed as 0% or 100%.
final class NumberFormatTests: XCTestCase {
    func testDecimalsFollowTheStandardError() {
        XCTAssertEqual(NumberFormat.decimals(standardError: 0.6), 0)     // 2 SE = 1.2 pp
        XCTAssertEqual(NumberFormat.decimals(standardError: 0.14), 1)    // 2 SE = 0.28
        XCTAssertEqual(NumberFormat.decimals(standardError: 0.03), 2)
        XCTAssertEqual(NumberFormat.decimals(standardError: 0.0001), 2)  // capped
    }

    /// Signed values carry "+" or the minus sign U+2212, and one that rounds to zero carries
    /// neither (a decomposition part of −0.0004 pp is "0.0", not "−0.0").
    func testSignedValuesDropTheSignOfAZero() {
        XCTAssertEqual(NumberFormat.signed(18.24, 1), "+18.2")
        XCTAssertEqual(NumberFormat.signed(-4.0, 1), "−4.0")
        XCTAssertEqual(NumberFormat.signed(-0.0004, 1), "0.0")
        XCTAssertEqual(NumberFormat.signed(0.04, 1), "0.0")
        XCTAssertEqual(NumberFormat.signed(0, 2), "0.00")
        XCTAssertEqual(NumberFormat.signed(-0.36, 2), "−0.36")
    }

    func testIntervalBoundsAreRoundedOutward() {
        // 84.17%-87.28% with an SE of 0.8 pp shows whole percents: 84%-88%, not 84%-87%.
        XCTAssertEqual(NumberFormat.percentInterval(0.8417, 0.8728, standardError: 0.008), "84%-88%")
        XCTAssertEqual(NumberFormat.percentInterval(0.84, 0.87, standardError: 0.008), "84%-87%")
        XCTAssertEqual(NumberFormat.fixed(1.25, 1, outward: -1), "1.2")
        XCTAssertEqual(NumberFormat.fixed(1.25, 1, outward: +1), "1.3")
    }

    func testProbabilitiesNeverRoundToZeroOrOne() {
        XCTAssertEqual(NumberFormat.percent(0.00004, standardError: 0.00002, paths: 1_000_000), "<0.01%")
        XCTAssertEqual(NumberFormat.percent(0.99996, standardError: 0.00002, paths: 1_000_000), ">99.99%")
        XCTAssertEqual(NumberFormat.percent(0, standardError: 0, paths: 1000), "<0.300%")
        XCTAssertEqual(NumberFormat.percent(0.734, standardError: 0.0014, paths: 100_000), "73.4%")
    }
}
