import Calibration
import Simulation

/// report.html of `forecast backtest SCENARIO --out`: a summary in plain words (Chinese,
/// English beside), the scores of the model and the naive references with the paired standard
/// errors of their differences, the reliability diagram with its counts, the fan-band coverage
/// and CRPS, the per-year table (every target, its P(met), its first-published outcome), and
/// the method last. Numbers are those of backtest.md (`BacktestText`, `BacktestMarkdown`).
public enum BacktestPage {
    public static func render(_ run: BacktestRun) -> String {
        let s = run.summary
        var body = [PageHTML.element("h1", html: PageHTML.bilingual(zh: "回测", en: "Backtest: " + run.scenario.name)),
                    PageHTML.element("p", ["class": "meta"], text: "\(run.scenario.region) · target years \(run.settings.from)–\(run.settings.to) · "
                        + "\(s.count) targets scored, \(s.met) met · \(MarkdownReport.grouped(run.paths)) paths per year")]
        body.append(PageHTML.heading(2, zh: "摘要", en: "Summary", id: "summary"))
        body.append(summary(s))
        if s.count > 0 {
            body.append(PageHTML.heading(2, zh: "得分", en: "Scores of P(met)", id: "scores"))
            body.append(PageHTML.table(
                headers: ["预测者 <span class=\"en\">Forecaster</span>", "Brier <span class=\"en\">(lower is better)</span>",
                          "对数得分 <span class=\"en\">Log score (higher is better)</span>", "Brier, model − this", "Log score, model − this"],
                rows: s.forecasters.map { f in
                    [PageHTML.cell(f.label), PageHTML.cell(BacktestText.score(f.brier), ["class": "num"]),
                     PageHTML.cell(BacktestText.score(f.logScore), ["class": "num"]),
                     PageHTML.cell(f.name == .model ? "" : BacktestMarkdown.difference(s.brierDifference(reference: f.name)), ["class": "num"]),
                     PageHTML.cell(f.name == .model ? "" : BacktestMarkdown.difference(s.logScoreDifference(reference: f.name)), ["class": "num"])]
                }))
            body.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: "按指标", en: "By indicator (Brier scores)")))
            body.append(PageHTML.table(
                headers: ["指标 <span class=\"en\">Indicator</span>", "目标数 <span class=\"en\">Targets</span>", "达成 <span class=\"en\">Met</span>",
                          "平均 P(met) <span class=\"en\">mean, model</span>"] + s.forecasters.map(\.label),
                rows: s.byIndicator.map { g in
                    [PageHTML.cell(g.indicator), PageHTML.cell(String(g.count), ["class": "num"]), PageHTML.cell(String(g.met), ["class": "num"]),
                     PageHTML.cell(BacktestText.percent(g.meanProbability), ["class": "num"])]
                        + g.brier.map { PageHTML.cell(BacktestText.score($0), ["class": "num"]) }
                }))
            body.append(PageHTML.heading(2, zh: "可靠性", en: "Reliability of P(met)", id: "reliability"))
            body.append("<p class=\"meta\">Of the targets given P(met) in a bin, the share met: a calibrated forecast lies on the diagonal. Numbers: targets in the bin.</p>")
            let tables = s.reliabilities
            body.append("<figure>" + ReliabilityChart.render(tables.enumerated().map { k, t in
                .init(name: t.forecaster.label, colour: ComparisonChart.colour(k), bins: t.bins) },
                label: tables.count > 1 ? "Reliability of the model's and the calibrated default's P(met)" : "Reliability of the model's P(met)") + "</figure>")
            for t in tables {
                if tables.count > 1 { body.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: t.forecaster.zhLabel, en: t.forecaster.label))) }
                body.append(reliabilityTable(t.bins))
            }
            body.append(PageHTML.heading(2, zh: "预测分布", en: "Predictive distributions: band coverage and CRPS", id: "coverage"))
            let coverage = [("25%–75%", "50%", s.inside50, s.counted50), ("10%–90%", "80%", s.inside80, s.counted80)]
            body.append(PageHTML.table(
                headers: ["区间 <span class=\"en\">Band</span>", "名义 <span class=\"en\">Nominal</span>", "落在区间内 <span class=\"en\">Outcomes inside</span>",
                          "覆盖率 <span class=\"en\">Coverage</span>"],
                rows: coverage.map { c in
                    [PageHTML.cell(c.0), PageHTML.cell(c.1, ["class": "num"]), PageHTML.cell("\(c.2) of \(c.3)", ["class": "num"]),
                     PageHTML.cell(c.3 > 0 ? BacktestText.percent(Double(c.2) / Double(c.3)) : "n/a", ["class": "num"])]
                }))
            body.append(PageHTML.table(
                headers: ["指标 <span class=\"en\">Indicator</span>", "单位 <span class=\"en\">Unit</span>", "目标数 <span class=\"en\">Targets</span>",
                          "平均 CRPS <span class=\"en\">Mean CRPS (lower is better)</span>"],
                rows: s.crps.map { c in
                    [PageHTML.cell(c.indicator), PageHTML.cell(c.unit), PageHTML.cell(String(c.count), ["class": "num"]),
                     PageHTML.cell(NumberFormat.fixed(c.mean, 2), ["class": "num"])]
                }))
        }
        body.append(PageHTML.heading(2, zh: "逐年", en: "Per year", id: "years"))
        body.append(perYear(run))
        body.append(PageHTML.heading(2, zh: "方法", en: "Method", id: "method"))
        body.append("<div class=\"details\">" + PageHTML.list(markdownBullets: BacktestMarkdown.header(run, s))
            + PageHTML.list(markdownBullets: BacktestMarkdown.notForecast(run)) + "</div>")
        return PageHTML.document(title: "Backtest: " + run.scenario.name, body: body)
    }

    static func summary(_ s: BacktestSummary) -> String {
        guard s.count > 0 else {
            return PageHTML.element("p", html: PageHTML.bilingual(zh: "没有可评分的目标。", en: "No target was scored."))
        }
        var rows: [(String, String)] = [(
            "共评分 \(s.count) 个历史目标，其中 \(s.met) 个按首次公布数据达成。模型 Brier 分数 \(BacktestText.score(s.scores(.model)!.brier))（越低越好）。",
            "\(s.count) past targets scored, \(s.met) met by the first-published outcome. The model's Brier score: \(BacktestText.score(s.scores(.model)!.brier)) (lower is better).")]
        for f in s.forecasters where f.name != .model {
            let b = s.brierDifference(reference: f.name)
            let word: String
            if !(b.standardError > 0) || abs(b.mean) < 2 * b.standardError {
                word = "差异在 2 个标准误之内，无法区分"
            } else {
                word = b.mean < 0 ? "模型更好" : "模型更差"
            }
            rows.append(("与\(f.zhLabel)相比：Brier 差 \(BacktestMarkdown.difference(b))，\(word)。", BacktestMarkdown.verdict(s, reference: f.name)))
        }
        if s.counted80 > 0 {
            let c50 = s.counted50 > 0 ? BacktestText.percent(Double(s.inside50) / Double(s.counted50)) : "n/a"
            let c80 = BacktestText.percent(Double(s.inside80) / Double(s.counted80))
            rows.append(("预测区间：25%–75% 区间包含 \(c50) 的结果（名义 50%），10%–90% 区间包含 \(c80)（名义 80%）。",
                         "Fan bands: the 25–75% band held \(c50) of outcomes (nominal 50%), the 10–90% band \(c80) (nominal 80%)."))
        }
        return PageHTML.summary(rows.map { (PageHTML.escape($0.0), PageHTML.escape($0.1)) })
    }

    static func reliabilityTable(_ bins: [ReliabilityBin]) -> String {
        PageHTML.table(
            headers: ["P(met) 区间 <span class=\"en\">bin</span>", "目标数 <span class=\"en\">Targets</span>", "平均预测 <span class=\"en\">Mean predicted</span>",
                      "达成 <span class=\"en\">Met</span>", "达成比例 <span class=\"en\">Observed</span>"],
            rows: bins.filter { $0.count > 0 }.map { b in
                [PageHTML.cell("\(Int((100 * b.lower).rounded()))–\(Int((100 * b.upper).rounded()))%"), PageHTML.cell(String(b.count), ["class": "num"]),
                 PageHTML.cell(NumberFormat.fixed(100 * b.meanProbability, 1) + "%", ["class": "num"]), PageHTML.cell(String(b.met), ["class": "num"]),
                 PageHTML.cell(NumberFormat.fixed(100 * b.observedFrequency, 1) + "%", ["class": "num"])]
            }, class: "data reliability")
    }

    static func perYear(_ run: BacktestRun) -> String {
        PageHTML.table(
            headers: ["年 <span class=\"en\">Year</span>", "指标 <span class=\"en\">Indicator</span>", "目标 <span class=\"en\">Target (as quoted)</span>",
                      "达成概率 <span class=\"en\">P(met)</span>", "10% / 50% / 90%", "结果 <span class=\"en\">Outcome</span>", "达成 <span class=\"en\">Met?</span>"],
            rows: run.forecasts.map { f in
                let t = BacktestText(forecast: f)
                let name = run.scenario.indicator(f.target.indicator)?.name?.zh
                var row = [PageHTML.cell(String(f.target.year), ["class": "num"]),
                           PageHTML.cell(html: PageHTML.escape(name ?? f.target.indicator) + " " + PageHTML.element("span", ["class": "small muted"], text: f.target.indicator)),
                           PageHTML.cell(html: PageHTML.escape(f.target.quote) + "<br/>" + PageHTML.element("span", ["class": "small muted"], text: t.boundText))]
                switch f.status {
                case .notEvaluated(let reason):
                    row.append(PageHTML.cell(html: PageHTML.element("span", ["class": "reason"], text: "not evaluated: " + reason), ["colspan": "2"]))
                case .scored, .noOutcome:
                    row.append(PageHTML.cell(t.probabilityText, ["class": "num"]))
                    row.append(PageHTML.cell("\(t.quantileText(0.1)) / \(t.quantileText(0.5)) / \(t.quantileText(0.9))", ["class": "num"]))
                }
                row.append(PageHTML.cell(f.status == .noOutcome ? "no outcome" : t.outcomeText, ["class": "num"]))
                row.append(PageHTML.cell(html: f.met.map { PageHTML.element("span", ["class": $0 ? "verdict likely" : "verdict at-risk"], text: $0 ? "yes 达成" : "no 未达成") } ?? ""))
                return row
            }, class: "data per-year")
    }
}
