import Simulation

/// The chart of P(at least k of the year's n targets met), k = n (all) down to 1, from the same
/// paths: one bar per k (`class="p-at-least"`, `data-k`, width P × track width), its value
/// printed beside it, and a dashed mark at the scenario's confidence.
enum PageJointChart {
    static let labelWidth = 170.0, trackWidth = 420.0, valueWidth = 70.0
    static let rowHeight = 22.0, top = 26.0, bottom = 6.0

    static func render(_ joint: JointOutcome, year: Int, confidence: Double) -> String {
        let n = joint.targets.count
        let height = top + Double(n) * rowHeight + bottom
        var svg = SVG(width: labelWidth + trackWidth + valueWidth, height: height)
        let x0 = labelWidth
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = x0 + tick * trackWidth
            svg.line(x1: x, y1: top - 4, x2: x, y2: height - bottom, ["stroke": "#e3e3e3"])
            svg.text("\(Int(100 * tick))%", x: x, y: top - 8, anchor: "middle", size: 11, ["fill": "#555"])
        }
        for (row, k) in stride(from: n, through: 1, by: -1).enumerated() {
            let y = top + Double(row) * rowHeight
            let p = joint.atLeast[k]
            let label = k == n ? "全部 \(n) 项 all \(n)" : "至少 \(k) 项 at least \(k)"
            svg.text(label, x: x0 - 8, y: y + 15, anchor: "end", size: 12, k == n ? ["font-weight": "bold"] : [:])
            svg.rect(x: x0, y: y + 4, width: trackWidth, height: rowHeight - 8, ["fill": "#f1f1f1"])
            let text = joint.atLeastText(k)
            svg.rect(x: x0, y: y + 4, width: p * trackWidth, height: rowHeight - 8,
                     ["class": "p-at-least", "data-k": String(k), "fill": p >= confidence ? PageStyle.likely : (k == n ? "#8a3b12" : "#c9834f")],
                     title: "\(year): P(at least \(k) of \(n) met) = \(text)")
            svg.text(text, x: x0 + trackWidth + 6, y: y + 15, size: 12)
        }
        let xc = x0 + confidence * trackWidth
        svg.line(x1: xc, y1: top - 2, x2: xc, y2: height - bottom + 2,
                 ["class": "confidence", "stroke": "#b03030", "stroke-width": "1.5", "stroke-dasharray": "5 3"])
        svg.text("\(MarkdownReport.percentText(confidence))", x: xc + 3, y: 11, size: 11, ["fill": "#b03030"])
        return svg.markup(label: "P(at least k of \(n) targets met) in \(year)")
    }
}
