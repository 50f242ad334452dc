import XCTest
import Linear
import Random
import Models

/// Log-linear trend against numpy polyfit (degree 1, cov=True) of 100 log(level),
/// loglinear_generate.py.
final class LogLinearTrendTests: XCTestCase {
    func check(_ key: String, values: String) throws {
        let f = try UnivariateFixture.load("loglinear_realgdp")
        let years = (f["years"] as! [Int])
        let level = UnivariateFixture.numbers(f[values])
        let ref = f[key] as! [String: Any]
        let fit = try LogLinearTrendSpecification().fit(UnivariateFixture.panel("gdp", years: years, values: level)) as! LogLinearTrendFit
        XCTAssertEqual(fit.slope, ref["slope"] as! Double, accuracy: 1e-10)
        XCTAssertEqual(fit.intercept, ref["intercept_at_first_year"] as! Double, accuracy: 1e-9)
        XCTAssertEqual(fit.sigma, ref["sigma"] as! Double, accuracy: 1e-10)
        let cov = try UnivariateFixture.matrix(ref["covariance_slope_intercept"])      // (b, a) order
        XCTAssertEqual(fit.parameterCovariance[1, 1], cov[0, 0], accuracy: 1e-10)
        XCTAssertEqual(fit.parameterCovariance[0, 0], cov[1, 1], accuracy: 1e-9)
        XCTAssertEqual(fit.parameterCovariance[0, 1], cov[0, 1], accuracy: 1e-10)
        XCTAssertEqual(fit.hundredLogIndicators, [true])
        // Forecast: y_{T+h} = a + b (T + h − t0) with variance σ² (iid deviations).
        let m = try fit.pointSystem().forecastMoments(horizon: 2)
        let t = Double(years.count - 1)
        XCTAssertEqual(m.means[1][0], fit.intercept + fit.slope * (t + 2), accuracy: 1e-9)
        XCTAssertEqual(m.covariances[1][0, 0], fit.sigma * fit.sigma, accuracy: 1e-9)
        if level.last!.isFinite {
            XCTAssertEqual(fit.pointSystem().initialState.reduce(0, +), 100 * log(level.last!), accuracy: 1e-9)
        }
    }

    func testMatchesPolyfit() throws { try check("full", values: "level") }
    func testMatchesPolyfitWithMissingYears() throws { try check("missing", values: "level_missing") }

    func testNonPositiveLevelThrows() {
        XCTAssertThrowsError(try LogLinearTrendSpecification().fit(UnivariateFixture.panel("hogs", years: [1, 2, 3, 4, 5], values: [50, 52, 0, 55, 56]))) {
            guard case ModelError.degenerateSeries(let id, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(id, "hogs")
        }
    }
}
