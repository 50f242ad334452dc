import Foundation
import XCTest

/// Prints the full coverage table of `CoverageBattery` (bench/coverage.md is its output);
/// skipped unless FORECAST_COVERAGE_TABLE is set. Run with bench/coverage.sh.
///
/// Environment: FORECAST_COVERAGE_TABLE=1 (required), FORECAST_COVERAGE_HISTORIES (default
/// 2000), FORECAST_COVERAGE_DRAWS (default 256), FORECAST_COVERAGE_MODELS (comma-separated
/// names, default all), FORECAST_COVERAGE_UNCERTAINTY=off for point predictives,
/// FORECAST_COVERAGE_SEED (default 2024, the table's; design runs use another),
/// FORECAST_COVERAGE_YEARS (comma-separated T, default 10,15,20).
final class CoverageTableTests: XCTestCase {
    func testPrintCoverageTable() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["FORECAST_COVERAGE_TABLE"] != nil, "set FORECAST_COVERAGE_TABLE=1 to print the coverage table")
        let battery = CoverageBattery(histories: env["FORECAST_COVERAGE_HISTORIES"].flatMap(Int.init) ?? 2000,
                                      draws: env["FORECAST_COVERAGE_DRAWS"].flatMap(Int.init) ?? 256,
                                      parameterUncertainty: env["FORECAST_COVERAGE_UNCERTAINTY"] != "off",
                                      seed: env["FORECAST_COVERAGE_SEED"].flatMap(UInt64.init) ?? 2024)
        let years = env["FORECAST_COVERAGE_YEARS"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10, 15, 20]
        let wanted = env["FORECAST_COVERAGE_MODELS"].map { Set($0.split(separator: ",").map(String.init)) }
        let truths: [CoverageBattery.Truth] = [0.2, 0.5, 0.8, 0.95].map { .ar1(phi: $0) }
        let named = CoverageBattery.variants.filter { wanted?.contains($0.name) ?? false }
        for model in CoverageBattery.models.filter({ wanted?.contains($0.name) ?? true }) + named {
            var cells: [CoverageBattery.Cell] = []
            var own: [CoverageBattery.Truth] = []
            switch model.name {
            case "random walk": own = [.randomWalk]
            case "local linear trend": own = [.localLinearTrend]
            case "VAR(1)", "BVAR(1)", "BVAR(1) diffuse δ=0", "BVAR(1) δ=0": own = [0.5, 0.8].map { .ar1(phi: $0, indicators: 2) }
            default: break
            }
            for truth in truths + own {
                for years in years { cells += battery.run(model, truth: truth, years: years) }
            }
            print(CoverageBattery.table(cells))
        }
    }
}
