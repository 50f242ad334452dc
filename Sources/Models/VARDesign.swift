import Linear

/// The regression form of a VAR(p) with constant on the usable years of a panel:
///
///     Y = X B + U,   row t of X = [1, y_{t-1}ᵀ, ..., y_{t-p}ᵀ]
///
/// A year t is usable when y_t and every lag y_{t-1}, ..., y_{t-p} are observed for all
/// indicators (no imputation); other years are dropped and listed. Shapes: Y is T x k,
/// X is T x (1 + kp), column-major, T the number of usable years; coefficient row 0 is the
/// constant, row 1 + (l - 1) k + j the lag-l coefficient of indicator j (statsmodels' order).
struct VARDesign: Sendable {
    let indicators: [String]
    let lags: Int
    /// Years whose row enters the regression, ascending.
    let usedYears: [Int]
    /// Years from the (p + 1)-th on that were dropped because a value or a lag is missing.
    let droppedYears: [Int]
    /// Y, T x k.
    let y: Matrix
    /// X, T x (1 + kp).
    let x: Matrix
    /// x_T = [y_T; y_{T-1}; ...; y_{T-p+1}], kp elements: the state at the panel's last year.
    let lastState: [Double]
    /// The panel's observations (years x indicators), for the AR(1) prior scales.
    let values: Matrix

    var indicatorCount: Int { indicators.count }
    var regressorCount: Int { 1 + indicators.count * lags }
    var observationCount: Int { usedYears.count }

    /// - Throws: `ModelError.invalidSpecification` (lags < 1, empty panel),
    ///   `.degenerateSeries` (an infinite value, an indicator never observed or constant),
    ///   `.missingValues` (a gap in the last p years, which form the forecast's initial state).
    init(panel: Panel, lags: Int) throws {
        let k = panel.indicators.count, n = panel.years.count
        guard lags >= 1 else { throw ModelError.invalidSpecification("a VAR needs at least 1 lag, got \(lags)") }
        guard k >= 1, n > lags else {
            throw ModelError.invalidSpecification(
                "a VAR(\(lags)) needs at least one indicator and more than \(lags) years; the panel has \(k) indicators and \(n) years")
        }
        for j in 0..<k { try VARDesign.checkSeries(panel.series(j), indicator: panel.indicators[j]) }
        let tail = (n - lags)..<n
        for j in 0..<k {
            let gaps = tail.filter { panel.values[$0, j].isNaN }.map { panel.years[$0] }
            if !gaps.isEmpty { throw ModelError.missingValues(indicator: panel.indicators[j], years: gaps) }
        }
        let observed = { (t: Int) in (0..<k).allSatisfy { !panel.values[t, $0].isNaN } }
        var used: [Int] = [], dropped: [Int] = []
        for t in lags..<n {
            if (0...lags).allSatisfy({ observed(t - $0) }) { used.append(t) } else { dropped.append(panel.years[t]) }
        }
        let m = 1 + k * lags
        var y = Matrix(rows: used.count, columns: k), x = Matrix(rows: used.count, columns: m)
        for (r, t) in used.enumerated() {
            x[r, 0] = 1
            for j in 0..<k {
                y[r, j] = panel.values[t, j]
                for l in 1...lags { x[r, 1 + (l - 1) * k + j] = panel.values[t - l, j] }
            }
        }
        indicators = panel.indicators
        self.lags = lags
        usedYears = used.map { panel.years[$0] }
        droppedYears = dropped
        self.y = y
        self.x = x
        lastState = (0..<lags).flatMap { l in (0..<k).map { panel.values[n - 1 - l, $0] } }
        values = panel.values
    }

    /// Rejects a series with an infinite value, no observation, or no variation.
    private static func checkSeries(_ s: [Double], indicator: String) throws {
        if s.contains(where: { $0.isInfinite }) {
            throw ModelError.degenerateSeries(indicator: indicator, reason: "it contains an infinite value")
        }
        let v = s.filter { !$0.isNaN }
        guard let lo = v.min(), let hi = v.max() else {
            throw ModelError.degenerateSeries(indicator: indicator, reason: "it has no observed year")
        }
        if hi - lo <= 1e-12 * Swift.max(1, Swift.abs(hi)) {
            throw ModelError.degenerateSeries(
                indicator: indicator,
                reason: "it is constant (\(hi)) in every observed year, so a VAR has no variance to model; drop it or give it a judgment distribution")
        }
    }

    /// The note listing dropped years, or nil when every year after the first p is used.
    var droppedYearsNote: String? {
        guard !droppedYears.isEmpty else { return nil }
        let list = droppedYears.map(String.init).joined(separator: ", ")
        return "used \(usedYears.count) of \(usedYears.count + droppedYears.count) regression years; dropped \(list) (a value or one of its \(lags) lag(s) is missing; nothing is imputed)"
    }
}
