import ArgumentParser
import Foundation
import Report
import Scenario
import Simulation

/// Options shared by the commands that simulate.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Number of paths (default: the scenario's simulation.paths).")
    var paths: Int?

    @Option(help: "Seed of the random-number generator (default: the scenario's simulation.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads; the tables do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let paths, !(1...1_000_000_000_000).contains(paths) {
            throw ValidationError("--paths must be between 1 and 10^12, got \(paths)")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    var runOptions: RunOptions { RunOptions(paths: paths, seed: seed, threads: threads) }
}

/// `forecast simulate SCENARIO`: the main job.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Fit the scenario's model, simulate paths, and print the scenario tables.",
        discussion: """
            Prints the tables in Markdown: P(target met) with its Monte Carlo standard error, \
            the joint probability, fan quantiles, and the shift that would make each target \
            reachable at the scenario's confidence. With --out DIR, also writes tables.md, \
            targets.csv, fan.csv (tidy, long format), summary.json and report.html (a self-contained \
            page with the P(met) chart and one fan chart per indicator, inline SVG) into DIR. Exit status 2 \
            for invalid input, 1 when the model cannot be fitted.
            """
    )

    @Argument(help: "Scenario file (.json).")
    var scenario: String

    @OptionGroup var options: SimulationOptions

    @Option(help: "Directory for tables.md, targets.csv, fan.csv, summary.json and report.html.")
    var out: String?

    func run() throws {
        let run = try runScenario(scenario, options: options)
        let markdown = MarkdownReport.render(run)
        try publish(markdown, out: out) {
            ["tables.md": markdown,
             "targets.csv": CSVReport.targets(run),
             "fan.csv": CSVReport.fan(run),
             "summary.json": try JSONSummary.render(run),
             "report.html": FanChartPage.render(run)]
        }
    }
}

/// Loads and validates a scenario with its tables; reports problems on stderr and exits with
/// status 2 (invalid input).
func loadScenario(_ path: String) throws -> ScenarioInput {
    do throws(ValidationFailure) {
        return try ScenarioInput.load(contentsOf: URL(fileURLWithPath: path))
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// Loads, validates and runs a scenario; reports problems on stderr and exits with status 2
/// (invalid input) or 1 (the model cannot be fitted or the paths explode).
func runScenario(_ path: String, options: SimulationOptions) throws -> ScenarioRun {
    let input = try loadScenario(path)
    do {
        let run = try ScenarioRunner.run(input, options: options.runOptions, progress: ProgressDisplay.make())
        for warning in run.warnings { printError("\(path): warning: \(warning)") }
        return run
    } catch {
        printError("\(path): \(error)")
        throw ExitCode(1)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
