/// How the forecasters of target probabilities scored on a calibration set's past targets
/// (rolling origin: each target forecast from what was known before its year): the record a
/// calibrated P(met) is quoted beside. Stored in the combination file by `forecast calibrate`.
///
/// Scores: Brier (lower is better) and log score (higher is better), means over the scored
/// targets; differences `calibrated − this` with standard errors clustered by year
/// (`ClusteredDifference`).
public struct TrackRecord: Sendable, Codable, Equatable {
    public struct Forecaster: Sendable, Codable, Equatable {
        /// `ForecasterName.rawValue`.
        public var name: String
        public var brier: Double
        public var logScore: Double
        /// Brier of the calibrated default minus this forecaster's, and its year-clustered SE;
        /// nil for the calibrated default itself.
        public var brierDifference: Double?
        public var brierDifferenceSE: Double?

        public init(name: String, brier: Double, logScore: Double, brierDifference: Double? = nil, brierDifferenceSE: Double? = nil) {
            self.name = name
            self.brier = brier
            self.logScore = logScore
            self.brierDifference = brierDifference
            self.brierDifferenceSE = brierDifferenceSE
        }
    }

    public var targets: Int
    public var met: Int
    public var regions: Int
    public var firstYear: Int
    public var lastYear: Int
    public var forecasters: [Forecaster]
    /// Reliability bins (of 0.1) of the calibrated default holding at least 20 targets, and how
    /// many of them have an observed frequency within 10 pp of the mean prediction.
    public var binsWithTwentyOrMore: Int
    public var binsWithinTenPoints: Int
    /// Each region's own past targets scored the same way (region id -> scores), so that a run
    /// can quote its region's record beside the pooled one (nationally "always met" may beat the
    /// pool that wins over all regions). Nil in files written before it was recorded.
    public var byRegion: [String: Regional]?

    /// One region's share of the record.
    public struct Regional: Sendable, Codable, Equatable {
        public var targets: Int
        public var met: Int
        public var forecasters: [Forecaster]

        public init(_ scores: ForecasterScores) {
            targets = scores.targets.count
            met = scores.outcomes.filter { $0 }.count
            // Means only: a region's few years give no usable year-clustered SE.
            forecasters = scores.forecasters.map { Forecaster(name: $0.name.rawValue, brier: $0.brier, logScore: $0.logScore) }
        }

        /// The scores of a forecaster, by `ForecasterName`.
        public func scores(_ name: ForecasterName) -> Forecaster? { forecasters.first { $0.name == name.rawValue } }
    }

    /// - Parameters:
    ///   - scores: every region's targets together.
    ///   - byRegion: each region's own scores (`Regional`), or empty.
    public init(_ scores: ForecasterScores, regions: Int, byRegion: [String: ForecasterScores] = [:]) {
        targets = scores.targets.count
        met = scores.outcomes.filter { $0 }.count
        self.regions = regions
        firstYear = scores.years.min() ?? 0
        lastYear = scores.years.max() ?? 0
        forecasters = Self.forecasters(scores)
        self.byRegion = byRegion.isEmpty ? nil : byRegion.mapValues(Regional.init)
        let bins = scores.reliability(.calibrated).filter { $0.count >= 20 }
        binsWithTwentyOrMore = bins.count
        binsWithinTenPoints = bins.filter { abs($0.observedFrequency - $0.meanProbability) <= 0.1 }.count
    }

    /// The scores of a forecaster, by `ForecasterName`.
    public func scores(_ name: ForecasterName) -> Forecaster? { forecasters.first { $0.name == name.rawValue } }

    /// The record with only `region`'s share kept (what a run of that region carries).
    public func keeping(region: String) -> TrackRecord {
        var t = self
        t.byRegion = byRegion?[region].map { [region: $0] }
        return t
    }

    /// Each forecaster's means, with the calibrated default's Brier difference against it.
    static func forecasters(_ scores: ForecasterScores) -> [Forecaster] {
        scores.forecasters.map { f in
            let d = f.name == .calibrated ? nil : scores.brierDifference(.calibrated, f.name)
            return Forecaster(name: f.name.rawValue, brier: f.brier, logScore: f.logScore,
                              brierDifference: d?.mean, brierDifferenceSE: d?.standardError)
        }
    }
}
