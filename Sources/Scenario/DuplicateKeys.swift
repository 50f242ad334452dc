import Foundation

/// Finds what Foundation's JSON reader accepts and other readers do not, or read otherwise:
/// keys written twice in one JSON object (`"at_least": 8, "at_least": 80`), and a comma
/// before a closing `}` or `]`.
///
/// JSON readers disagree on a repeated key (Foundation keeps the first, Python and jq the
/// last), so a scenario with one is refused: each repeat is logged at its JSON path with the
/// lines of both. Keys are compared after unescaping (`"a\u0074_least"` is `"at_least"`). A
/// trailing comma (which Python and jq refuse) is logged at its line.
///
/// Runs on text that `JSONSerialization` has already accepted; it scans bytes once with an
/// explicit stack (no recursion, whatever the nesting), and stops quietly on anything it does
/// not expect rather than trapping.
func logStrictJSONProblems(in data: Data, log: ProblemLog) {
    let bytes = [UInt8](data)
    enum Frame {
        case object(seen: [String: Int], key: String?)
        case array(index: Int)
    }
    var stack: [Frame] = []
    var line = 1
    var i = 0
    var expectingKey = false
    var afterComma = false

    /// The JSON path of the innermost container's current element.
    func path(_ stack: [Frame]) -> [any CodingKey] {
        stack.compactMap { frame -> (any CodingKey)? in
            switch frame {
            case .object(_, let key): return key.map { AnyKey($0) }
            case .array(let index): return AnyKey(index: index)
            }
        }
    }

    /// Reads the string starting at the opening quote `bytes[i]`; returns it unescaped, with
    /// `i` just past the closing quote (nil on malformed text).
    func readString() -> String? {
        i += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw = [] }
        }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= bytes.count, let s = String(bytes: bytes[at..<(at + 4)], encoding: .ascii) else { return nil }
            return UInt32(s, radix: 16)
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; flush(); return String(scalars) }
            if b == UInt8(ascii: "\n") { line += 1 }
            guard b == UInt8(ascii: "\\") else { raw.append(b); i += 1; continue }
            flush()
            guard i + 1 < bytes.count else { return nil }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "u"):
                guard var code = hex4(i) else { return nil }
                i += 4
                if (0xD800...0xDBFF).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                   bytes[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: scalars.append(Unicode.Scalar(e))
            }
        }
        return nil
    }

    while i < bytes.count {
        let b = bytes[i]
        if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == UInt8(ascii: ",")
             || b == UInt8(ascii: "}") || b == UInt8(ascii: "]")) {
            afterComma = false
        }
        switch b {
        case UInt8(ascii: "\n"):
            line += 1
            i += 1
        case UInt8(ascii: "{"):
            stack.append(.object(seen: [:], key: nil))
            expectingKey = true
            i += 1
        case UInt8(ascii: "["):
            stack.append(.array(index: 0))
            expectingKey = false
            i += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            guard !stack.isEmpty else { return }
            if afterComma {
                log.add(.line(line), "not valid JSON: a comma before \"\(Character(Unicode.Scalar(b)))\" (Python, jq and editors refuse it); remove it")
                afterComma = false
            }
            stack.removeLast()
            expectingKey = false
            i += 1
        case UInt8(ascii: ","):
            guard let top = stack.last else { return }
            switch top {
            case .object: expectingKey = true
            case .array(let index): stack[stack.count - 1] = .array(index: index + 1)
            }
            afterComma = true
            i += 1
        case UInt8(ascii: "\""):
            let start = line
            guard let s = readString() else { return }
            if expectingKey, case .object(var seen, _)? = stack.last {
                if let first = seen[s] {
                    let parent = path(Array(stack.dropLast()))
                    log.add(at: parent + [AnyKey(s)],
                            "duplicate key \"\(s)\" (" + (first == start ? "twice on line \(start)" : "on line \(first) and again on line \(start)")
                            + "): JSON readers disagree on which one counts; keep one")
                } else {
                    seen[s] = start
                }
                stack[stack.count - 1] = .object(seen: seen, key: s)
                expectingKey = false
            }
        default:
            i += 1
        }
    }
}
