import Foundation

extension DecodingError {
    /// The error in a reader's terms: the JSON path as written in the file (snake_case keys,
    /// `[i]` for array elements) and what was expected there, e.g.
    /// `origins[3].training_targets: expected a number (found a string)`.
    var readerText: String {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for k in keys {
                if let i = k.intValue { out += "[\(i)]"; continue }
                out += (out.isEmpty ? "" : ".") + Self.snakeCase(k.stringValue)
            }
            return out.isEmpty ? "(top level)" : out
        }
        switch self {
        case .keyNotFound(let key, let c):
            return "\(path(c.codingPath + [key])): missing"
        case .typeMismatch(let type, let c):
            return "\(path(c.codingPath)): expected \(Self.noun(type))"
        case .valueNotFound(let type, let c):
            return "\(path(c.codingPath)): expected \(Self.noun(type)), found null"
        case .dataCorrupted(let c):
            let why = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? c.debugDescription
            return c.codingPath.isEmpty ? "not valid JSON (\(why))" : "\(path(c.codingPath)): \(why)"
        @unknown default:
            return "\(self)"
        }
    }

    static func snakeCase(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    static func noun(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is Optional<Double>.Type, is Optional<Int>.Type: return "a number"
        case is String.Type, is Optional<String>.Type: return "a string"
        case is Bool.Type, is Optional<Bool>.Type: return "true or false"
        case is [Any].Type: return "an array"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : (name.hasPrefix("Dictionary") ? "an object" : "a JSON object")
        }
    }
}
