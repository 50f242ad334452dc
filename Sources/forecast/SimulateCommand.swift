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
            page: a summary in Chinese and English, the targets, P(all met), fan charts after \
            the history, risks, data provenance, model details) into DIR. \
            When the scenario names a combination file ("calibration"), P(met) is calibrated: \
            the model's and the target-anchored forecaster's probabilities are pooled as \
            learned on past targets, and every table comes from paths shifted to those \
            probabilities; the model's own P(met) is shown beside it (--model-only: the model \
            alone). Exit status 2 for invalid input, 1 when the model cannot be fitted.
            """
    )

    @Argument(help: "Scenario file (.json).")
    var scenario: String

    @OptionGroup var options: SimulationOptions

    @Option(help: "Directory for tables.md, targets.csv, fan.csv, summary.json and report.html.")
    var out: String?

    @Flag(help: "The model's P(met) alone, without the scenario's calibration.")
    var modelOnly = false

    func run() throws {
        let (input, run) = try runScenario(scenario, options: options, calibrated: !modelOnly)
        let markdown = MarkdownReport.render(run)
        try publish(markdown, out: out) {
            ["tables.md": markdown,
             "targets.csv": CSVReport.targets(run),
             "fan.csv": CSVReport.fan(run),
             "summary.json": try JSONSummary.render(run),
             "report.html": ScenarioPage.render(run, input: input)]
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

/// Loads, validates and runs a scenario (returned with the tables it read, for the page's
/// history); reports problems on stderr and exits with status 2 (invalid input) or 1 (the
/// model cannot be fitted or the paths explode).
///
/// With `calibrated` (the default) a scenario that names a combination file gets calibrated
/// P(met) (`ScenarioRunner.runCalibrated`); a combination file that cannot be read exits 2.
func runScenario(_ path: String, options: SimulationOptions, calibrated: Bool = true) throws -> (input: ScenarioInput, run: ScenarioRun) {
    var input = try loadScenario(path)
    if !calibrated { input.scenario.calibration = nil }
    do {
        return try (input, ScenarioRunner.runCalibrated(input, options: options.runOptions, progress: ProgressDisplay.make()))
    } catch let error as CalibrationRunError {
        printError("\(path): \(error)")
        throw ExitCode(2)
    } catch {
        printError("\(path): \(error)")
        throw ExitCode(1)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
