import Foundation

/// What `forecast validate` checks in one file.
public enum FileCheck {
    /// What a valid file turned out to be.
    public enum Checked {
        /// A scenario, loaded with its tables.
        case scenario(ScenarioInput)
        /// A JSON Schema, read as JSON only.
        case jsonSchema
        /// A calibration set or a table.
        case other
    }

    /// Validates one file by its kind: a scenario or a calibration set (`.json`, with the
    /// files it references),
    /// a past-targets table (`.csv` whose header has a `bound` column) or a history table
    /// (any other `.csv`). A JSON Schema (a `.json` whose top-level `$schema` names
    /// json-schema.org, such as scenarios/scenario.schema.json) is only checked to be JSON,
    /// so that `forecast validate scenarios/*.json` checks the scenarios beside it.
    ///
    /// - Returns: the loaded scenario with its tables, for a scenario file (so that the caller
    ///   can go on to the checks that need a fitted model); what else the file was otherwise.
    /// - Throws: `ValidationFailure` with every problem found, in this file and in the files
    ///   it references.
    @discardableResult
    public static func validate(_ url: URL) throws(ValidationFailure) -> Checked {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationFailure(problems: [ValidationProblem(file: url.relativePath, location: .file, message:
                "expected a scenario (.json) or a history or targets table (.csv), found a directory")])
        }
        switch url.pathExtension.lowercased() {
        case "json":
            let text = try TextFile.read(url)
            if isJSONSchema(text) { return .jsonSchema }
            if CalibrationSet.isCalibrationSet(Data(text.utf8)) {
                _ = try CalibrationSetInput.load(contentsOf: url)
                return .other
            }
            return .scenario(try ScenarioInput.load(contentsOf: url))
        case "csv":
            let firstLine = try TextFile.read(url).prefix { $0 != "\n" && $0 != "\r\n" }
            if firstLine.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "bound" }) {
                _ = try PastTarget.load(contentsOf: url)
            } else {
                _ = try History.load(contentsOf: url)
            }
            return .other
        default:
            throw ValidationFailure(problems: [ValidationProblem(file: url.relativePath, location: .file, message:
                "expected a scenario (.json) or a history or targets table (.csv), found a .\(url.pathExtension) file")])
        }
    }

    /// True for a JSON object whose top-level `$schema` is a json-schema.org meta-schema.
    static func isJSONSchema(_ text: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let schema = object["$schema"] as? String else { return false }
        return schema.contains("json-schema.org")
    }
}
