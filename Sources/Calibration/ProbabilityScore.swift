import Foundation

// Scores of probability forecasts of binary events ("target met"), for backtests.
// Probabilities are fractions in [0, 1]; an outcome is true when the event happened.
// Brier (1950), "Verification of forecasts expressed in terms of probability", Monthly
// Weather Review 78, 1–3; the log score as in Gneiting & Raftery (2007), JASA 102, 359–378.

/// Proper scores of a set of probability forecasts of binary events.
public enum ProbabilityScore {
    /// Brier score `(1/n) Σ (p_i − o_i)²`, `o_i` = 1 when event i happened, else 0.
    /// Negatively oriented (0 is perfect; a constant 0.5 scores 0.25). NaN for no forecasts.
    ///
    /// - Precondition: `probabilities.count == outcomes.count`.
    public static func brier(_ probabilities: [Double], _ outcomes: [Bool]) -> Double {
        precondition(probabilities.count == outcomes.count, "one outcome per probability")
        return mean(zip(probabilities, outcomes).map(brier))
    }

    /// Brier score of one forecast: `(p − o)²`.
    public static func brier(_ p: Double, _ outcome: Bool) -> Double {
        let d = p - (outcome ? 1 : 0)
        return d * d
    }

    /// Mean log score `(1/n) Σ [o_i log p̃_i + (1 − o_i) log(1 − p̃_i)]` (natural log; positively
    /// oriented, 0 is perfect, a constant 0.5 scores −log 2 ≈ −0.693), where
    /// `p̃ = min(max(p, clip), 1 − clip)`. A Monte Carlo probability of exactly 0 or 1 only says
    /// that no path (or every path) met the event; clipping at `1/(2N)` for N paths keeps the
    /// score finite. NaN for no forecasts.
    ///
    /// - Precondition: `probabilities.count == outcomes.count`, `0 <= clip < 0.5`.
    public static func logScore(_ probabilities: [Double], _ outcomes: [Bool], clip: Double) -> Double {
        precondition(probabilities.count == outcomes.count, "one outcome per probability")
        return mean(zip(probabilities, outcomes).map { logScore($0, $1, clip: clip) })
    }

    /// Log score of one forecast, `log p̃` when the event happened, `log(1 − p̃)` otherwise.
    public static func logScore(_ p: Double, _ outcome: Bool, clip: Double) -> Double {
        precondition(clip >= 0 && clip < 0.5, "clip must be in [0, 0.5)")
        let q = min(max(p, clip), 1 - clip)
        return log(outcome ? q : 1 - q)
    }

    /// The clip of the log score for Monte Carlo probabilities from `paths` paths: `1/(2N)`.
    public static func clip(paths: Int) -> Double { 1 / (2 * Double(max(paths, 1))) }

    /// The "base rate" reference forecast: for each forecast, the fraction of events that
    /// happened among the forecasts of strictly earlier years (all of them, every indicator);
    /// `initial` (0.5) when no earlier year has one.
    ///
    /// - Returns: one probability per forecast and whether it is the `initial` value.
    public static func baseRate(years: [Int], outcomes: [Bool], initial: Double = 0.5)
        -> [(probability: Double, isInitial: Bool)] {
        precondition(years.count == outcomes.count, "one outcome per year")
        return years.map { y in
            let earlier = years.indices.filter { years[$0] < y }
            guard !earlier.isEmpty else { return (initial, true) }
            return (Double(earlier.filter { outcomes[$0] }.count) / Double(earlier.count), false)
        }
    }

    public static func mean(_ xs: [Double]) -> Double {
        xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
    }
}

/// A paired comparison of two forecasters' per-event scores: the mean difference
/// `(1/n) Σ (a_i − b_i)` and its standard error `sd(a − b) / √n` (sample sd, n − 1), which
/// says how much of the difference the number of events supports. SE is NaN for n < 2.
public struct PairedDifference: Sendable, Equatable {
    public let mean: Double
    public let standardError: Double
    public let count: Int

