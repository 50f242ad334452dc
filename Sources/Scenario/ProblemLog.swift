import Foundation

/// Collects the problems of one file while it is decoded (shared through `Decoder.userInfo`).
///
/// A reference type so that every nested decoder appends to the same list. Used from one
/// thread at a time; the lock only makes the `Sendable` promise true.
final class ProblemLog: @unchecked Sendable {
    let file: String
    /// Directory against which relative paths in the file are resolved.
    let baseDirectory: URL
    private var list: [ValidationProblem] = []
    private let lock = NSLock()

    init(file: String, baseDirectory: URL) {
        self.file = file
        self.baseDirectory = baseDirectory
    }

    var problems: [ValidationProblem] { lock.withLock { list } }
    var count: Int { lock.withLock { list.count } }

    func add(_ location: Location, _ message: String) {
        lock.withLock { list.append(ValidationProblem(file: file, location: location, message: message)) }
    }

    func add(at path: [any CodingKey], _ message: String) {
        add(.jsonPath(jsonPath(path)), message)
    }

    /// Throws a `ValidationFailure` with everything collected, if anything was.
    func throwIfAny() throws(ValidationFailure) {
        let all = problems
        if !all.isEmpty { throw ValidationFailure(problems: all) }
    }
}

/// Thrown inside the decoder after a problem has been logged, to abandon an object without
/// logging it twice.
struct AlreadyReported: Error {}

extension CodingUserInfoKey {
    static let problemLog = CodingUserInfoKey(rawValue: "forecast.Scenario.problemLog")!
}

extension Decoder {
    /// The log the loader attached; decoding without one is a programming error of this module.
    var log: ProblemLog {
        guard let log = userInfo[.problemLog] as? ProblemLog else {
            preconditionFailure("Scenario types are decoded only through their loaders")
        }
        return log
    }
}

/// A coding key for any name or array index.
struct AnyKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
    init(_ name: String) { self.init(stringValue: name) }
    init(index: Int) { self.init(intValue: index) }
}

/// Renders a coding path as a JSON path: `targets[3].at_least`, `risks[0].impact_pp.retail`;
/// the document itself is `$`.
func jsonPath(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
        if let i = key.intValue {
            out += "[\(i)]"
        } else if key.stringValue.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }) {
            out += out.isEmpty ? key.stringValue : "." + key.stringValue
        } else {
            out += "[\"\(key.stringValue)\"]"
        }
    }
    return out.isEmpty ? "$" : out
}
