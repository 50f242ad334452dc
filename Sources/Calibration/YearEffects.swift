import Foundation

/// The shocks a year shares across regions and indicators in target deviations
/// (`outcome − stated number`): a one-way random-effects model on standardised deviations,
///
///     z = d / s_i = γ_t + e,   γ_t ~ (0, τ²),   e ~ (0, σ²_w),
///
/// where `s_i` is the sample standard deviation of indicator i's deviations (pp, n − 1 divisor,
/// 1 when fewer than two, at least 0.1), `σ²_w` the pooled within-year variance
/// `Σ_t Σ (z − z̄_t)² / Σ_t (n_t − 1)` (1 when no year has two records), and τ² the
/// DerSimonian–Laird moment estimate over the K years (DerSimonian and Laird 1986, "Meta-analysis
/// in clinical trials", Controlled Clinical Trials 7, 177–188, eq. 8), with year weights
/// `w_t = n_t / σ²_w`:
///
///     Q = Σ w_t (z̄_t − z̄_w)²,   τ² = max(0, (Q − (K − 1)) / (Σ w_t − Σ w_t² / Σ w_t))
///
/// (0 with fewer than three years). Each year's effect is its shrunk mean
/// `γ̂_t = z̄_t · n_t τ² / (n_t τ² + σ²_w)` (the best linear unbiased predictor).
///
/// Why: a year such as 2020 or 2022, when most targets were missed together, is a shock the
/// next year's targets do not inherit. `TargetAnchored` removes `s_i γ̂_t` from each earlier
/// deviation before weighting by recency, and adds the unknown coming year's shock as variance
/// `s_i² τ²` to its predictive. With τ² = 0 (no year stands out) nothing changes.
public struct YearEffects: Sendable, Equatable {
    /// τ², the variance of a year's shared shock, in squared standardised units.
    public let variance: Double
    /// σ²_w, the pooled within-year variance of standardised deviations.
    public let withinVariance: Double
    /// γ̂_t by year, standardised units (multiply by `scales[i]` for pp).
    public let effects: [Int: Double]
    /// s_i by indicator, pp.
    public let scales: [String: Double]

    /// Estimates from records with outcomes (the caller passes only years before the origin;
    /// records without an outcome are ignored).
    public init(records: [TargetRecord]) {
        let scored = records.filter { $0.outcome != nil }
        var scales: [String: Double] = [:]
        for (indicator, group) in Dictionary(grouping: scored, by: \.indicator) {
            let d = group.map { $0.deviation! }
            guard d.count >= 2 else { scales[indicator] = 1; continue }
            let mean = d.reduce(0, +) / Double(d.count)
            let sd = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count - 1)).squareRoot()
            scales[indicator] = max(0.1, sd)
        }
        let byYear = Dictionary(grouping: scored, by: \.year).mapValues { $0.map { $0.deviation! / scales[$0.indicator]! } }
        let years = byYear.keys.sorted()
        let means = years.map { y in byYear[y]!.reduce(0, +) / Double(byYear[y]!.count) }
        let counts = years.map { Double(byYear[$0]!.count) }
        var squares = 0.0, freedom = 0.0
        for (k, y) in years.enumerated() {
            squares += byYear[y]!.reduce(0) { $0 + ($1 - means[k]) * ($1 - means[k]) }
            freedom += counts[k] - 1
        }
        let within = freedom > 0 && squares > 0 ? squares / freedom : 1
        var tau2 = 0.0
        if years.count >= 3 {
            let w = counts.map { $0 / within }
            let sw = w.reduce(0, +)
            let centre = zip(w, means).reduce(0) { $0 + $1.0 * $1.1 } / sw
            let q = zip(w, means).reduce(0) { $0 + $1.0 * ($1.1 - centre) * ($1.1 - centre) }
            tau2 = max(0, (q - Double(years.count - 1)) / (sw - w.reduce(0) { $0 + $1 * $1 } / sw))
        }
        var effects: [Int: Double] = [:]
        for (k, y) in years.enumerated() {
            effects[y] = means[k] * counts[k] * tau2 / (counts[k] * tau2 + within)
        }
        variance = tau2
        withinVariance = within
        self.effects = effects
        self.scales = scales
    }

    /// The shared shock of the record's year in its indicator's units (pp); 0 for a year or
    /// indicator the estimate did not see.
    public func shift(_ r: TargetRecord) -> Double {
        (effects[r.year] ?? 0) * (scales[r.indicator] ?? 0)
    }

    /// The variance a coming year's unknown shock adds to an outcome of `indicator`, pp².
    public func comingYearVariance(indicator: String) -> Double {
        variance * pow(scales[indicator] ?? 0, 2)
    }
}
