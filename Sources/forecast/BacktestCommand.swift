import ArgumentParser
import Foundation
import Report
import Scenario
import Simulation
import Calibration

/// `forecast backtest SCENARIO`: scores past targets' probabilities against their outcomes.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score the model's P(met) of past targets against their first-published outcomes.",
        discussion: """
            For each year Y of the scenario's backtest section with targets in its targets \
            table: fits the scenario's model on first-published data up to Y-1 only, simulates \
            Y, and compares each target's P(met) and predictive quantiles with Y's \
            first-published outcome. Prints the Brier and log scores beside naive references \
            (base rate of earlier years, "always met" at 0.95) and, when the scenario names a \
            combination file, the target-anchored and calibrated forecasts (each year pooled \
            with the file's state learned before it), a reliability table, the CRPS \
            and fan-band coverage, and the per-year table. With --out DIR, also writes \
            backtest.md, forecasts.csv, reliability.csv, summary.json and report.html (a \
            self-contained page with the reliability diagram) into DIR. A calibration set \
            (a file with \"calibration_set\") is backtested across its regions. Exit status \
            2 for invalid input (including a scenario without a backtest section).
            """
    )

    @Argument(help: "Scenario file (.json) with a \"backtest\" section.")
    var scenario: String

    @OptionGroup var options: SimulationOptions

    @Option(help: "Directory for backtest.md, forecasts.csv, reliability.csv, summary.json and report.html.")
    var out: String?

    @Option(help: ArgumentHelp("Score the calibrated default too, pooling with this combination file (written by `forecast calibrate`) instead of the scenario's own \"calibration\".", valueName: "file"))
    var calibration: String?

    @Option(help: ArgumentHelp("The scenario's region id in the combination file's records (with --calibration; default: the scenario's calibration.region).", valueName: "id"))
    var calibrationRegion: String?

    func validate() throws {
        if calibrationRegion != nil && calibration == nil {
            throw ValidationError("--calibration-region needs --calibration FILE")
        }
    }

    func run() throws {
        if let data = FileManager.default.contents(atPath: scenario), CalibrationSet.isCalibrationSet(data) {
            return try runCalibrationSet()
        }
        var input = try loadScenario(scenario)
        if let file = calibration {
            guard FileManager.default.isReadableFile(atPath: file) else {
                printError("--calibration \(file): no such readable file (a combination file written by `forecast calibrate`)")
                throw ExitStatus.invalidInput
            }
            guard let region = calibrationRegion ?? input.scenario.calibration?.region else {
                printError("--calibration \(file): give the scenario's region id in the file with --calibration-region ID")
                throw ExitStatus.invalidInput
            }
            input.scenario.calibration = CalibrationSettings(
                file: FileReference(written: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
                region: region)
        }
        try checkCalibration(scenario, input, strict: false)
        let run: BacktestRun
        do {
            run = try BacktestRunner.run(input, options: options.runOptions).calibrated()
        } catch let error as BacktestError {
            printError("\(scenario): \(error)")
            throw ExitStatus.invalidInput
        } catch {
            printError("\(scenario): \(error)")
            throw ExitStatus.modelFailed
        }
        if !run.undeclared.isEmpty {
            let ids = Set(run.undeclared.map(\.indicator)).sorted()
            printError("\(scenario): warning: \(run.undeclared.count) past targets skipped: indicator\(ids.count == 1 ? "" : "s") \(ids.joined(separator: ", ")) not declared in the scenario (a misspelled id in the targets table?)")
        }
        let markdown = BacktestMarkdown.render(run)
        try publish(markdown, out: out) {
            ["backtest.md": markdown,
             "forecasts.csv": BacktestCSV.forecasts(run),
             "reliability.csv": BacktestCSV.reliability(run),
             "summary.json": try BacktestJSON.render(run),
             "report.html": BacktestPage.render(run)]
        }
    }

    /// A calibration set: every region's model, then the pooled forecasters, scored together.
    private func runCalibrationSet() throws {
        let run = try backtestCalibrationSet(scenario, options: options)
        let markdown = CalibrationSetReport.markdown(run)
        try publish(markdown, out: out) {
            ["backtest.md": markdown,
             "forecasts.csv": CalibrationSetReport.forecastsCSV(run),
             "reliability.csv": CalibrationSetReport.reliabilityCSV(run),
             "summary.json": try CalibrationSetReport.summaryJSON(run),
             "report.html": CalibrationSetPage.render(run)]
        }
    }
}

/// Loads a calibration set and runs its rolling backtest, with the time on stderr; exits 2
/// for invalid input, 1 when a model cannot be fitted.
func backtestCalibrationSet(_ path: String, options: SimulationOptions) throws -> CalibrationSetRun {
    let input: CalibrationSetInput
    do {
        input = try CalibrationSetInput.load(contentsOf: URL(fileURLWithPath: path))
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
    let started = Date()
    do {
        let run = try CalibrationSetRunner.run(input, options: options.runOptions)
        printError("calibration set: \(run.records.count) targets (\(run.records.filter { $0.outcome != nil }.count) with a first-published outcome) of \(input.members.count) regions in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        return run
    } catch let error as BacktestError {
        printError("\(path): \(error)")
        throw ExitCode(2)
    } catch {
        printError("\(path): \(error)")
        throw ExitCode(1)
    }
}
