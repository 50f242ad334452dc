import Foundation

/// Reads a text file as UTF-8, as a spreadsheet or editor writes it.
enum TextFile {
    /// Largest file read: 100 MB.
    static let maximumBytes: Int64 = 100_000_000

    /// The file's text without a UTF-8 byte-order mark.
    ///
    /// - Throws: `ValidationFailure` when the file is missing, not a regular file, larger than
    ///   `maximumBytes`, unreadable, empty (or blank), or not UTF-8 (naming the line and byte of the first invalid sequence).
    static func read(_ url: URL) throws(ValidationFailure) -> String {
        let file = url.relativePath   // named as the user gave it
        let path = url.path
        func fail(_ location: Location, _ message: String) -> ValidationFailure {
            ValidationFailure(problems: [ValidationProblem(file: file, location: location, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail(.file, "file not found")
        }
        guard !isDirectory.boolValue else { throw fail(.file, "expected a file, found a directory") }
        // A device or a pipe (/dev/zero, a FIFO) would be read forever: only regular files.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw fail(.file, "expected a regular file, found a device, pipe or socket")
        }
        if let size = attributes?[.size] as? NSNumber, size.int64Value > maximumBytes {
            throw fail(.file, "file is \(size.int64Value / 1_000_000) MB; expected at most \(maximumBytes / 1_000_000) MB (a history or scenario is a few hundred kB)")
        }
        guard var data = FileManager.default.contents(atPath: path) else { throw fail(.file, "file cannot be read") }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(data)
            throw fail(.line(lineNumber(ofByte: offset, in: Data(data))),
                       String(format: "file is not UTF-8 (invalid byte 0x%02X at byte %d); save it as UTF-8 (GBK/GB18030 files must be converted)",
                              data[data.startIndex + offset], offset + 1))
        }
        guard text.contains(where: { !$0.isWhitespace }) else { throw fail(.file, "file is empty") }
        return text
    }
}

/// Offset (from the start of `data`) of the first byte that does not begin a valid UTF-8 sequence.
private func firstInvalidUTF8Offset(_ data: Data) -> Int {
    let bytes = [UInt8](data)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return i
        }
        guard i + length <= bytes.count,
              String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
        i += length
    }
    return i
}
