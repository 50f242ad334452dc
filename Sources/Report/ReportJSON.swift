import Foundation

/// The JSON form of every report: pretty-printed, keys sorted (deterministic bytes), snake_case
/// keys, slashes unescaped, a final newline. A non-finite number is an encoding error, except
/// where a writer passes `nonFinite: true` to spell it as the strings "nan", "inf", "-inf".
enum ReportJSON {
    static func encode<T: Encodable>(_ value: T, nonFinite: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        if nonFinite {
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
