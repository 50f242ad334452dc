import Calibration

/// The track record a calibrated P(met) is quoted beside (`TrackRecord`, from the combination
/// file), in a sentence for the tables' header and the page's summary.
enum TrackRecordText {
    /// The forecasters the calibrated default is set beside, in each language's words.
    static let compared: [(name: ForecasterName, en: String, zh: String)] =
        [(.model, "the model alone", "模型本身"), (.baseRate, "the per-indicator base rate", "各指标历年达成率"), (.alwaysMet, "\"always met\"", "“总能达成”")]

    static func english(_ t: TrackRecord?, region: String? = nil) -> String {
        guard let t, let c = t.scores(.calibrated) else {
            return "Track record: the combination file carries none (written before it was recorded); rerun `forecast calibrate` on the calibration set to see how these probabilities scored on past targets."
        }
        let others = compared.compactMap { c in t.scores(c.name).map { "\(NumberFormat.fixed($0.brier, 3)) for \(c.en)" } }
        return "Track record: on \(t.targets) past targets of \(t.regions) regions (\(t.firstYear)–\(t.lastYear), each forecast from what was known before its year) the calibrated default scored Brier \(NumberFormat.fixed(c.brier, 3)) (lower is better) against "
            + others.joined(separator: ", ") + "; its observed frequency is within 10 pp of the prediction in \(t.binsWithinTenPoints) of \(t.binsWithTwentyOrMore) reliability bins of 20 or more targets"
            + (regional(t, region: region).map { "; " + $0.en } ?? "")
    }

    /// The region's own share of the record, when the file has one: its scores, and which
    /// compared forecaster beat the calibrated default there.
    static func regional(_ t: TrackRecord, region: String?) -> (en: String, zh: String)? {
        guard let region, let r = t.byRegion?[region], let c = r.scores(.calibrated) else { return nil }
        let pairs = compared.compactMap { f in r.scores(f.name).map { (f, $0.brier) } }
        let better = pairs.filter { $0.1 < c.brier }
        let en = "on this region's own \(r.targets) past targets (\(r.met) met): calibrated \(NumberFormat.fixed(c.brier, 3)), "
            + pairs.map { "\($0.0.en) \(NumberFormat.fixed($0.1, 3))" }.joined(separator: ", ")
            + (better.isEmpty ? "" : " — here " + better.map(\.0.en).joined(separator: " and ") + " scored better")
        let zh = "本地区自身 \(r.targets) 个历史目标（达成 \(r.met) 个）上：校准后 \(NumberFormat.fixed(c.brier, 3))，"
            + pairs.map { "\($0.0.zh) \(NumberFormat.fixed($0.1, 3))" }.joined(separator: "，")
            + (better.isEmpty ? "" : "——在本地区" + better.map(\.0.zh).joined(separator: "、") + "更好")
        return (en, zh)
    }

    static func chinese(_ t: TrackRecord?, region: String? = nil) -> String {
        guard let t, let c = t.scores(.calibrated) else {
            return "历史表现：组合文件未记录（写于记录之前）；请重新运行 forecast calibrate。"
        }
        let others = compared.compactMap { c in t.scores(c.name).map { "\(c.zh) \(NumberFormat.fixed($0.brier, 3))" } }
        return "历史表现：在 \(t.regions) 个地区 \(t.firstYear)–\(t.lastYear) 年的 \(t.targets) 个历史目标上（每个目标只用其年份之前的信息预测），校准后概率的 Brier 分数为 \(NumberFormat.fixed(c.brier, 3))（越低越好），"
            + others.joined(separator: "，") + (regional(t, region: region).map { "；" + $0.zh } ?? "") + "。"
    }
}
