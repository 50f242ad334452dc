import Scenario

/// Something a reader must know before trusting a run's numbers, found before simulating and
/// said alike by `validate` and `simulate` (on standard error, and in the report's header):
/// a target that will not be evaluated, a history that is another region's, a model that fell
/// back, an impact or adjustment that has nothing to act on, a growth rate applied to a level
/// at other prices. `--strict` turns every warning into an error.
public struct RunWarning: Sendable, Hashable, CustomStringConvertible {
    /// What the warning is about.
    public enum Kind: String, Sendable, Hashable {
        case proxy, fallback, model, notModelled = "not modelled", notEvaluated = "not evaluated", ignored, prices
        /// A what-if run's conditions the model finds nearly impossible (known after the run).
        case condition
    }

    public let kind: Kind
    /// JSON path in the scenario file, e.g. `targets[3]`.
    public let path: String
    public let message: String

    public init(_ kind: Kind, at path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `targets[3]: warning: ...`; the command line puts the file in front.
    public var description: String { "\(path): warning: \(message)" }

    /// The warning as a problem of `file`, for `--strict` (which refuses the input).
    public func problem(in file: String) -> ValidationProblem {
        ValidationProblem(file: file, location: .jsonPath(path), message: message + " (an error under --strict)")
    }
}
