import Foundation

/// Progress on standard error, only when it is a terminal and the run passes one second.
enum ProgressDisplay {
    static func make() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let start = Date()
        return { done, total in
            guard Date().timeIntervalSince(start) > 1 else { return }
            let line = "\rsimulating: \(100 * done / max(total, 1))% of \(total) blocks" + (done >= total ? "\n" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
