import Foundation

/// Progress of a long simulation on standard error, with the time left.
///
/// After the first `warnAfter` seconds, a run whose estimated total exceeds `longRun` seconds
/// is announced once, whatever standard error is ("warning: this run will take about 3 h 5 min
/// (1,000,000,000,000 paths); lower --paths for a quicker answer"). Then, on a terminal, one
/// line is rewritten about once a second; otherwise (a log file) a line is added every
/// `logInterval` seconds. Runs shorter than a second print nothing.
enum ProgressDisplay {
    static let warnAfter = 1.0
    static let longRun = 60.0
    static let logInterval = 60.0

    static func make() -> (@Sendable (Int, Int) -> Void)? {
        let state = State(terminal: isatty(STDERR_FILENO) == 1)
        return { done, total in state.update(done: done, total: total) }
    }

    /// Mutable progress state, touched from worker 0 only (the lock keeps `Sendable` honest).
    final class State: @unchecked Sendable {
        let terminal: Bool
        let start = Date()
        private let lock = NSLock()
        private var warned = false
        private var lastPrint = 0.0

        init(terminal: Bool) { self.terminal = terminal }

        func update(done: Int, total: Int) {
            lock.withLock {
                let elapsed = Date().timeIntervalSince(start)
                guard elapsed > ProgressDisplay.warnAfter, done > 0 else { return }
                let left = elapsed / Double(done) * Double(max(0, total - done))
                if !warned {
                    warned = true
                    if elapsed + left > ProgressDisplay.longRun {
                        write("warning: this run will take about \(duration(elapsed + left)) in all; "
                              + "lower --paths for a quicker answer (the Monte Carlo error shrinks as 1/sqrt(paths))\n")
                    }
                }
                let interval = terminal ? 1.0 : ProgressDisplay.logInterval
                guard done >= total || elapsed - lastPrint >= interval else { return }
                lastPrint = elapsed
                let line = "simulating: \(100 * done / max(total, 1))% of \(total) blocks"
                    + (done >= total ? ", done in \(duration(elapsed))" : ", about \(duration(left)) left")
                if terminal {
                    write("\r" + line + "    " + (done >= total ? "\n" : ""))
                } else if done < total || elapsed > ProgressDisplay.logInterval {
                    write(line + "\n")
                }
            }
        }

        private func write(_ s: String) { writeStandardError(s) }
    }

    /// "45 s", "12 min 5 s", "3 h 5 min", "2 d 4 h".
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        if s < 86_400 { return "\(s / 3600) h \(s % 3600 / 60) min" }
        return "\(s / 86_400) d \(s % 86_400 / 3600) h"
    }
}
