/// The rule that excludes outlying years from estimation using only data known at the time:
/// year t is excluded when some modelled indicator's value lies more than `k` robust standard
/// deviations (1.4826 × MAD) from the median of that indicator's values in the kept years
/// before t, with at least `minimumEarlier` of them. Years are examined in order, so an
/// excluded year never counts towards a later year's median (Hampel's identifier, applied
/// forward in time; Hampel 1974, JASA 69, 383–393).
struct OutlierRule {
    let k: Double
    static let minimumEarlier = 8

    /// Marks excluded years NaN in every column (`columns[j][t]` for year `years[t]`) and
    /// returns them with the indicator and values that triggered the rule.
    func apply(years: [Int], ids: [String], columns: inout [[Double]]) -> [(year: Int, reason: String)] {
        var excluded: [(Int, String)] = []
        for t in years.indices {
            var reason: String? = nil
            for j in ids.indices where !columns[j][t].isNaN {
                let earlier = columns[j][..<t].filter { !$0.isNaN }
                guard earlier.count >= Self.minimumEarlier else { continue }
                let m = median(earlier)
                let mad = median(earlier.map { abs($0 - m) })
                guard mad > 1e-9 else { continue }
                let z = abs(columns[j][t] - m) / (1.4826 * mad)
                if z > k {
                    reason = "\(ids[j]) \(formatted(columns[j][t])) against a median of \(formatted(m)) (\(formatted(z)) robust SD)"
                    break
                }
            }
            if let reason {
                excluded.append((years[t], reason))
                for j in ids.indices { columns[j][t] = .nan }
            }
        }
        return excluded.map { (year: $0.0, reason: $0.1) }
    }

    private func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    private func formatted(_ x: Double) -> String { String((x * 10).rounded() / 10) }
}
