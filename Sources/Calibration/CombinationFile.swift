import Foundation
import Scenario

/// The fitted combination, with its provenance: every scored record of a calibration set
/// (wording, first-published outcome, the model's P(met) from data before the year) and the
/// state learned from all of them. `forecast calibrate` writes it; a scenario names it
/// (`"calibration": {"file": ..., "region": ...}`) and its targets are forecast from the records
/// of the years before each target's year (`RollingCalibration.forecast`), so a scenario about
/// a past year never sees later outcomes.
public struct CombinationFile: Sendable, Codable {
    public struct Record: Sendable, Codable {
        public var region: String, indicator: String, year: Int, measure: String
        public var bound: String, value: Double, upper: Double?, tolerance: Double?
        public var word: String
        public var outcome: Double?
        /// The model's P(met) (fraction) from data up to the year before; nil when none.
        public var model: Double?
        public var proxied: Bool
    }
    public struct State: Sendable, Codable {
        public var year: Int, trainingTargets: Int
        public var anchored: AnchoredSettings
        public var penalty: Double?
        /// The name of the prior centre the penalty pulls towards (`LogisticPool.priors`).
        public var prior: String?
        public var coefficients: [Double]
    }

    /// What made the file, e.g. "forecast calibrate scenarios/calibration-set.json --paths 20000".
    public var madeBy: String
    public var calibrationSet: String
    public var years: [Int]
    public var paths: Int
    /// The state at each origin year (learned from the records of the years before it), the
    /// last one for targets of the year after the last record's.
    public var origins: [State]
    public var records: [Record]
    /// How the forecasters scored on the calibration set (nil in files written before it was
    /// recorded): what a P(met) pooled with this file is quoted beside.
    public var trackRecord: TrackRecord?

    public init(madeBy: String, calibrationSet: String, years: [Int], paths: Int, rolling: RollingCalibration,
                trackRecord: TrackRecord? = nil) {
        self.madeBy = madeBy
        self.trackRecord = trackRecord
        self.calibrationSet = calibrationSet
        self.years = years
        self.paths = paths
        origins = rolling.origins.keys.sorted().map { y in
            let o = rolling.origins[y]!
            return State(year: y, trainingTargets: o.trainingRecords, anchored: o.anchoredSettings, penalty: o.penalty,
                         prior: o.prior.name, coefficients: o.pool.coefficients)
        }
        records = rolling.records.map { r in
            let (bound, upper, tolerance): (String, Double?, Double?) = switch r.wording {
            case .atLeast: ("at_least", nil, nil)
            case .atMost: ("at_most", nil, nil)
            case .around(_, let t): ("around", nil, t)
            case .range(_, let b): ("range", b, nil)
            }
            return Record(region: r.region, indicator: r.indicator, year: r.year, measure: r.measure.rawValue, bound: bound,
                          value: r.wording.value, upper: upper, tolerance: tolerance, word: r.word, outcome: r.outcome,
                          model: r.model, proxied: r.proxied)
        }
    }

    /// The records as the forecasters use them.
    ///
    /// - Throws: `CombinationFileError.invalidRecord` naming the record's index and field.
    public func targetRecords() throws -> [TargetRecord] {
        try records.enumerated().map { i, r in
            guard let measure = Measure(rawValue: r.measure) else {
                throw CombinationFileError.invalidRecord(i, "measure", "a measure (growth_pct, rate_pct, level), found \"\(r.measure)\"")
            }
            let wording: Wording
            switch r.bound {
            case "at_least": wording = .atLeast(r.value)
            case "at_most": wording = .atMost(r.value)
            case "around": wording = .around(r.value, tolerance: r.tolerance ?? 0.5)
            case "range":
                guard let u = r.upper, u > r.value else { throw CombinationFileError.invalidRecord(i, "upper", "an upper end above value") }
                wording = .range(r.value, u)
            default: throw CombinationFileError.invalidRecord(i, "bound", "at_least, at_most, around or range, found \"\(r.bound)\"")
            }
            if let m = r.model, !(0...1).contains(m) { throw CombinationFileError.invalidRecord(i, "model", "a probability in [0, 1]") }
            return TargetRecord(region: r.region, indicator: r.indicator, year: r.year, measure: measure, wording: wording,
                                word: r.word, outcome: r.outcome, model: r.model, proxied: r.proxied)
        }
    }

