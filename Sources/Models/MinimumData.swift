/// The least history a fit needs, in one place: every command (simulate, validate, fit,
/// backtest) counts it the same way and says it in the same words.
///
/// The unit is a *pair of consecutive observed years*: years t − 1 and t both observed in the
/// estimation panel (a missing or excluded year breaks the pair). An AR(1), a random walk's
/// drift, a VAR(1) row and the AR(1) scales of the Minnesota prior all learn the dynamics and
/// the shock size from such pairs, however many scattered years there are.
///
/// Why 4: with n pairs an AR(1) (intercept and slope) leaves n − 2 residual degrees of freedom
/// for the shock variance, and the chance that the estimated shock sd is below a third of the
/// true one is P(χ²_{n−2} / (n − 2) < 1/9): 26% at 3 pairs, 10% at 4, 5% at 5. The Jiangxi
/// 2011 backtest shows the 3-pair case: a BVAR(1) fitted on Jiangxi's GDP growth of 2001–2010
/// (7 observed years, 3 pairs) gave a 10–90% band of 14.2–14.9 for 2011 (outcome 12.5); with
/// 4 pairs (2012) the band was 11.6–13.8 (README, "Minimum data").
public enum MinimumData {
    /// Fewest pairs of consecutive observed years an indicator (or, for a VAR(p), the panel:
    /// years with every indicator and its p lags observed) needs to be fitted.
    public static let consecutivePairs = 4

    /// The pairs of consecutive observed (non-NaN) values in `values`, one value per year of
    /// consecutive years.
    public static func pairs(in values: [Double]) -> Int {
        guard values.count >= 2 else { return 0 }
        return (1..<values.count).filter { !values[$0].isNaN && !values[$0 - 1].isNaN }.count
    }

    /// Whether `pairs` meets the minimum.
    public static func isEnough(_ pairs: Int) -> Bool { pairs >= consecutivePairs }

    /// The requirement in words, for messages and help texts.
    public static let requirement =
        "a fit needs at least \(consecutivePairs) pairs of consecutive observed years (README: Minimum data)"

    /// "gdp has 3 pairs of consecutive observed years in 2001-2010; a fit needs at least 4 ..."
    public static func shortfall(_ subject: String, pairs: Int, years: ClosedRange<Int>? = nil) -> String {
        let span = years.map { " in \($0.lowerBound)-\($0.upperBound)" } ?? ""
        return "\(subject) has \(pairs) pair\(pairs == 1 ? "" : "s") of consecutive observed years\(span); \(requirement)"
    }

    /// For a VAR(p): "VAR(2) has 3 usable years (every indicator and its 2 lags observed); a fit needs ..."
    public static func shortfall(lags: Int, usableYears: Int) -> String {
        "VAR(\(lags)) has \(usableYears) usable year\(usableYears == 1 ? "" : "s") (every indicator and its \(lags) lag\(lags == 1 ? "" : "s") observed); "
            + requirement + ", here years with every lag observed"
    }
}
