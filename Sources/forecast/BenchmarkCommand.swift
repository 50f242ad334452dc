import ArgumentParser
import Dispatch
import Foundation
import Simulation

/// `forecast benchmark`: the reference Monte Carlo workload, timed (bench/run-reference.sh
/// runs it beside the numpy and statsmodels peers).
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time the reference workload: 10 indicators, Gaussian VAR(1), 5 years.",
        discussion: """
            The workload of bench/peers/mc_numpy.py: per-year quantiles and P(y >= target) of \
            every indicator, and the joint probability of all targets. Prints one line with the \
            time and throughput. Build with -c release for meaningful figures.
            """
    )

    @Option(help: "Number of paths.")
    var paths: Int = 1_000_000

    @Option(help: "Number of indicators.")
    var indicators: Int = 10

    @Option(help: "Worker threads.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...1_000_000_000_000).contains(paths), indicators >= 1, threads >= 1 else {
            throw ValidationError("--paths must be in 1...10^12, --indicators and --threads at least 1")
        }
    }

    func run() throws {
        let input = try ReferenceWorkload.input(indicators: indicators, paths: paths, threads: threads)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try MonteCarloEngine().run(input)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let steps = Double(result.paths * input.horizon * indicators)
        print(String(format: "forecast k=%d N=%d H=5 threads=%d: %.3f s, %.1f M path-indicator-steps/s, joint1=%.4f",
                     indicators, result.paths, threads, seconds, steps / seconds / 1e6, result.joint[0].all.value))
    }
}
