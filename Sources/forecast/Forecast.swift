import ArgumentParser

@main
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Probabilities of meeting economic targets, by Monte Carlo on fitted growth models.",
        subcommands: [SimulateCommand.self, FitCommand.self, CompareCommand.self, BacktestCommand.self, CalibrateCommand.self, BenchmarkCommand.self,
                      ValidateCommand.self]
    )
}
