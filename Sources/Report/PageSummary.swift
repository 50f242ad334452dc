import Scenario
import Simulation

/// The summary a planner reads first, Chinese on the left and English beside it: which
/// targets are likely at the scenario's confidence, which borderline or at risk, the
/// probability that all are met, what it would take, what was not evaluated, and what the
/// numbers rest on (risks, a proxy history, calibration).
///
/// Every P(met) is printed as the target table prints it and carries `data-target` (the
/// target's index in the scenario), every P(all met) `data-joint` (its year), so that a test
/// can check the summary against the tables.
enum PageSummary {
    static func render(_ run: ScenarioRun, histories: [IndicatorHistory]) -> String {
        let e = PageHTML.escape
        let words = run.targets.map { PageTargetWords(run: run, item: $0) }
        let confidence = MarkdownReport.percentText(run.scenario.confidence)
        func members(_ g: PageTargetWords.Group) -> [Int] { words.indices.filter { words[$0].group == g } }
        func named(_ indices: [Int], zh: Bool) -> String {
            indices.map { i in
                let w = words[i]
                return e(zh ? w.nameZh : w.nameEn) + " " + PageHTML.element("span", ["class": "p", "data-target": String(i)], text: w.probability ?? "")
            }.joined(separator: zh ? "、" : ", ")
        }
        var rows: [(zh: String, en: String)] = []
        let counts = PageTargetWords.Group.allCases.map { members($0).count }
        let evaluated = counts[0] + counts[1] + counts[2]
        rows.append((
            "按 \(confidence) 的把握：<strong>\(counts[0]) 项较有把握，\(counts[1]) 项临界，\(counts[2]) 项有风险</strong>（评估了 \(evaluated) 项目标"
                + (counts[3] > 0 ? "，另有 \(counts[3]) 项未评估）。" : "）。"),
            "At \(confidence) confidence: <strong>\(counts[0]) likely, \(counts[1]) borderline, \(counts[2]) at risk</strong> (\(evaluated) targets evaluated"
                + (counts[3] > 0 ? ", \(counts[3]) not evaluated)." : ").")))
        let likely = members(.likely), borderline = members(.borderline), atRisk = members(.atRisk)
        if !likely.isEmpty {
            rows.append(("<span class=\"likely\">较有把握</span>（达成概率不低于 \(confidence)）：" + named(likely, zh: true) + "。",
                         "<span class=\"likely\">Likely</span> (P(met) at least \(confidence)): " + named(likely, zh: false) + "."))
        }
        if !borderline.isEmpty {
            rows.append(("<span class=\"borderline\">临界</span>（与 \(confidence) 之差在蒙特卡洛误差之内）：" + named(borderline, zh: true) + "。",
                         "<span class=\"borderline\">Borderline</span> (within Monte Carlo error of \(confidence)): " + named(borderline, zh: false) + "."))
        }
        if !atRisk.isEmpty {
            rows.append(("<span class=\"at-risk\">有风险</span>（达成概率低于 \(confidence)）：" + named(atRisk, zh: true) + "。",
                         "<span class=\"at-risk\">At risk</span> (P(met) below \(confidence)): " + named(atRisk, zh: false) + "."))
        }
        for (year, j) in run.joint {
            let n = j.targets.count, k = j.targetsReachable(confidence: run.scenario.confidence)
            let all = PageHTML.element("strong", ["class": "p", "data-joint": String(year)], text: j.allText)
            rows.append((
                "\(year) 年全部 \(n) 项同时达成的概率为 " + all + "；"
                    + (k > 0 ? "有 \(confidence) 的把握达成其中至少 \(k) 项。" : "没有一项有 \(confidence) 的把握。"),
                "P(all \(n) targets of \(year) met) = " + all + "; "
                    + (k > 0 ? "with \(confidence) confidence at least \(k) of them are met." : "not even one is met with \(confidence) confidence.")))
        }
        let short = (borderline + atRisk).filter { words[$0].needsShift != false }
        if !short.isEmpty {
            rows.append((
                "要有 \(confidence) 的把握（该指标的整体分布需移动多少）：" + short.map { e(words[$0].nameZh + words[$0].shiftZh) }.joined(separator: "；") + "。",
                "What it would take to reach \(confidence) (how far the indicator's distribution would have to move): "
                    + short.map { e(words[$0].nameEn + ": " + words[$0].text.shiftText) }.joined(separator: "; ") + "."))
        }
        let missing = members(.notEvaluated)
        if !missing.isEmpty {
            rows.append(("<span class=\"not-evaluated\">未评估</span>：" + e(missing.map { words[$0].nameZh }.joined(separator: "、")) + "（原因见目标逐项表）。",
                         "<span class=\"not-evaluated\">Not evaluated</span>: " + e(missing.map { words[$0].nameEn }.joined(separator: ", ")) + " (reasons in the table of targets)."))
        }
        rows.append(assumptions(run.scenario))
        rows.append(history(run.scenario, histories.filter { run.variables.contains($0.id) }))
        rows.append(calibration(run))
        return PageHTML.summary(rows)
    }

