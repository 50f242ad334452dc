import Foundation
import Scenario

/// The forecasters of target probabilities, side by side on the same targets.
public enum ForecasterName: String, Sendable, CaseIterable, Codable {
    /// The scenario's model (simulated P(met)).
    case model
    /// "The target is always met": P = 0.95.
    case alwaysMet = "always_met"
    /// Per indicator, the smoothed met frequency (k + 1)/(n + 2) of every earlier target.
    case baseRate = "base_rate"
    /// One region's own base rate (single-region backtests): the met fraction of all its
    /// earlier years' targets, 0.5 in the first year.
    case regionBaseRate = "region_base_rate"
    /// `TargetAnchored`.
    case targetAnchored = "target_anchored"
    /// The default: `LogisticPool` of the model and the target-anchored forecaster.
    case calibrated

    /// How tables and pages name it (the id, `rawValue`, stays in CSV and JSON).
    public var label: String {
        switch self {
        case .model: "model"
        case .alwaysMet: "always met (P = 0.95)"
        case .baseRate: "base rate, per indicator"
        case .regionBaseRate: "base rate of earlier years"
        case .targetAnchored: "target-anchored"
        case .calibrated: "calibrated (the default)"
        }
    }

    /// The same in Chinese.
    public var zhLabel: String {
        switch self {
        case .model: "模型"
        case .alwaysMet: "“总能达成”（P = 0.95）"
        case .baseRate: "各指标历年达成率"
        case .regionBaseRate: "历年达成率"
        case .targetAnchored: "目标锚定"
        case .calibrated: "校准（默认）"
        }
    }
}

/// The state of the calibrated forecaster at one origin: what it learned from the records of
/// the years before `year`, and nothing after.
public struct CalibrationAtYear: Sendable {
    public let year: Int
    /// Records of earlier years with outcomes (the training set).
    public let trainingRecords: Int
    /// The target-anchored forecaster's settings, chosen by predictive log density on the
    /// earlier years (each scored from its own past only).
    public let anchoredSettings: AnchoredSettings
    /// The pool's ridge penalty and the centre it pulls towards (`LogisticPool.priors`), chosen
    /// together by log score of earlier years' pooled forecasts (each pool fitted on the years
    /// before it); penalty nil when the pool is the default prior (too few records, fewer than
    /// `RollingCalibration.minimumTraining`).
    public let penalty: Double?
    public let prior: LogisticPool.Prior
    public let pool: LogisticPool
}

/// Rolling-origin forecasts of target probabilities: for each record of year Y, the
/// target-anchored, calibrated and base-rate forecasts use only records of years before Y —
/// their outcomes, their model probabilities, and hyperparameters chosen on them.
public struct RollingCalibration: Sendable {
    /// One record's forecasts (fractions).
    public struct Forecast: Sendable {
        public let anchored: Double?
        public let anchoredPredictive: StudentT?
        public let calibrated: Double
        public let baseRate: Double
    }

    public let records: [TargetRecord]
    public let forecasts: [Forecast]
    /// The state at each year of the records, and at the year after the last.
    public let origins: [Int: CalibrationAtYear]

    /// Training records the pool needs before it departs from the prior.
    public static let minimumTraining = 20
    public static let penalties: [Double] = [0.3, 1, 3, 10, 30, 100]
    static let defaultSettings = AnchoredSettings(halfLife: 4, regionWeight: 3, priorDegreesOfFreedom: 4)

