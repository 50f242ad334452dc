import Foundation
import XCTest
import Simulation

/// The reference Monte Carlo workload (10 indicators, VAR(1), 5 years, quantiles and target
/// probabilities, joint probability), timed with 1 and 2 threads. Measures and prints; never
/// fails on time. Debug builds (plain `swift test`) run 20,000 paths; release builds
/// (`swift test -c release --filter Benchmarks`) run 10^6. The peers' figures come from
/// bench/run-reference.sh, which runs this workload and the numpy and statsmodels peers in
/// one invocation.
final class SimulationBenchmarks: XCTestCase {
    #if DEBUG
    let defaultPaths = 20_000
    #else
    let defaultPaths = 1_000_000
    #endif
    /// FORECAST_BENCH_PATHS overrides the number of paths (for profiling runs).
    var paths: Int { ProcessInfo.processInfo.environment["FORECAST_BENCH_PATHS"].flatMap(Int.init) ?? defaultPaths }

    func testReferenceWorkload() throws {
        for threads in [1, 2] {
            let input = try ReferenceWorkload.input(paths: paths, threads: threads)
            let engine = MonteCarloEngine()
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try engine.run(input)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let steps = Double(result.paths * input.horizon * input.model.indicators.count)
            print(String(format: "bench reference workload: k=10 N=%d H=5 threads=%d: %.3f s, %.1f M path-indicator-steps/s, joint P(all met, year 1)=%.4f",
                         result.paths, threads, seconds, steps / seconds / 1e6, result.joint[0].all.value))
        }
    }
}
