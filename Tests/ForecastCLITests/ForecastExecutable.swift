import Foundation
import XCTest

/// Runs the built `forecast` executable (next to the test bundle) with Foundation's Process.
enum ForecastExecutable {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory holding the built products (the test bundle's directory).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    struct Output {
        let status: Int32
        /// False when the process was ended by a signal (a crash or a trap).
        var exited = true
        let stdout: Data
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `forecast arguments...` in the package root and returns its status and output.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("forecast")
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let errData = ThreadSafeData()
        let reader = Thread { errData.value = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Output(status: process.terminationStatus, exited: process.terminationReason == .exit, stdout: stdout,
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// The shipped scenario files, sorted.
    static var shippedScenarios: [String] {
        let dir = packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        // Scenarios only: a calibration set (a "calibration_set" file) is not a scenario.
        return names.filter { $0.hasSuffix(".json") && !$0.contains("schema") }.sorted()
            .filter { !((try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8))?.contains("\"calibration_set\"") ?? false) }
            .map { "scenarios/" + $0 }
    }
}

/// Data written by one thread and read by another after `done`.
final class ThreadSafeData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    var value: Data {
        get { lock.withLock { data } }
        set { lock.withLock { data = newValue; finished = true } }
    }
    var done: Bool { lock.withLock { finished } }
}
