import Simulation

/// sweep.html of `forecast sweep --out`: the sensitivity chart (`SweepChart`), then the tables
/// of `SweepReport` (crossings, P(met) along the grid). Self-contained and byte-stable like the
/// scenario page (`PageHTML`).
public enum SweepPage {
    public static func render(_ curve: SweepCurve) -> String {
        let s = curve.baseline.scenario
        let r = curve.baseline.result
        var body = [
            PageHTML.element("h1", text: "\(s.name): sweep of \(SweepReport.swept(curve))"),
            "<p class=\"meta\">\(PageHTML.escape(s.region)) · 把握 confidence \(MarkdownReport.percentText(s.confidence)) · "
                + "\(MarkdownReport.grouped(r.paths)) paths · seed \(r.seed) · the same paths at every point (common random numbers)</p>",
            PageHTML.heading(2, zh: "敏感性曲线", en: "P(met) as the assumed value moves", id: "curve"),
            "<figure>" + SweepChart.render(curve) + "</figure>",
        ]
        body.append(PageHTML.list(markdownBullets: SweepReport.markdown(curve).components(separatedBy: "\n## ")[0]))
        body.append(PageHTML.heading(2, zh: "达到把握的取值", en: "Where each target reaches the confidence", id: "crossings"))
        body.append(PageHTML.table(markdown: SweepReport.markdown(curve), section: "Where each target reaches"))
        body.append(PageHTML.heading(2, zh: "逐点概率", en: "P(met) along the grid", id: "grid"))
        body.append(PageHTML.table(markdown: SweepReport.markdown(curve), section: "P(met) along the grid"))
        return PageHTML.document(title: "\(s.name): sweep of \(SweepReport.swept(curve))", body: body)
    }

    /// The chart alone, a standalone SVG file (sweep.svg).
    public static func chart(_ curve: SweepCurve) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SweepChart.render(curve) + "\n"
    }
}
