import Foundation
import Scenario

/// Settings of the target-anchored forecaster, chosen by rolling origin (`grid`).
public struct AnchoredSettings: Sendable, Hashable, Codable {
    /// Half-life of the recency weights, in years: a deviation of year t weighs
    /// `0.5^((Y − 1 − t) / halfLife)` in a forecast of year Y.
    public var halfLife: Double
    /// κ: how many (weighted) own years the region's mean needs to count as much as the
    /// mean of the other regions' deviations for the same indicator (partial pooling).
    public var regionWeight: Double
    /// ν₀: degrees of freedom of the pooled variance; small values give fat tails.
    public var priorDegreesOfFreedom: Double

    public init(halfLife: Double, regionWeight: Double, priorDegreesOfFreedom: Double) {
        self.halfLife = halfLife
        self.regionWeight = regionWeight
        self.priorDegreesOfFreedom = priorDegreesOfFreedom
    }

    /// The candidates searched at every origin (3 × 3 × 4).
    public static let grid: [AnchoredSettings] = [2.0, 4, 8].flatMap { h in
        [1.0, 3, 10].flatMap { k in [2.0, 4, 8, 30].map { AnchoredSettings(halfLife: h, regionWeight: k, priorDegreesOfFreedom: $0) } }
    }
}

/// The target-anchored forecaster: a target is itself a forecast, and the deviation
/// `outcome − stated number` has a history per indicator and region.
///
/// For a target of region r, indicator i, year Y, using only records of years before Y:
/// 0. each earlier deviation loses its year's shared shock (`YearEffects`, estimated from every
///    indicator's records before Y), so 2020's misses do not pull 2021's forecast down;
/// 1. the other regions' deviations on i, weighted by recency `w = 0.5^((Y−1−t)/h)`, give the
///    indicator's mean `m` (shrunk towards 0 by one pseudo-observation) and pooled variance `s²`;
/// 2. the region's own deviations update a normal–inverse-gamma prior
///    `NIG(mean m, weight κ, ν₀, s²)` with the same weights (`NormalInverseGamma`), so a region
///    with three years borrows the rest from the others;
/// 3. the predictive outcome is `stated + t_{ν₀+W}(μₙ, σₙ²(1 + 1/κₙ) + s_i²τ²)`: Student-t, with
///    tails as fat as the data leave them (ν₀ is chosen by rolling predictive log score), its
///    scale widened by the coming year's unknown shared shock (`YearEffects.comingYearVariance`).
/// No forecast (nil) when fewer than `minimumRecords` earlier deviations exist for i.
public struct TargetAnchored: Sendable {
    /// Records with outcomes (any years; each forecast filters to the years before it).
    public let records: [TargetRecord]
    /// The same, by indicator.
    private let byIndicator: [String: [TargetRecord]]
    /// Year effects estimated before each year of the records and the year after the last.
    private let yearEffectsBefore: [Int: YearEffects]
    /// Earlier deviations an indicator needs before it is forecast.
    public static let minimumRecords = 5

    public init(records: [TargetRecord]) {
        self.records = records.filter { $0.outcome != nil }
        byIndicator = Dictionary(grouping: self.records, by: \.indicator)
        let years = Set(records.map(\.year)).union(records.map(\.year).max().map { [$0 + 1] } ?? [])
        let scored = self.records
        yearEffectsBefore = Dictionary(uniqueKeysWithValues: years.map { y in (y, YearEffects(records: scored.filter { $0.year < y })) })
    }

    /// The year effects estimated from the records of years before `year`.
    public func yearEffects(before year: Int) -> YearEffects {
        yearEffectsBefore[year] ?? YearEffects(records: records.filter { $0.year < year })
    }

    /// Predictive distribution of the outcome of a target stated as `wording` (percent), or nil.
    public func predictive(region: String, indicator: String, year: Int, wording: Wording,
                           settings s: AnchoredSettings) -> StudentT? {
        let earlier = (byIndicator[indicator] ?? []).filter { $0.year < year }
        guard earlier.count >= Self.minimumRecords else { return nil }
        func weight(_ r: TargetRecord) -> Double { exp2(-Double(year - 1 - r.year) / s.halfLife) }
        let shocks = yearEffects(before: year)
        func deviation(_ r: TargetRecord) -> Double { r.deviation! - shocks.shift(r) }
        let own = earlier.filter { $0.region == region }
        var others = earlier.filter { $0.region != region }
        if others.count < 3 { others = earlier }   // an indicator only this region targets
        let wo = others.map(weight), dOthers = others.map(deviation)
        let total = wo.reduce(0, +)
        let mean = zip(dOthers, wo).reduce(0) { $0 + $1.0 * $1.1 } / total
        let shrunk = total / (total + 1) * mean
        let variance = max(0.01, zip(dOthers, wo).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / total)
        let prior = NormalInverseGamma(mean: shrunk, meanWeight: s.regionWeight,
                                       degreesOfFreedom: s.priorDegreesOfFreedom, variance: variance)
        let posterior = prior.updated(with: own.map(deviation), weights: own.map(weight))
        let d = posterior.predictive
        let scale = (d.scale * d.scale + shocks.comingYearVariance(indicator: indicator)).squareRoot()
        return StudentT(location: wording.value + d.location, scale: scale, degreesOfFreedom: d.degreesOfFreedom)
    }
}
