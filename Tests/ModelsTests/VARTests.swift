import Linear
import Models
import Random
import XCTest

/// VAR(p) by OLS against statsmodels on US macrodata (fixture: make_var_fixture.py).
final class VARTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let lags: Int
            let nobs: Int
            let coefficients, standardErrors, sigmaU, sigmaUML, forecasts: [[Double]]
            let forecastMSE: [[[Double]]]
            let logLikelihood, aic, bic, hqic: Double
            let companionModuli: [Double]
        }
        let indicators: [String]
        let data: [[Double]]
        let cases: [Case]
    }

    func testMatchesStatsmodelsOnMacrodata() throws {
        let f = try VARTestSupport.fixture("var_macrodata", as: Fixture.self)
        let panel = try VARTestSupport.panel(f.data, indicators: f.indicators)
        for c in f.cases {
            let r = try VARSpecification(lags: c.lags).estimate(panel)
            XCTAssertEqual(r.years.count, c.nobs)
            XCTAssertEqual(r.rank, 1 + 3 * c.lags)
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.coefficients, c.coefficients), 1e-10, "B, p = \(c.lags)")
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.standardErrors, c.standardErrors), 1e-9, "se, p = \(c.lags)")
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.residualCovariance, c.sigmaU), 1e-10, "Σ_u, p = \(c.lags)")
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.residualCovarianceML, c.sigmaUML), 1e-10)
            XCTAssertEqual(r.logLikelihood, c.logLikelihood, accuracy: 1e-8 * abs(c.logLikelihood))
            XCTAssertEqual(r.aic, c.aic, accuracy: 1e-10)
            XCTAssertEqual(r.bic, c.bic, accuracy: 1e-10)
            XCTAssertEqual(r.hqic, c.hqic, accuracy: 1e-10)
            VARTestSupport.assertClose(r.companionEigenvalues.map(\.modulus), c.companionModuli, accuracy: 1e-10)
            XCTAssertTrue(r.isStable)
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.forecast(steps: 5), c.forecasts), 1e-10, "forecasts")
            let mse = try r.forecastMSE(steps: 5)
            for h in 0..<5 {
                XCTAssertLessThan(VARTestSupport.relativeDifference(mse[h], c.forecastMSE[h]), 1e-10, "MSE h = \(h + 1)")
            }
        }
    }

    /// The point system reproduces the forecasts by iterating x_t = c + F x_{t-1}.
    func testPointSystemIteratesToForecasts() throws {
        let f = try VARTestSupport.fixture("var_macrodata", as: Fixture.self)
        let r = try VARSpecification(lags: 2).estimate(try VARTestSupport.panel(f.data, indicators: f.indicators))
        let s = r.pointSystem()
        XCTAssertEqual(s.stateCount, 6)
        XCTAssertEqual(s.indicatorCount, 3)
        var x = s.initialState
        let expected = r.forecast(steps: 3)
        for h in 0..<3 {
            x = try zip(s.intercept, gemv(s.transition, x)).map { $0 + $1 }
            VARTestSupport.assertClose(try gemv(s.observation, x), expected.row(h), accuracy: 1e-12)
        }
        let l = s.shockCholesky
        XCTAssertLessThan(try gemm(l, l, transposeB: true).maxAbsDifference(r.residualCovariance), 1e-12)
    }

    /// Posterior draws under the flat prior: the sample mean and variance of a coefficient agree
    /// with the matrix-t moments B̂ and se² (T − r)/(T − r − k − 1) (se² = (XᵀX)⁻¹_ii Σ̂_jj,
    /// E[Σ | Y] = ÛᵀÛ/(T − r − k − 1)) within 4 Monte Carlo standard errors.
    func testDrawsMatchFlatPriorPosterior() throws {
        let f = try VARTestSupport.fixture("var_macrodata", as: Fixture.self)
        let r = try VARSpecification(lags: 1).estimate(try VARTestSupport.panel(f.data, indicators: f.indicators))
        var g = Philox4x32(seed: 11)
        let n = 20_000
        var values = [Double]()
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(r.drawSystem(using: &g).transition[0, 1]) }   // A_1[0, 1] = B[2, 0]
        let moments = VARTestSupport.SampleMoments(values)
        let se = r.standardErrors[2, 0]
        let nu = Double(r.years.count - r.rank), k = Double(r.indicators.count)
        XCTAssertEqual(moments.mean, r.coefficients[2, 0], accuracy: 4 * moments.standardErrorOfMean)
        XCTAssertEqual(moments.variance, se * se * nu / (nu - k - 1), accuracy: 4 * moments.standardErrorOfVariance)
        XCTAssertTrue(r.notes.contains { $0.contains("Σ_u ~ IW(ÛᵀÛ") }, "\(r.notes)")
        XCTAssertTrue(r.notes.contains { $0.contains("\(n) accepted systems") })
    }
}
