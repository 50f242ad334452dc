import Simulation

/// The probability chart of the HTML report: one row per target, a bar of length P(met)
/// (fraction of the full-width track, `class="track"` and `class="p-met"`), a thin line for its
/// 95% interval, and a dashed vertical mark at the scenario's confidence. A target not
/// evaluated keeps its row as a labelled gap whose tooltip gives the reason.
enum FanChartBars {
    static let labelWidth = 330.0, trackWidth = 360.0, valueWidth = 80.0
    static let rowHeight = 36.0, top = 34.0, bottom = 12.0

    static func render(_ run: ScenarioRun) -> String {
        let confidence = run.scenario.confidence
        let x0 = labelWidth
        let height = top + Double(run.targets.count) * rowHeight + bottom
        var svg = SVG(width: labelWidth + trackWidth + valueWidth, height: height)
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = x0 + tick * trackWidth
            svg.line(x1: x, y1: top - 4, x2: x, y2: height - bottom, ["stroke": "#e3e3e3"])
            svg.text("\(Int(100 * tick))%", x: x, y: top - 8, anchor: "middle", size: 11, ["fill": "#555"])
        }
        for (row, item) in run.targets.enumerated() {
            let y = top + Double(row) * rowHeight
            let text = TargetText(run: run, item: item)
            svg.text("\(ScenarioPage.name(of: item.indicator)) \(item.target.year)", x: x0 - 8, y: y + 15, anchor: "end", size: 12)
            svg.text(text.boundText, x: x0 - 8, y: y + 29, anchor: "end", size: 11, ["fill": "#666"])
            let barY = y + 8, barHeight = rowHeight - 14
            guard let p = item.outcome?.probability else {
                svg.group(title: "not evaluated: \(item.reason ?? "")", ["class": "not-evaluated"]) { g in
                    g.rect(x: x0, y: barY, width: trackWidth, height: barHeight,
                           ["class": "track", "fill": "none", "stroke": "#aaa", "stroke-dasharray": "4 3"])
                    g.text("not evaluated: reason in the table below", x: x0 + trackWidth / 2, y: barY + barHeight / 2 + 4,
                           anchor: "middle", size: 11, ["fill": "#777", "font-style": "italic"])
                }
                continue
            }
            let shown = NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)
            let ci = p.interval95
            let tip = "P(met) = \(shown) ± \(NumberFormat.points(100 * p.standardError, standardError: 100 * p.standardError, cap: 3)) pp (MC SE); "
                + "95% interval \(NumberFormat.percentInterval(ci.lower, ci.upper, standardError: p.standardError))"
            svg.rect(x: x0, y: barY, width: trackWidth, height: barHeight, ["class": "track", "fill": "#f1f1f1"])
            svg.rect(x: x0, y: barY, width: p.value * trackWidth, height: barHeight,
                     ["class": "p-met", "fill": p.value >= confidence ? "#4a9a6e" : "#d08a3c"], title: tip)
            let mid = barY + barHeight / 2
            let (lo, hi) = (x0 + ci.lower * trackWidth, x0 + ci.upper * trackWidth)
            svg.line(x1: lo, y1: mid, x2: hi, y2: mid, ["class": "interval", "stroke": "#222", "stroke-width": "1.2"])
            for x in [lo, hi] { svg.line(x1: x, y1: mid - 4, x2: x, y2: mid + 4, ["stroke": "#222", "stroke-width": "1.2"]) }
            svg.text(shown, x: x0 + trackWidth + 8, y: mid + 4, size: 12, title: tip)
        }
        let xc = x0 + confidence * trackWidth
        svg.line(x1: xc, y1: top - 2, x2: xc, y2: height - bottom + 4,
                 ["class": "confidence", "stroke": "#b03030", "stroke-width": "1.5", "stroke-dasharray": "5 3"])
        svg.text("confidence \(MarkdownReport.percentText(confidence))", x: xc, y: 12, anchor: "middle", size: 11, ["fill": "#b03030"])
        return svg.markup(label: "P(target met) per target, \(run.scenario.name)")
    }
}
