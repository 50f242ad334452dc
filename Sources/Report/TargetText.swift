import Scenario
import Simulation

/// Words and numbers of a target row, shared by the Markdown, CSV and JSON writers.
struct TargetText {
    let run: ScenarioRun
    let item: ScenarioTarget

    var confidence: Double { run.scenario.confidence }

    /// "gdp 地区生产总值", with "(history: Jiangxi's, a proxy)" when another region's history stands in.
    var indicatorLabel: String {
        item.indicator.label + (proxyText.map { " (\($0))" } ?? "")
    }

    /// "history: Jiangxi's, a proxy" when another region's history stands in, else nil.
    var proxyText: String? { item.proxyRegion.map { "history: \($0)'s, a proxy" } }

    /// The bound in symbols, e.g. "≥ 8.2%", "7% ± 0.5", "≥ 340 亿元".
    var boundText: String {
        let years = item.target.measure == .averageGrowth
            ? " (average \(item.target.years.lowerBound)-\(item.target.years.upperBound))" : ""
        return item.target.bound.symbols(unit: item.unit) + years
    }

    /// The reading in words: "左右 read as at least X − 0.5 (official practice)", "at least X".
    var readingText: String {
        let t = item.target
        var text: String
        switch t.wording {
        case .atLeast: text = "at least" + Self.boundWord(in: t.quote, among: ["以上", "不低于", "超过"])
        case .atMost: text = "at most" + Self.boundWord(in: t.quote, among: ["以内", "以下", "不超过", "控制在", "左右"])
        case .around(let x, let tol):
            text = "左右 \(plain(x)) ± \(plain(tol)): " + (t.readAs == .floor ? "met at \(plain(x - tol)) or above"
                : t.readAs == .ceiling ? "met at \(plain(x)) or below" : "met within the band")
        case .range(let a, let b):
            text = "区间 \(plain(a))–\(plain(b)): " + (t.readAs == .floor ? "met at \(plain(a)) or above"
                : t.readAs == .ceiling ? "met at \(plain(b)) or below" : "met within the range")
        }
        if t.wording.needsReading { text += " (\(t.readAs == .band ? "band, as the scenario states" : t.readAs == .floor ? "official review practice" : "a ceiling on prices and jobs"))" }
        if t.aspirational { text += "; aspirational (力争)" }
        return text
    }

    /// " (以上)": the first of `words` the target's quote uses, in brackets; "" when none.
    static func boundWord(in quote: String?, among words: [String]) -> String {
        guard let quote, let w = words.first(where: { quote.contains($0) }) else { return "" }
        return " (\(w))"
    }

    /// The hard condition of a what-if run that fixes this target's quantity (same indicator,
    /// the target's single year), if any: no shift of the distribution applies to it.
    var fixingCondition: Condition? {
        guard run.conditioning != nil, item.target.measure != .averageGrowth, item.target.measure != .level else { return nil }
        return run.scenario.conditions.first { $0.isHard && $0.indicator == item.target.indicator && $0.year == item.target.year }
    }

    /// The shift needed, in words: "+1.3 pp", "none (slack 0.8 pp)", or why none exists.
    var shiftText: String {
        guard let outcome = item.outcome else { return "" }
        if let c = fixingCondition { return "none: fixed at \(NumberFormat.plain(c.interval.lower)) by the condition" }
        guard let shift = outcome.shiftNeeded(confidence: confidence) else {
            return "no shift reaches \(Int((100 * confidence).rounded()))% (band narrower than the spread)"
        }
        let se = shiftStandardError ?? 0.05
        let unit = item.unit
        let needed: Bool
        switch item.target.bound {
        case .atLeast: needed = shift > 0
        case .atMost: needed = shift < 0
        case .around: needed = shift != 0
        }
        let magnitude = NumberFormat.points(abs(shift), standardError: se)
        if !needed { return "none (slack \(magnitude) \(unit))" }
        return (shift > 0 ? "+" : "−") + magnitude + " " + unit
    }

    var shiftStandardError: Double? {
        guard let outcome = item.outcome else { return nil }
        switch item.target.bound {
        case .atLeast: return outcome.distribution.quantileStandardError(1 - confidence)
        case .atMost: return outcome.distribution.quantileStandardError(confidence)
        case .around: return outcome.distribution.resolution
        }
    }

    var reachable: Bool? { item.outcome.map { $0.probability.value >= confidence } }

    /// "yes" or "no" (P(met) against the confidence), or "borderline" when the two are within
    /// two Monte Carlo standard errors, so the verdict could flip with more paths.
    var verdict: String {
        guard let p = item.outcome?.probability else { return "" }
        if p.standardError > 0 && abs(p.value - confidence) <= 2 * p.standardError {
            return "borderline (within MC error)"
        }
        return p.value >= confidence ? "yes" : "no"
    }

    /// Quantile `p` of the constrained quantity, formatted with the digits its SE supports.
    func quantileText(_ p: Double) -> String {
        guard let d = item.outcome?.distribution, let q = d.quantile(p) else { return "" }
        return NumberFormat.points(q, standardError: d.quantileStandardError(p) ?? d.resolution, cap: item.unit == "pp" ? 1 : 2)
    }

    func plain(_ x: Double) -> String { NumberFormat.plain(x) }
}
