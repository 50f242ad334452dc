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

    /// Parameter draws (exact ML) follow the exact posterior (Jeffreys prior on φ, flat on μ and
    /// log σ): over 20,000 draws the means of φ, μ and σ² and the sd of φ agree with the
    /// brute-force quadrature of ar1_posterior_generate.py within 4 Monte Carlo SE, on 15
    /// consecutive years and on 20 years with gaps.
    func testDrawsFollowTheExactPosterior() throws {
        let f = try UnivariateFixture.load("ar1_posterior")
        for key in ["short", "short_missing"] {
            let c = f[key] as! [String: Any]
            let y = UnivariateFixture.numbers(c["series"])
            let ref = c["posterior"] as! [String: Double]
            let fit = try UnivariateFixture.fit(AR1Specification(), "gdp", years: Array(0..<y.count), values: y, as: AR1Fit.self)
            XCTAssertTrue(fit.notes.contains { $0.contains("exact posterior") }, "\(fit.notes)")
            var g = Philox4x32(seed: 11)
            var phi: [Double] = [], mean: [Double] = [], variance: [Double] = []
            for _ in 0..<20_000 {
                let s = fit.drawSystem(using: &g)
                let p = s.transition[0, 0]
                phi.append(p); mean.append(s.intercept[0] / (1 - p)); variance.append(pow(s.shockCholesky[0, 0], 2))
            }
            let mp = VARTestSupport.SampleMoments(phi), mm = VARTestSupport.SampleMoments(mean)
            let mv = VARTestSupport.SampleMoments(variance)
            XCTAssertEqual(mp.mean, ref["phiMean"]!, accuracy: 4 * mp.standardErrorOfMean, key)
            XCTAssertEqual(mp.variance.squareRoot(), ref["phiSD"]!,
                           accuracy: 4 * mp.standardErrorOfVariance / (2 * ref["phiSD"]!), key)
            XCTAssertEqual(mm.mean, ref["meanMean"]!, accuracy: 4 * mm.standardErrorOfMean, key)
            XCTAssertEqual(mv.mean, ref["sigma2Mean"]!, accuracy: 4 * mv.standardErrorOfMean, key)
        }
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