    /// The scenario's risk events and adjustments, in one sentence each language.
    static func assumptions(_ s: Scenario) -> (zh: String, en: String) {
        let e = PageHTML.escape
        guard !s.risks.isEmpty || !s.adjustments.isEmpty else {
            return ("本情景不含风险事件和判断性调整。", "No risk events or judgmental adjustments in this scenario.")
        }
        let risks = s.risks.map { "\($0.name)（\($0.year) 年概率 \(MarkdownReport.percentText($0.probability))）" }
        let risksEn = s.risks.map { "\($0.name) (p = \(MarkdownReport.percentText($0.probability)) in \($0.year))" }
        var zh = s.risks.isEmpty ? "" : "本情景包含 \(s.risks.count) 个风险事件：" + e(risks.joined(separator: "、")) + "。"
        var en = s.risks.isEmpty ? "" : "\(s.risks.count) risk event\(s.risks.count == 1 ? "" : "s"): " + e(risksEn.joined(separator: "; ")) + "."
        if !s.adjustments.isEmpty {
            zh += "判断性调整 \(s.adjustments.count) 项。"
            en += " \(s.adjustments.count) judgmental adjustment\(s.adjustments.count == 1 ? "" : "s")."
        }
        return (zh + "影响和依据见下文。", en + " Impacts and rationales below.")
    }

    /// Whose history the models ran on (`histories`: those of the simulated indicators).
    static func history(_ s: Scenario, _ histories: [IndicatorHistory]) -> (zh: String, en: String) {
        let e = PageHTML.escape
        let modelled = histories.filter { $0.judgment == nil }
        var proxies: [(String, Int)] = []
        for h in modelled where h.isProxy {
            if let i = proxies.firstIndex(where: { $0.0 == h.region }) { proxies[i].1 += 1 } else { proxies.append((h.region, 1)) }
        }
        let judged = histories.filter { $0.judgment != nil }.count
        let judgedZh = judged > 0 ? "\(judged) 项指标无可用历史，用专家判断的分布。" : ""
        let judgedEn = judged > 0 ? " \(judged) indicator\(judged == 1 ? "" : "s") without usable history carr\(judged == 1 ? "ies" : "y") a judgment." : ""
        guard !proxies.isEmpty else {
            return ("历史数据：\(e(s.region))本地首次公布的数据。" + judgedZh, "History: \(e(s.region))'s own first-published series." + judgedEn)
        }
        let list = proxies.map { "\($0.0)（\($0.1) 项指标）" }.joined(separator: "、")
        let listEn = proxies.map { "\($0.0) (\($0.1) indicator\($0.1 == 1 ? "" : "s"))" }.joined(separator: ", ")
        return ("<strong>历史数据为代理</strong>：\(e(s.region))自身的序列不在数据中，以其他地区首次公布的数据代替：\(e(list))。" + judgedZh,
                "<strong>The history is a proxy</strong>: \(e(s.region))'s own series are not in the data; first-published series of \(e(listEn)) stand in." + judgedEn)
    }

    /// What the P(met) are: the model's alone or calibrated.
    static func calibration(_ run: ScenarioRun) -> (zh: String, en: String) {
        guard let c = run.calibration else {
            return ("达成概率为模型本身的估计，未用历史目标校准。", "P(met) is the model's alone, not calibrated on past targets.")
        }
        return ("达成概率已校准：模型概率、目标锚定概率与该指标的历史达成率按 \(c.state.trainingTargets) 个历史目标学得的权重合成（两者逐项列在目标表中）。"
                    + PageHTML.escape(TrackRecordText.chinese(c.trackRecord, region: c.region)),
                "P(met) is calibrated: the model's and the target-anchored P(met) and the indicator's base rate pooled with weights learned from \(c.state.trainingTargets) earlier targets (both are shown per target). "
                    + PageHTML.escape(TrackRecordText.english(c.trackRecord, region: c.region)) + ".")
    }
}
