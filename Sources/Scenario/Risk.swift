/// An event that happens with a probability in a year and adds percentage points to growth.
///
/// In the year it happens, `impactPP[id]` pp are added to indicator `id`; in each following
/// year the previous year's addition times `persistence` is added again (geometric decay).
public struct Risk: Sendable, Hashable, Encodable {
    public var name: String
    /// Probability that the event happens in `year`, in [0, 1].
    public var probability: Double
    public var year: Int
    /// Impact in percentage points (pp) per indicator id.
    public var impactPP: [String: Double]
    /// Fraction of the impact carried into the next year, in [0, 1].
    public var persistence: Double
    public var rationale: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, probability, year, impactPP = "impact_pp", persistence, rationale
    }

    public init(name: String, probability: Double, year: Int, impactPP: [String: Double],
                persistence: Double = 0, rationale: String? = nil) {
        self.name = name
        self.probability = probability
        self.year = year
        self.impactPP = impactPP
        self.persistence = persistence
        self.rationale = rationale
    }
}

/// A judgmental shift of an indicator in a year, in percentage points (pp) of its measure.
public struct Adjustment: Sendable, Hashable, Encodable {
    public var indicator: String
    public var year: Int
    /// Shift in percentage points (or in the level unit for a level-modelled indicator).
    public var shiftPP: Double
    public var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, year, shiftPP = "shift_pp", reason
    }

    public init(indicator: String, year: Int, shiftPP: Double, reason: String) {
        self.indicator = indicator
        self.year = year
        self.shiftPP = shiftPP
        self.reason = reason
    }
}
