import Calibration
import Foundation
import Models
import Scenario
import Simulation
import XCTest

/// The calibrated run: every target's P(met) is the pooled probability (within Monte Carlo
/// error), and the joint probability comes from the same shifted paths.
final class CalibratedRunTests: XCTestCase {
    func testShiftedPathsReachThePooledProbability() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calibrated-run-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Past targets of three regions: GDP and CPI each met about as often as missed, so that
        // the pooled probabilities are mid-range, where a shift's error shows most.
        var records: [TargetRecord] = []
        for year in 2000...2019 {
            for (k, region) in ["a", "b", "c"].enumerated() {
                let wobble = Double((year * 7 + k * 3) % 5) / 5 - 0.4
                records.append(TargetRecord(region: region, indicator: "gdp", year: year, measure: .growthPct,
                                            wording: .around(7, tolerance: 0.5), outcome: 6.55 + wobble, model: 0.5 + wobble / 2))
                records.append(TargetRecord(region: region, indicator: "cpi", year: year, measure: .ratePct,
                                            wording: .atMost(3), outcome: 2.95 + wobble, model: 0.8))
            }
        }
        let rolling = RollingCalibration(records: records)
        let file = CombinationFile(madeBy: "test", calibrationSet: "synthetic", years: [2000, 2019], paths: 1, rolling: rolling)
        let url = dir.appendingPathComponent("combination.json")
        try file.encoded().write(to: url, atomically: true, encoding: .utf8)

        let history = BacktestFixture.observations([("gdp", .growthPct, 6.5, 0.5, 1.0), ("cpi", .ratePct, 2.5, 0.5, 0.8)],
                                                   years: 1995...2019, seed: 3)
        var input = BacktestFixture.input(observations: history,
                                          indicators: [Indicator(id: "gdp", modelOn: .growthPct), Indicator(id: "cpi", modelOn: .ratePct),
                                                       Indicator(id: "unemployment", modelOn: .ratePct,
                                                                 judgment: Judgment(distribution: .normal, mean: 5.1, sd: 0.3, rationale: "test", source: "test"))],
                                          targets: [], estimation: EstimationWindow(from: 1995, to: 2019), backtest: 2020...2020,
                                          model: ModelSettings(type: .ar1), paths: 100_000)
        input.scenario.backtest = nil
        input.scenario.targets = [
            Target(indicator: "gdp", years: 2020...2020, measure: .growthPct, wording: .around(7, tolerance: 0.5), quote: "7%左右"),
            Target(indicator: "cpi", years: 2020...2020, measure: .ratePct, wording: .atMost(3), quote: "3%以内"),
            Target(indicator: "unemployment", years: 2020...2020, measure: .ratePct, wording: .atMost(5.5), quote: "5.5%以内"),
        ]
        input.scenario.calibration = CalibrationSettings(file: FileReference(written: url.path, relativeTo: dir), region: "a")
        let run = try ScenarioRunner.runCalibrated(input, options: RunOptions(threads: 2))
        XCTAssertNotNil(run.calibration)
        for item in run.targets {
            let c = try XCTUnwrap(item.calibration), p = try XCTUnwrap(item.outcome).probability
            if item.target.indicator == "unemployment" {
                // A judgment is the author's own forecast: not pooled, not shifted; its P(met) is
                // P(N(5.1, 0.3²) ≤ 5.5) = Φ(4/3) = 0.908789 (closed form).
                XCTAssertNil(c.shift)
                XCTAssertTrue(c.note?.contains("judgmental indicator") == true, "\(c.note ?? "")")
                XCTAssertEqual(p.value, 0.908789, accuracy: 4 * p.standardError + 1e-6)
                continue
            }
            XCTAssertNotNil(c.shift, "\(item.target.indicator)")
            // The shift read off the first run's histogram is refined by a Newton step on the
            // same paths (no risks here, so the final run is that probe): P(met) meets the pooled
            // value within the final run's own Monte Carlo error. (The histogram's shift alone
            // missed by about 0.1 pp of P(met), ten times the SE, across seeds.)
            XCTAssertEqual(p.value, c.pooled, accuracy: 4 * p.standardError, "\(item.target.indicator)")
            XCTAssertEqual(c.pooled, 0.5, accuracy: 0.4, "mid-range: \(item.target.indicator)")
            // The model's own probability is the first run's.
            XCTAssertNotEqual(c.model.value, p.value)
        }
        // The scenario as written: the calibration shifts are not listed as user adjustments.
        XCTAssertTrue(run.scenario.adjustments.isEmpty)
        // Joint from the same paths: P(all) <= min of the marginals.
        let joint = try XCTUnwrap(run.joint.first).1.all.value
        XCTAssertLessThanOrEqual(joint, run.targets.map { $0.outcome!.probability.value }.min()! + 1e-12)

        // A sure risk of −1 pp on GDP acts in full on the calibrated paths: the pool sees the
        // model before risks (the same model P(met) and pooled value), and every calibrated GDP
        // quantile moves down by 1 pp (common random numbers; within two histogram bins).
        input.scenario.risks = [Risk(name: "sure shock", probability: 1, year: 2020, impactPP: ["gdp": -1], persistence: 0)]
        let risky = try ScenarioRunner.runCalibrated(input, options: RunOptions(threads: 2))
        let before = try XCTUnwrap(run.targets.first { $0.target.indicator == "gdp" })
        let after = try XCTUnwrap(risky.targets.first { $0.target.indicator == "gdp" })
        XCTAssertEqual(after.calibration!.model.value, before.calibration!.model.value)
        XCTAssertEqual(after.calibration!.pooled, before.calibration!.pooled)
        let d0 = before.outcome!.distribution, d1 = after.outcome!.distribution
        for q in [0.1, 0.5, 0.9] {
            let width = max(d0.resolution, d1.resolution)
            XCTAssertEqual(d1.quantile(q)! - d0.quantile(q)!, -1, accuracy: 2 * width, "quantile \(q)")
        }
        XCTAssertLessThan(after.outcome!.probability.value, before.outcome!.probability.value)
    }
}
