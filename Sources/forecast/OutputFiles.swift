import ArgumentParser
import Foundation

/// Prints `markdown` to standard output and, with `--out DIR`, writes `files()` (which names
/// the Markdown too) into DIR first: the whole set is computed before anything is written.
func publish(_ markdown: String, out: String?, files: () throws -> [String: String]) throws {
    if let out { try writeOutputs(directory: out, files: try files()) }
    print(markdown, terminator: "")
}

/// Writes every file into `directory` (created if missing) without ever leaving a partial
/// file or a partial set: every file is first written to a temporary file in the same
/// directory, and only when all are written is each renamed over its target (rename(2) is
/// atomic). On failure the temporary files (and the directory, when this call created it) are
/// removed and the command exits with status 73 (`ExitStatus.cannotWrite`); an empty path is
/// a usage error (64).
func writeOutputs(directory: String, files: [String: String]) throws {
    guard !directory.trimmingCharacters(in: .whitespaces).isEmpty else {
        printError("--out: expected a directory path, found an empty string")
        throw ExitStatus.usage
    }
    let fm = FileManager.default
    let dir = URL(fileURLWithPath: directory)
    let names = files.keys.sorted()
    let temporary = { (name: String) in
        dir.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }
    let existed = fm.fileExists(atPath: dir.path)
    do {
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in names {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(name) is a directory"])
            }
        }
        for name in names { try Data(files[name]!.utf8).write(to: temporary(name)) }
        for name in names {
            // FileManager.replaceItemAt fails on Linux when the target exists, after removing it.
            guard rename(temporary(name).path, dir.appendingPathComponent(name).path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [
                    NSLocalizedDescriptionKey: "\(name): \(String(cString: strerror(errno)))"])
            }
        }
    } catch {
        for name in names { try? fm.removeItem(at: temporary(name)) }
        if !existed, (try? fm.contentsOfDirectory(atPath: dir.path))?.isEmpty == true { try? fm.removeItem(at: dir) }
        printError("\(directory): cannot write the output files: \(reason(error, directory: dir))")
        throw ExitStatus.cannotWrite
    }
}

/// Why writing into `directory` failed, in words: a file in the way, no permission, or the
/// system's own message.
private func reason(_ error: any Error, directory: URL) -> String {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    var url = directory.standardizedFileURL
    while url.path != "/" {
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return "\(url.path) is a file, not a directory" }
            break
        }
        url = url.deletingLastPathComponent()
    }
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix = underlying, posix.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(posix.code)))
    }
    return (error as NSError).userInfo[NSLocalizedDescriptionKey] as? String ?? error.localizedDescription
}