    public init(records: [TargetRecord]) {
        self.records = records
        let anchored = TargetAnchored(records: records)
        let scored = records.indices.filter { records[$0].outcome != nil }
        let years = Set(records.map(\.year)).sorted()
        let next = (years.last ?? 0) + 1
        let grid = AnchoredSettings.grid
        // Log predictive density of each scored record under each candidate (from its past only).
        var density: [Int: [Double]] = [:]
        for k in scored {
            let r = records[k]
            var row: [Double] = []
            for s in grid {
                guard let d = anchored.predictive(region: r.region, indicator: r.indicator, year: r.year,
                                                  wording: r.wording, settings: s) else { break }
                row.append(d.logDensity(r.outcome!))
            }
            if row.count == grid.count { density[k] = row }
        }
        func settings(before year: Int) -> AnchoredSettings {
            let rows = density.filter { records[$0.key].year < year }.map(\.value)
            guard !rows.isEmpty else { return Self.defaultSettings }
            let totals = grid.indices.map { c in rows.reduce(0) { $0 + $1[c] } }
            return grid[totals.indices.max { totals[$0] < totals[$1] }!]
        }
        // Anchored P(met) of every record, with the settings of its own year.
        var settingsOf: [Int: AnchoredSettings] = [:]
        for y in years + [next] { settingsOf[y] = settings(before: y) }
        // The anchored predictive of every record, with the settings of its own year (once).
        let predictives: [StudentT?] = records.map {
            anchored.predictive(region: $0.region, indicator: $0.indicator, year: $0.year, wording: $0.wording,
                                settings: settingsOf[$0.year]!)
        }
        let pAnchored: [Double?] = records.indices.map { k in predictives[k].map { records[k].bound.probability(under: $0) } }
        let base = records.map { Self.baseRate(records, indicator: $0.indicator, before: $0.year) }
        let x = records.indices.map { LogisticPool.features(model: records[$0].model, proxied: records[$0].proxied, anchored: pAnchored[$0],
                                                                   baseRate: base[$0],
                                                                   ceiling: records[$0].bound.isCeiling) }
        // Candidate pools: every prior centre with every penalty.
        let candidates = LogisticPool.priors.flatMap { prior in Self.penalties.map { (prior, $0) } }
        func fitted(before year: Int, _ candidate: (LogisticPool.Prior, Double)) -> LogisticPool? {
            let train = scored.filter { records[$0].year < year }
            guard train.count >= Self.minimumTraining else { return nil }
            return try? LogisticPool.fit(train.map { x[$0] }, train.map { records[$0].met! }, penalty: candidate.1,
                                         prior: candidate.0.coefficients)
        }
        // Log score of each year's records under pools fitted on the years before, per candidate
        // (the pools kept: the origin of year y uses one of them).
        var yearScore: [Int: [Double]] = [:]
        var yearPools: [Int: [LogisticPool]] = [:]
        for y in years {
            let members = scored.filter { records[$0].year == y }
            guard !members.isEmpty else { continue }
            var row: [Double] = [], pools: [LogisticPool] = []
            for candidate in candidates {
                guard let pool = fitted(before: y, candidate) else { break }
                pools.append(pool)
                row.append(members.reduce(0) { $0 + ProbabilityScore.logScore(pool.probability(x[$1]), records[$1].met!, clip: 0) })
            }
            if row.count == candidates.count { yearScore[y] = row; yearPools[y] = pools }
        }
        var origins: [Int: CalibrationAtYear] = [:]
        for y in years + [next] {
            let earlier = yearScore.filter { $0.key < y }.map(\.value)
            var penalty: Double? = nil
            var pool = LogisticPool()
            let choice: (LogisticPool.Prior, Double)
            var chosen: Int? = nil
            if earlier.isEmpty { choice = (LogisticPool.priors[0], 10) } else {
                let totals = candidates.indices.map { c in earlier.reduce(0) { $0 + $1[c] } }
                chosen = totals.indices.max { totals[$0] < totals[$1] }!
                choice = candidates[chosen!]
            }
            if let p = chosen.flatMap({ yearPools[y]?[$0] }) ?? fitted(before: y, choice) { pool = p; penalty = choice.1 }
            origins[y] = CalibrationAtYear(year: y, trainingRecords: scored.filter { records[$0].year < y }.count,
                                           anchoredSettings: settingsOf[y]!, penalty: penalty,
                                           prior: penalty == nil ? LogisticPool.priors[0] : choice.0, pool: pool)
        }
        self.origins = origins
        forecasts = records.indices.map { k in
            let r = records[k]
            return Forecast(anchored: pAnchored[k], anchoredPredictive: predictives[k],
                            calibrated: origins[r.year]!.pool.probability(x[k]),
                            baseRate: base[k])
        }
    }

    /// The base rate of an indicator before `year`: `(k + 1) / (n + 2)` over the n earlier
    /// targets with outcomes (every region), k of them met (Laplace's rule of succession).
    public static func baseRate(_ records: [TargetRecord], indicator: String, before year: Int) -> Double {
        var n = 0, k = 0
        for r in records where r.indicator == indicator && r.year < year {
            guard let met = r.met else { continue }
            n += 1
            if met { k += 1 }
        }
        return Double(k + 1) / Double(n + 2)
    }
}
