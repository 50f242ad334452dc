import Simulation

/// report.html of `forecast compare --out`: the scenarios (file and name), a summary in plain
/// words (Chinese, English beside), P(met) of every target in every scenario as a chart and a
/// table with the difference to the first scenario and whether it exceeds Monte Carlo noise,
/// P(all met) per scenario, the risks and adjustments that differ, and each model last.
///
/// In the table, each P(met) cell carries `data-key` (the target's row) and `data-scenario`,
/// each difference `data-delta` (the scenario): a test can check them against the runs.
public enum ComparisonPage {
    public static func render(_ c: ScenarioComparison) -> String {
        var body = [PageHTML.element("h1", html: PageHTML.bilingual(zh: "情景比较", en: "Scenario comparison"))]
        body.append(PageHTML.table(
            headers: ["", "文件 <span class=\"en\">File</span>", "情景 <span class=\"en\">Scenario</span>", "模型 <span class=\"en\">Model</span>",
                      "路径 <span class=\"en\">Paths, seed</span>", "达成概率 <span class=\"en\">P(met)</span>"],
            rows: c.entries.map { entry in
                [PageHTML.cell(html: swatch(entry.index - 1) + " [\(entry.index)]"), PageHTML.cell(entry.file, ["class": "wrap"]),
                 PageHTML.cell(entry.run.scenario.name), PageHTML.cell(ComparisonReport.modelName(entry.run), ["class": "small"]),
                 PageHTML.cell("\(MarkdownReport.grouped(entry.run.paths)), seed \(entry.run.seed)", ["class": "num"]),
                 PageHTML.cell(entry.run.calibration == nil ? "model alone" : "calibrated")]
            }, class: "data scenarios"))
        body.append(PageHTML.heading(2, zh: "摘要", en: "Summary", id: "summary"))
        body.append(summary(c))
        body.append(PageHTML.heading(2, zh: "各项目标", en: "The targets side by side", id: "targets"))
        body.append("<p class=\"meta\">Dot: P(met); line: its 95% Monte Carlo interval; one colour per scenario"
            + (Set(c.entries.map { $0.run.scenario.confidence }).count == 1 ? "; dashed red line: the confidence" : "") + ".</p>")
        body.append("<figure>" + ComparisonChart.probabilities(c) + "</figure>")
        body.append(table(c))
        body.append(PageHTML.heading(2, zh: "全部目标同时达成", en: "P(all met) per scenario", id: "joint"))
        body.append("<figure>" + ComparisonChart.joint(c) + "</figure>")
        body.append(PageHTML.heading(2, zh: "不同的风险、调整与假设条件", en: "Risks, adjustments and conditions that differ", id: "risks"))
        let differing = c.differingAssumptions
        if differing.isEmpty {
            body.append(PageHTML.element("p", html: PageHTML.bilingual(zh: "各情景的风险事件、调整与假设条件相同。", en: "Every scenario states the same risks, adjustments and conditions.")))
        } else {
            body.append(PageHTML.table(
                headers: ["类别 <span class=\"en\">Kind</span>", "名称 <span class=\"en\">Name</span>"] + c.entries.map { "[\($0.index)]" },
                rows: differing.map { a in
                    [PageHTML.cell(a.kind), PageHTML.cell(a.name)] + a.perRun.map { PageHTML.cell($0 ?? "—", ["class": "small"]) }
                }, class: "data risks"))
        }
        body.append(PageHTML.heading(2, zh: "模型说明", en: "Models", id: "model"))
        body.append("<div class=\"details\">" + PageHTML.list(c.entries.map { "[\($0.index)] \($0.run.scenario.name): \($0.run.modelSummary)" }) + "</div>")
        body.append(PageHTML.element("p", ["class": "meta"], text: "Each scenario's own page (forecast simulate --out) has its fan charts, history and data provenance."))
        return PageHTML.document(title: "Scenario comparison: " + c.entries.map(\.run.scenario.name).joined(separator: " / "), body: body)
    }

    static func swatch(_ e: Int) -> String {
        var svg = SVG(width: 12, height: 12)
        svg.circle(cx: 6, cy: 6, r: 5, ["fill": ComparisonChart.colour(e)])
        return svg.markup(label: "scenario \(e + 1)")
    }

