import Foundation

/// One problem found in a scenario (JSON) or table (CSV) file: where it is and what was expected.
///
/// Printed as `file:location: message`, e.g.
/// `ruijin-2022.json:targets[3].at_least: expected a number, found "8.2%"` or
/// `history.csv:14: duplicate row gdp 2021 growth_pct first-published (first on line 9)`.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, as it was named to the loader (or resolved from a scenario).
    public var file: String
    /// Where in the file.
    public var location: Location
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, location: Location, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        switch location {
        case .file: return "\(file): \(message)"
        default: return "\(file):\(location): \(message)"
        }
    }
}

/// Where a problem is: a line of a CSV file (1-based, the header is line 1), a JSON path
/// (`targets[3].at_least`), or the file as a whole.
public enum Location: Sendable, Hashable, CustomStringConvertible {
    case file
    case line(Int)
    case jsonPath(String)

    public var description: String {
        switch self {
        case .file: return ""
        case .line(let n): return String(n)
        case .jsonPath(let p): return p
        }
    }
}

/// Thrown by every loader in this module: all the problems found, not only the first.
///
/// `description` prints one problem a line, `file:location: message`.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [ValidationProblem]

    public init(problems: [ValidationProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
