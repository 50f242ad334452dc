import XCTest
import Linear
import Random
import Models

/// Local linear trend maximum likelihood against statsmodels' UnobservedComponents
/// (exact diffuse, llt_generate.py), and awkward inputs.
final class LocalLinearTrendTests: XCTestCase {
    func fit(_ key: String, series: String, noise: Bool) throws -> (LocalLinearTrendFit, [String: Any], [Double]) {
        let f = try UnivariateFixture.load("llt_realgdp")
        let y = UnivariateFixture.numbers(f[series])
        let model = try UnivariateFixture.fit(LocalLinearTrendSpecification(observationNoise: noise), "x",
                                              years: Array(0..<y.count), values: y, as: LocalLinearTrendFit.self)
        return (model, f[key] as! [String: Any], y)
    }

    /// The maximised log-likelihood reaches statsmodels' (within 1e-6 relative; statsmodels' own
    /// optimum may be slightly lower, never materially higher).
    func checkLikelihood(_ key: String, series: String, noise: Bool) throws {
        let (model, c, _) = try fit(key, series: series, noise: noise)
        let reference = c["mle_loglikelihood"] as! Double
        XCTAssertGreaterThan(model.logLikelihood, reference - 1e-6 * abs(reference), key)
        XCTAssertLessThan(model.logLikelihood, reference + 1e-4 * abs(reference), key)
        XCTAssertTrue(model.aic.isFinite && model.bic.isFinite)
    }

    func testRealGDPThreeVariances() throws { try checkLikelihood("three_variance", series: "series", noise: true) }
    func testRealGDPThreeVariancesMissing() throws { try checkLikelihood("three_variance_missing", series: "series_missing", noise: true) }
    func testRealGDPTwoVariances() throws { try checkLikelihood("two_variance", series: "series", noise: false) }
    func testRealGDPTwoVariancesMissing() throws { try checkLikelihood("two_variance_missing", series: "series_missing", noise: false) }

    /// Nile: interior MLE for σ²_ε and σ²_η (statsmodels 14672, 1758; σ²_ζ at zero). Estimates
    /// within 1% and filtered states at the MLE within 0.1% of the level.
    func testNileEstimatesAndFilteredStates() throws {
        let (model, c, y) = try fit("nile", series: "nile_series", noise: true)
        let reference = UnivariateFixture.numbers(c["mle_params"])
        XCTAssertEqual(model.variances[0], reference[0], accuracy: 0.01 * reference[0])
        XCTAssertEqual(model.variances[1], reference[1], accuracy: 0.01 * reference[1])
        XCTAssertLessThan(model.variances[2], 1e-3)
        XCTAssertTrue(model.notes.contains { $0.contains("lower bound") })
        let states = UnivariateFixture.rows(c["mle_filtered_states"])
        for t in 2..<y.count {
            XCTAssertEqual(model.filterResult.filteredStates[t][0], states[t][0], accuracy: 1e-3 * abs(states[t][0]))
        }
    }

    /// State-space form: y_T is reproduced, one-step variance = P_level + P_slope·2 + ... is
    /// finite and positive; draws are finite.
    func testSystemReproducesLastObservationAndDrawsAreFinite() throws {
        let (model, _, y) = try fit("nile", series: "nile_series", noise: true)
        let system = model.pointSystem()
        let yT = (0..<3).reduce(0) { $0 + system.observation[0, $1] * system.initialState[$1] }
        XCTAssertEqual(yT, y.last!, accuracy: 1e-9 * abs(y.last!))
        var g = Philox4x32(seed: 7)
        for _ in 0..<50 {
            let d = model.drawSystem(using: &g)
            XCTAssertTrue(d.initialState.allSatisfy(\.isFinite) && d.shockCholesky.elements.allSatisfy(\.isFinite))
            let yd = (0..<3).reduce(0) { $0 + d.observation[0, $1] * d.initialState[$1] }
            XCTAssertEqual(yd, y.last!, accuracy: 1e-6 * abs(y.last!))
        }
    }

    func testAwkwardInputs() throws {
        let spec = LocalLinearTrendSpecification()
        let years = Array(2005...2020)
        XCTAssertThrowsError(try spec.fit(UnivariateFixture.panel("gdp", years: years, values: Array(repeating: 8.0, count: 16)))) {
            guard case ModelError.degenerateSeries(let id, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(id, "gdp")
        }
        var short = [Double](repeating: .nan, count: 16)
        short[3] = 1; short[8] = 2; short[12] = 4
        XCTAssertThrowsError(try spec.fit(UnivariateFixture.panel("gdp", years: years, values: short))) {
            XCTAssertEqual($0 as? ModelError, .tooFewObservations(needed: 4, got: 3))
        }
        short[14] = 3; short[15] = 5          // 5 observations: two go to the diffuse start
        XCTAssertThrowsError(try spec.fit(UnivariateFixture.panel("gdp", years: years, values: short))) {
            XCTAssertEqual($0 as? ModelError, .tooFewObservations(needed: 7, got: 5))
        }
        // Half the years missing, including the last three: fits, finite, says so.
        let values = (0..<16).map { i -> Double in (i % 2 == 0 && i < 13) ? 8 + sin(Double(i)) : .nan }
        let model = try spec.fit(UnivariateFixture.panel("gdp", years: years, values: values))
        let m = try model.pointSystem().forecastMoments(horizon: 3, initialCovariance: (model as! LocalLinearTrendFit).initialStateCovariance)
        XCTAssertTrue(m.means.joined().allSatisfy(\.isFinite))
        XCTAssertTrue(m.covariances.allSatisfy { $0[0, 0] > 0 && $0[0, 0].isFinite })
        XCTAssertTrue(model.notes.contains { $0.contains("carried forward") })
    }
}