    public init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count, "paired scores")
        let d = zip(a, b).map { $0 - $1 }
        count = d.count
        mean = ProbabilityScore.mean(d)
        if d.count >= 2 {
            let m = mean
            let variance = d.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(d.count - 1)
            standardError = (variance / Double(d.count)).squareRoot()
        } else {
            standardError = .nan
        }
    }
}

/// One row of a reliability table: forecasts whose probability falls in `[lower, upper)`
/// (the last bin includes 1), how many, their mean probability, and the fraction of them
/// whose event happened. A calibrated forecaster's observed frequency is close to its mean
/// probability (Murphy & Winkler 1977, Applied Statistics 26, 41–47).
public struct ReliabilityBin: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let count: Int
    /// Events that happened.
    public let met: Int
    /// Mean forecast probability in the bin (NaN when empty).
    public let meanProbability: Double
    /// `met / count` (NaN when empty).
    public var observedFrequency: Double { count > 0 ? Double(met) / Double(count) : .nan }

    /// The table with `bins` equal bins over [0, 1] (10: 0–0.1, ..., 0.9–1).
    ///
    /// - Precondition: equal counts, `bins >= 1`, probabilities in [0, 1].
    /// The bin of probability `p` among `bins` equal bins. The 1e-9 absorbs representation
    /// error (0.3 · 10 = 3.0000000000000004 is fine, but 0.7 must not land in the 0.6 bin).
    public static func index(_ p: Double, bins: Int = 10) -> Int {
        min(bins - 1, Int((p * Double(bins) + 1e-9).rounded(.down)))
    }

    public static func table(_ probabilities: [Double], _ outcomes: [Bool], bins: Int = 10) -> [ReliabilityBin] {
        precondition(probabilities.count == outcomes.count && bins >= 1)
        var counts = [Int](repeating: 0, count: bins), met = counts
        var sums = [Double](repeating: 0, count: bins)
        for (p, o) in zip(probabilities, outcomes) {
            precondition(p >= 0 && p <= 1, "probability outside [0, 1]")
            let k = index(p, bins: bins)
            counts[k] += 1
            sums[k] += p
            if o { met[k] += 1 }
        }
        return (0..<bins).map { k in
            ReliabilityBin(lower: Double(k) / Double(bins), upper: Double(k + 1) / Double(bins), count: counts[k],
                           met: met[k], meanProbability: counts[k] > 0 ? sums[k] / Double(counts[k]) : .nan)
        }
    }
}

/// A paired comparison whose standard error is clustered: events of the same cluster (a year,
/// when one shock hits every region at once) may be correlated, so the SE is
/// `sqrt(G/(G−1) · Σ_g (Σ_{i∈g} (d_i − d̄))²) / n` over G clusters (the Liang–Zeger sandwich
/// for a mean, with the small-sample factor G/(G−1)). NaN for fewer than 2 clusters.
public struct ClusteredDifference: Sendable, Equatable {
    public let mean: Double
    public let standardError: Double
    public let count: Int
    public let clusters: Int

    public init(_ a: [Double], _ b: [Double], clusters keys: [Int]) {
        precondition(a.count == b.count && a.count == keys.count, "paired scores, one cluster each")
        let d = zip(a, b).map { $0 - $1 }
        count = d.count
        mean = ProbabilityScore.mean(d)
        var sums: [Int: Double] = [:]
        for (x, k) in zip(d, keys) { sums[k, default: 0] += x - mean }
        clusters = sums.count
        if sums.count >= 2 {
            let g = Double(sums.count)
            let s = sums.keys.sorted().reduce(0) { $0 + sums[$1]! * sums[$1]! }
            standardError = (g / (g - 1) * s).squareRoot() / Double(d.count)
        } else {
            standardError = .nan
        }
    }
}
