import Foundation

/// Number formatting that never shows more digits than the Monte Carlo error supports.
public enum NumberFormat {
    /// Decimals worth showing for a number whose standard error is `se` (same unit): the last
    /// digit shown is the first that twice the SE leaves uncertain, between 0 and `cap`.
    public static func decimals(standardError se: Double, cap: Int = 2) -> Int {
        guard se > 0, se.isFinite else { return cap }
        let d = -Int((log10(2 * se)).rounded(.down))
        return min(cap, max(0, d))
    }

    /// `x` with `decimals` decimals, `-0` shown as `0`.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", x)
        if let v = Double(s), v == 0 { return String(format: "%.\(decimals)f", 0.0) }
        return s
    }

    /// `x` with `decimals` decimals and its sign, "+" or "−" (U+2212); a value that rounds to
    /// zero is shown as plain zero ("0.0"), neither "+0.0" nor "−0.0".
    public static func signed(_ x: Double, _ decimals: Int) -> String {
        let magnitude = fixed(Swift.abs(x), decimals)
        if let v = Double(magnitude), v == 0 { return magnitude }
        return (x < 0 ? "−" : "+") + magnitude
    }

    /// `x` with `decimals` decimals, rounded down (`outward: -1`) or up (`outward: +1`): the
    /// bounds of an interval are rounded outward so that the printed interval contains the
    /// computed one.
    public static func fixed(_ x: Double, _ decimals: Int, outward: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = outward < 0 ? (x * scale + 1e-9).rounded(.down) : (x * scale - 1e-9).rounded(.up)
        return fixed(scaled / scale, decimals)
    }

    /// The bounds of a probability interval (fractions) as percentages with the digits the SE
    /// supports, rounded outward: "84%-88%".
    public static func percentInterval(_ lower: Double, _ upper: Double, standardError se: Double) -> String {
        let d = decimals(standardError: 100 * se)
        return fixed(100 * lower, d, outward: -1) + "%-" + fixed(100 * upper, d, outward: +1) + "%"
    }

    /// A probability (fraction) as a percentage with the digits its SE supports, e.g. "73.4%".
    /// Near 0 or 1 with a zero SE, the rule-of-three bound: "<0.01%" or ">99.99%".
    public static func percent(_ p: Double, standardError se: Double, paths: Int) -> String {
        if se == 0 {
            let bound = 100 * min(1, 3 / Double(max(paths, 1)))
            if p <= 0 { return "<" + fixed(bound, 3) + "%" }
            if p >= 1 { return ">" + fixed(100 - bound, 3) + "%" }
        }
        let d = decimals(standardError: 100 * se)
        let text = fixed(100 * p, d)
        // Never round a probability that is not 0 or 1 to "0" or "100".
        let step = fixed(pow(10, Double(-d)), d)
        if p > 0, Double(text) == 0 { return "<" + step + "%" }
        if p < 1, Double(text) == 100 { return ">" + fixed(100 - pow(10, Double(-d)), d) + "%" }
        return text + "%"
    }

    /// Percentage points with the decimals of `decimals(standardError:)`.
    public static func points(_ x: Double, standardError se: Double, cap: Int = 2) -> String {
        fixed(x, decimals(standardError: se, cap: cap))
    }

    /// A Monte Carlo standard error (a fraction) in percentage points, number only: at least
    /// one decimal, at most three, as many as the error itself supports.
    public static func standardErrorPoints(_ se: Double) -> String {
        fixed(100 * se, max(1, decimals(standardError: 100 * se, cap: 3)))
    }

    /// Decimals of a probability written as a fraction (CSV, JSON): those the percentage
    /// shows, plus two.
    public static func fractionDecimals(standardError se: Double) -> Int {
        decimals(standardError: 100 * se, cap: 3) + 2
    }

    /// A stated number as written (a target, a tolerance, a confidence): integers without
    /// ".0", any magnitude, never a trap.
    public static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
