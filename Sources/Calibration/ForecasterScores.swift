/// The forecasters of target probabilities scored side by side on the same targets: Brier and
/// log scores, paired differences with standard errors clustered by year, reliability.
public struct ForecasterScores: Sendable {
    /// One forecaster's probabilities and scores over the scored targets.
    public struct Scores: Sendable {
        public let name: ForecasterName
        /// Probabilities (fractions), one per scored target.
        public let probabilities: [Double]
        public let brier: Double
        public let logScore: Double
        public let brierScores: [Double]
        public let logScores: [Double]
    }

    /// Indices (into the records) of the scored targets: an outcome, a model probability, a
    /// year in the scored range.
    public let targets: [Int]
    public let years: [Int]
    public let outcomes: [Bool]
    public let forecasters: [Scores]

    /// "Always met" reference probability.
    public static let alwaysMet = 0.95

    /// - Parameters:
    ///   - modelClip: the clip of the model's simulated probabilities in the log score,
    ///     1/(2N) for N paths (`ProbabilityScore.clip(paths:)`); the other forecasters are
    ///     not simulated and are not clipped (only guarded against underflow at 1e-12).
    ///   - include: which records to score (all that qualify by default).
    public init(_ rolling: RollingCalibration, years range: ClosedRange<Int>, modelClip: Double,
                include: (TargetRecord) -> Bool = { _ in true }) {
        let records = rolling.records
        targets = records.indices.filter {
            let r = records[$0]
            return r.outcome != nil && r.model != nil && range.contains(r.year) && include(r)
        }
        years = targets.map { records[$0].year }
        outcomes = targets.map { records[$0].met! }
        let outcomes = self.outcomes
        func scores(_ name: ForecasterName, _ p: [Double], clip: Double) -> Scores {
            let b = zip(p, outcomes).map { ProbabilityScore.brier($0, $1) }
            let l = zip(p, outcomes).map { ProbabilityScore.logScore($0, $1, clip: clip) }
            return Scores(name: name, probabilities: p, brier: ProbabilityScore.mean(b), logScore: ProbabilityScore.mean(l),
                          brierScores: b, logScores: l)
        }
        let f = targets.map { rolling.forecasts[$0] }
        forecasters = [
            scores(.model, targets.map { records[$0].model! }, clip: modelClip),
            scores(.alwaysMet, Array(repeating: Self.alwaysMet, count: targets.count), clip: 1e-12),
            scores(.baseRate, f.map(\.baseRate), clip: 1e-12),
            scores(.targetAnchored, f.map { $0.anchored ?? $0.baseRate }, clip: 1e-12),
            scores(.calibrated, f.map(\.calibrated), clip: 1e-12),
        ]
    }

    public func scores(_ name: ForecasterName) -> Scores { forecasters.first { $0.name == name }! }

    /// `a − b` Brier scores, clustered by year.
    public func brierDifference(_ a: ForecasterName, _ b: ForecasterName) -> ClusteredDifference {
        ClusteredDifference(scores(a).brierScores, scores(b).brierScores, clusters: years)
    }

    /// `a − b` log scores, clustered by year.
    public func logScoreDifference(_ a: ForecasterName, _ b: ForecasterName) -> ClusteredDifference {
        ClusteredDifference(scores(a).logScores, scores(b).logScores, clusters: years)
    }

    /// Reliability of a forecaster, ten bins of 0.1.
    public func reliability(_ name: ForecasterName) -> [ReliabilityBin] {
        ReliabilityBin.table(scores(name).probabilities, outcomes)
    }

    /// Observed frequency minus mean probability in reliability bin `bin` (of 10), with its
    /// standard error clustered by year: a shared shock makes a year's targets miss together,
    /// so a bin's gap is noisier than the binomial SE says.
    public func reliabilityGap(_ name: ForecasterName, bin: Int) -> ClusteredDifference {
        let p = scores(name).probabilities
        let rows = p.indices.filter { ReliabilityBin.index(p[$0]) == bin }
        return ClusteredDifference(rows.map { outcomes[$0] ? 1 : 0 }, rows.map { p[$0] }, clusters: rows.map { years[$0] })
    }
}
