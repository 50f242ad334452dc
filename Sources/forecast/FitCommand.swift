import ArgumentParser
import Foundation
import Report
import Scenario

/// `forecast fit SCENARIO`: the fitted models, side by side, without simulating.
struct FitCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, csv, json
    }

    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the scenario's model and the candidate models, and print their estimates.",
        discussion: """
            For the scenario's model and, on the same estimation panel, the random walk, AR(1) \
            and local linear trend per indicator and the VAR(p) and BVAR(p) with the scenario's \
            lags: coefficients with standard errors (posterior sd for the BVAR), residual \
            covariance and correlation, companion eigenvalues, information criteria where \
            defined, and a rolling-origin one-step backtest (RMSE, CRPS, 80% coverage). A model \
            that cannot be fitted says why. Exit status 2 for invalid input, 1 when no \
            estimation panel can be built or the scenario's model (and its fallback) cannot be \
            fitted (the report is still printed).
            """
    )

    @Argument(help: "Scenario file (.json).")
    var scenario: String

    @Option(help: "Output format: markdown (default), csv (tidy: model,section,row,column,value) or json.")
    var format: Format = .markdown

    @Flag(help: "Skip the rolling-origin backtests (they refit every model once per year).")
    var noBacktest = false

    func run() throws {
        let input: ScenarioInput
        do throws(ValidationFailure) {
            input = try ScenarioInput.load(contentsOf: URL(fileURLWithPath: scenario))
        } catch {
            printError(error.description)
            throw ExitStatus.invalidInput
        }
        let report: FitReport
        do {
            report = try FitReport(input, backtest: !noBacktest)
        } catch {
            printError("\(scenario): \(error)")
            throw ExitStatus.modelFailed
        }
        switch format {
        case .markdown: print(report.markdown(), terminator: "")
        case .csv: print(report.csv(), terminator: "")
        case .json: print(try report.json(), terminator: "")
        }
        if report.scenarioModelFailed {
            printError("\(scenario): the scenario's model \(report.scenarioModel)")
            throw ExitStatus.modelFailed
        }
    }
}
