import Calibration
import Foundation
import Scenario
import Simulation
import XCTest

/// `BacktestRun.calibrated()`: each past target of year Y is pooled with the combination file's
/// state for Y (learned from earlier years only), from the model's P(met) of that backtest year,
/// the target-anchored forecaster and the base rate, put together here from those pieces.
final class BacktestPoolingTests: XCTestCase {
    func testEachYearIsPooledWithItsOwnState() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backtest-pooling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var records: [TargetRecord] = []
        for year in 1998...2014 {
            for (k, region) in ["a", "b", "c", "d"].enumerated() {
                let wobble = Double((year * 7 + k * 3) % 5) / 2.5 - 0.8
                records.append(TargetRecord(region: region, indicator: "gdp", year: year, measure: .growthPct,
                                            wording: .atLeast(7), outcome: 7.2 + wobble, model: 0.5 + wobble / 2))
            }
        }
        let file = CombinationFile(madeBy: "test", calibrationSet: "synthetic", years: [1998, 2014], paths: 1,
                                   rolling: RollingCalibration(records: records))
        let url = dir.appendingPathComponent("combination.json")
        try file.encoded().write(to: url, atomically: true, encoding: .utf8)

        let history = BacktestFixture.observations([("gdp", .growthPct, 7.5, 0.6, 1.0)], years: 1995...2014, seed: 5)
        let targets = (2012...2014).map { PastTarget(indicator: "gdp", year: $0, measure: .growthPct, wording: .atLeast(7)) }
        var input = BacktestFixture.input(observations: history, indicators: [Indicator(id: "gdp", modelOn: .growthPct)],
                                          targets: targets, estimation: EstimationWindow(from: 1995, to: 2014),
                                          backtest: 2012...2014, model: ModelSettings(type: .ar1), paths: 4096)
        input.scenario.calibration = CalibrationSettings(file: FileReference(written: url.path, relativeTo: dir), region: "a")
        let run = try BacktestRunner.run(input, options: RunOptions(threads: 1)).calibrated()

        let saved = try CombinationFile.load(contentsOf: url)
        let anchored = TargetAnchored(records: try saved.targetRecords())
        func pooled(_ f: BacktestForecast, stateYear: Int) -> Double {
            let state = saved.origins.last { $0.year <= stateYear }!
            let pA = anchored.predictive(region: "a", indicator: "gdp", year: f.target.year, wording: f.target.wording,
                                         settings: state.anchored).map { f.target.bound.probability(under: $0) }
            return LogisticPool(coefficients: state.coefficients).probability(
                LogisticPool.features(model: f.probability!.value, proxied: false, anchored: pA,
                                      baseRate: RollingCalibration.baseRate(records, indicator: "gdp", before: f.target.year),
                                      ceiling: false))
        }
        let scored = run.scored
        XCTAssertEqual(scored.count, 3)
        var wouldDiffer = 0
        for f in scored {
            let p = try XCTUnwrap(f.calibrated)
            XCTAssertEqual(p, pooled(f, stateYear: f.target.year), accuracy: 1e-12, "\(f.target.year)")
            if abs(p - pooled(f, stateYear: f.target.year + 1)) > 1e-9 { wouldDiffer += 1 }
        }
        XCTAssertGreaterThan(wouldDiffer, 0, "the states of consecutive years must differ for the test to see the year")
        XCTAssertEqual(Array(run.summary.forecasters.map(\.name).suffix(2)), [.targetAnchored, .calibrated])
    }
}
