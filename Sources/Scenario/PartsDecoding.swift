// Lenient decoding of the parts of a scenario: each reads all its keys, logs every problem
// with its JSON path, and throws `AlreadyReported` if any was found.

extension BilingualName: LenientDecodable {
    static var expectation: String { "an object {zh, en}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let zh: String? = f.required(.zh), en: String? = f.required(.en)
        try f.finish()
        self.init(zh: zh!, en: en!)
    }
}

extension Judgment: LenientDecodable {
    static var expectation: String { "an object {distribution, mean, sd, dof, rationale, source}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let distribution: Distribution? = f.required(.distribution)
        let mean: Double? = f.required(.mean)
        let sd = f.checked(f.required(.sd, as: Double.self), .sd, "a standard deviation > 0") { $0 > 0 }
        let dof = f.checkDegreesOfFreedom(distribution, key: .dof)
        let rationale: String? = f.required(.rationale), source: String? = f.required(.source)
        try f.finish()
        self.init(distribution: distribution!, mean: mean!, sd: sd!, dof: dof, rationale: rationale!, source: source!)
    }
}

extension ShockSettings: LenientDecodable {
    static var expectation: String { "an object {distribution, dof, scale}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let distribution: Distribution? = f.required(.distribution)
        let dof = f.checkDegreesOfFreedom(distribution, key: .dof)
        let scale = f.checked(f.optional(.scale, as: Double.self), .scale,
                              "a scale (multiplier of the fitted shock sd) in \(PlausibleRange.shockScale)", PlausibleRange.shockScale.contains)
        try f.finish()
        self.init(distribution: distribution!, dof: dof, scale: scale ?? 1)
    }
}

extension Fields {
    /// `dof` is required (> 2, so that the variance exists) for Student-t and refused for normal.
    func checkDegreesOfFreedom(_ distribution: Distribution?, key: Key) -> Double? {
        let dof = checked(optional(key, as: Double.self), key,
                          "degrees of freedom in \(PlausibleRange.degreesOfFreedom) (> 2: the variance must exist; beyond 1000 use normal)",
                          PlausibleRange.degreesOfFreedom.contains)
        switch distribution {
        case .studentT? where !has(key):
            log.add(at: decoder.codingPath, "missing required key \"\(key.rawValue)\": student-t needs degrees of freedom > 2")
        case .normal? where has(key):
            problem(key, message: "\"\(key.rawValue)\" is for student-t only; remove it or set \"distribution\": \"student-t\"")
        default: break
        }
        return dof
    }
}

extension ModelSettings: LenientDecodable {
    static var expectation: String { "an object {type, lags, prior, parameter_uncertainty}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let type: ModelType? = f.required(.type)
        let lags = f.checked(f.optional(.lags, as: Int.self), .lags, "a lag order >= 1") { $0 >= 1 }
        let prior: Prior? = f.optional(.prior)
        let uncertainty: Bool? = f.optional(.parameterUncertainty)
        if let type, !type.isVectorAutoregression, f.has(.lags) {
            f.problem(.lags, message: "\"lags\" is for var and bvar only, not \(type.rawValue)")
        }
        if type == .logLinearTrend {
            f.problem(.type, message: "log_linear_trend models the logarithm of a level, and a scenario simulates growth_pct and rate_pct "
                      + "series (a trend in the log of a growth rate is not a model of growth): use ar1, random_walk, local_linear_trend, var or bvar")
        }
        if let type, type != .bvar, f.has(.prior) {
            f.problem(.prior, message: "\"prior\" is for bvar only, not \(type.rawValue)")
        }
        try f.finish()
        self.init(type: type!, lags: lags ?? 1, prior: type == .bvar ? (prior ?? .minnesota) : nil,
                  parameterUncertainty: uncertainty ?? true)
    }
}

extension SimulationSettings: LenientDecodable {
    static var expectation: String { "an object {paths, seed}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let paths = f.checked(f.required(.paths, as: Int.self), .paths, "a number of paths in 1...10^12") {
            PlausibleRange.paths.contains($0)
        }
        let seed = f.checked(f.required(.seed, as: Int.self), .seed, "a seed >= 0") { $0 >= 0 }
        try f.finish()
        self.init(paths: paths!, seed: UInt64(seed!))
    }
}

extension EstimationWindow: LenientDecodable {
    static var expectation: String { "an object {from, to, exclude, exclude_outliers}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let from = f.year(.from, required: true), to = f.year(.to, required: true)
        let exclude = f.list(.exclude, required: false, of: Int.self)
        let k = f.checked(f.optional(.excludeOutliers, as: Double.self), .excludeOutliers,
                          "a threshold in robust standard deviations between 2 and 20") { $0 >= 2 && $0 <= 20 }
        if let from, let to, from > to {
            f.problem(.to, message: "expected a year >= from (\(from)), found \(to)")
        }
        for (i, year) in (exclude ?? []).enumerated() {
            if let year, let from, let to, from <= to, !(from...to).contains(year) {
                f.problem(.exclude, AnyKey(index: i), message: "expected a year inside the window \(from)...\(to), found \(year)")
            }
        }
        try f.finish()
        self.init(from: from!, to: to!, exclude: exclude?.compactMap { $0 } ?? [], excludeOutliers: k)
    }
}

