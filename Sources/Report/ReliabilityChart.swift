import Calibration

/// The reliability diagram of the backtest pages: for each forecaster, each non-empty bin of
/// its P(met) as a point at (mean predicted probability, observed frequency), the points
/// joined by a line, with the bin's number of targets printed beside it (`class="bin"`,
/// `data-count`), and the diagonal a calibrated forecaster would follow. Both axes are
/// fractions drawn as percentages.
enum ReliabilityChart {
    struct Series {
        let name: String
        let colour: String
        let bins: [ReliabilityBin]
    }

    static let size = 330.0, left = 48.0, top = 12.0, bottom = 40.0, legendWidth = 210.0

    static func render(_ series: [Series], label: String) -> String {
        var svg = SVG(width: left + size + 16 + legendWidth, height: top + size + bottom)
        let x = { (p: Double) in left + p * size }
        let y = { (p: Double) in top + (1 - p) * size }
        for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
            svg.line(x1: x(tick), y1: y(0), x2: x(tick), y2: y(1), ["stroke": "#ececec"])
            svg.line(x1: x(0), y1: y(tick), x2: x(1), y2: y(tick), ["stroke": "#ececec"])
            svg.text("\(Int((100 * tick).rounded()))%", x: x(tick), y: y(0) + 15, anchor: "middle", size: 11, ["fill": "#555"])
            svg.text("\(Int((100 * tick).rounded()))%", x: x(0) - 5, y: y(tick) + 4, anchor: "end", size: 11, ["fill": "#555"])
        }
        svg.polygon([(x(0), y(0)), (x(1), y(1))], closed: false, ["stroke": "#999", "stroke-dasharray": "5 4", "stroke-width": "1.2"])
        svg.polygon([(x(0), y(0)), (x(1), y(0)), (x(1), y(1)), (x(0), y(1))], ["fill": "none", "stroke": "#888"])
        svg.text("predicted P(met) (mean of the bin)", x: x(0.5), y: y(0) + 32, anchor: "middle", size: 12)
        svg.text("observed share met", x: 12, y: y(0.5), anchor: "middle", size: 12, ["transform": "rotate(-90 12 \(SVG.number(y(0.5))))"])
        for (i, s) in series.enumerated() {
            let bins = s.bins.filter { $0.count > 0 }
            if bins.count > 1 {
                svg.polygon(bins.map { (x: x($0.meanProbability), y: y($0.observedFrequency)) }, closed: false,
                            ["stroke": s.colour, "stroke-width": "1.5", "opacity": "0.8"])
            }
            for b in bins {
                let (cx, cy) = (x(b.meanProbability), y(b.observedFrequency))
                let r = min(14, 2.5 + 1.2 * Double(b.count).squareRoot())
                svg.circle(cx: cx, cy: cy, r: r, ["class": "bin", "data-series": s.name, "data-count": String(b.count),
                                                 "fill": s.colour, "fill-opacity": "0.55", "stroke": s.colour],
                           title: "\(s.name), P(met) \(Int(100 * b.lower))–\(Int(100 * b.upper))%: \(b.count) targets, mean P "
                               + "\(NumberFormat.fixed(100 * b.meanProbability, 1))%, \(b.met) met (\(NumberFormat.fixed(100 * b.observedFrequency, 1))%)")
                svg.text(String(b.count), x: cx + r + 2, y: cy - r + (i % 2 == 0 ? 0 : 2 * r + 8), size: 10, ["fill": s.colour])
            }
            let ly = top + 14 + 20 * Double(i)
            svg.circle(cx: left + size + 26, cy: ly - 4, r: 5, ["fill": s.colour, "fill-opacity": "0.55", "stroke": s.colour])
            svg.text(s.name, x: left + size + 36, y: ly, size: 12)
        }
        svg.text("numbers: targets in the bin", x: left + size + 20, y: top + 20 + 20 * Double(series.count), size: 11, ["fill": "#555"])
        svg.text("dashed: perfectly calibrated", x: left + size + 20, y: top + 36 + 20 * Double(series.count), size: 11, ["fill": "#555"])
        return svg.markup(label: label)
    }
}
