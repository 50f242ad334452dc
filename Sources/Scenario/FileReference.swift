import Foundation

/// A file named in a scenario: the path as written and the file it resolves to (relative
/// paths are relative to the directory of the scenario file, not to the working directory).
public struct FileReference: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// The path as written in the scenario.
    public var written: String
    /// The resolved, standardised file URL.
    public var url: URL

    /// Resolves `written` against `directory` (absolute paths are kept).
    public init(written: String, relativeTo directory: URL) {
        self.written = written
        let url = written.hasPrefix("/")
            ? URL(fileURLWithPath: written)
            : URL(fileURLWithPath: written, relativeTo: directory)
        self.url = url.standardizedFileURL.absoluteURL
    }

    public var description: String { url.path }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(written)
    }
}
