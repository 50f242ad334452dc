/// A target as read, before the scenario supplies the default measure (the indicator's).
struct TargetEntry: LenientDecodable {
    static var expectation: String {
        "an object {indicator, year | years, measure, at_least | at_most | around (+ tolerance) | range [a, b], read_as, quote, ...}"
    }
    var target: Target
    /// False when `measure` was not written (the scenario then uses the indicator's `model_on`).
    var measureGiven: Bool

    init(lenient decoder: any Decoder) throws {
        typealias K = Target.CodingKeys
        let f = try Fields<K>(decoder)
        let indicator: String? = f.required(.indicator)
        let measure: Measure? = f.optional(.measure)
        let years = Self.readYears(f, measure: measure)
        let wording = Self.readWording(f)
        let readAs: ReadingRule? = f.optional(.readAs)
        if readAs != nil, let wording, !wording.needsReading {
            f.problem(.readAs, message: "\"read_as\" is for \"around\" and \"range\" targets only (以上 and 以内 need no reading)")
        }
        let aspirational: Bool? = f.optional(.aspirational)
        // Optional: a target the user states for their own reasons has no report to quote.
        let quote: String? = f.optional(.quote)
        let reading: String? = f.optional(.reading), source: String? = f.optional(.source)
        let lastLevel = f.checked(f.optional(.lastLevel, as: Double.self), .lastLevel, "a level > 0") { $0 > 0 }
        let lastLevelNote: String? = f.optional(.lastLevelNote)
        if f.container.contains(AnyKey(K.lastLevel.rawValue)), measure != .level {
            f.problem(.lastLevel, message: "\"last_level\" is for targets with \"measure\": \"level\" only")
        }
        try f.finish()
        target = Target(indicator: indicator!, years: years!, measure: measure ?? .growthPct, wording: wording!,
                        readAs: readAs, aspirational: aspirational ?? false, quote: quote, reading: reading, source: source,
                        lastLevel: lastLevel, lastLevelNote: lastLevelNote)
        measureGiven = measure != nil
    }

    /// `year` (one year) or, for `average_growth`, `years: [first, last]`.
    private static func readYears(_ f: Fields<Target.CodingKeys>, measure: Measure?) -> ClosedRange<Int>? {
        switch (f.has(.year), f.has(.years)) {
        case (true, true):
            f.problem(.years, message: "give either \"year\" or \"years\", not both")
            return nil
        case (false, false):
            f.log.add(at: f.decoder.codingPath, "missing required key \"year\" (or \"years\": [first, last] with \"measure\": \"average_growth\")")
            return nil
        case (true, false):
            if measure == .averageGrowth {
                f.problem(.year, message: "an average_growth target needs \"years\": [first, last], not \"year\"")
                return nil
            }
            return f.required(.year, as: Int.self).map { $0...$0 }
        case (false, true):
            guard let list = f.list(.years, required: true, of: Int.self) else { return nil }
            guard list.count == 2, let first = list[0], let last = list[1], first < last else {
                if list.allSatisfy({ $0 != nil }) {
                    f.problem(.years, message: "expected [first, last] with first < last, found \(list.map { $0.map(String.init) ?? "?" })")
                }
                return nil
            }
            if measure != .averageGrowth {
                f.problem(.years, message: "\"years\" is for \"measure\": \"average_growth\" targets; use \"year\" otherwise")
                return nil
            }
            return first...last
        }
    }

    /// Exactly one of `at_least`, `at_most`, `around` (with `tolerance` >= 0), `range` ([a, b], a < b).
    private static func readWording(_ f: Fields<Target.CodingKeys>) -> Wording? {
        let given = [Target.CodingKeys.atLeast, .atMost, .around, .range].filter { f.has($0) }
        guard given.count == 1 else {
            let message = given.isEmpty
                ? "missing the bound: expected one of \"at_least\", \"at_most\", \"around\" (with \"tolerance\"), \"range\" ([lower, upper])"
                : "expected one bound, found " + given.map { "\"\($0.rawValue)\"" }.joined(separator: " and ")
            f.log.add(at: f.decoder.codingPath, message)
            return nil
        }
        let tolerance = f.checked(f.optional(.tolerance, as: Double.self), .tolerance, "a tolerance >= 0") { $0 >= 0 }
        if given[0] != .around && f.has(.tolerance) {
            f.problem(.tolerance, message: "\"tolerance\" is for \"around\" targets only")
        }
        switch given[0] {
        case .atLeast, .atMost:
            let x: Double? = f.required(given[0])
            return x.map { given[0] == .atLeast ? .atLeast($0) : .atMost($0) }
        case .range:
            guard let list = f.list(.range, required: true, of: Double.self) else { return nil }
            guard list.count == 2, let a = list[0], let b = list[1], a < b else {
                if list.allSatisfy({ $0 != nil }) {
                    f.problem(.range, message: "expected [lower, upper] with lower < upper (区间 a–b), found \(list.map { $0.map(formatNumber) ?? "?" })")
                }
                return nil
            }
            return .range(a, b)
        default:
            if !f.has(.tolerance) {
                f.log.add(at: f.decoder.codingPath, "missing required key \"tolerance\": an \"around\" target needs a tolerance >= 0 (0.5 pp is the usual step of growth targets)")
            }
            let x: Double? = f.required(.around)
            guard let x, let tolerance else { return nil }
            return .around(x, tolerance: tolerance)
        }
    }
}
