import XCTest
import Linear
import Models

/// The exact diffuse Kalman filter of the local linear trend against statsmodels'
/// UnobservedComponents (use_exact_diffuse=True) at fixed parameters: log-likelihood, filtered
/// states and filtered covariances in every period (llt_generate.py).
final class KalmanFilterTests: XCTestCase {
    func check(_ key: String, series: String, noise: Bool) throws {
        let f = try UnivariateFixture.load("llt_realgdp")
        let c = f[key] as! [String: Any]
        let y = UnivariateFixture.numbers(f[series])
        let params = UnivariateFixture.numbers(c["fixed_params"])
        let kf = LocalLinearTrendSpecification(observationNoise: noise).filter(variances: params)
        let result = kf.filter(y)
        XCTAssertEqual(kf.logLikelihood(y), result.logLikelihood)
        XCTAssertEqual(result.logLikelihood, c["fixed_loglikelihood"] as! Double, accuracy: 1e-9 * abs(c["fixed_loglikelihood"] as! Double), key)
        let states = UnivariateFixture.rows(c["fixed_filtered_states"])
        let covs = UnivariateFixture.rows(c["fixed_filtered_covariances"])
        XCTAssertEqual(result.diffusePeriods, c["nobs_diffuse"] as! Int, key)
        for t in y.indices {
            for i in 0..<2 {
                XCTAssertEqual(result.filteredStates[t][i], states[t][i], accuracy: 1e-8 * max(1, abs(states[t][i])), "\(key) state \(i) at \(t)")
            }
            for e in 0..<4 {
                XCTAssertEqual(result.filteredCovariances[t].elements[e], covs[t][e], accuracy: 1e-8 * max(1, abs(covs[t][e])), "\(key) P at \(t)")
            }
        }
    }

    func testThreeVariancesAtFixedParameters() throws { try check("three_variance", series: "series", noise: true) }
    func testThreeVariancesWithMissingYears() throws { try check("three_variance_missing", series: "series_missing", noise: true) }
    func testTwoVariancesAtFixedParameters() throws { try check("two_variance", series: "series", noise: false) }
    func testTwoVariancesWithMissingYears() throws { try check("two_variance_missing", series: "series_missing", noise: false) }
    func testNileAtFixedParameters() throws { try check("nile", series: "nile_series", noise: true) }

    /// A random walk observed without noise: every non-diffuse prediction error is the first
    /// difference, with variance σ², and the log-likelihood is the Gaussian one of the differences.
    func testRandomWalkLikelihoodIsThatOfTheDifferences() {
        let y = [1.0, 3.0, 2.5, 4.0, 3.0]
        let s2 = 2.0
        let kf = KalmanFilter(design: [1], observationVariance: 0, intercept: [0], transition: .identity(1),
                              stateCovariance: .diagonal([s2]), initialState: [0], initialCovariance: .init(rows: 1, columns: 1),
                              initialDiffuseCovariance: .identity(1))
        let r = kf.filter(y)
        var expected = -0.5 * log(2 * Double.pi)                      // diffuse period, F_∞ = 1
        for t in 1..<y.count {
            let d = y[t] - y[t - 1]
            expected += -0.5 * (log(2 * Double.pi * s2) + d * d / s2)
            XCTAssertEqual(r.predictionErrors[t], d, accuracy: 1e-12)
        }
        XCTAssertEqual(r.logLikelihood, expected, accuracy: 1e-12)
        XCTAssertEqual(r.informativeObservations, 4)
    }
}
