import XCTest
import Linear
import Models

/// Closed-form forecast moments: AR(1) analytic, VAR(1) against brute-force numpy sums of
/// matrix powers (forecast_generate.py).
final class ForecastMomentsTests: XCTestCase {
    /// y_{T+h} of an AR(1): mean μ + φ^h (y_T − μ), variance σ² (1 − φ^{2h}) / (1 − φ²).
    func testAR1ClosedForm() throws {
        let (mu, phi, sigma, yT) = (3.0, 0.6, 1.5, 7.0)
        let s = StateSpaceSystem(intercept: [mu * (1 - phi)], transition: .diagonal([phi]), shockLoading: .identity(1),
                                 shockCholesky: .diagonal([sigma]), observation: .identity(1), initialState: [yT])
        let m = try s.forecastMoments(horizon: 10)
        for h in 1...10 {
            XCTAssertEqual(m.means[h - 1][0], mu + pow(phi, Double(h)) * (yT - mu), accuracy: 1e-12)
            XCTAssertEqual(m.covariances[h - 1][0, 0], sigma * sigma * (1 - pow(phi, 2 * Double(h))) / (1 - phi * phi), accuracy: 1e-12)
        }
    }

    func testVAR1MatchesBruteForce() throws {
        let f = try UnivariateFixture.load("forecast_var1")
        let s = StateSpaceSystem(intercept: UnivariateFixture.numbers(f["intercept"]),
                                 transition: try UnivariateFixture.matrix(f["transition"]),
                                 shockLoading: try UnivariateFixture.matrix(f["loading"]),
                                 shockCholesky: try UnivariateFixture.matrix(f["cholesky"]),
                                 observation: try UnivariateFixture.matrix(f["observation"]),
                                 initialState: UnivariateFixture.numbers(f["initial_state"]))
        let m = try s.forecastMoments(horizon: 6, initialCovariance: try UnivariateFixture.matrix(f["initial_covariance"]))
        let means = UnivariateFixture.rows(f["means"]), covs = UnivariateFixture.rows(f["covariances_column_major"])
        for h in 0..<6 {
            for i in 0..<2 { XCTAssertEqual(m.means[h][i], means[h][i], accuracy: 1e-12) }
            for e in 0..<4 { XCTAssertEqual(m.covariances[h].elements[e], covs[h][e], accuracy: 1e-12) }
        }
    }

    func testShapeErrorsThrow() throws {
        let s = StateSpaceSystem(intercept: [0], transition: .identity(1), shockLoading: .identity(1),
                                 shockCholesky: .identity(1), observation: .identity(1), initialState: [0])
        XCTAssertThrowsError(try s.forecastMoments(horizon: 0))
        XCTAssertThrowsError(try s.forecastMoments(horizon: 2, initialCovariance: .identity(2)))
        var bad = s
        bad.intercept = [0, 1]
        XCTAssertThrowsError(try bad.forecastMoments(horizon: 1))
    }
}
