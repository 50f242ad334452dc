import ArgumentParser
import Foundation
import Report
import Simulation

/// `forecast compare A.json B.json ...`: P(met) of every target side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the target probabilities of several scenarios.",
        discussion: """
            Runs every scenario (each with its own seed unless --seed is given) and prints P(met) \
            of every target side by side, the difference to the first scenario in percentage \
            points, and whether it exceeds Monte Carlo noise (twice the combined standard error).
            """
    )

    @Argument(help: "Scenario files (.json), the first is the reference.")
    var scenarios: [String]

    @OptionGroup var options: SimulationOptions
    @OptionGroup var strictness: StrictOption

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("compare needs at least two scenario files") }
    }

    func run() throws {
        let runs = try scenarios.map { try runScenario($0, options: options, strict: strictness.strict) }
        print(ComparisonReport.render(runs), terminator: "")
    }
}
