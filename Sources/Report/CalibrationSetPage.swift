import Calibration
import Simulation

/// report.html of `forecast backtest CALIBRATION_SET --out`: a summary in plain words
/// (Chinese, English beside), the scores of every forecaster with the year-clustered standard
/// errors of their differences to the calibrated one, the reliability diagram of the
/// calibrated forecaster and of the model with their counts, the scores by group of regions,
/// by indicator and by year, and the calibrated forecaster's settings at each origin last.
/// Numbers are those of backtest.md (`CalibrationSetReport`).
public enum CalibrationSetPage {
    public static func render(_ run: CalibrationSetRun) -> String {
        let all = run.scores()
        let records = run.records
        var body = [PageHTML.element("h1", html: PageHTML.bilingual(zh: "校准集回测", en: "Calibration-set backtest: " + run.set.name)),
                    PageHTML.element("p", ["class": "meta"], text: "Target years \(run.set.from)–\(run.set.to) · \(run.set.regions.count) regions in the set · "
                        + "\(MarkdownReport.grouped(run.paths)) paths per region-year · every forecaster uses only what was known before the target's year")]
        body.append(PageHTML.heading(2, zh: "摘要", en: "Summary", id: "summary"))
        body.append(summary(run, all))
        guard !all.targets.isEmpty else { return PageHTML.document(title: "Calibration-set backtest: " + run.set.name, body: body) }
        body.append(PageHTML.heading(2, zh: "得分", en: "Scores", id: "scores"))
        body.append("<p class=\"meta\">Standard errors of the paired differences are clustered by year (\(Set(all.years).count) clusters): a shock year hits every region at once.</p>")
        body.append(scoresTable(all))
        body.append(PageHTML.heading(2, zh: "可靠性", en: "Reliability", id: "reliability"))
        body.append("<p class=\"meta\">Of the targets given P(met) in a bin, the share met: a calibrated forecaster lies on the diagonal. Numbers: targets in the bin.</p>")
        body.append("<figure>" + ReliabilityChart.render(
            [.init(name: "calibrated", colour: ComparisonChart.colour(0), bins: all.reliability(.calibrated)),
             .init(name: "model", colour: ComparisonChart.colour(1), bins: all.reliability(.model))],
            label: "Reliability of the calibrated forecaster and of the model") + "</figure>")
        body.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: "校准后", en: "Calibrated forecaster")))
        body.append(BacktestPage.reliabilityTable(all.reliability(.calibrated)))
        body.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: "模型", en: "Model")))
        body.append(BacktestPage.reliabilityTable(all.reliability(.model)))
        body.append(PageHTML.heading(2, zh: "按地区组", en: "By group of regions", id: "groups"))
        for (name, regions) in CalibrationSetReport.subsets(run) {
            let s = run.scores(regions: regions)
            body.append(PageHTML.element("h3", text: name))
            body.append(s.targets.isEmpty ? PageHTML.element("p", text: "No scored target.") : scoresTable(s))
        }
        let names = all.forecasters.map { $0.name.label }
        body.append(PageHTML.heading(2, zh: "按指标", en: "By indicator (Brier scores, lower is better)", id: "indicators"))
        body.append(PageHTML.table(
            headers: ["指标 <span class=\"en\">Indicator</span>", "n", "达成 <span class=\"en\">met</span>"] + names,
            rows: Array(Set(all.targets.map { records[$0].indicator })).sorted().map { ind in
                let rows = all.targets.indices.filter { records[all.targets[$0]].indicator == ind }
                return [PageHTML.cell(ind), PageHTML.cell(String(rows.count), ["class": "num"]),
                        PageHTML.cell(String(rows.filter { all.outcomes[$0] }.count), ["class": "num"])]
                    + all.forecasters.map { f in PageHTML.cell(CalibrationSetReport.num(ProbabilityScore.mean(rows.map { f.brierScores[$0] })), ["class": "num"]) }
            }))
        body.append(PageHTML.heading(2, zh: "逐年", en: "By year (Brier scores)", id: "years"))
        body.append(PageHTML.table(
            headers: ["年 <span class=\"en\">Year</span>", "n", "达成 <span class=\"en\">met</span>", "平均 P <span class=\"en\">mean P calibrated</span>"] + names,
            rows: Array(Set(all.years)).sorted().map { y in
                let rows = all.targets.indices.filter { all.years[$0] == y }
                return [PageHTML.cell(String(y), ["class": "num"]), PageHTML.cell(String(rows.count), ["class": "num"]),
                        PageHTML.cell(String(rows.filter { all.outcomes[$0] }.count), ["class": "num"]),
                        PageHTML.cell(CalibrationSetReport.pct(ProbabilityScore.mean(rows.map { all.scores(.calibrated).probabilities[$0] })), ["class": "num"])]
                    + all.forecasters.map { f in PageHTML.cell(CalibrationSetReport.num(ProbabilityScore.mean(rows.map { f.brierScores[$0] })), ["class": "num"]) }
            }))
        body.append(PageHTML.heading(2, zh: "方法", en: "The calibrated forecaster at each origin", id: "method"))
        body.append(PageHTML.element("p", ["class": "meta"], text: "Settings chosen on earlier years only; \(LogisticPool.formula). λ and the centre it pulls towards chosen together by log score (\(LogisticPool.priorsText)); λ \"none\": too few earlier targets, the \(LogisticPool.priors[0].name) centre itself."))
        body.append(PageHTML.table(
            headers: ["年 <span class=\"en\">Year</span>", "earlier targets", "h", "κ", "ν₀", "λ", "centre"] + LogisticPool.names,
            rows: run.rolling.origins.keys.sorted().filter { $0 >= run.set.from }.map { y in
                let o = run.rolling.origins[y]!
                return [String(y), String(o.trainingRecords), NumberFormat.plain(o.anchoredSettings.halfLife),
                        NumberFormat.plain(o.anchoredSettings.regionWeight), NumberFormat.plain(o.anchoredSettings.priorDegreesOfFreedom),
                        o.penalty.map(NumberFormat.plain) ?? "none", o.prior.name].map { PageHTML.cell($0, ["class": "num"]) }
                    + o.pool.coefficients.map { PageHTML.cell(CalibrationSetReport.num($0, 2), ["class": "num"]) }
            }, class: "data origins"))
        if !run.skipped.isEmpty {
            body.append(PageHTML.element("h3", html: PageHTML.bilingual(zh: "未能运行的年份", en: "Years whose model could not run")))
            body.append(PageHTML.list(run.skipped.map { "\($0.region) \($0.year): \($0.reason)" }, class: "small"))
        }
        return PageHTML.document(title: "Calibration-set backtest: " + run.set.name, body: body)
    }

    static func scoresTable(_ s: ForecasterScores) -> String {
        PageHTML.table(
            headers: ["预测者 <span class=\"en\">Forecaster</span>", "n", "Brier <span class=\"en\">(lower is better)</span>",
                      "对数得分 <span class=\"en\">Log score (higher is better)</span>", "Brier, calibrated − this", "Log score, calibrated − this"],
            rows: s.forecasters.map { f in
                let vs = f.name == .calibrated ? ("", "")
                    : (CalibrationSetReport.diff(s.brierDifference(.calibrated, f.name)), CalibrationSetReport.diff(s.logScoreDifference(.calibrated, f.name)))
                return [PageHTML.cell(html: f.name == .calibrated ? PageHTML.element("strong", text: f.name.label) : PageHTML.escape(f.name.label)),
                        PageHTML.cell(String(s.targets.count), ["class": "num"]), PageHTML.cell(CalibrationSetReport.num(f.brier), ["class": "num"]),
                        PageHTML.cell(CalibrationSetReport.num(f.logScore), ["class": "num"]), PageHTML.cell(vs.0, ["class": "num"]),
                        PageHTML.cell(vs.1, ["class": "num"])]
            }, class: "data scores")
    }

    static func summary(_ run: CalibrationSetRun, _ all: ForecasterScores) -> String {
        let regions = Set(all.targets.map { run.records[$0].region }).count
        let met = all.outcomes.filter { $0 }.count
        var rows: [(String, String)] = [(
            "共评分 \(all.targets.count) 个历史目标（\(regions) 个地区、\(Set(all.years).count) 年），其中 \(met) 个按官方口径达成。",
            "\(all.targets.count) past targets scored (\(regions) regions, \(Set(all.years).count) years), \(met) met under the official reading.")]
        for f in all.forecasters where f.name != .calibrated {
            let d = all.brierDifference(.calibrated, f.name)
            let (zh, en): (String, String)
            if !(d.standardError > 0) || abs(d.mean) < 2 * d.standardError {
                (zh, en) = ("无法区分（差在 2 个标准误之内）", "is not distinguishable from")
            } else if d.mean < 0 {
                (zh, en) = ("更好", "beats")
            } else {
                (zh, en) = ("更差", "loses to")
            }
            rows.append(("与\(f.name.zhLabel)相比，校准后的 P(met) \(zh)：Brier 差 \(CalibrationSetReport.diff(d))。",
                         "On the Brier score the calibrated P(met) \(en) \(f.name.label): calibrated − this = \(CalibrationSetReport.diff(d)) (2-SE rule, SE clustered by year)."))
        }
        return PageHTML.summary(rows.map { (PageHTML.escape($0.0), PageHTML.escape($0.1)) })
    }
}
