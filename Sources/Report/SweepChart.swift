import Foundation
import Simulation

/// The sensitivity chart of `forecast sweep`: P(met) of every evaluated target (one coloured
/// line each, `class="curve"`, `data-target`) and P(all met) (black, thick, `data-joint`)
/// against the assumed value of the swept indicator; the scenario's confidence as a dashed
/// red line, each crossing as a circle (`class="crossing"`). Probabilities are fractions drawn
/// as percentages.
enum SweepChart {
    /// Twelve distinguishable line colours (matplotlib's tab10 and two more); after twelve, dashed.
    static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                          "#bcbd22", "#17becf", "#393b79", "#637939"]
    static let width = 560.0, height = 330.0, left = 52.0, top = 14.0, bottom = 44.0, legendWidth = 250.0

    static func render(_ curve: SweepCurve) -> String {
        let confidence = curve.baseline.scenario.confidence
        let targets = SweepReport.evaluated(curve)
        let rows = targets.count + curve.baseline.joint.count
        var svg = SVG(width: left + width + 20 + legendWidth, height: max(top + height + bottom, top + 20 + 18 * Double(rows + 2)))
        let (lo, hi) = (curve.values.first!, curve.values.last!)
        let x = { (v: Double) in left + (v - lo) / (hi - lo) * width }
        let y = { (p: Double) in top + (1 - p) * height }
        for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
            svg.line(x1: x(lo), y1: y(tick), x2: x(hi), y2: y(tick), ["stroke": "#ececec"])
            svg.text("\(Int((100 * tick).rounded()))%", x: x(lo) - 5, y: y(tick) + 4, anchor: "end", size: 11, ["fill": "#555"])
        }
        for v in ticks(lo, hi) {
            svg.line(x1: x(v), y1: y(0), x2: x(v), y2: y(1), ["stroke": "#ececec"])
            svg.text(NumberFormat.plain(v), x: x(v), y: y(0) + 15, anchor: "middle", size: 11, ["fill": "#555"])
        }
        svg.polygon([(x(lo), y(0)), (x(hi), y(0)), (x(hi), y(1)), (x(lo), y(1))], ["fill": "none", "stroke": "#888"])
        svg.line(x1: x(lo), y1: y(confidence), x2: x(hi), y2: y(confidence),
                 ["stroke": "#c0392b", "stroke-dasharray": "6 4", "stroke-width": "1.2"])
        svg.text("assumed \(SweepReport.swept(curve)) (percent)", x: x((lo + hi) / 2), y: y(0) + 34, anchor: "middle", size: 12)
        svg.text("P(met)", x: 12, y: y(0.5), anchor: "middle", size: 12, ["transform": "rotate(-90 12 \(SVG.number(y(0.5))))"])
        var legend = 0
        func draw(_ p: [ProbabilityEstimate?], crossing: Double?, name: String, colour: String, width stroke: String, dash: String,
                  _ data: (String, String)) {
            let points = zip(curve.values, p).compactMap { v, e in e.map { (x: x(v), y: y($0.value)) } }
            if points.count > 1 {
                svg.polygon(points, closed: false, ["class": "curve", data.0: data.1, "stroke": colour, "stroke-width": stroke,
                                                    "stroke-dasharray": dash], title: name)
            }
            if let c = crossing {
                svg.circle(cx: x(c), cy: y(confidence), r: 4, ["class": "crossing", "fill": colour, "stroke": "#fff"],
                           title: "\(name): reaches \(MarkdownReport.percentText(confidence)) at \(NumberFormat.fixed(c, 2))")
            }
            let ly = top + 14 + 18 * Double(legend)
            svg.line(x1: left + width + 20, y1: ly - 4, x2: left + width + 40, y2: ly - 4,
                     ["stroke": colour, "stroke-width": stroke, "stroke-dasharray": dash])
            svg.text(name, x: left + width + 46, y: ly, size: 11)
            legend += 1
        }
        for (k, i) in targets.enumerated() {
            draw(curve.probabilities(target: i), crossing: curve.crossing(target: i, level: confidence), name: SweepReport.legendLabel(curve, i), colour: colours[k % colours.count],
                 width: "1.6", dash: k < colours.count ? "none" : "5 3", ("data-target", String(i)))
        }
        for (year, _) in curve.baseline.joint {
            draw(curve.joint(year: year), crossing: curve.crossing(curve.joint(year: year).map { $0?.value }, level: confidence),
                 name: "P(all met) \(year)", colour: "#000", width: "3", dash: "none", ("data-joint", String(year)))
        }
        let ly = top + 14 + 18 * Double(legend)
        svg.line(x1: left + width + 20, y1: ly - 4, x2: left + width + 40, y2: ly - 4, ["stroke": "#c0392b", "stroke-dasharray": "6 4"])
        svg.text("confidence \(MarkdownReport.percentText(confidence)); dots: crossings", x: left + width + 46, y: ly, size: 11)
        return svg.markup(label: "P(met) as the assumed \(SweepReport.swept(curve)) moves")
    }

    /// About six round ticks over [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = (hi - lo) / 6
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var v = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while v <= hi + 1e-9 * step { out.append(v); v += step }
        return out
    }
}
