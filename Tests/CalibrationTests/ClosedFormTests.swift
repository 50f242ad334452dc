import Calibration
import Scenario
import XCTest

/// The Student-t, the normal–inverse-gamma predictive and the logistic pool against scipy and
/// statsmodels (Fixtures/calibration_generate.py).
final class ClosedFormTests: XCTestCase {
    func testStudentTAgainstScipy() throws {
        for c in try CalibrationReference.load().student_t {
            let d = StudentT(location: c.location, scale: c.scale, degreesOfFreedom: c.nu)
            XCTAssertEqual(d.cdf(c.x), c.cdf, accuracy: 1e-11 + 1e-9 * c.cdf, "cdf \(c)")
            XCTAssertEqual(d.logDensity(c.x), c.logpdf, accuracy: 1e-9 * max(1, abs(c.logpdf)), "logpdf \(c)")
        }
    }

    func testNormalInverseGammaPredictiveAgainstTheClosedForm() throws {
        for c in try CalibrationReference.load().nig {
            let prior = NormalInverseGamma(mean: c.prior[0], meanWeight: c.prior[1], degreesOfFreedom: c.prior[2], variance: c.prior[3])
            let post = prior.updated(with: c.x, weights: c.w)
            XCTAssertEqual(post.mean, c.mean, accuracy: 1e-12)
            XCTAssertEqual(post.meanWeight, c.weight, accuracy: 1e-12)
            XCTAssertEqual(post.degreesOfFreedom, c.nu, accuracy: 1e-12)
            XCTAssertEqual(post.variance, c.variance, accuracy: 1e-12)
            XCTAssertEqual(post.predictive.scale, c.pred_scale, accuracy: 1e-12)
            XCTAssertEqual(Bound.atLeast(0.5).probability(under: post.predictive), c.p_above_half, accuracy: 1e-10)
        }
    }

    /// The anchored forecaster on a hand case is the NIG predictive of its stated pieces: the
    /// other regions' weighted mean (shrunk by one pseudo-observation) and variance as the prior,
    /// the region's own deviations as the update, each deviation less its year's shared shock
    /// (`YearEffects`, checked against its peer in `YearEffectsTests`), the predictive's variance
    /// plus the coming year's τ² s².
    func testTargetAnchoredIsTheNIGPredictiveOfItsPieces() {
        func r(_ region: String, _ year: Int, _ target: Double, _ outcome: Double) -> TargetRecord {
            TargetRecord(region: region, indicator: "gdp", year: year, measure: .growthPct, wording: .atLeast(target), outcome: outcome)
        }
        let records = [r("a", 2018, 7, 7.5), r("b", 2019, 6, 6.1), r("c", 2019, 6.5, 5.0), r("d", 2020, 6, 2.0),
                       r("e", 2020, 6, 3.5), r("me", 2019, 8, 8.9), r("me", 2020, 8, 4.0), r("a", 2021, 6, 9.0)]
        let s = AnchoredSettings(halfLife: 2, regionWeight: 3, priorDegreesOfFreedom: 4)
        let d = TargetAnchored(records: records).predictive(region: "me", indicator: "gdp", year: 2021, wording: .atLeast(7), settings: s)!
        // By hand: weights 0.5^((2020 − t)/2) for years 2018, 2019, 2020 = 0.5, 0.7071, 1.
        let h = (0.5 as Double).squareRoot()
        let w = [0.5, h, h, 1, 1]  // a, b, c, d, e
        let effects = YearEffects(records: Array(records.prefix(7)))
        let shift = [2018, 2019, 2019, 2020, 2020].map { (effects.effects[$0] ?? 0) * effects.scales["gdp"]! }
        let dev = zip([0.5, 0.1, -1.5, -4.0, -2.5], shift).map { $0 - $1 }
        let ownShift = [2019, 2020].map { (effects.effects[$0] ?? 0) * effects.scales["gdp"]! }
        let wsum = w.reduce(0, +)
        let m = zip(w, dev).reduce(0) { $0 + $1.0 * $1.1 } / wsum
        let v = zip(w, dev).reduce(0) { $0 + $1.0 * ($1.1 - m) * ($1.1 - m) } / wsum
        let prior = NormalInverseGamma(mean: wsum / (wsum + 1) * m, meanWeight: 3, degreesOfFreedom: 4, variance: v)
        let own = prior.updated(with: [0.9 - ownShift[0], -4.0 - ownShift[1]], weights: [h, 1]).predictive
        XCTAssertEqual(d.location, 7 + own.location, accuracy: 1e-12)
        XCTAssertEqual(d.scale, (own.scale * own.scale + effects.variance * pow(effects.scales["gdp"]!, 2)).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(d.degreesOfFreedom, 4 + 1 + h, accuracy: 1e-12)
        // Records of 2021 and later are not used: changing one changes nothing.
        var later = records
        later[7].outcome = 1e6
        XCTAssertEqual(TargetAnchored(records: later).predictive(region: "me", indicator: "gdp", year: 2021, wording: .atLeast(7), settings: s), d)
    }

    func testLogisticPoolAgainstStatsmodels() throws {
        let ref = try CalibrationReference.load().pool
        let x = ref.model.indices.map { LogisticPool.features(model: ref.model[$0], proxied: ref.proxied[$0], anchored: ref.anchored[$0], baseRate: ref.base[$0], ceiling: ref.ceiling[$0]) }
        for fit in ref.fits {
            let pool = try LogisticPool.fit(x, ref.met, penalty: fit.lambda, prior: ref.prior)
            // scipy's BFGS to 1e-9; statsmodels' coordinate descent stops 2e-5 to 1e-4 away, as
            // the peer script measures (`statsmodels_error`): agree within that, plus 1e-7.
            for (a, b) in zip(pool.coefficients, fit.scipy) {
                XCTAssertEqual(a, b, accuracy: 1e-7, "λ = \(fit.lambda): \(pool.coefficients) vs scipy \(fit.scipy)")
            }
            for (a, b) in zip(pool.coefficients, fit.statsmodels) {
                XCTAssertEqual(a, b, accuracy: fit.statsmodelsError + 1e-7, "λ = \(fit.lambda): \(pool.coefficients) vs statsmodels \(fit.statsmodels)")
            }
        }
    }
}
