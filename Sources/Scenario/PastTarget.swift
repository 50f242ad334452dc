import Foundation

/// A target of a past work report with its outcome source, for backtests (targets.csv).
///
/// Columns `indicator,year,measure,bound,value,tolerance,quote,reading,source`; `bound` is
/// `at_least`, `at_most` or `around` (then `tolerance` >= 0 is required; otherwise it is empty).
/// Values in percent for growth and rates, in the indicator's unit for levels.
public struct PastTarget: Sendable, Hashable {
    public var indicator: String
    public var year: Int
    public var measure: Measure
    public var bound: Bound
    public var quote: String
    /// How vague wording was read.
    public var reading: String
    public var source: String
    /// Line in the CSV file.
    public var line: Int

    public init(indicator: String, year: Int, measure: Measure, bound: Bound, quote: String = "",
                reading: String = "", source: String = "", line: Int = 0) {
        self.indicator = indicator
        self.year = year
        self.measure = measure
        self.bound = bound
        self.quote = quote
        self.reading = reading
        self.source = source
        self.line = line
    }

    /// The kinds of bound in the `bound` column.
    enum BoundKind: String, NamedCases {
        case atLeast = "at_least", atMost = "at_most", around
        static var kind: String { "bound" }
    }

    static let columns = ["indicator", "year", "measure", "bound", "value", "tolerance", "quote", "reading", "source"]

    /// Reads and validates a targets CSV (UTF-8, BOM and CRLF accepted).
    ///
    /// - Throws: `ValidationFailure` with every problem, each naming its line: file problems,
    ///   columns, non-integer years, unknown measure or bound, non-numeric values, a missing or
    ///   negative tolerance on `around`, a tolerance on another bound, duplicate
    ///   (indicator, year, measure) rows.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> [PastTarget] {
        let (table, log) = try CSVTable.read(url, required: columns)
        let read = FieldReader(log: log)
        var targets: [PastTarget] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let indicator = read.identifier(row, "indicator"), year = read.year(row, "year")
            let measure: Measure? = read.named(row, "measure")
            let kind: BoundKind? = read.named(row, "bound")
            let value = read.number(row, "value")
            let tolerance = read.number(row, "tolerance", required: kind == .around)
            if let tolerance, tolerance < 0 {
                read.problem(row, "tolerance", "expected a tolerance >= 0, found \(formatNumber(tolerance))")
                continue
            }
            if tolerance != nil, let kind, kind != .around {
                read.problem(row, "tolerance", "a tolerance is for \"around\" only; leave it empty for \(kind.rawValue)")
                continue
            }
            guard let indicator, let year, let measure, let kind, let value else { continue }
            let identity = "\(indicator) \(year) \(measure.rawValue)"
            if let first = firstLine[identity] {
                log.add(.line(row.line), "duplicate row \(identity) (first on line \(first))")
                continue
            }
            firstLine[identity] = row.line
            let bound: Bound = switch kind {
            case .atLeast: .atLeast(value)
            case .atMost: .atMost(value)
            case .around: .around(value, tolerance: tolerance ?? 0)
            }
            guard read.plausible(row, bound, measure) else { continue }
            targets.append(PastTarget(indicator: indicator, year: year, measure: measure, bound: bound,
                                      quote: row["quote"], reading: row["reading"], source: row["source"], line: row.line))
        }
        try log.throwIfAny()
        return targets
    }
}
