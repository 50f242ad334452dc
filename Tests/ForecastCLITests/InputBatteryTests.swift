import Foundation
import XCTest

/// Runs `InputBattery`: every malformed or unusual input must end with its exit status, a
/// message naming the file and the line or JSON path (or the option), no trap, nothing on
/// standard output and nothing written; `validate` must agree with `simulate`.
final class InputBatteryTests: XCTestCase {
    /// The clean inputs pass `validate --strict` and simulate without a warning.
    func testCleanInputsHaveNoProblemAndNoWarning() throws {
        let dir = try Self.directory(files: ["scenario.json": InputBattery.cleanScenario, "history.csv": InputBattery.cleanHistory,
                                             "targets.csv": InputBattery.cleanTargets, "backtest.json": InputBattery.cleanBacktestScenario])
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["scenario.json", "backtest.json", "history.csv", "targets.csv"]
        let check = try ForecastExecutable.run(["validate", "--strict"] + names.map { dir.appendingPathComponent($0).path })
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stderr, "")
        let run = try ForecastExecutable.run(["simulate", dir.appendingPathComponent("scenario.json").path, "--strict"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.text.contains("Warnings"))
    }

    func testEveryCaseIsRefusedCleanly() throws {
        let cases = InputBattery.cases
        XCTAssertGreaterThanOrEqual(cases.count, 150)
        XCTAssertEqual(Set(cases.map { "\($0.category) \($0.name)" }).count, cases.count, "case names must be unique")
        let results = Results()
        let next = Counter()
        // Two workers: the machine has two cores.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let i = next.take(below: cases.count) {
                let problems = (try? Self.run(cases[i])) ?? ["could not run"]
                results.record(cases[i], problems)
            }
        }
        var table = "| category | cases | refused cleanly |\n|---|---|---|\n"
        for category in InputBattery.Category.allCases {
            let mine = results.all.filter { $0.case.category == category }
            table += "| \(category.rawValue) | \(mine.count) | \(mine.filter { $0.problems.isEmpty }.count) |\n"
        }
        let clean = results.all.filter { $0.problems.isEmpty }.count
        table += "| all | \(results.all.count) | \(clean) |\n"
        print("Input battery:\n" + table)
        for r in results.all where !r.problems.isEmpty {
            XCTFail("[\(r.case.category.rawValue)] \(r.case.name): " + r.problems.joined(separator: "; "))
        }
    }

    /// Runs one case; returns what went wrong (empty when it was refused cleanly).
    static func run(_ c: InputBattery.Case) throws -> [String] {
        let dir = try directory(files: c.files, binary: c.binary)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        let substitute = { (a: String) in
            a.replacingOccurrences(of: "$OUT", with: dir.appendingPathComponent("out").path)
                .replacingOccurrences(of: "$S", with: dir.appendingPathComponent("scenario.json").path)
                .replacingOccurrences(of: "$H", with: dir.appendingPathComponent("history.csv").path)
                .replacingOccurrences(of: "$T", with: dir.appendingPathComponent("targets.csv").path)
                .replacingOccurrences(of: "$D", with: dir.path)
        }
        let run = try ForecastExecutable.run(c.arguments.map(substitute), in: dir)
        if ProcessInfo.processInfo.environment["BATTERY_VERBOSE"] != nil {
            print("[\(c.category.rawValue)] \(c.name) -> \(run.status)\n" + run.stderr.replacingOccurrences(of: dir.path + "/", with: ""))
        }
        var problems = check(run, c, what: "run")
        if !run.text.isEmpty { problems.append("printed on standard output") }
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        if after != before { problems.append("wrote \(after.subtracting(before).sorted())") }
        if c.validateAgrees {
            let file: String = switch c.category {
            case .historyCSV: "$H"
            case .targetsCSV: "$T"
            default: "$S"
            }
            let validate = try ForecastExecutable.run(["validate", substitute(file)] + (c.category == .warnings ? ["--strict"] : []), in: dir)
            problems += check(validate, c, what: "validate")
        }
        return problems
    }

    /// Status, place and words of one run of a case.
    static func check(_ run: ForecastExecutable.Output, _ c: InputBattery.Case, what: String) -> [String] {
        var problems: [String] = []
        let err = run.stderr
        if !run.exited || err.contains("Fatal error") || err.contains("Crash") { problems.append("\(what) crashed: \(err.prefix(300))") }
        if run.status != c.status { problems.append("\(what) exited \(run.status), expected \(c.status): \(err.prefix(400))") }
        for place in [c.place].compactMap({ $0 }) + c.alsoPlaces where !names(place, in: err) {
            problems.append("\(what): message does not name \(place): \(err.prefix(400))")
        }
        for word in c.words where !err.contains(word) { problems.append("\(what): message lacks \"\(word)\": \(err.prefix(400))") }
        return problems
    }

    static func names(_ place: InputBattery.Place, in text: String) -> Bool {
        switch place {
        case .path(let p): return text.contains("scenario.json:\(p): ")
        case .line(let file, let n): return text.contains("\(file):\(n): ")
        case .someLine(let file): return text.range(of: NSRegularExpression.escapedPattern(for: file) + #":\d+: "#, options: .regularExpression) != nil
        case .file(let file): return text.contains("\(file): ")
        case .names(let s): return text.contains(s)
        }
    }

    static func directory(files: [String: String], binary: [String: [UInt8]] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("battery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        for (name, bytes) in binary { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(case: InputBattery.Case, problems: [String])] = []
        func record(_ c: InputBattery.Case, _ problems: [String]) { lock.withLock { list.append((c, problems)) } }
        var all: [(case: InputBattery.Case, problems: [String])] { lock.withLock { list } }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below n: Int) -> Int? {
            lock.withLock {
                guard value < n else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
