/// One indicator's history on the panel's consecutive years, validated for a univariate model.
struct ObservedSeries {
    var indicator: String
    /// The panel's years (consecutive, ascending).
    var years: [Int]
    /// One value per panel year, NaN where missing.
    var values: [Double]
    /// Indices of the observed (finite) values.
    var observed: [Int]

    /// The single column of `panel`.
    ///
    /// - Throws: `ModelError.invalidSpecification` when the panel does not have exactly one
    ///   indicator (per-indicator models fit one series; `IndependentModelsSpecification` joins
    ///   several), and the errors of `init(indicator:years:values:minimum:)`.
    static func only(in panel: Panel, model: String) throws -> ObservedSeries {
        guard panel.indicators.count == 1 else {
            throw ModelError.invalidSpecification(
                "\(model) fits one indicator, the panel has \(panel.indicators.count); use IndependentModelsSpecification to join several")
        }
        return try ObservedSeries(indicator: panel.indicators[0], years: panel.years, values: panel.series(0))
    }

    /// - Throws: `ModelError.degenerateSeries` for infinite values or a constant series,
    ///   `ModelError.tooFewObservations` with fewer than `minimum` observed years.
    init(indicator: String, years: [Int], values: [Double], minimum: Int = 4) throws {
        guard years.count == values.count else {
            throw ModelError.invalidSpecification("indicator '\(indicator)': \(values.count) values for \(years.count) years")
        }
        if values.contains(where: \.isInfinite) {
            throw ModelError.degenerateSeries(indicator: indicator, reason: "infinite values in the history")
        }
        self.indicator = indicator
        self.years = years
        self.values = values
        self.observed = values.indices.filter { values[$0].isFinite }
        guard observed.count >= minimum else {
            throw ModelError.tooFewObservations(needed: minimum, got: observed.count)
        }
        let first = values[observed[0]]
        if observed.allSatisfy({ values[$0] == first }) {
            throw ModelError.degenerateSeries(indicator: indicator,
                reason: "constant at \(first) in every observed year: no variation to estimate a shock size from (give it a judgment distribution)")
        }
    }

    /// Fewest observed years on which the bands of the per-indicator models were checked to
    /// cover at their nominal rate (the coverage battery, bench/coverage.md: T = 10, 15, 20).
    static let checkedYears = 10

    /// A warning when the history has fewer than `minimum` observed years.
    func shortSampleWarnings(model: String, minimum: Int = ObservedSeries.checkedYears) -> [String] {
        guard observed.count < minimum else { return [] }
        return ["\(indicator): \(model) fitted on only \(observed.count) observed years (fewer than \(minimum)): the bands' coverage was checked from \(minimum) years on; with so few the estimates, and so the bands, rest on very little"]
    }

    /// Years after the last observation up to the panel's last year.
    var stepsToBase: Int { years.count - 1 - observed.last! }

    /// The last observed value.
    var lastValue: Double { values[observed.last!] }

    /// Notes on missing years inside and at the end of the history, for the output.
    var gapNotes: [String] {
        var notes: [String] = []
        let inside = (observed.first!...observed.last!).filter { !values[$0].isFinite }.map { years[$0] }
        if !inside.isEmpty {
            notes.append("\(indicator): \(inside.count) missing year(s) inside the history (\(inside.map(String.init).joined(separator: ", "))), handled by the likelihood (no filling in)")
        }
        if stepsToBase > 0 {
            notes.append("\(indicator): last observed in \(years[observed.last!]); the state is carried forward \(stepsToBase) year(s) to \(years.last!) with its uncertainty")
        }
        return notes
    }

    /// Pairs (previous observed index, index) of successive observations and their gaps in years.
    var successivePairs: [(previous: Int, current: Int)] {
        zip(observed, observed.dropFirst()).map { ($0, $1) }
    }
}
