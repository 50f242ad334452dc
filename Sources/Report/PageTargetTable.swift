import Scenario
import Simulation

/// The table of targets on the scenario page: one row per target (`id="target-i"`, i its index
/// in the scenario) with the report's words, the bound and its reading, P(met) with its 95%
/// Monte Carlo interval (`data-target`), the verdict at the scenario's confidence, the shift
/// needed or the slack, the median and 10–90% range, the second figure P(lands near X)
/// (`data-near`) under the reading, and when calibrated the model's and the target-anchored P(met) and the shift of the paths. A
/// target not evaluated keeps its row and prints the reason.
enum PageTargetTable {
    static func render(_ run: ScenarioRun) -> String {
        let e = PageHTML.escape, cell = PageHTML.cell(html:_:)
        let confidence = MarkdownReport.percentText(run.scenario.confidence)
        let calibrated = run.calibration != nil
        var headers = ["指标 <span class=\"en\">Indicator</span>", "目标 <span class=\"en\">Target, year, reading</span>",
                       "达成概率 <span class=\"en\">P(met), 95% interval</span>",
                       "\(confidence) 把握 <span class=\"en\">Verdict at \(confidence)</span>",
                       "所需调整 <span class=\"en\">Shift needed or slack</span>",
                       "中位数 <span class=\"en\">Median (10%–90%)</span>"]
        if run.conditioning != nil {
            headers.insert("无条件 <span class=\"en\">P(met) without conditions</span>", at: 3)
            headers[2] = "条件达成概率 <span class=\"en\">P(met | conditions), 95% interval</span>"
        }
        if calibrated {
            headers += ["模型（未计风险与判断调整） <span class=\"en\">Model P(met) before risks and judgments</span>", "目标锚定 <span class=\"en\">Anchored P(met)</span>",
                        "路径平移 <span class=\"en\">Shift of the paths</span>"]
        }
        var rows: [[String]] = []
        for (i, item) in run.targets.enumerated() {
            let w = PageTargetWords(run: run, item: item)
            let t = w.text
            let name = PageHTML.element("strong", text: w.nameZh) + " " + PageHTML.element("span", ["class": "small muted"], text: item.indicator.id)
                + "<br/>" + PageHTML.element("span", ["class": "small muted"], text: w.nameEn)
            var target = e(item.target.quote ?? t.boundText) + "<br/>"
                + PageHTML.element("span", ["class": "small muted"], text: "\(item.target.year) · \(t.boundText) · \(t.readingText)")
            if !w.near.isEmpty {
                target += "<br/>" + PageHTML.element("span", ["class": "small"], html: "落在目标附近 lands near: "
                    + PageHTML.element("span", ["class": "near", "data-near": String(i)], text: w.near))
            }
            var row = [cell(name, [:]), cell(target, [:])]
            guard item.outcome != nil else {
                row.append(cell(PageHTML.element("span", ["class": "verdict not-evaluated"], text: "未评估 not evaluated") + ": "
                    + PageHTML.element("span", ["class": "reason"], text: item.reason ?? ""),
                    ["colspan": String(headers.count - 2)]))
                rows.append(row)
                continue
            }
            let group = w.group
            row.append(cell(PageHTML.element("span", ["class": "p", "data-target": String(i)],
                                             text: w.probability ?? "")
                + "<br/>" + PageHTML.element("span", ["class": "small muted"], text: w.interval ?? ""), ["class": "num"]))
            if let c = run.conditioning {
                row.append(PageHTML.cell(ConditionText.unconditionalCell(c, target: i), ["class": "num unconditional", "data-unconditional": String(i)]))
            }
            row.append(cell(PageHTML.element("span", ["class": "verdict \(group.cssClass)"], text: group.zh) + "<br/>"
                + PageHTML.element("span", ["class": "small \(group.cssClass)"], text: group.en), [:]))
            row.append(cell(e(w.shiftZh) + "<br/>" + PageHTML.element("span", ["class": "small en"], text: t.shiftText), [:]))
            row.append(PageHTML.cell(w.range, ["class": "num"]))
            if calibrated {
                let c = item.calibration
                row.append(PageHTML.cell(c.map { NumberFormat.percent($0.model.value, standardError: $0.model.standardError, paths: $0.model.paths) } ?? "", ["class": "num"]))
                row.append(PageHTML.cell(c.map { $0.anchored.map { NumberFormat.fixed(100 * $0, 0) + "%" } ?? "n/a" } ?? "", ["class": "num"]))
                row.append(PageHTML.cell(c.map { $0.shift.map { NumberFormat.signed($0, 2) + " pp" } ?? ($0.note ?? "") } ?? ""))
            }
            rows.append(row)
        }
        return PageHTML.table(headers: headers, rows: rows, class: "data targets") { i in
            [("id", "target-\(i)"), ("data-indicator", run.targets[i].target.indicator), ("data-year", String(run.targets[i].target.year))]
        }
    }
}
