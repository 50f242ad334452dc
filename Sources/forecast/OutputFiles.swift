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
            if fm.fileExists(atPath: target.path) { _ = try fm.replaceItemAt(target, withItemAt: temporary) }
            else { try fm.moveItem(at: temporary, to: target) }
        }
    } catch {
        printError("\(directory): cannot write the output files: \(error.localizedDescription)")
        throw ExitCode(1)
    }
}
