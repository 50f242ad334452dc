import Foundation

/// A target of a past work report with its outcome source, for backtests (targets.csv).
///
/// Columns `indicator,year,measure,bound,value,tolerance,quote,reading,source` and optionally
/// `upper`, `word` and `evidence`. `bound` is what the report states: `at_least` (以上, 突破, a
/// bare number), `at_most` (以内, 控制在), `around` (左右; `tolerance` >= 0 required) or `range`
/// (区间 value–upper). `word` keeps the bound word as written (左右, 以上, 区间, 力争, 无限定词,
/// 限定词未载, ...); `evidence` is `official` or `mirror` (a repost or aggregator: weaker).
/// Values in percent for growth and rates, in the indicator's unit for levels. The verdict
/// follows the measure's default reading (`ReadingRule.defaultRule(for:)`).
public struct PastTarget: Sendable, Hashable {
    public var indicator: String
    public var year: Int
    public var measure: Measure
    /// What the report states.
    public var wording: Wording
    /// The bound word as written ("" when the table does not say).
    public var word: String
    /// "official", "mirror" or "" (not stated).
    public var evidence: String
    /// The bound that decides "met" under the measure's default reading.
    public var bound: Bound { wording.verdict(ReadingRule.defaultRule(for: measure)) }
    /// The band "lands near X" beside the verdict, for 左右 and 区间.
    public var nearBand: Bound? { wording.nearBand(ReadingRule.defaultRule(for: measure)) }
    /// 力争 alone: an aspiration.
    public var aspirational: Bool { word.hasPrefix("力争") }
    public var quote: String
    /// How vague wording was read.
    public var reading: String
    public var source: String
    /// Line in the CSV file.
    public var line: Int

    public init(indicator: String, year: Int, measure: Measure, wording: Wording, word: String = "",
                evidence: String = "", quote: String = "", reading: String = "", source: String = "", line: Int = 0) {
        self.indicator = indicator
        self.year = year
        self.measure = measure
        self.wording = wording
        self.word = word
        self.evidence = evidence
        self.quote = quote
        self.reading = reading
        self.source = source
        self.line = line
    }

    /// The kinds of bound in the `bound` column.
    enum BoundKind: String, NamedCases {
        case atLeast = "at_least", atMost = "at_most", around, range
        static var kind: String { "bound" }
    }

    static let columns = ["indicator", "year", "measure", "bound", "value", "tolerance", "quote", "reading", "source"]
    static let optionalColumns = ["upper", "word", "evidence"]

    /// Reads and validates a targets CSV (UTF-8, BOM and CRLF accepted).
    ///
    /// - Throws: `ValidationFailure` with every problem, each naming its line: file problems,
    ///   columns, non-integer years, unknown measure or bound, non-numeric values, a missing or
    ///   negative tolerance on `around`, a tolerance on another bound, a `range` without an
    ///   `upper` above its value (or an `upper` on another bound), duplicate
    ///   (indicator, year, measure) rows.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> [PastTarget] {
        let (table, log) = try CSVTable.read(url, required: columns, optional: optionalColumns)
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
            let upper = read.number(row, "upper", required: kind == .range)
            if upper != nil, let kind, kind != .range {
                read.problem(row, "upper", "an upper end is for \"range\" only; leave it empty for \(kind.rawValue)")
                continue
            }
            if let upper, let value, upper <= value {
                read.problem(row, "upper", "expected an upper end above the value \(formatNumber(value)), found \(formatNumber(upper))")
                continue
            }
            guard let indicator, let year, let measure, let kind, let value else { continue }
            let identity = "\(indicator) \(year) \(measure.rawValue)"
            if let first = firstLine[identity] {
                log.add(.line(row.line), "duplicate row \(identity) (first on line \(first))")
                continue
            }
            firstLine[identity] = row.line
            let wording: Wording = switch kind {
            case .atLeast: .atLeast(value)
            case .atMost: .atMost(value)
            case .around: .around(value, tolerance: tolerance ?? 0)
            case .range: .range(value, upper ?? value)
            }
            guard read.plausible(row, wording, measure) else { continue }
            targets.append(PastTarget(indicator: indicator, year: year, measure: measure, wording: wording,
                                      word: row["word"], evidence: row["evidence"], quote: row["quote"], reading: row["reading"], source: row["source"], line: row.line))
        }
        try log.throwIfAny()
        return targets
    }
}
