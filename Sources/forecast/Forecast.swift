import ArgumentParser
import BLASThreadsAtLoad
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

@main
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Probabilities of meeting economic targets, by Monte Carlo on fitted growth models.",
        version: "forecast 0.3.0 (calibrated P(met), 2026-12)",
        subcommands: [SimulateCommand.self, SweepCommand.self, FitCommand.self, CompareCommand.self, BacktestCommand.self, CalibrateCommand.self, BenchmarkCommand.self,
                      ValidateCommand.self]
    )

    /// Runs the command; tables printed to a standard output that cannot take them (a full
    /// disk, a closed pipe) end with a message and exit status 74 (EX_IOERR), not 0.
    static func main() {
        // A closed standard stream (`2>&-`) would hand its descriptor to the next file opened,
        // and a warning would land in an output file: hold 0, 1 and 2 open on /dev/null.
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 { _ = open("/dev/null", O_RDWR) }
        atexit {
            // fflush(NULL) flushes every output stream (EOF when one fails); ferror keeps a
            // failure of an earlier, buffer-full write.
            if fflush(nil) != 0 || ferror(stdout) != 0 {
                let message = Array("forecast: cannot write the tables to standard output\n".utf8)
                _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
                _exit(74)
            }
        }
        main(nil)
    }
}
