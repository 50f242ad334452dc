/// One row of a history table: an indicator's value in a year, in a measure and unit.
///
/// Units: percent for `growth_pct` and `rate_pct` (8.8 means 8.8 %), `unit` for `level`.
public struct Observation: Sendable, Hashable {
    public var indicator: String
    public var year: Int
    public var value: Double
    public var measure: Measure
    public var unit: String
    /// Where the value was published (address of the bulletin).
    public var source: String
    /// First-published (default) or revised.
    public var basis: Basis
    /// Line in the CSV file (0 when not read from a file).
    public var line: Int

    public init(indicator: String, year: Int, value: Double, measure: Measure, unit: String,
                source: String, basis: Basis = .firstPublished, line: Int = 0) {
        self.indicator = indicator
        self.year = year
        self.value = value
        self.measure = measure
        self.unit = unit
        self.source = source
        self.basis = basis
        self.line = line
    }
}

/// The (indicator, measure) a series is about.
public struct SeriesKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var indicator: String
    public var measure: Measure
    public init(indicator: String, measure: Measure) {
        self.indicator = indicator
        self.measure = measure
    }
    public static func < (a: SeriesKey, b: SeriesKey) -> Bool {
        (a.indicator, a.measure.rawValue) < (b.indicator, b.measure.rawValue)
    }
    public var description: String { "\(indicator) \(measure.rawValue)" }
}
