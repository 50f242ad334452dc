import Foundation
import Random
import Scenario
import XCTest
import Simulation

/// An in-memory backtest scenario: histories generated from a known Gaussian AR(1) per
/// indicator (fixed seed), past targets, and the scenario's model settings.
enum BacktestFixture {
    static let directory = URL(fileURLWithPath: "/nonexistent-backtest-fixture")
    static let historyReference = FileReference(written: "history.csv", relativeTo: directory)

    /// y_t = mean + φ (y_{t-1} − mean) + σ e_t for each (id, mean, φ, σ), years `years`.
    static func observations(_ specs: [(id: String, measure: Measure, mean: Double, phi: Double, sigma: Double)],
                             years: ClosedRange<Int>, seed: UInt64) -> [Observation] {
        var g = Philox4x32(seed: seed)
        var rows: [Observation] = []
        for s in specs {
            var y = s.mean
            for year in years {
                y = s.mean + s.phi * (y - s.mean) + s.sigma * g.nextStandardNormal()
                rows.append(Observation(indicator: s.id, year: year, value: y, measure: s.measure, unit: "%", source: "synthetic"))
            }
        }
        return rows
    }

    static func input(observations: [Observation], indicators: [Indicator], targets: [PastTarget],
                      estimation: EstimationWindow, backtest: ClosedRange<Int>, model: ModelSettings,
                      paths: Int, seed: UInt64 = 7) -> ScenarioInput {
        let scenario = Scenario(
            name: "synthetic backtest", region: "nowhere", history: historyReference,
            baseYear: backtest.lowerBound - 1, horizonEnd: backtest.upperBound, estimation: estimation,
            model: model, shocks: ShockSettings(distribution: .normal), simulation: SimulationSettings(paths: paths, seed: seed),
            confidence: 0.8, indicators: indicators, targets: [],
            backtest: BacktestSettings(from: backtest.lowerBound, to: backtest.upperBound,
                                       targets: FileReference(written: "targets.csv", relativeTo: directory)))
        return ScenarioInput(scenario: scenario,
                             histories: [historyReference.url: History(file: "history.csv", observations: observations)],
                             pastTargets: targets)
    }
}

/// No look-ahead: a value planted in year Y moves the forecasts of Y + 1 but not those of Y,
/// and revised rows never enter a forecast or an outcome.
final class BacktestLookAheadTests: XCTestCase {
    let indicators = [Indicator(id: "gdp", modelOn: .growthPct), Indicator(id: "cpi", modelOn: .ratePct)]
    let targets = [
        PastTarget(indicator: "gdp", year: 2012, measure: .growthPct, wording: .atLeast(7)),
        PastTarget(indicator: "gdp", year: 2013, measure: .growthPct, wording: .atLeast(7)),
        PastTarget(indicator: "cpi", year: 2013, measure: .ratePct, wording: .atMost(3)),
        PastTarget(indicator: "gdp", year: 2014, measure: .growthPct, wording: .around(7, tolerance: 0.5)),
        PastTarget(indicator: "cpi", year: 2014, measure: .ratePct, wording: .atMost(3)),
        PastTarget(indicator: "trade", year: 2013, measure: .growthPct, wording: .atLeast(5)),
    ]
    lazy var history = BacktestFixture.observations(
        [("gdp", .growthPct, 7.5, 0.6, 1.0), ("cpi", .ratePct, 2.5, 0.5, 1.0)], years: 1995...2014, seed: 42)

    func backtest(_ observations: [Observation]) throws -> BacktestRun {
        let input = BacktestFixture.input(observations: observations, indicators: indicators, targets: targets,
                                          estimation: EstimationWindow(from: 1995, to: 2013), backtest: 2012...2014,
                                          model: ModelSettings(type: .bvar, prior: .minnesota), paths: 2048)
        return try BacktestRunner.run(input, options: RunOptions(threads: 1))
    }

    func planted(_ value: Double, year: Int) -> [Observation] {
        history.map { o in
            var o = o
            if o.indicator == "gdp" && o.year == year { o.value = value }
            return o
        }
    }

    func fingerprint(_ f: BacktestForecast) -> [Double] {
        [f.probability?.value ?? .nan] + [0.1, 0.25, 0.5, 0.75, 0.9].map { f.quantile($0) ?? .nan }
    }

    func testPlantedValueMovesOnlyLaterYears() throws {
        let original = try backtest(history)
        let absurd = try backtest(planted(99, year: 2013))
        XCTAssertEqual(original.forecasts.count, 5)
        XCTAssertEqual(original.undeclared.map(\.indicator), ["trade"])
        for (a, b) in zip(original.forecasts, absurd.forecasts) {
            XCTAssertEqual(a.status, .scored)
            XCTAssertEqual(a.origin, a.target.year - 1)
            let fa = fingerprint(a), fb = fingerprint(b)
            XCTAssertFalse(fa.contains { $0.isNaN }, "\(a.target)")
            if a.target.year <= 2013 {
                // Fitted on data up to 2012 at most: the planted 2013 value is not seen.
                XCTAssertEqual(fa, fb, "\(a.target.indicator) \(a.target.year) moved")
            } else {
                // 2014 is fitted on data up to 2013, the planted year: the forecast must move.
                XCTAssertNotEqual(fa[3], fb[3], "\(a.target.indicator) \(a.target.year) median did not move")
            }
        }
        // The 2014 GDP forecast follows the planted 99 upwards (the BVAR's lag).
        let g14 = { (r: BacktestRun) in r.forecasts.first { $0.target.indicator == "gdp" && $0.target.year == 2014 }! }
        XCTAssertGreaterThan(g14(absurd).quantile(0.5)!, g14(original).quantile(0.5)! + 1)
        // And the planted value is the 2013 outcome that is scored.
        let g13 = absurd.forecasts.first { $0.target.indicator == "gdp" && $0.target.year == 2013 }!
        XCTAssertEqual(g13.outcome, 99)
        XCTAssertEqual(g13.met, true)
    }

    func testRevisedRowsAreNeverUsed() throws {
        let original = try backtest(history)
        var withRevisions = history
        for year in 2005...2014 {
            withRevisions.append(Observation(indicator: "gdp", year: year, value: -50, measure: .growthPct, unit: "%",
                                             source: "revision", basis: .revised))
        }
        let revised = try backtest(withRevisions)
        for (a, b) in zip(original.forecasts, revised.forecasts) {
            XCTAssertEqual(fingerprint(a), fingerprint(b), "\(a.target.indicator) \(a.target.year)")
            XCTAssertEqual(a.outcome, b.outcome)
        }
    }

    /// A target whose outcome is missing is listed as "no outcome" and not scored.
    func testMissingOutcomeIsNotScored() throws {
        let run = try backtest(history.filter { !($0.indicator == "cpi" && $0.year == 2014) })
        let cpi14 = run.forecasts.first { $0.target.indicator == "cpi" && $0.target.year == 2014 }!
        XCTAssertEqual(cpi14.status, .noOutcome)
        XCTAssertNotNil(cpi14.probability)
        XCTAssertEqual(run.summary.count, 4)
    }
}
