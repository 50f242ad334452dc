import ArgumentParser
import Foundation
import Report
import Scenario
import Simulation

/// `forecast sweep SCENARIO --indicator ID --year Y --from A --to B --step S`: a sensitivity curve.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "P(each target met) and P(all met) as the assumed value of one indicator moves.",
        discussion: """
            Holds the indicator at each value of the grid in the year (a hard condition, as \
            "conditions" in the scenario: the other indicators move with it through the model's \
            shocks) and simulates every point with the same seed and paths (common random \
            numbers), so the curve is smooth. Prints the tables in Markdown: for each target the \
            assumed value at which P(met) reaches the scenario's confidence (interpolated, beside \
            the same point found from the shift needed), and P(met) along the grid. With --out DIR, \
            also writes sweep.md, sweep.csv (tidy), sweep.html (the chart and tables) and sweep.svg (the chart alone). The scenario's \
            other conditions hold at every point; one on the swept indicator and year is replaced. \
            Exit status 2 for invalid input (the scenario, or an option the scenario cannot \
            answer), 1 when the model cannot be fitted, 64 for a bad option, 73 when the output \
            files cannot be written.
            """
    )

    @Argument(help: "Scenario file (.json).")
    var scenario: String

    @Option(help: "Indicator id to sweep (a simulated indicator of the scenario).")
    var indicator: String

    @Option(help: "Year of the assumed value (a simulated year).")
    var year: Int

    @Option(parsing: .unconditional, help: "First assumed value (the indicator's model_on measure: percent for growth and rates).")
    var from: Double

    @Option(parsing: .unconditional, help: "Last assumed value (> --from).")
    var to: Double

    @Option(parsing: .unconditional, help: "Step of the grid (> 0; at most \(ScenarioRunner.largestSweep) points).")
    var step: Double

    @OptionGroup var options: SimulationOptions
    @OptionGroup var strictness: StrictOption

    @Option(help: "Directory for sweep.md, sweep.csv, sweep.html and sweep.svg.")
    var out: String?

    @Flag(help: "The model's P(met) alone, without the scenario's calibration.")
    var modelOnly = false

    /// A grid that cannot be made is a usage error (exit 64, like every bad option value).
    func validate() throws {
        do {
            _ = try ScenarioRunner.sweepGrid(from: from, to: to, step: step)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let values = try ScenarioRunner.sweepGrid(from: from, to: to, step: step)
        var input = try loadScenario(scenario)
        if modelOnly { input.scenario.calibration = nil }
        try checkCalibration(scenario, input, strict: strictness.strict)
        guard input.scenario.indicator(indicator) != nil else {
            let ids = input.scenario.indicators.map(\.id)
            printError("\(scenario): --indicator: \"\(indicator)\" is not declared in the scenario's indicators ("
                + ids.joined(separator: ", ") + ")")
            throw ExitStatus.invalidInput
        }
        let prepared = try checkScenario(scenario, input, strict: strictness.strict)
        let curve: SweepCurve
        do {
            curve = try ScenarioRunner.sweep(input, plan: prepared.plan, indicator: indicator, year: year, values: values,
                                             options: options.runOptions)
        } catch let error as SweepError {
            printError("\(scenario): \(error)")
            throw ExitStatus.invalidInput
        } catch let error as ConditionError {
            printError("\(scenario): --indicator \(indicator): \(error.message)")
            throw ExitStatus.invalidInput
        } catch let error as CalibrationRunError {
            printError("\(scenario): \(error)")
            throw ExitStatus.invalidInput
        } catch {
            printError("\(scenario): \(error)")
            throw ExitStatus.modelFailed
        }
        let markdown = SweepReport.markdown(curve)
        try publish(markdown, out: out) {
            ["sweep.md": markdown, "sweep.csv": SweepReport.csv(curve), "sweep.html": SweepPage.render(curve),
             "sweep.svg": SweepPage.chart(curve)]
        }
    }
}
