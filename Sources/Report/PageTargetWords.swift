import Scenario
import Simulation

/// The words of one target on the pages, in Chinese and English: its group at the scenario's
/// confidence, its P(met) and interval as the tables print them, and what it would take.
///
/// Numbers are formatted by `NumberFormat` exactly as in tables.md (the digits the Monte Carlo
/// error supports); the English shift is `TargetText.shiftText`.
struct PageTargetWords {
    /// A target's standing at the scenario's confidence.
    enum Group: Int, CaseIterable {
        case likely, borderline, atRisk, notEvaluated

        var zh: String { ["较有把握", "临界", "有风险", "未评估"][rawValue] }
        var en: String { ["likely", "borderline", "at risk", "not evaluated"][rawValue] }
        /// CSS class of the group (colour).
        var cssClass: String { ["likely", "borderline", "at-risk", "not-evaluated"][rawValue] }
    }

    let text: TargetText
    var item: ScenarioTarget { text.item }

    init(run: ScenarioRun, item: ScenarioTarget) { text = TargetText(run: run, item: item) }

    var nameZh: String { item.indicator.name?.zh ?? item.indicator.id }
    var nameEn: String { item.indicator.name?.en ?? item.indicator.id }

    /// Likely (P(met) >= confidence), at risk (below), borderline (within two Monte Carlo
    /// standard errors of it: `TargetText.verdict`), or not evaluated.
    var group: Group {
        guard item.outcome != nil else { return .notEvaluated }
        let verdict = text.verdict
        return verdict.hasPrefix("borderline") ? .borderline : (verdict == "yes" ? .likely : .atRisk)
    }

    /// P(met) as tables.md prints it, e.g. "86%" (nil when not evaluated).
    var probability: String? {
        item.outcome.map { o in
            NumberFormat.percent(o.probability.value, standardError: o.probability.standardError, paths: o.probability.paths)
        }
    }

    /// The 95% Monte Carlo interval of P(met), e.g. "85%-88%".
    var interval: String? {
        guard let p = item.outcome?.probability else { return nil }
        let ci = p.interval95
        if p.standardError == 0 {
            return "\(NumberFormat.fixed(100 * ci.lower, 3))%-\(NumberFormat.fixed(100 * ci.upper, 3))%"
        }
        return NumberFormat.percentInterval(ci.lower, ci.upper, standardError: p.standardError)
    }

    /// True when the target falls short of the confidence and some shift of the indicator's
    /// distribution would reach it (nil when not evaluated or when no shift reaches it).
    var needsShift: Bool? {
        if text.fixingCondition != nil { return false }
        guard let outcome = item.outcome, let shift = outcome.shiftNeeded(confidence: text.confidence) else { return nil }
        switch item.target.bound {
        case .atLeast: return shift > 0
        case .atMost: return shift < 0
        case .around: return shift != 0
        }
    }

    /// What it would take in Chinese, beside `TargetText.shiftText` in English: "需提高 6.7
    /// 个百分点" (a rise needed), "需降低 …" (a fall), "余量 1.3 个百分点" (slack), or that no
    /// shift reaches the confidence.
    var shiftZh: String {
        guard let outcome = item.outcome else { return "" }
        if let c = text.fixingCondition { return "由条件固定为 \(NumberFormat.plain(c.interval.lower))" }
        guard let needed = needsShift, let shift = outcome.shiftNeeded(confidence: text.confidence) else {
            return "任何平移都达不到 \(Int((100 * text.confidence).rounded()))%（区间窄于预测分布）"
        }
        let magnitude = NumberFormat.points(abs(shift), standardError: text.shiftStandardError ?? 0.05)
        let unit = item.unit == "pp" ? " 个百分点" : " " + item.unit
        if !needed { return "余量 " + magnitude + unit }
        return (shift > 0 ? "需提高 " : "需降低 ") + magnitude + unit
    }

    /// Median and the 10%–90% range of the constrained quantity, e.g. "9.0 (8.1 to 10.1)".
    var range: String {
        guard item.outcome != nil else { return "" }
        return "\(text.quantileText(0.5)) (\(text.quantileText(0.1)) to \(text.quantileText(0.9)))"
    }

    /// P(lands near X) and its band, e.g. "5.5% (7% ± 0.5)", or "" when there is no second figure.
    var near: String {
        guard let o = item.near, let band = item.target.nearBand else { return "" }
        let p = o.probability
        return "\(NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)) (\(band.symbols(unit: item.unit)))"
    }
}
