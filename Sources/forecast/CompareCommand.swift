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
            points, and whether it exceeds Monte Carlo noise (twice the combined standard error), \
            P(all met) per scenario and the risks and adjustments that differ. With --out DIR, \
            also writes comparison.md, comparison.csv (one row per target and scenario), \
            joint.csv, comparison.json and report.html (a self-contained page) into DIR.
            """
    )

    @Argument(help: "Scenario files (.json), the first is the reference.")
    var scenarios: [String]

    @OptionGroup var options: SimulationOptions
    @OptionGroup var strictness: StrictOption

    @Option(help: "Directory for comparison.md, comparison.csv, joint.csv, comparison.json and report.html.")
    var out: String?

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("compare needs at least two scenario files") }
    }

    func run() throws {
        let runs = try scenarios.map { try runScenario($0, options: options, strict: strictness.strict).run }
        let comparison = ScenarioComparison(runs: runs, files: scenarios)
        let markdown = ComparisonReport.render(comparison)
        try publish(markdown, out: out) {
            ["comparison.md": markdown,
             "comparison.csv": ComparisonFiles.targetsCSV(comparison),
             "joint.csv": ComparisonFiles.jointCSV(comparison),
             "comparison.json": try ComparisonFiles.json(comparison),
             "report.html": ComparisonPage.render(comparison)]
        }
    }
}