    static func summary(_ c: ScenarioComparison) -> String {
        var rows: [(String, String)] = []
        for e in c.entries.indices.dropFirst() {
            let diffs = c.keys.compactMap { key in c.difference(key, e).map { (key, $0) } }
            let beyond = diffs.filter { $0.1.exceedsNoise }.sorted { abs($0.1.value) > abs($1.1.value) }
            let shown = beyond.prefix(4).map { (key, d) -> (String, String) in
                let item = c.target(key, e)
                return ("\(item?.indicator.name?.zh ?? key.indicator) " + ScenarioComparison.text(d).replacingOccurrences(of: " pp", with: " 个百分点"),
                        "\(item?.indicator.name?.en ?? key.indicator) \(ScenarioComparison.text(d))")
            }
            let more = beyond.count > shown.count ? "…" : ""
            rows.append((
                "[\(e + 1)] 与 [1] 相比：<strong>\(beyond.count) 项</strong>目标的达成概率变化超出蒙特卡洛误差"
                    + (shown.isEmpty ? "" : "（" + PageHTML.escape(shown.map(\.0).joined(separator: "、")) + more + "）")
                    + "，\(diffs.count - beyond.count) 项在误差之内。",
                "[\(e + 1)] against [1]: <strong>\(beyond.count) target\(beyond.count == 1 ? "" : "s")</strong> differ beyond Monte Carlo noise"
                    + (shown.isEmpty ? "" : " (" + PageHTML.escape(shown.map(\.1).joined(separator: "; ")) + more + ")")
                    + "; \(diffs.count - beyond.count) within it."))
        }
        let joint = c.entries.flatMap { e in
            e.run.joint.map { (e.index, $0.year, $0.outcome) }
        }
        if !joint.isEmpty {
            let list = joint.map { "[\($0.0)] " + ($0.1 == joint[0].1 && Set(joint.map(\.1)).count == 1 ? "" : "\($0.1) ")
                + PageHTML.element("strong", ["class": "p", "data-joint": "\($0.0)-\($0.1)"], text: $0.2.allText) }
            rows.append(("全部目标同时达成的概率：" + list.joined(separator: "，") + "。", "P(all met): " + list.joined(separator: ", ") + "."))
        }
        let differing = c.differingAssumptions
        rows.append(differing.isEmpty
            ? ("各情景的风险事件、调整与假设条件相同。", "Every scenario states the same risks, adjustments and conditions.")
            : ("风险事件与调整有 \(differing.count) 处不同（见下表）。", "\(differing.count) risk event\(differing.count == 1 ? "" : "s") or adjustments differ (table below)."))
        return PageHTML.summary(rows)
    }

    static func table(_ c: ScenarioComparison) -> String {
        let headers = ["指标 <span class=\"en\">Indicator</span>", "目标 <span class=\"en\">Target</span>"]
            + c.entries.map { "[\($0.index)] 达成概率 <span class=\"en\">P(met)</span>" }
            + c.entries.dropFirst().map { "Δ [\($0.index)] − [1]" }
        let rows = c.keys.enumerated().map { (k, key) -> [String] in
            let item = c.entries.indices.lazy.compactMap { c.target(key, $0) }.first
            var row = [PageHTML.cell(html: PageHTML.element("strong", text: ScenarioPage.name(of: item?.indicator)) + " "
                           + PageHTML.element("span", ["class": "small muted"], text: key.indicator)),
                       PageHTML.cell(html: PageHTML.escape(item?.target.quote ?? key.bound) + "<br/>"
                           + PageHTML.element("span", ["class": "small muted"], text: "\(key.year) · \(key.bound)"))]
            for e in c.entries.indices {
                let attributes: KeyValuePairs<String, String> = ["class": "num", "data-key": String(k), "data-scenario": String(e + 1)]
                switch c.cell(key, e) {
                case .absent: row.append(PageHTML.cell("— no such target", ["class": "small", "data-key": String(k), "data-scenario": String(e + 1)]))
                case .notEvaluated:
                    row.append(PageHTML.cell(html: PageHTML.element("span", ["class": "not-evaluated"], text: "未评估 not evaluated"),
                                             ["class": "small", "data-key": String(k), "data-scenario": String(e + 1)]))
                case .estimate(let p):
                    row.append(PageHTML.cell(html: PageHTML.element("span", ["class": "p"], text: NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)), attributes))
                }
            }
            for e in c.entries.indices.dropFirst() {
                guard let d = c.difference(key, e) else { row.append(PageHTML.cell("")); continue }
                let text = ScenarioComparison.text(d)
                row.append(PageHTML.cell(html: PageHTML.element("span", ["class": d.exceedsNoise ? "p" : "muted"], text: text),
                                         ["class": "num", "data-delta": String(e + 1), "data-key": String(k)]))
            }
            return row
        }
        var reasons: [(String, [Int])] = []
        for key in c.keys {
            for e in c.entries.indices {
                guard case .notEvaluated(let reason) = c.cell(key, e) else { continue }
                let text = "\(key.indicator) \(key.year): \(reason)"
                if let i = reasons.firstIndex(where: { $0.0 == text }) { reasons[i].1.append(e + 1) } else { reasons.append((text, [e + 1])) }
            }
        }
        let notes = reasons.isEmpty ? "" : PageHTML.element("h3", html: PageHTML.bilingual(zh: "未评估的原因", en: "Why targets were not evaluated"))
            + PageHTML.list(reasons.map { "\($0.1.map { "[\($0)]" }.joined()) \($0.0)" }, class: "small")
        return PageHTML.table(headers: headers, rows: rows, class: "data comparison") + notes
    }
}
