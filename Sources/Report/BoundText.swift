import Scenario

extension Bound {
    /// The bound in symbols, e.g. "≥ 8.2%", "7% ± 0.5", "≥ 340 亿元": `unit` is the target's
    /// unit, "pp" for growth and rates (shown as "%").
    func symbols(unit: String) -> String {
        let u = unit == "pp" ? "%" : " " + unit
        switch self {
        case .atLeast(let x): return "≥ \(NumberFormat.plain(x))\(u)"
        case .atMost(let x): return "≤ \(NumberFormat.plain(x))\(u)"
        case .around(let x, let t): return "\(NumberFormat.plain(x))\(u) ± \(NumberFormat.plain(t))"
        }
    }
}
