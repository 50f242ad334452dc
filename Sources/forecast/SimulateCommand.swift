import ArgumentParser
import Foundation
import Report
import Scenario
import Simulation

/// Options shared by the commands that simulate.
struct SimulationOptions: ParsableArguments {
    // `.unconditional`: "--paths -1" reads -1 (and is refused as out of range) rather than
    // taking "-1" for an option and answering "Missing value".
    @Option(parsing: .unconditional, help: "Number of paths, 1 to 10^12, e.g. 200000 or 2e5 (default: the scenario's simulation.paths); rounded up to whole blocks, as the header says.")
    var paths: PathCount?

    @Option(parsing: .unconditional, help: "Seed of the random-number generator, 0 to 2^64-1 (default: the scenario's simulation.seed).")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Worker threads; the tables do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .unconditional, help: "Simulate block after block until every evaluated target's Monte Carlo SE is at most this many percentage points (--paths is then the cap, default 10^7); progress and the time left on stderr.")
    var precision: Double?

    @Flag(help: .hidden)
    var classicEngine = false

    @Option(help: .hidden)
    var pathsPerDraw: Int?

    func validate() throws {
        if let paths, !(1...1_000_000_000_000).contains(paths.value) {
            throw ValidationError("--paths must be between 1 and 10^12, got \(paths.written)")
        }
        if !(1...1024).contains(threads) { throw ValidationError("--threads must be between 1 and 1024, got \(threads)") }
        if let precision, !(precision >= 0.001 && precision <= 50) {
            throw ValidationError("--precision must be between 0.001 and 50 percentage points, got \(precision)")
        }
    }

    var runOptions: RunOptions {
        RunOptions(paths: paths?.value, seed: seed, threads: threads, precision: precision.map { $0 / 100 },
                   classicEngine: classicEngine, pathsPerDraw: pathsPerDraw)
    }
}

/// A number of paths as written on the command line: a whole number, also in exponent form
/// (`2e5`); anything else is a usage error.
struct PathCount: ExpressibleByArgument {
    let value: Int
    let written: String

    init?(argument: String) {
        written = argument
        if let n = Int(argument) {
            value = n
        } else if argument.lowercased().contains("e"), let x = Double(argument), x.isFinite, x == x.rounded(),
                  abs(x) < 9e18 {
            value = Int(x)
        } else {
            return nil
        }
    }
}

/// `--strict`, shared by the commands that check a scenario before running it.
struct StrictOption: ParsableArguments {
    @Flag(help: "Treat warnings (a target not evaluated, a proxy history, a model fallback, ...) as errors: exit status 2.")
    var strict = false
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
            alone). Warnings (the checks of forecast validate) go to standard error and into the header. \
            Exit status 2 for invalid input (and for warnings under --strict), 1 when the model \
            cannot be fitted, 64 for a bad option, 73 when the output files cannot be written.
            """
    )

    @Argument(help: "Scenario file (.json).")
    var scenario: String

    @OptionGroup var options: SimulationOptions
    @OptionGroup var strictness: StrictOption

    @Option(help: "Directory for tables.md, targets.csv, fan.csv, summary.json and report.html.")
    var out: String?

    @Flag(help: "The model's P(met) alone, without the scenario's calibration.")
    var modelOnly = false

    @Flag(help: "Also split each target's shortfall and each indicator's variance over shocks, parameter uncertainty, risk events and judgments (16 more runs on the same paths).")
    var decompose = false

    func run() throws {
        var (input, run) = try runScenario(scenario, options: options, calibrated: !modelOnly, strict: strictness.strict)
        if decompose {
            do {
                run.decomposition = try ScenarioRunner.decompose(input, plan: ModelPlan(input), run: run, options: options.runOptions)
            } catch {
                printError("\(scenario): \(error)")
                throw ExitStatus.modelFailed
            }
        }
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
        throw ExitStatus.invalidInput
    }
}

/// Everything a scenario is checked for before it is simulated (`ScenarioRunner.check`):
/// prints its warnings on stderr as `FILE:PATH: warning: MESSAGE`; under `strict` they are
/// errors (exit status 2), as are hard conditions the model's shocks cannot meet. Exits 1 when
/// the model cannot be fitted.
func checkScenario(_ path: String, _ input: ScenarioInput, strict: Bool) throws -> PreparedRun {
    let prepared: PreparedRun
    do {
        prepared = try ScenarioRunner.check(input)
    } catch let error as ConditionError {
        printError("\(path):\(error)")
        throw ExitStatus.invalidInput
    } catch {
        printError("\(path): \(error)")
        throw ExitStatus.modelFailed
    }
    if strict, !prepared.warnings.isEmpty {
        printError(ValidationFailure(problems: prepared.warnings.map { $0.problem(in: path) }).description)
        throw ExitStatus.invalidInput
    }
    for warning in prepared.warnings { printError("\(path):\(warning)") }
    return prepared
}

/// Loads, checks and runs a scenario (returned with the tables it read, for the page's
/// history); reports problems on stderr and exits with status 2
/// (invalid input), 1 (the model cannot be fitted or the paths explode).
///
/// With `calibrated` (the default) a scenario that names a combination file gets calibrated
/// P(met) (`ScenarioRunner.runCalibrated`); a combination file that cannot be read exits 2.
func runScenario(_ path: String, options: SimulationOptions, calibrated: Bool = true,
                 strict: Bool = false) throws -> (input: ScenarioInput, run: ScenarioRun) {
    var input = try loadScenario(path)
    if !calibrated { input.scenario.calibration = nil }
    try checkCalibration(path, input, strict: strict)
    let prepared = try checkScenario(path, input, strict: strict)
    let run: ScenarioRun
    do {
        run = try ScenarioRunner.runCalibrated(input, plan: prepared.plan, options: options.runOptions,
                                               progress: ProgressDisplay.make())
    } catch let error as CalibrationRunError {
        printError("\(path): \(error)")
        throw ExitStatus.invalidInput
    } catch {
        printError("\(path): \(error)")
        throw ExitStatus.modelFailed
    }
    // Warnings known only after the run: parameter draws that fell back, conditions the model
    // finds nearly impossible (the fit's were printed above). Under --strict: exit 2, nothing written.
    let late = run.warnings.filter { ($0.kind == .model || $0.kind == .condition) && !prepared.warnings.contains($0) }
    if strict, !late.isEmpty {
        printError(ValidationFailure(problems: late.map { $0.problem(in: path) }).description)
        throw ExitStatus.invalidInput
    }
    for warning in late { printError("\(path):\(warning)") }
    if let p = run.precision, !p.isMet {
        printError("\(path): warning: --precision \(NumberFormat.fixed(100 * p.requested, 3)) pp not met at the cap of \(p.cap) paths (largest SE \(NumberFormat.fixed(100 * p.reached, 3)) pp); raise --paths")
    }
    return (input, run)
}

/// Writes a line to standard error. A standard error that cannot take it (full, closed) is
/// ignored: `FileHandle.write` would trap there, and the exit status still tells.
func printError(_ message: String) {
    writeStandardError(message + "\n")
}

/// Writes to file descriptor 2 with POSIX `write`, ignoring failures (see `printError`).
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        guard n > 0 else { return }
        bytes = bytes.dropFirst(n)
    }
}
