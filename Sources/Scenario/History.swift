import Foundation

/// A region's history table (tidy long CSV): one observation a row.
///
/// Columns `indicator,year,value,measure,unit,source` and optionally `basis`
/// (`first-published`, the default, or `revised`). Models use the first-published values;
/// revised rows are kept apart (`series(_:basis:)` with `.revised`) and never mixed in.
public struct History: Sendable {
    /// The file the table was read from (as named to the loader).
    public var file: String
    /// Every row, first-published and revised, in file order.
    public var observations: [Observation]

    public init(file: String, observations: [Observation]) {
        self.file = file
        self.observations = observations
    }

    static let requiredColumns = ["indicator", "year", "value", "measure", "unit", "source"]
    static let optionalColumns = ["basis"]

    /// Reads and validates a history CSV (UTF-8, BOM and CRLF accepted).
    ///
    /// - Throws: `ValidationFailure` with every problem, each naming its line: missing,
    ///   empty or non-UTF-8 file; missing or unknown columns; non-integer years or years
    ///   outside `PlausibleRange.years`; non-numeric or non-finite values, or values outside
    ///   their measure's `PlausibleRange`; unknown measure, basis or unit (growth and rates must be "%");
    ///   duplicate (indicator, year, measure, basis) rows; an indicator whose unit changes.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> History {
        let (table, log) = try CSVTable.read(url, required: requiredColumns, optional: optionalColumns)
        let read = FieldReader(log: log)
        var observations: [Observation] = []
        var firstLine: [String: Int] = [:]
        var unitOf: [SeriesKey: (unit: String, line: Int)] = [:]
        for row in table.rows {
            let indicator = read.identifier(row, "indicator"), year = read.year(row, "year")
            let measure: Measure? = read.named(row, "measure", among: Measure.observable)
            let number = read.number(row, "value")
            let value = measure.map { m in
                read.plausible(row, "value", number, PlausibleRange.value(of: m), "a \(m.rawValue) value" + (m.isPercent ? " (percent)" : " (in its unit)"))
            } ?? number
            let unit = read.string(row, "unit"), source = read.string(row, "source")
            let basis: Basis? = read.named(row, "basis", default: .firstPublished)
            if let measure, let unit, !Units.isValid(unit, for: measure) {
                read.problem(row, "unit", measure.isPercent
                    ? "expected \"%\" for \(measure.rawValue) (percent), found \"\(unit)\""
                    : unknownNameMessage("unit", unit, valid: Units.levels))
                continue
            }
            guard let indicator, let year, let value, let measure, let unit, let source, let basis else { continue }
            let key = SeriesKey(indicator: indicator, measure: measure)
            let identity = "\(indicator) \(year) \(measure.rawValue) \(basis.rawValue)"
            if let first = firstLine[identity] {
                log.add(.line(row.line), "duplicate row \(identity) (first on line \(first))")
                continue
            }
            firstLine[identity] = row.line
            if let known = unitOf[key], known.unit != unit {
                read.problem(row, "unit", "\(key) is in \"\(known.unit)\" on line \(known.line), found \"\(unit)\"")
                continue
            }
            unitOf[key] = (unit, row.line)
            observations.append(Observation(indicator: indicator, year: year, value: value, measure: measure,
                                            unit: unit, source: source, basis: basis, line: row.line))
        }
        if table.rows.isEmpty, log.count == 0 {
            log.add(.file, "no data rows after the header")
        }
        try log.throwIfAny()
        return History(file: table.file, observations: observations)
    }

    /// The (indicator, measure) pairs present, sorted.
    public var keys: [SeriesKey] {
        Set(observations.map { SeriesKey(indicator: $0.indicator, measure: $0.measure) }).sorted()
    }

    /// The series of `indicator` in `measure` on `basis` (first-published by default), or nil
    /// when the table has no such row. Gaps stay gaps (see `Series.gaps`).
    public func series(_ indicator: String, _ measure: Measure, basis: Basis = .firstPublished) -> Series? {
        let rows = observations
            .filter { $0.indicator == indicator && $0.measure == measure && $0.basis == basis }
            .sorted { $0.year < $1.year }
        guard let first = rows.first else { return nil }
        return Series(key: SeriesKey(indicator: indicator, measure: measure), unit: first.unit, basis: basis,
                      years: rows.map(\.year), values: rows.map(\.value))
    }

    /// Every first-published series (or of `basis`), one per (indicator, measure), sorted by key.
    public func allSeries(basis: Basis = .firstPublished) -> [Series] {
        keys.compactMap { series($0.indicator, $0.measure, basis: basis) }
    }
}
