// A condition read on its own: exactly one of value / at_least / at_most / between, shocks only
// beside a value. What involves the indicators and the horizon is checked with the scenario.

extension Condition: LenientDecodable {
    static var expectation: String {
        "an object {indicator, year, value | at_least | at_most | between [lower, upper], shocks, reason}"
    }

    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let indicator: String? = f.required(.indicator), year = f.year(.year, required: true)
        let assumption = Self.readAssumption(f)
        var shocks: [String]? = nil
        if f.has(.shocks) {
            let list = f.list(.shocks, required: false, of: String.self)
            if let list, list.allSatisfy({ $0 != nil }) {
                shocks = list.compactMap { $0 }
                if shocks!.isEmpty {
                    f.problem(.shocks, message: "expected at least one indicator id whose shocks may move, found []")
                }
            }
            if let assumption, !Condition(indicator: "", year: 0, assumption: assumption).isHard {
                f.problem(.shocks, message: "\"shocks\" is for hard conditions (\"value\") only")
            }
        }
        let reason: String? = f.optional(.reason)
        try f.finish()
        self.init(indicator: indicator!, year: year!, assumption: assumption!, shocks: shocks, reason: reason)
    }

    /// Exactly one of `value`, `at_least`, `at_most`, `between` ([a, b] with a < b).
    private static func readAssumption(_ f: Fields<CodingKeys>) -> Assumption? {
        let given = [CodingKeys.value, .atLeast, .atMost, .between].filter { f.has($0) }
        guard given.count == 1 else {
            f.log.add(at: f.decoder.codingPath, given.isEmpty
                ? "missing the assumption: expected one of \"value\" (hard), \"at_least\", \"at_most\", \"between\" ([lower, upper]) (soft)"
                : "expected one assumption, found " + given.map { "\"\($0.rawValue)\"" }.joined(separator: " and ")
                    + (given.contains(.atLeast) && given.contains(.atMost) ? " (write \"between\": [lower, upper])" : ""))
            return nil
        }
        switch given[0] {
        case .between:
            guard let list = f.list(.between, required: true, of: Double.self) else { return nil }
            guard list.count == 2, let a = list[0], let b = list[1], a < b else {
                if list.allSatisfy({ $0 != nil }) {
                    f.problem(.between, message: "expected [lower, upper] with lower < upper, found [\(list.map { $0.map(formatNumber) ?? "?" }.joined(separator: ", "))]")
                }
                return nil
            }
            return .between(a, b)
        default:
            let x: Double? = f.required(given[0])
            guard let x else { return nil }
            switch given[0] {
            case .value: return .value(x)
            case .atLeast: return .atLeast(x)
            default: return .atMost(x)
            }
        }
    }
}
