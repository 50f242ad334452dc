import Scenario

/// What the scenario assumes beyond the history, as tables: risk events (probability, year,
/// impact on each indicator in percentage points, persistence, rationale), judgmental
/// adjustments (shift and reason), and judgments standing in for a missing history
/// (distribution, mean, sd, rationale, source). Numbers are printed as the scenario states them.
enum PageAssumptions {
    static func render(_ s: Scenario) -> String {
        var out: [String] = []
        let name = { (id: String) -> String in s.indicator(id)?.name.map { "\($0.zh) \(id)" } ?? id }
        let signed = { (x: Double) in (x > 0 ? "+" : x < 0 ? "−" : "") + NumberFormat.plain(abs(x)) }
        if s.risks.isEmpty {
            out.append(PageHTML.element("p", html: PageHTML.bilingual(zh: "无风险事件。", en: "No risk events.")))
        } else {
            let order = s.indicators.map(\.id)
            let rows = s.risks.map { r -> [String] in
                let impacts = r.impactPP.sorted { (order.firstIndex(of: $0.key) ?? .max, $0.key) < (order.firstIndex(of: $1.key) ?? .max, $1.key) }
                    .map { PageHTML.escape("\(name($0.key)) \(signed($0.value)) pp") }.joined(separator: "<br/>")
                return [PageHTML.cell(r.name), PageHTML.cell(String(r.year), ["class": "num"]),
                        PageHTML.cell(MarkdownReport.percentText(r.probability), ["class": "num"]), PageHTML.cell(html: impacts),
                        PageHTML.cell(NumberFormat.plain(r.persistence), ["class": "num"]), PageHTML.cell(r.rationale ?? "")]
            }
            out.append(PageHTML.table(headers: ["风险事件 <span class=\"en\">Risk event</span>", "年份 <span class=\"en\">Year</span>",
                                                "概率 <span class=\"en\">Probability</span>", "影响 <span class=\"en\">Impact on growth</span>",
                                                "延续 <span class=\"en\">Persistence</span>", "依据 <span class=\"en\">Rationale</span>"],
                                      rows: rows, class: "data risks"))
        }
        if s.adjustments.isEmpty {
            out.append(PageHTML.element("p", html: PageHTML.bilingual(zh: "无判断性调整。", en: "No judgmental adjustments.")))
        } else {
            let rows = s.adjustments.map { a in
                [PageHTML.cell(name(a.indicator)), PageHTML.cell(String(a.year), ["class": "num"]),
                 PageHTML.cell(signed(a.shiftPP) + " pp", ["class": "num"]), PageHTML.cell(a.reason)]
            }
            out.append(PageHTML.table(headers: ["指标 <span class=\"en\">Indicator</span>", "年份 <span class=\"en\">Year</span>",
                                                "调整 <span class=\"en\">Shift</span>", "理由 <span class=\"en\">Reason</span>"],
                                      rows: rows, class: "data adjustments"))
        }
        let judged = s.indicators.filter(\.isJudgmental)
        if !judged.isEmpty {
            let rows = judged.map { i -> [String] in
                let j = i.judgment!
                let law = j.distribution == .studentT ? "Student-t (ν = \(j.dof.map(NumberFormat.plain) ?? "?"))" : "normal"
                return [PageHTML.cell(name(i.id)), PageHTML.cell(law), PageHTML.cell(NumberFormat.plain(j.mean), ["class": "num"]),
                        PageHTML.cell(NumberFormat.plain(j.sd), ["class": "num"]), PageHTML.cell(j.rationale, ["class": "wrap"]), PageHTML.cell(j.source, ["class": "wrap small"])]
            }
            out.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: "专家判断", en: "Judgments in place of a history")))
            out.append(PageHTML.table(headers: ["指标 <span class=\"en\">Indicator</span>", "分布 <span class=\"en\">Distribution</span>",
                                                "均值 <span class=\"en\">Mean</span>", "标准差 <span class=\"en\">SD</span>",
                                                "依据 <span class=\"en\">Rationale</span>", "来源 <span class=\"en\">Source</span>"],
                                      rows: rows, class: "data judgments"))
        }
        return out.joined(separator: "\n")
    }
}
