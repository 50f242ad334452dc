import Foundation

/// Reads the keys of one JSON object, logging unknown keys (with the nearest valid key),
/// missing required keys, values of the wrong type and values outside their range — all of
/// them, in one pass.
///
/// Pattern in an `init(lenient:)`: read every field into an optional, then call `finish()`,
/// which throws `AlreadyReported` if anything inside this object was logged.
struct Fields<Key: CodingKey & CaseIterable & RawRepresentable<String>> {
    let decoder: any Decoder
    let container: KeyedDecodingContainer<AnyKey>
    private let problemsAtStart: Int

    init(_ decoder: any Decoder) throws {
        self.decoder = decoder
        container = try decoder.container(keyedBy: AnyKey.self)
        problemsAtStart = decoder.log.count
        let valid = Key.allCases.map(\.rawValue)
        // Sorted: Foundation lists keys in hash order, and messages must come in a fixed order.
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
        where !valid.contains(key.stringValue) {
            decoder.log.add(at: decoder.codingPath + [key], unknownNameMessage("key", key.stringValue, valid: valid))
        }
    }

    var log: ProblemLog { decoder.log }

    /// The JSON path of a key of this object, or of deeper components below it.
    func path(_ key: Key, _ more: any CodingKey...) -> [any CodingKey] {
        decoder.codingPath + [AnyKey(key.rawValue)] + more
    }

    func has(_ key: Key) -> Bool {
        container.contains(AnyKey(key.rawValue)) && !((try? container.decodeNil(forKey: AnyKey(key.rawValue))) ?? false)
    }

    /// Logs a problem at `key` (or below it).
    func problem(_ key: Key, _ more: any CodingKey..., message: String) {
        log.add(at: decoder.codingPath + [AnyKey(key.rawValue)] + more, message)
    }

    /// A required value; logs "missing required key" when absent.
    func required<T: LenientDecodable>(_ key: Key, as type: T.Type = T.self, expecting: String? = nil) -> T? {
        guard container.contains(AnyKey(key.rawValue)) else {
            log.add(at: decoder.codingPath, "missing required key \"\(key.rawValue)\": expected \(expecting ?? T.expectation)")
            return nil
        }
        return (try? container.decode(Attempt<T>.self, forKey: AnyKey(key.rawValue)))?.value
    }

    /// An optional value: absent or `null` gives nil without a problem.
    func optional<T: LenientDecodable>(_ key: Key, as type: T.Type = T.self) -> T? {
        guard has(key) else { return nil }
        return (try? container.decode(Attempt<T>.self, forKey: AnyKey(key.rawValue)))?.value
    }

    /// A value that must satisfy `isValid`, described by `expectation` ("a number in [0, 1]").
    func checked<T: LenientDecodable>(_ value: T?, _ key: Key, _ expectation: String,
                                      _ isValid: (T) -> Bool) -> T? {
        guard let value else { return nil }
        guard isValid(value) else {
            problem(key, message: "expected \(expectation), found \(describe(value))")
            return nil
        }
        return value
    }

    /// An array whose elements are each decoded (and logged) on their own; `nil` elements failed.
    func list<T: LenientDecodable>(_ key: Key, required: Bool, of type: T.Type = T.self) -> [T?]? {
        (required ? self.required(key, as: LenientList<T>.self) : optional(key, as: LenientList<T>.self))?.elements
    }

    /// A calendar year in `PlausibleRange.years`.
    func year(_ key: Key, required: Bool) -> Int? {
        let y: Int? = required ? self.required(key) : optional(key)
        let years = PlausibleRange.years
        return checked(y, key, "a calendar year in \(years.lowerBound)...\(years.upperBound)", years.contains)
    }

    /// A path relative to the scenario file, resolved.
    func file(_ key: Key, required: Bool) -> FileReference? {
        let written: String? = required ? self.required(key) : optional(key)
        guard let written else { return nil }
        guard !written.isEmpty else {
            problem(key, message: "expected a file path (relative to this file), found \"\"")
            return nil
        }
        return FileReference(written: written, relativeTo: log.baseDirectory)
    }

    /// Throws `AlreadyReported` if anything was logged since this object began.
    func finish() throws {
        if log.count > problemsAtStart { throw AlreadyReported() }
    }
}

private func describe<T>(_ value: T) -> String {
    switch value {
    case let d as Double: return formatNumber(d)
    case let s as String: return "\"\(s)\""
    default: return "\(value)"
    }
}