    /// The state for targets of `year`: the origin of that year, or the last one for later
    /// years, or the first for earlier years (then learned from no earlier record).
    public func state(for year: Int) -> State {
        origins.last { $0.year <= year } ?? origins[0]
    }

    public static func load(contentsOf url: URL) throws -> CombinationFile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CombinationFileError.unreadable(url.relativePath, "no such file")
        }
        if isDirectory.boolValue { throw CombinationFileError.unreadable(url.relativePath, "a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CombinationFileError.unreadable(url.relativePath, "cannot be read")
        }
        do {
            let file = try decoder.decode(CombinationFile.self, from: data)
            guard !file.origins.isEmpty, file.origins.allSatisfy({ $0.coefficients.count == LogisticPool.names.count }) else {
                throw CombinationFileError.unreadable(url.relativePath, "no origin, or an origin without its \(LogisticPool.names.count) coefficients (\(LogisticPool.names.joined(separator: ", "))): a file written before they were introduced; write it again with `forecast calibrate`")
            }
            try file.checkConsistency()
            return file
        } catch let e as DecodingError {
            throw CombinationFileError.unreadable(url.relativePath, e.readerText)
        }
    }

    /// The largest coefficient a file may hold: a fitted pool's are within a few units (they
    /// multiply logits); anything near this bound is a hand edit.
    public static let largestCoefficient = 50.0

    /// Refuses what `forecast calibrate` never writes, so a hand-edited file cannot crash a run
    /// or put NaN in a table: origins in increasing years, each with finite anchored settings in
    /// range, a known prior centre, finite coefficients within ±`largestCoefficient`, and the
    /// number of earlier targets with outcomes that the records hold before its year.
    ///
    /// - Throws: `CombinationFileError.invalidField` naming the field's JSON path and what was
    ///   expected.
    func checkConsistency() throws {
        func fail(_ path: String, _ expected: String) -> CombinationFileError { .invalidField(path, expected) }
        guard paths >= 1 else { throw fail("paths", "a number of paths of at least 1") }
        let outcomeYears = records.filter { $0.outcome != nil }.map(\.year)
        for (i, o) in origins.enumerated() {
            let at = "origins[\(i)]"
            if i > 0 && o.year <= origins[i - 1].year {
                throw fail("\(at).year", "a year after origins[\(i - 1)].year (\(origins[i - 1].year)): origins in increasing years")
            }
            for (name, value, upper) in [("half_life", o.anchored.halfLife, 100.0), ("region_weight", o.anchored.regionWeight, 1000),
                                         ("prior_degrees_of_freedom", o.anchored.priorDegreesOfFreedom, 1000)] {
                guard value.isFinite, value > 0, value <= upper else { throw fail("\(at).anchored.\(name)", "a number in (0, \(Int(upper))]") }
            }
            if let p = o.penalty, !(p.isFinite && p > 0) { throw fail("\(at).penalty", "a positive penalty or null") }
            if let p = o.prior, !LogisticPool.priors.contains(where: { $0.name == p }) {
                throw fail("\(at).prior", "one of " + LogisticPool.priors.map { "\"\($0.name)\"" }.joined(separator: ", "))
            }
            for (k, c) in o.coefficients.enumerated() where !(c.isFinite && abs(c) <= Self.largestCoefficient) {
                throw fail("\(at).coefficients[\(k)]", "a finite \(LogisticPool.names[k]) within ±\(Int(Self.largestCoefficient))")
            }
            let earlier = outcomeYears.filter { $0 < o.year }.count
            guard o.trainingTargets == earlier else {
                throw fail("\(at).training_targets", "\(earlier), the records with an outcome before \(o.year) (records and states must come from the same calibration run; write the file again with `forecast calibrate`)")
            }
        }
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

public enum CombinationFileError: Error, CustomStringConvertible {
    case invalidRecord(Int, String, String)
    /// A field (JSON path) that `forecast calibrate` never writes so, and what was expected.
    case invalidField(String, String)
    case unreadable(String, String)
    public var description: String {
        switch self {
        case .invalidRecord(let i, let field, let expected): return "records[\(i)].\(field): expected \(expected)"
        case .invalidField(let path, let expected): return "\(path): expected \(expected)"
        case .unreadable(let file, let why): return "\(file): not a combination file written by `forecast calibrate` (\(why))"
        }
    }
}
