import Foundation
import Simulation

/// The fan chart of one simulated indicator (percent): nested bands 5–95, 10–90 and 25–75%
/// and the median over the simulated years (a box of nested rectangles when only one year is
/// simulated), with a dashed horizontal line at each growth or rate target's threshold on it
/// (both edges for a "± tolerance" target; level targets are in another unit and skipped).
/// Quantiles are read off the run's fan histograms; a band with a quantile outside the
/// histogram's range is left out and said so.
enum FanChartFan {
    static let width = 680.0, height = 280.0
    static let left = 56.0, right = 200.0, top = 30.0, bottom = 34.0
    /// Bands drawn, outermost first: (lower, upper) quantile levels (fractions) and fill colour.
    static let bands: [(Double, Double, String)] = [(0.05, 0.95, "#c6dbef"), (0.10, 0.90, "#9ecae1"), (0.25, 0.75, "#6baed6")]
    static let medianColour = "#08519c", thresholdColour = "#c0392b"

    static func render(_ run: ScenarioRun, variable v: Int) -> String {
        let id = run.variables[v]
        let years = (1...run.result.horizon).map { run.year(ofOffset: $0) }
        let q = { (p: Double) in (1...run.result.horizon).map { run.result.fan[$0 - 1][v].quantile(p) } }
        let thresholds = run.targets.filter { $0.indicator.id == id && $0.unit == "pp" }.flatMap { item in
            let label = TargetText(run: run, item: item).boundText + " (\(item.target.year))"
            switch item.target.bound {
            case .atLeast(let x), .atMost(let x): return [(value: x, label: label)]
            case .around(let x, let t): return [(value: x - t, label: label + " low"), (value: x + t, label: label + " high")]
            }
        }
        let values = (q(0.05) + q(0.95) + q(0.5)).compactMap { $0 } + thresholds.map(\.value)
        let (low, high) = (values.min() ?? 0, values.max() ?? 1)
        let step = LinearScale.step(spanning: high - low)
        let pad = 0.06 * max(high - low, 1)
        let y = LinearScale(domain: LinearScale.niceDomain(low - pad, high + pad, step: step),
                            range: top...(height - bottom), flipped: true)
        let slot = (width - left - right) / Double(years.count)
        let x = { (i: Int) in left + (Double(i) + 0.5) * slot }
        var svg = SVG(width: width, height: height)
        axes(&svg, y: y, step: step, years: years, x: x)
        var missing = false
        for (lower, upper, colour) in bands {
            let lo = q(lower), hi = q(upper)
            guard lo.allSatisfy({ $0 != nil }), hi.allSatisfy({ $0 != nil }) else { missing = true; continue }
            let band = "\(Int(100 * lower))–\(Int(100 * upper))%"
            let tip = band + ": " + years.indices.map { "\(years[$0]) \(NumberFormat.fixed(lo[$0]!, 1))% to \(NumberFormat.fixed(hi[$0]!, 1))%" }
                .joined(separator: "; ")
            if years.count == 1 {
                let w = min(slot * 0.5, 110)
                svg.rect(x: x(0) - w / 2, y: y(hi[0]!), width: w, height: y(lo[0]!) - y(hi[0]!), ["class": "band", "fill": colour], title: tip)
            } else {
                let points = years.indices.map { (x: x($0), y: y(hi[$0]!)) } + years.indices.reversed().map { (x: x($0), y: y(lo[$0]!)) }
                svg.polygon(points, ["class": "band", "fill": colour], title: tip)
            }
        }
        let median = q(0.5)
        if median.allSatisfy({ $0 != nil }) {
            let tip = "median: " + years.indices.map { "\(years[$0]) \(NumberFormat.fixed(median[$0]!, 1))%" }.joined(separator: "; ")
            let stroke: SVG.Attributes = ["class": "median", "stroke": medianColour, "stroke-width": "2.5"]
            if years.count == 1 {
                let w = min(slot * 0.5, 110)
                svg.polygon([(x(0) - w / 2, y(median[0]!)), (x(0) + w / 2, y(median[0]!))], closed: false, stroke, title: tip)
            } else {
                svg.polygon(years.indices.map { (x: x($0), y: y(median[$0]!)) }, closed: false, stroke, title: tip)
            }
        } else { missing = true }
        drawThresholds(&svg, thresholds, y: y)
        legend(&svg)
        if missing {
            svg.text("some quantiles fall outside the simulated range: not drawn", x: left, y: height - 2, size: 10, ["fill": "#b03030"])
        }
        return svg.markup(label: "Fan chart of \(id) \(FanChartPage.name(of: run.scenario.indicator(id))), percent")
    }

    static func axes(_ svg: inout SVG, y: LinearScale, step: Double, years: [Int], x: (Int) -> Double) {
        let decimals = (0...3).first { d in abs(Double(NumberFormat.fixed(step, d))! - step) < 1e-9 } ?? 3
        for tick in stride(from: y.domain.lowerBound, through: y.domain.upperBound + step / 2, by: step) {
            svg.line(x1: left, y1: y(tick), x2: width - right, y2: y(tick), ["stroke": abs(tick) < step / 2 ? "#999" : "#e6e6e6"])
            svg.text(NumberFormat.fixed(tick, decimals) + "%", x: left - 6, y: y(tick) + 4, anchor: "end", size: 11, ["fill": "#555"])
        }
        svg.line(x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, ["stroke": "#555"])
        for (i, year) in years.enumerated() {
            svg.line(x1: x(i), y1: height - bottom, x2: x(i), y2: height - bottom + 5, ["stroke": "#555"])
            svg.text(String(year), x: x(i), y: height - bottom + 18, anchor: "middle", size: 11)
        }
    }

    /// Dashed lines across the plot, labelled in the right margin (labels pushed apart).
    static func drawThresholds(_ svg: inout SVG, _ thresholds: [(value: Double, label: String)], y: LinearScale) {
        var lastLabelY = -Double.infinity
        for t in thresholds.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.label < $1.label) }) {
            svg.line(x1: left, y1: y(t.value), x2: width - right, y2: y(t.value),
                     ["class": "threshold", "stroke": thresholdColour, "stroke-width": "1.5", "stroke-dasharray": "6 4"])
            let labelY = max(y(t.value) + 4, lastLabelY + 13)
            svg.text(t.label, x: width - right + 6, y: labelY, size: 11, ["fill": thresholdColour])
            lastLabelY = labelY
        }
    }

    static func legend(_ svg: inout SVG) {
        var x = left
        for (lower, upper, colour) in bands {
            svg.rect(x: x, y: 8, width: 14, height: 10, ["fill": colour])
            svg.text("\(Int(100 * lower))–\(Int(100 * upper))%", x: x + 18, y: 17, size: 11)
            x += 76
        }
        svg.line(x1: x, y1: 13, x2: x + 14, y2: 13, ["stroke": medianColour, "stroke-width": "2.5"])
        svg.text("median", x: x + 18, y: 17, size: 11)
        svg.line(x1: x + 76, y1: 13, x2: x + 90, y2: 13, ["stroke": thresholdColour, "stroke-width": "1.5", "stroke-dasharray": "4 2"])
        svg.text("target", x: x + 94, y: 17, size: 11)
    }
}
