import Foundation

/// A scenario file: the region, its history, the model, the risks and the targets to assess.
///
/// Load with `Scenario.load(contentsOf:)` (the file alone) or `ScenarioInput.load(contentsOf:)`
/// (the file and the history tables it references). Units: percent for growth and rates
/// (8.2 means 8.2 %), the stated unit for levels; risk impacts and adjustments in percentage
/// points (pp). Relative paths are resolved against the scenario file's directory.
public struct Scenario: Sendable, Hashable, Encodable {
    /// URL of the JSON Schema, for editors (`$schema`).
    public var schema: String?
    public var name: String
    public var region: String
    /// The history table (CSV) of the region; an indicator may name its own instead.
    public var history: FileReference?
    /// Set when the history is another region's, standing in for this one.
    public var historyProxy: HistoryProxy?
    /// Last year with data: the simulation starts at `baseYear + 1`.
    public var baseYear: Int
    /// Last simulated year (> `baseYear`).
    public var horizonEnd: Int
    public var estimation: EstimationWindow
    public var model: ModelSettings
    public var shocks: ShockSettings
    public var simulation: SimulationSettings
    /// A target is reachable at this risk when P(met) >= `confidence`, in (0, 1).
    public var confidence: Double
    public var indicators: [Indicator]
    public var targets: [Target]
    public var risks: [Risk]
    public var adjustments: [Adjustment]
    /// What-if assumptions (hard values or soft ranges); empty for an unconditional scenario.
    public var conditions: [Condition] {
        get { conditionList ?? [] }
        set { conditionList = newValue.isEmpty ? nil : newValue }
    }
    /// `conditions`, nil when empty (so that an unconditional scenario encodes as before).
    private var conditionList: [Condition]?
    public var backtest: BacktestSettings?
    /// The fitted combination that makes P(met) calibrated (`forecast calibrate`); nil: the
    /// model's P(met) alone.
    public var calibration: CalibrationSettings?

    /// The simulated years, `baseYear + 1 ... horizonEnd`.
    public var horizon: ClosedRange<Int> { (baseYear + 1)...horizonEnd }

    /// The indicator with this id.
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// The history file of an indicator: its own, else the scenario's.
    public func historyFile(for indicator: Indicator) -> FileReference? { indicator.history ?? history }

    /// The region whose history stands in for this scenario's region in fitting `indicator`, or
    /// nil when the history is the region's own (or the indicator is judgmental): the
    /// indicator's `history_region` when it differs from `region`, else the `history_proxy`
    /// region when the indicator reads the scenario's history.
    public func proxyRegion(for indicator: Indicator) -> String? {
        guard !indicator.isJudgmental else { return nil }
        if let named = indicator.historyRegion { return named == region ? nil : named }
        return indicator.history == nil || indicator.history == history ? historyProxy?.region : nil
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema", name, region, history, historyProxy = "history_proxy",
             baseYear = "base_year", horizonEnd = "horizon_end", estimation, model, shocks,
             simulation, confidence, indicators, targets, risks, adjustments, conditionList = "conditions", backtest, calibration
    }

    public init(schema: String? = nil, name: String, region: String, history: FileReference?,
                historyProxy: HistoryProxy? = nil, baseYear: Int, horizonEnd: Int,
                estimation: EstimationWindow, model: ModelSettings, shocks: ShockSettings,
                simulation: SimulationSettings, confidence: Double, indicators: [Indicator],
                targets: [Target], risks: [Risk] = [], adjustments: [Adjustment] = [],
                conditions: [Condition] = [], backtest: BacktestSettings? = nil, calibration: CalibrationSettings? = nil) {
        self.schema = schema
        self.name = name
        self.region = region
        self.history = history
        self.historyProxy = historyProxy
        self.baseYear = baseYear
        self.horizonEnd = horizonEnd
        self.estimation = estimation
        self.model = model
        self.shocks = shocks
        self.simulation = simulation
        self.confidence = confidence
        self.indicators = indicators
        self.targets = targets
        self.risks = risks
        self.adjustments = adjustments
        self.conditionList = conditions.isEmpty ? nil : conditions
        self.backtest = backtest
        self.calibration = calibration
    }
}

extension Scenario {
    /// Reads and validates a scenario file (not the files it references: see `ScenarioInput`).
    ///
    /// - Throws: `ValidationFailure` with every problem found: file missing, empty or not
    ///   UTF-8, invalid JSON, a key written twice in one object, unknown or missing keys, wrong types, values out of range,
    ///   references to undeclared indicators, years outside the horizon.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> Scenario {
        let text = try TextFile.read(url)
        return try decode(Data(text.utf8), file: url.relativePath, baseDirectory: url.deletingLastPathComponent())
    }

    /// Decodes and validates scenario JSON. `file` names it in messages; relative paths are
    /// resolved against `baseDirectory`.
    public static func decode(_ data: Data, file: String, baseDirectory: URL) throws(ValidationFailure) -> Scenario {
        let log = ProblemLog(file: file, baseDirectory: baseDirectory)
        try checkSyntax(data, log: log)
        logStrictJSONProblems(in: data, log: log)
        let decoder = JSONDecoder()
        decoder.userInfo[.problemLog] = log
        let scenario = try? decoder.decode(Attempt<Scenario>.self, from: data).value
        try log.throwIfAny()
        guard let scenario else {
            throw ValidationFailure(problems: [ValidationProblem(file: file, location: .file, message: "could not be decoded")])
        }
        return scenario
    }

    /// Encodes the scenario as JSON (paths as written), keys sorted, for a file or a report.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Reports a JSON syntax error with its line and column (JSONDecoder's own message has neither).
func checkSyntax(_ data: Data, log: ProblemLog) throws(ValidationFailure) {
    do {
        _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        var location = Location.file
        if let range = detail.range(of: #"character (\d+)"#, options: .regularExpression),
           let offset = Int(detail[range].split(separator: " ")[1]) {
            location = .line(lineNumber(ofByte: offset, in: data))
        } else if let range = detail.range(of: #"^Number \S+ is not representable"#, options: .regularExpression),
                  let literal = detail[range].split(separator: " ").dropFirst().first,
                  let found = data.firstRange(of: Data(literal.utf8)) {
            location = .line(lineNumber(ofByte: found.lowerBound - data.startIndex, in: data))
        } else if detail.localizedCaseInsensitiveContains("end of file") {
            // Cut short: the last line with text is where the file ends.
            let end = data.lastIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } ?? data.startIndex
            location = .line(lineNumber(ofByte: end - data.startIndex, in: data))
        }
        log.add(location, "not valid JSON: \(detail)")
        try log.throwIfAny()
    }
}

/// 1-based line of a byte offset.
func lineNumber(ofByte offset: Int, in data: Data) -> Int {
    1 + data.prefix(max(0, offset)).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
}
