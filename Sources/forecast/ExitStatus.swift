import ArgumentParser

/// The exit statuses of every command (README, "Exit statuses"):
///
/// | status | meaning |
/// |---|---|
/// | 0 | done (warnings, if any, were printed on standard error) |
/// | 1 | the model cannot be fitted, or the simulation produced non-finite values |
/// | 2 | invalid input: a scenario or table file (or, under --strict, a warning) |
/// | 64 | usage: a bad command-line option or argument (EX_USAGE of sysexits.h) |
/// | 73 | the output files cannot be written (EX_CANTCREAT of sysexits.h) |
/// | 74 | standard output cannot be written (EX_IOERR of sysexits.h; `Forecast.main`) |
enum ExitStatus {
    static let modelFailed = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let usage = ExitCode.validationFailure
    static let cannotWrite = ExitCode(73)
}
