import XCTest
import Linear
import Random
import Models

/// AR(1) around a mean against statsmodels ARIMA(1,0,0) with a constant (exact ML, also with
/// missing years) and AutoReg(1) (conditional ML), ar1_generate.py.
final class AR1Tests: XCTestCase {
    /// The fixture series `key` (years 0, 1, ...) fitted by `specification`, and the fixture.
    func fitted(_ key: String, _ specification: AR1Specification = AR1Specification()) throws -> (AR1Fit, [String: Any]) {
        let f = try UnivariateFixture.load("ar1_realgdp")
        let y = UnivariateFixture.numbers(f[key])
        return (try UnivariateFixture.fit(specification, "gdp", years: Array(0..<y.count), values: y, as: AR1Fit.self), f)
    }

    func checkExact(_ key: String, reference: String) throws {
        let (fit, f) = try fitted(key)
        let ref = f[reference] as! [String: Double]
        XCTAssertEqual(fit.mean, ref["mean"]!, accuracy: 1e-4 * abs(ref["mean"]!))
        XCTAssertEqual(fit.phi, ref["phi"]!, accuracy: 1e-4)
        XCTAssertEqual(fit.sigma * fit.sigma, ref["sigma2"]!, accuracy: 1e-4 * ref["sigma2"]!)
        XCTAssertEqual(fit.logLikelihood, ref["loglikelihood"]!, accuracy: 1e-7 * abs(ref["loglikelihood"]!))
        XCTAssertEqual(fit.aic, -2 * ref["loglikelihood"]! + 6, accuracy: 1e-5)
    }

    func testExactMLMatchesARIMA() throws { try checkExact("series", reference: "exact") }
    func testExactMLWithMissingYearsMatchesARIMA() throws { try checkExact("series_missing", reference: "exact_missing") }

    func testConditionalMLMatchesAutoReg() throws {
        let (fit, f) = try fitted("series", AR1Specification(estimation: .conditional))
        let ref = f["conditional"] as! [String: Double]
        XCTAssertEqual(fit.phi, ref["phi"]!, accuracy: 1e-10)
        XCTAssertEqual(fit.mean, ref["mean"]!, accuracy: 1e-10)
        XCTAssertEqual(fit.sigma * fit.sigma, ref["sigma2"]!, accuracy: 1e-10)
        XCTAssertEqual(fit.block.intercept[0], ref["intercept"]!, accuracy: 1e-10)
    }

    /// A trending series pushes φ to the bound: the estimate respects it, notes say it binds,
    /// every draw is stationary.
    func testStationarityBoundBindsAndDrawsStayStationary() throws {
        let y = (0..<20).map { Double($0) * 0.7 + sin(Double($0)) * 0.3 }
        for estimation in [AR1Specification.Estimation.exact, .conditional] {
            let fit = try UnivariateFixture.fit(AR1Specification(estimation: estimation), "retail",
                                                years: Array(2001...2020), values: y, as: AR1Fit.self)
            XCTAssertLessThanOrEqual(abs(fit.phi), 0.98 + 1e-12)
            XCTAssertTrue(fit.notes.contains { $0.contains("binds") }, "\(estimation): \(fit.notes)")
            var g = Philox4x32(seed: 3)
            for _ in 0..<200 {
                let d = fit.drawSystem(using: &g)
                XCTAssertLessThanOrEqual(abs(d.transition[0, 0]), 0.98 + 1e-12)
                XCTAssertTrue(d.shockCholesky[0, 0] > 0 && d.intercept[0].isFinite)
            }
        }
    }

    /// Parameter draws (exact ML) centre on the estimates: the mean of 4000 draws of φ lies within
    /// 4 Monte Carlo standard errors of φ̂ plus the delta-method bias bound of tanh (small).
    func testDrawsCentreOnEstimates() throws {
        let (fit, _) = try fitted("series")
        var g = Philox4x32(seed: 11)
        let phis: [Double] = (0..<4000).map { _ in fit.drawSystem(using: &g).transition[0, 0] }
        let mean = phis.reduce(0, +) / 4000
        let squares = phis.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        let sd = (squares / 3999).squareRoot()
        XCTAssertEqual(mean, fit.phi, accuracy: 4 * sd / 4000.0.squareRoot() + 0.01 * sd)
        XCTAssertGreaterThan(sd, 0.05)     // asymptotic sd of φ̂ ≈ sqrt((1 − φ²)/n) ≈ 0.14
        XCTAssertLessThan(sd, 0.3)
    }

    func testAwkwardInputs() throws {
        XCTAssertThrowsError(try AR1Specification().fit(UnivariateFixture.panel("cpi", years: [2018, 2019, 2020], values: [1, 2, 3])))
        let alternate: [Double] = [1, .nan, 2, .nan, 3, .nan, 1.5, 2.5]
        XCTAssertThrowsError(try AR1Specification(estimation: .conditional).fit(
            UnivariateFixture.panel("cpi", years: Array(0..<8), values: alternate))) {
            guard case ModelError.notIdentified = $0 else { return XCTFail("\($0)") }
        }
        let exact = try UnivariateFixture.fit(AR1Specification(), "cpi", years: Array(0..<8), values: alternate, as: AR1Fit.self)
        XCTAssertTrue(exact.mean.isFinite && exact.phi.isFinite && exact.sigma > 0)
    }
}