extension HistoryProxy: LenientDecodable {
    static var expectation: String { "an object {region, note}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let region: String? = f.required(.region), note: String? = f.required(.note)
        try f.finish()
        self.init(region: region!, note: note!)
    }
}

extension BacktestSettings: LenientDecodable {
    static var expectation: String { "an object {from, to, targets}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let from = f.year(.from, required: true), to = f.year(.to, required: true)
        let targets = f.file(.targets, required: false)
        if let from, let to, from > to {
            f.problem(.to, message: "expected a year >= from (\(from)), found \(to)")
        }
        try f.finish()
        self.init(from: from!, to: to!, targets: targets)
    }
}

/// An indicator as read, before the scenario supplies a judgmental indicator's measure when
/// `model_on` is not written (it is then the `measure` its targets state).
struct IndicatorEntry: LenientDecodable {
    static var expectation: String { "an object {id, name, model_on, unit, judgment, history, history_region, growth_prices}" }
    var indicator: Indicator
    var modelOnGiven: Bool

    init(lenient decoder: any Decoder) throws {
        typealias K = Indicator.CodingKeys
        let f = try Fields<K>(decoder)
        let id = f.checked(f.required(.id, as: String.self), .id,
                           "an id of lower-case letters, digits and _ (as in the history file)", isIdentifier)
        let name: BilingualName? = f.optional(.name)
        let judgment: Judgment? = f.optional(.judgment)
        let measures = "one of \"growth_pct\", \"rate_pct\", \"level\" (the measure modelled)"
        let written: Measure? = f.has(.judgment) ? f.optional(.modelOn) : f.required(.modelOn, expecting: measures)
        let modelOn = f.checked(written, .modelOn, measures) {
            Measure.observable.contains($0)
        }
        let unit = f.checked(f.optional(.unit, as: String.self), .unit,
                             "\"%\" or a level unit, one of " + Units.levels.joined(separator: ", ")) {
            $0 == Units.percent || Units.levels.contains($0)
        }
        let history = f.file(.history, required: false)
        let historyRegion: String? = f.optional(.historyRegion)
        let growthPrices: GrowthPrices? = f.optional(.growthPrices)
        try f.finish()
        indicator = Indicator(id: id!, name: name, modelOn: modelOn ?? .growthPct, unit: unit, judgment: judgment,
                              history: history, historyRegion: historyRegion, growthPrices: growthPrices)
        modelOnGiven = modelOn != nil
    }
}

/// Lower-case ASCII letter first, then lower-case letters, digits and underscores.
func isIdentifier(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
}

extension Risk: LenientDecodable {
    static var expectation: String { "an object {name, probability, year, impact_pp, persistence, rationale}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let name: String? = f.required(.name)
        let probability = f.checked(f.required(.probability, as: Double.self), .probability,
                                    "a probability in [0, 1]") { (0...1).contains($0) }
        let year = f.year(.year, required: true)
        let impact: NumberTable? = f.required(.impactPP)
        for entry in impact?.entries ?? [] {
            if let pp = entry.value, !PlausibleRange.points.contains(pp) {
                f.problem(.impactPP, AnyKey(entry.key), message:
                    "expected an impact in \(PlausibleRange.points) pp, found \(formatNumber(pp))")
            }
        }
        let persistence = f.checked(f.optional(.persistence, as: Double.self), .persistence,
                                    "a persistence in [0, 1] (fraction carried into the next year)") { (0...1).contains($0) }
        let rationale: String? = f.optional(.rationale)
        try f.finish()
        var impactPP: [String: Double] = [:]
        for entry in impact!.entries { impactPP[entry.key] = entry.value }
        self.init(name: name!, probability: probability!, year: year!, impactPP: impactPP,
                  persistence: persistence ?? 0, rationale: rationale)
    }
}

extension Adjustment: LenientDecodable {
    static var expectation: String { "an object {indicator, year, shift_pp, reason}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let indicator: String? = f.required(.indicator), year = f.year(.year, required: true)
        let shift = f.checked(f.required(.shiftPP, as: Double.self), .shiftPP,
                              "a shift in \(PlausibleRange.points) pp", PlausibleRange.points.contains)
        let reason: String? = f.required(.reason)
        try f.finish()
        self.init(indicator: indicator!, year: year!, shiftPP: shift!, reason: reason!)
    }
}

extension CalibrationSettings: LenientDecodable {
    static var expectation: String { "an object {file, region}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let file = f.file(.file, required: true)
        let region: String? = f.required(.region)
        try f.finish()
        self.init(file: file!, region: region!)
    }
}
