import Foundation
import Scenario
import XCTest
import Simulation

/// Synthetic calibration check: a history drawn from a known Gaussian AR(1)
/// (y_t = 7 + 0.8 (y_{t-1} − 7) + e_t, e_t ~ N(0, 1), seed 2024), targets "growth >= 7" (the
/// true mean) every year, backtested with a one-indicator BVAR(1), close to the true model.
///
/// Given the past, each event "met" is Bernoulli(p_t) with the true p_t, so Σ (met_t − p_t) has
/// mean 0 and variance Σ p_t (1 − p_t) (martingale differences are uncorrelated): the model's
/// P(met) must satisfy |Σ (met − P)| < 4 √(Σ P (1 − P)). The true p_t varies
/// (p_t = Φ(0.8 (y_{t−1} − 7))), so a forecaster that uses the past has expected Brier
/// 0.25 − Var(p) ≈ 0.14, below the base rate's ≈ 0.25: the model must beat it.
final class BacktestCalibrationTests: XCTestCase {
    func testKnownAR1IsCalibrated() throws {
        let years = 1930...2020, backtest = 1961...2020
        let history = BacktestFixture.observations([("gdp", .growthPct, 7, 0.8, 1)], years: years, seed: 2024)
        let targets = backtest.map { PastTarget(indicator: "gdp", year: $0, measure: .growthPct, wording: .atLeast(7)) }
        let input = BacktestFixture.input(observations: history, indicators: [Indicator(id: "gdp", modelOn: .growthPct)],
                                          targets: targets, estimation: EstimationWindow(from: 1930, to: 2019),
                                          backtest: backtest, model: ModelSettings(type: .bvar, prior: .minnesota),
                                          paths: 1024)
        let run = try BacktestRunner.run(input, options: RunOptions(threads: 1))
        let summary = run.summary
        XCTAssertEqual(summary.count, backtest.count)
        let p = summary.scores(.model)!.probabilities
        let met = run.scored.map { $0.met! }
        let excess = zip(met, p).reduce(0) { $0 + ($1.0 ? 1 : 0) - $1.1 }
        let sd = p.reduce(0) { $0 + $1 * (1 - $1) }.squareRoot()
        XCTAssertLessThan(abs(excess), 4 * sd, "met − Σ P = \(excess), sd \(sd)")
        // Skill: the paired Brier difference to the base rate is negative beyond 2 SE.
        let d = summary.brierDifference(reference: .regionBaseRate)
        XCTAssertLessThan(d.mean + 2 * d.standardError, 0, "model − base rate Brier \(d.mean) ± \(d.standardError)")
        // Band coverage: inside counts are Binomial(n, 0.5) and (n, 0.8) for the true model.
        let n = Double(summary.counted80)
        XCTAssertEqual(summary.counted50, backtest.count)
        XCTAssertEqual(Double(summary.inside50) / n, 0.5, accuracy: 4 * (0.25 / n).squareRoot())
        XCTAssertEqual(Double(summary.inside80) / n, 0.8, accuracy: 4 * (0.16 / n).squareRoot())
    }
}
