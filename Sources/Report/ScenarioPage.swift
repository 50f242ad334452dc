import Scenario
import Simulation

/// report.html of `simulate --out`: one self-contained page a planner reads without the
/// Markdown. In order: the summary in plain words (Chinese, English beside), the P(met) chart
/// and the table of targets, P(all met) and P(at least k of n met), the fan charts with their
/// history, the risks and adjustments, the data provenance, and the model details last.
///
/// Probabilities are fractions drawn as percentages, growth and rates in percent. The page
/// holds no date and formats every number with fixed decimals: the same run gives the same
/// bytes. See `PageHTML` for what "self-contained" and "well-formed" promise.
public enum ScenarioPage {
    /// The page of `run`; `input` (the scenario with its history tables) gives the fan charts
    /// their history line and the provenance table its years (nil: neither).
    public static func render(_ run: ScenarioRun, input: ScenarioInput?) -> String {
        let s = run.scenario
        let e = PageHTML.escape
        let histories = IndicatorHistory.all(run, input: input)
        let simulated = run.origin + 1 == s.horizonEnd ? "\(s.horizonEnd)" : "\(run.origin + 1)–\(s.horizonEnd)"
        var body = [
            PageHTML.element("h1", text: s.name),
            "<p class=\"meta\">\(e(s.region)) · 基年 base year \(s.baseYear) · 预测 simulated \(simulated) · 把握 confidence \(MarkdownReport.percentText(s.confidence))"
                + " · \(MarkdownReport.grouped(run.paths)) paths · seed \(run.seed)</p>",
            PageHTML.heading(2, zh: "摘要", en: "Summary", id: "summary"),
            PageSummary.render(run, histories: histories),
            PageHTML.heading(2, zh: "各项目标", en: "The targets one by one", id: "targets"),
            "<p class=\"meta\">Bar: P(met); black line: its 95% Monte Carlo interval; dashed red mark: the scenario's confidence"
                + " (green bars reach it). Shift needed: how far the indicator's distribution would have to move for P(met) to reach"
                + " the confidence; slack: how far it could fall and still reach it.</p>",
            "<figure>" + FanChartBars.render(run) + "</figure>",
            PageTargetTable.render(run),
        ]
        if run.conditioning != nil { body.insert(ConditionText.page(run), at: 3) }
        if !run.joint.isEmpty {
            body.append(PageHTML.heading(2, zh: "全部目标同时达成", en: "All targets together", id: "joint"))
            body.append("<p class=\"meta\">From the same paths: the probability that at least k of the year's n evaluated targets are met; the top bar is P(all met).</p>")
            for (year, j) in run.joint {
                if run.joint.count > 1 { body.append(PageHTML.element("h3", text: String(year))) }
                body.append("<figure>" + PageJointChart.render(j, year: year, confidence: s.confidence) + "</figure>")
            }
        }
        body.append(PageHTML.heading(2, zh: "扇形图", en: "Fan charts (percent)", id: "fans"))
        let proxies = proxyRegions(run, histories)
        body.append(fanLegend(run, histories, proxies: proxies))
        body.append("<div class=\"fans\">")
        for (v, id) in run.variables.enumerated() {
            let history = histories.first { $0.id == id }
            let indicator = s.indicator(id)
            body.append("<section class=\"fan\" id=\"fan-\(e(id))\">")
            let proxy = indicator.flatMap(s.proxyRegion(for:)).map { " (history: \($0)'s, a proxy)" } ?? ""
            body.append(PageHTML.element("h3", html: e(name(of: indicator)) + " " + PageHTML.element("span", ["class": "en"], text: (indicator?.name?.en ?? id) + proxy)))
            body.append(PageHTML.element("p", ["class": "meta"], text: fanCaption(history)))
            body.append("<figure>" + FanChartFan.render(run, variable: v, history: history, proxies: proxies) + "</figure>")
            body.append("</section>")
        }
        body.append("</div>")
        body += DecompositionReport.page(run)
        body.append(PageHTML.heading(2, zh: "风险与调整", en: "Risks and adjustments", id: "risks"))
        body.append(PageAssumptions.render(s))
        body.append(PageHTML.heading(2, zh: "数据来源", en: "Data provenance", id: "provenance"))
        if let proxy = s.historyProxy {
            body.append("<p class=\"proxy\"><strong>Proxy history.</strong> \(e(s.region))'s own history is not used: "
                + "\(e(proxy.region))'s stands in for it. \(e(proxy.note))</p>")
        }
        if !run.warnings.isEmpty {
            body.append("<div class=\"proxy\"><strong>Warnings.</strong> Read these before the numbers:<ul>"
                + run.warnings.map { "<li>\(e($0.path)): \(e($0.message))</li>" }.joined() + "</ul></div>")
        }
        body.append(PageProvenance.render(run, histories: histories))
        body.append(PageHTML.heading(2, zh: "模型说明", en: "Model details", id: "model"))
        body.append("<div class=\"details\">" + PageHTML.list(markdownBullets: MarkdownReport.header(run)))
        if !run.notes.isEmpty {
            body.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: "运行说明", en: "Notes of the run")))
            body.append(PageHTML.list(run.notes))
        }
        body.append("</div>")
        return PageHTML.document(title: s.name, body: body)
    }

    /// The indicator's Chinese name, else its English name, else its id.
    static func name(of indicator: Indicator?) -> String {
        indicator?.name?.zh ?? indicator?.name?.en ?? indicator?.id ?? ""
    }

    /// "History: Jiangxi (a proxy), first published, 2004–2021; 2020 left out."
    static func fanCaption(_ history: IndicatorHistory?) -> String {
        guard let h = history, h.judgment == nil else { return "No history: a judgment (see Risks and adjustments)." }
        guard !h.observed.isEmpty else { return "No first-published history in the file." }
        var text = "History: \(h.region)" + (h.isProxy ? " (a proxy)" : "") + ", first published"
        if !h.excluded.isEmpty { text += "; left out of the estimation: \(IndicatorHistory.spans(h.excluded))" }
        if !h.outcomes.isEmpty {
            text += "; outcome already published: " + h.outcomes.map { "\($0.year) \(NumberFormat.plain($0.value))%" }.joined(separator: ", ")
        }
        return text + "."
    }

    /// The proxy regions whose history a fan chart draws, in order of first appearance.
    static func proxyRegions(_ run: ScenarioRun, _ histories: [IndicatorHistory]) -> [String] {
        var proxies: [String] = []
        for h in histories where run.variables.contains(h.id) && !h.observed.isEmpty && h.isProxy && !proxies.contains(h.region) {
            proxies.append(h.region)
        }
        return proxies
    }

    static func fanLegend(_ run: ScenarioRun, _ histories: [IndicatorHistory], proxies: [String]) -> String {
        let drawn = histories.filter { run.variables.contains($0.id) && !$0.observed.isEmpty }
        let own = drawn.contains { !$0.isProxy } ? run.scenario.region : nil
        return FanChartFan.legend(ownRegion: own, proxies: proxies,
                                                                 excluded: drawn.contains { !$0.excluded.isEmpty },
                                                                 outcomes: drawn.contains { !$0.outcomes.isEmpty })
    }
}
