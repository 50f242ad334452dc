import Foundation
import XCTest

/// Prints the full coverage table of `CoverageBattery` (bench/coverage.md is its output);
/// skipped unless FORECAST_COVERAGE_TABLE is set. Run with bench/coverage.sh.
///
/// Environment: FORECAST_COVERAGE_TABLE=1 (required), FORECAST_COVERAGE_HISTORIES (default
/// 2000), FORECAST_COVERAGE_DRAWS (default 256), FORECAST_COVERAGE_MODELS (comma-separated
/// names, default all), FORECAST_COVERAGE_UNCERTAINTY=off for point predictives.
final class CoverageTableTests: XCTestCase {
    func testPrintCoverageTable() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["FORECAST_COVERAGE_TABLE"] != nil, "set FORECAST_COVERAGE_TABLE=1 to print the coverage table")
        let battery = CoverageBattery(histories: env["FORECAST_COVERAGE_HISTORIES"].flatMap(Int.init) ?? 2000,
                                      draws: env["FORECAST_COVERAGE_DRAWS"].flatMap(Int.init) ?? 256,
                                      parameterUncertainty: env["FORECAST_COVERAGE_UNCERTAINTY"] != "off")
        let wanted = env["FORECAST_COVERAGE_MODELS"].map { Set($0.split(separator: ",").map(String.init)) }
        let truths: [CoverageBattery.Truth] = [0.2, 0.5, 0.8, 0.95].map { .ar1(phi: $0) }
        for model in CoverageBattery.models where wanted?.contains(model.name) ?? true {
            var cells: [CoverageBattery.Cell] = []
            var own: [CoverageBattery.Truth] = []
            switch model.name {
            case "random walk": own = [.randomWalk]
            case "local linear trend": own = [.localLinearTrend]
            case "VAR(1)", "BVAR(1)": own = [0.5, 0.8].map { .ar1(phi: $0, indicators: 2) }
            default: break
            }
            for truth in truths + own {
                for years in [10, 15, 20] { cells += battery.run(model, truth: truth, years: years) }
            }
            print(CoverageBattery.table(cells))
        }
    }
}
