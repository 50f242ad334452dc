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
        do {
            let file = try decoder.decode(CombinationFile.self, from: Data(contentsOf: url))
            guard !file.origins.isEmpty, file.origins.allSatisfy({ $0.coefficients.count == LogisticPool.names.count }) else {
                throw CombinationFileError.unreadable(url.relativePath, "no origin, or an origin without its \(LogisticPool.names.count) coefficients (\(LogisticPool.names.joined(separator: ", "))): a file written before they were introduced; write it again with `forecast calibrate`")
            }
            return file
        } catch let e as DecodingError {
            throw CombinationFileError.unreadable(url.relativePath, e.readerText)
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
    case unreadable(String, String)
    public var description: String {
        switch self {
        case .invalidRecord(let i, let field, let expected): return "records[\(i)].\(field): expected \(expected)"
        case .unreadable(let file, let why): return "\(file): not a combination file written by `forecast calibrate` (\(why))"
        }
    }
}
