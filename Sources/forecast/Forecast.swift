import ArgumentParser

@main
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Probabilities of meeting economic targets, by Monte Carlo on fitted growth models.",
        version: "forecast 0.3.0 (calibrated P(met), 2026-12)",
        subcommands: [SimulateCommand.self, SweepCommand.self, FitCommand.self, CompareCommand.self, BacktestCommand.self, CalibrateCommand.self, BenchmarkCommand.self,
                      ValidateCommand.self]
    )
}
