import XCTest
import Linear
import Random
import Models

/// Rolling-origin one-step backtests.
final class RollingOriginTests: XCTestCase {
    func series(_ n: Int, seed: UInt64, phi: Double = 0.5) -> [Double] {
        var g = Philox4x32(seed: seed)
        var y = 6.0
        return (0..<n).map { _ in y = 6 + phi * (y - 6) + 1.5 * g.nextStandardNormal(); return y }
    }

    /// Random walk, point predictive: each forecast is y_{t−1} + μ̂ with sd σ̂ from the years
    /// before t (recomputed here from the closed form), the 80% interval ±1.2816 σ̂, and the
    /// scores aggregate the forecasts.
    func testRandomWalkForecastsFollowClosedForm() throws {
        let y = series(16, seed: 1)
        let panel = UnivariateFixture.panel("gdp", years: Array(2005...2020), values: y)
        let result = try RollingOriginBacktest(specification: RandomWalkSpecification(), minimumTrainingYears: 8).run(panel)
        XCTAssertEqual(result.forecasts.count, 8)
        for f in result.forecasts {
            let t = f.year - 2005
            let d = (1..<t).map { y[$0] - y[$0 - 1] }
            let mu = d.reduce(0, +) / Double(d.count)
            let s = (d.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(d.count - 1)).squareRoot()
            XCTAssertEqual(f.mean, y[t - 1] + mu, accuracy: 1e-12)
            XCTAssertEqual(f.upper - f.mean, 1.2815515655446004 * s, accuracy: 1e-10)
            XCTAssertEqual(f.crps, crpsGaussian(mean: f.mean, standardDeviation: s, observation: y[t]), accuracy: 1e-12)
        }
        let score = result.scores[0]
        XCTAssertEqual(score.count, 8)
        XCTAssertEqual(score.meanCRPS, result.forecasts.reduce(0) { $0 + $1.crps } / 8, accuracy: 1e-12)
        XCTAssertEqual(result.criteria.count, 1)
        XCTAssertTrue(result.criteria[0].aic.isFinite)
    }

    /// AR(1) data, AR(1) model, 120 years: the 80% interval covers within 4 binomial SE of 0.8.
    func testAR1CoverageIsNominal() throws {
        let y = series(120, seed: 2)
        let panel = UnivariateFixture.panel("gdp", years: Array(1901...2020), values: y)
        let result = try RollingOriginBacktest(specification: AR1Specification(), minimumTrainingYears: 20).run(panel)
        let n = Double(result.scores[0].count)
        XCTAssertEqual(n, 100)
        XCTAssertEqual(result.scores[0].coverage, 0.8, accuracy: 4 * (0.16 / n).squareRoot())
        XCTAssertLessThan(result.scores[0].rmse, 1.5 * 1.25)
    }

    /// Parameter-draw predictive: finite scores, repeatable; failed origins are skipped with reasons.
    func testParameterDrawsAndSkippedOrigins() throws {
        var y = series(14, seed: 3)
        y[1] = .nan; y[2] = .nan
        let panel = UnivariateFixture.panel("retail", years: Array(2007...2020), values: y)
        let backtest = RollingOriginBacktest(specification: LocalLinearTrendSpecification(), minimumTrainingYears: 4,
                                             predictive: .parameterDraws(count: 100, seed: 8))
        let a = try backtest.run(panel), b = try backtest.run(panel)
        XCTAssertEqual(a.forecasts, b.forecasts)
        XCTAssertFalse(a.skipped.isEmpty)                       // the first origins have < 4 observations
        for f in a.forecasts { XCTAssertTrue(f.crps.isFinite && f.logScore.isFinite && f.lower < f.upper, "\(f)") }
        XCTAssertThrowsError(try RollingOriginBacktest(specification: RandomWalkSpecification(), minimumTrainingYears: 14).run(panel))
    }
}
