import ArgumentParser
import Foundation

/// Writes every file into `directory` (created if missing) without ever leaving a partial
/// file: each is written to a temporary file in the same directory and renamed over the
/// target. All contents are computed before the first write.
func writeOutputs(directory: String, files: [String: String]) throws {
    let fm = FileManager.default
    let dir = URL(fileURLWithPath: directory)
    do {
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in files.keys.sorted() {
            let target = dir.appendingPathComponent(name)
            let temporary = dir.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
            try Data(files[name]!.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically (FileManager.replaceItemAt fails on
            // Linux when the target exists, after removing it).
            guard rename(temporary.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(name): \(reason)"])
            }
        }
    } catch {
        printError("\(directory): cannot write the output files: \(error.localizedDescription)")
        throw ExitCode(1)
    }
}
