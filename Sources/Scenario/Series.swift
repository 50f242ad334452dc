/// The observed values of one indicator in one measure and basis, by year, with its gaps.
///
/// Gaps are reported, never filled: `values(over:)` gives NaN for a missing year (the `Panel`
/// convention of Models) and `gaps` lists the missing years between the first and last.
public struct Series: Sendable, Equatable {
    public var key: SeriesKey
    public var unit: String
    public var basis: Basis
    /// Observed years, ascending, without duplicates.
    public var years: [Int]
    /// Values of `years`, same order; percent for growth and rates, `unit` for levels.
    public var values: [Double]

    /// First...last observed year.
    public var span: ClosedRange<Int> { years.first!...years.last! }

    /// Years missing between the first and the last observed year, ascending.
    public var gaps: [Int] { gaps(in: span) }

    /// Years of `window` with no observation, ascending.
    public func gaps(in window: ClosedRange<Int>) -> [Int] {
        let observed = Set(years)
        return window.filter { !observed.contains($0) }
    }

    /// The value observed in `year`, or nil.
    public func value(in year: Int) -> Double? {
        guard let i = years.firstIndex(of: year) else { return nil }
        return values[i]
    }

    /// One value per year of `window`, NaN where the year is missing.
    public func values(over window: ClosedRange<Int>) -> [Double] {
        window.map { value(in: $0) ?? .nan }
    }

    /// Built by `History` only: at least one year, one value per year, years ascending.
    init(key: SeriesKey, unit: String, basis: Basis, years: [Int], values: [Double]) {
        self.key = key
        self.unit = unit
        self.basis = basis
        self.years = years
        self.values = values
    }
}
