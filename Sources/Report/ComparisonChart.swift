import Simulation

/// The comparison's charts: P(met) of every target in every scenario as dots with their 95%
/// Monte Carlo intervals (one row per target, one colour per scenario, `class="p-met"` and
/// `data-scenario`), and P(all met) per scenario and year as bars.
enum ComparisonChart {
    static let colours = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#b8860b", "#555555"]
    static let labelWidth = 250.0, trackWidth = 450.0, valueWidth = 30.0, top = 30.0

    static func colour(_ e: Int) -> String { colours[e % colours.count] }

    static func axis(_ svg: inout SVG, height: Double, confidence: Double?) {
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = labelWidth + tick * trackWidth
            svg.line(x1: x, y1: top - 4, x2: x, y2: height - 4, ["stroke": "#e3e3e3"])
            svg.text("\(Int(100 * tick))%", x: x, y: top - 8, anchor: "middle", size: 11, ["fill": "#555"])
        }
        if let confidence {
            let x = labelWidth + confidence * trackWidth
            svg.line(x1: x, y1: top - 2, x2: x, y2: height - 2, ["class": "confidence", "stroke": "#b03030", "stroke-width": "1.2", "stroke-dasharray": "5 3"])
        }
    }

    static func probabilities(_ c: ScenarioComparison) -> String {
        let n = c.entries.count
        let rowHeight = 14.0 + 9.0 * Double(n)
        let height = top + Double(c.keys.count) * rowHeight + 8
        var svg = SVG(width: labelWidth + trackWidth + valueWidth, height: height)
        let confidences = Set(c.entries.map { $0.run.scenario.confidence })
        axis(&svg, height: height, confidence: confidences.count == 1 ? confidences.first : nil)
        for (row, key) in c.keys.enumerated() {
            let y = top + Double(row) * rowHeight
            if row % 2 == 1 { svg.rect(x: 0, y: y, width: labelWidth + trackWidth, height: rowHeight, ["fill": "#f7f7f7"]) }
            let item = c.entries.indices.lazy.compactMap { c.target(key, $0) }.first
            let name = ScenarioPage.name(of: item?.indicator)
            svg.text("\(name) \(key.year) \(key.bound)", x: labelWidth - 8, y: y + rowHeight / 2 + 4, anchor: "end", size: 12)
            for e in 0..<n {
                let cy = y + 7 + 9 * Double(e) + 4.5
                guard let p = c.cell(key, e).estimate else {
                    svg.text("not evaluated", x: labelWidth + 4, y: cy + 3.5, size: 9, ["fill": colour(e), "font-style": "italic"])
                    continue
                }
                let ci = p.interval95
                svg.line(x1: labelWidth + ci.lower * trackWidth, y1: cy, x2: labelWidth + ci.upper * trackWidth, y2: cy,
                         ["stroke": colour(e), "stroke-width": "1.4"])
                svg.circle(cx: labelWidth + p.value * trackWidth, cy: cy, r: 3.6,
                           ["class": "p-met", "data-scenario": String(c.entries[e].index), "fill": colour(e)],
                           title: "[\(c.entries[e].index)] \(c.entries[e].run.scenario.name): P(met) = "
                               + NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths))
            }
        }
        return svg.markup(label: "P(met) per target in each scenario")
    }

    static func joint(_ c: ScenarioComparison) -> String {
        let rows = c.entries.indices.flatMap { e in c.entries[e].run.joint.map { (e, $0.year, $0.outcome) } }
        let height = top + Double(rows.count) * 24 + 8
        var svg = SVG(width: labelWidth + trackWidth + 70, height: height)
        axis(&svg, height: height, confidence: nil)
        for (row, (e, year, j)) in rows.enumerated() {
            let y = top + Double(row) * 24
            svg.text("[\(c.entries[e].index)] \(year), \(j.targets.count) targets", x: labelWidth - 8, y: y + 16, anchor: "end", size: 12)
            svg.rect(x: labelWidth, y: y + 5, width: trackWidth, height: 14, ["fill": "#f1f1f1"])
            svg.rect(x: labelWidth, y: y + 5, width: j.all.value * trackWidth, height: 14,
                     ["class": "p-all", "data-scenario": String(c.entries[e].index), "fill": colour(e)], title: "P(all met) = \(j.allText)")
            svg.text(j.allText, x: labelWidth + j.all.value * trackWidth + 6, y: y + 16, size: 12)
        }
        return svg.markup(label: "P(all targets met) per scenario")
    }
}
