import Foundation

/// A value the scenario decoder reads while collecting problems instead of stopping at the first.
///
/// `init(lenient:)` logs what it finds wrong in the decoder's `ProblemLog` and throws
/// `AlreadyReported`; an error of any other kind is logged by `Attempt` as a type mismatch
/// using `expectation`.
protocol LenientDecodable {
    /// What the value should be, for messages: "a number", "an object {from, to, exclude}".
    static var expectation: String { get }
    init(lenient decoder: any Decoder) throws
}

extension Double: LenientDecodable {
    static var expectation: String { "a number" }
    init(lenient decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decode(Double.self)
        guard isFinite else {
            decoder.log.add(at: decoder.codingPath, "expected a finite number, found \(self)")
            throw AlreadyReported()
        }
    }
}

extension Int: LenientDecodable {
    static var expectation: String { "an integer" }
    init(lenient decoder: any Decoder) throws { self = try decoder.singleValueContainer().decode(Int.self) }
}

extension String: LenientDecodable {
    static var expectation: String { "a string" }
    init(lenient decoder: any Decoder) throws { self = try decoder.singleValueContainer().decode(String.self) }
}

extension Bool: LenientDecodable {
    static var expectation: String { "true or false" }
    init(lenient decoder: any Decoder) throws { self = try decoder.singleValueContainer().decode(Bool.self) }
}

/// Decodes a `T`, logging (never throwing) when it cannot: so that an array or object goes on
/// to its next element and every problem of the file is found in one pass.
struct Attempt<T: LenientDecodable>: Decodable {
    let value: T?
    init(from decoder: any Decoder) {
        do {
            value = try T(lenient: decoder)
        } catch is AlreadyReported {
            value = nil
        } catch {
            decoder.log.add(at: decoder.codingPath, "expected \(T.expectation), found \(describeValue(in: decoder))")
            value = nil
        }
    }
}

/// An array whose elements are decoded one by one; a bad element is logged and kept as `nil`
/// so that indices (and JSON paths) of the others stay right.
struct LenientList<Element: LenientDecodable>: LenientDecodable {
    static var expectation: String { "an array of \(Element.expectation)" }
    var elements: [Element?]
    init(lenient decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        elements = []
        while !container.isAtEnd {
            elements.append(try container.decode(Attempt<Element>.self).value)
        }
    }
}

/// An object of numbers keyed by free names (indicator ids), e.g. `impact_pp`.
struct NumberTable: LenientDecodable {
    static var expectation: String { "an object of numbers keyed by indicator id" }
    var entries: [(key: String, value: Double?)]
    init(lenient decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        entries = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            (key.stringValue, try container.decode(Attempt<Double>.self, forKey: key).value)
        }
    }
}

/// A closed set of names (a JSON string enum). Unknown names are logged with the nearest valid one.
protocol NamedCases: RawRepresentable<String>, CaseIterable, LenientDecodable, Sendable, Hashable, Encodable {
    /// What the set is called in messages: "measure", "model type".
    static var kind: String { get }
}

extension NamedCases {
    static var expectation: String {
        "a \(kind): " + allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }
    static var names: [String] { allCases.map(\.rawValue) }

    init(lenient decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: name) else {
            decoder.log.add(at: decoder.codingPath, unknownNameMessage(Self.kind, name, valid: Self.names))
            throw AlreadyReported()
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Says what a JSON value is, for "found ..." in messages: `null`, `true`, `"8.2%"`, `2022.5`,
/// `an object`, `an array`.
func describeValue(in decoder: any Decoder) -> String {
    if let c = try? decoder.singleValueContainer() {
        if c.decodeNil() { return "null" }
        if let b = try? c.decode(Bool.self) { return String(b) }
        if let s = try? c.decode(String.self) { return "\"\(s.count > 40 ? s.prefix(40) + "…" : Substring(s))\"" }
        if let d = try? c.decode(Double.self) { return formatNumber(d) }
    }
    if (try? decoder.container(keyedBy: AnyKey.self)) != nil { return "an object" }
    if (try? decoder.unkeyedContainer()) != nil { return "an array" }
    return "a value of another type"
}

/// `2022` for integral values, the shortest round-trip form otherwise.
func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}
