import Foundation
import Simulation

/// The fan chart of one simulated indicator (percent), drawn as central banks draw them: the
/// first-published history as a line (up to 20 years, at least 10 when the file has them;
/// years left out of the estimation as hollow dots; a proxy region's series in its own
/// colour), then from the last observed year the nested bands 5–95, 10–90 and 25–75% and the
/// median over the simulated years on a shaded background, a dashed line at each growth or
/// rate target's threshold (both edges for a two-sided band; level targets are in another
/// unit and skipped), and any outcome of a simulated year the history file already holds.
///
/// Quantiles are read off the run's fan histograms; a band with a quantile outside the
/// histogram's range is left out and said so. With no observed base year and one simulated
/// year the fan is a box of nested rectangles.
enum FanChartFan {
    static let width = 440.0, height = 250.0
    static let left = 44.0, right = 70.0, top = 10.0, bottom = 26.0
    /// Bands drawn, outermost first: (lower, upper) quantile levels (fractions) and fill colour.
    static let bands: [(Double, Double, String)] = [(0.05, 0.95, "#c6dbef"), (0.10, 0.90, "#9ecae1"), (0.25, 0.75, "#6baed6")]
    static let medianColour = "#08519c", thresholdColour = "#c0392b", outcomeColour = "#6a3d9a"
    static let ownColour = "#222222", forecastShade = "#f4f4f4"
    /// Colours of proxy regions' history, in order of first appearance on the page.
    static let proxyColours = ["#a0522d", "#1b7f79", "#8e44ad", "#7a6a00"]
    /// Width of a simulated year in history years.
    static let forecastWeight = 3.0

    /// The colour of a history line: the region's own, or its proxy's (by `proxies` order).
    static func colour(of history: IndicatorHistory, proxies: [String]) -> String {
        guard history.isProxy else { return ownColour }
        return proxyColours[(proxies.firstIndex(of: history.region) ?? 0) % proxyColours.count]
    }

    /// Years of history shown: at most 20, and back to the estimation window's start or 10
    /// years before the origin, whichever is earlier.
    static func firstYear(_ run: ScenarioRun, history: IndicatorHistory?) -> Int {
        guard let first = history?.observed.first?.year else { return run.origin + 1 }
        return max(first, min(run.scenario.estimation.from, run.origin - 9), run.origin - 19)
    }

    static func render(_ run: ScenarioRun, variable v: Int, history: IndicatorHistory?, proxies: [String]) -> String {
        let id = run.variables[v]
        let horizon = run.result.horizon
        let simulated = (1...horizon).map { run.year(ofOffset: $0) }
        let q = { (p: Double) in (1...horizon).map { run.result.fan[$0 - 1][v].quantile(p) } }
        let start = firstYear(run, history: history)
        let observed = (history?.observed ?? []).filter { $0.year >= start }
        let outcomes = history?.outcomes ?? []
        let excluded = Set(history?.excluded ?? [])
        // The fan starts at the last observed value when it is the origin's.
        let anchor = observed.last.flatMap { $0.year == run.origin ? $0 : nil }
        let thresholds = self.thresholds(run, id: id)
        let values = (q(0.05) + q(0.95) + q(0.5)).compactMap { $0 } + thresholds.map(\.value)
            + observed.map(\.value) + outcomes.map(\.value)
        let (low, high) = (values.min() ?? 0, values.max() ?? 1)
        let step = LinearScale.step(spanning: high - low, count: 5)
        let pad = 0.05 * max(high - low, 1)
        let y = LinearScale(domain: LinearScale.niceDomain(low - pad, high + pad, step: step),
                            range: top...(height - bottom), flipped: true)
        let years = Array(start...simulated.last!)
        // A simulated year is `forecastWeight` history years wide, so that a one-year fan reads.
        let past = Double(run.origin + 1 - start)
        let slot = (width - left - right) / (past + forecastWeight * Double(simulated.count))
        let x = { (year: Int) -> Double in
            year <= run.origin ? left + (Double(year - start) + 0.5) * slot
                : left + (past + (Double(year - run.origin) - 0.5) * forecastWeight) * slot
        }
        var svg = SVG(width: width, height: height)
        let shadeFrom = left + past * slot
        svg.rect(x: shadeFrom, y: top, width: width - right - shadeFrom, height: height - top - bottom, ["fill": forecastShade])
        axes(&svg, y: y, step: step, years: years, x: x, slot: slot, simulated: simulated)
        var missing = false
        let box = anchor == nil && simulated.count == 1
        let boxWidth = min(slot * forecastWeight * 0.6, 60)
        for (lower, upper, colour) in bands {
            let lo = q(lower), hi = q(upper)
            guard lo.allSatisfy({ $0 != nil }), hi.allSatisfy({ $0 != nil }) else { missing = true; continue }
            let band = "\(Int(100 * lower))–\(Int(100 * upper))%"
            let tip = band + ": " + simulated.indices.map { "\(simulated[$0]) \(NumberFormat.fixed(lo[$0]!, 1))% to \(NumberFormat.fixed(hi[$0]!, 1))%" }
                .joined(separator: "; ")
            if box {
                svg.rect(x: x(simulated[0]) - boxWidth / 2, y: y(hi[0]!), width: boxWidth, height: y(lo[0]!) - y(hi[0]!),
                         ["class": "band", "fill": colour], title: tip)
            } else {
                let head = anchor.map { [(x: x($0.year), y: y($0.value))] } ?? []
                let upperEdge = simulated.indices.map { (x: x(simulated[$0]), y: y(hi[$0]!)) }
                let lowerEdge = simulated.indices.reversed().map { (x: x(simulated[$0]), y: y(lo[$0]!)) }
                svg.polygon(head + upperEdge + lowerEdge, ["class": "band", "fill": colour], title: tip)
            }
        }
        let median = q(0.5)
        if median.allSatisfy({ $0 != nil }) {
            let tip = "median: " + simulated.indices.map { "\(simulated[$0]) \(NumberFormat.fixed(median[$0]!, 1))%" }.joined(separator: "; ")
            let stroke: SVG.Attributes = ["class": "median", "stroke": medianColour, "stroke-width": "2.2"]
            if box {
                let m = y(median[0]!)
                svg.polygon([(x(simulated[0]) - boxWidth / 2, m), (x(simulated[0]) + boxWidth / 2, m)], closed: false, stroke, title: tip)
            } else {
                let head = anchor.map { [(x: x($0.year), y: y($0.value))] } ?? []
                svg.polygon(head + simulated.indices.map { (x: x(simulated[$0]), y: y(median[$0]!)) }, closed: false, stroke, title: tip)
            }
        } else { missing = true }
        if let history {
            drawHistory(&svg, history, colour: colour(of: history, proxies: proxies), observed: observed, excluded: excluded, x: x, y: y)
        }
        for o in outcomes {
            let (cx, cy) = (x(o.year), y(o.value))
            let who = history.map { $0.isProxy ? "\($0.region), a proxy" : $0.region } ?? ""
            svg.polygon([(cx, cy - 5), (cx + 5, cy), (cx, cy + 5), (cx - 5, cy)],
                        ["class": "outcome", "fill": outcomeColour, "stroke": "#fff", "stroke-width": "0.8"],
                        title: "\(o.year) first-published outcome (\(who)): \(NumberFormat.plain(o.value))%")
        }
        drawThresholds(&svg, thresholds, y: y)
        if missing {
            svg.text("some quantiles fall outside the simulated range: not drawn", x: left, y: height - 2, size: 10, ["fill": "#b03030"])
        }
        return svg.markup(label: "Fan chart of \(id) \(ScenarioPage.name(of: run.scenario.indicator(id))), percent")
    }

    /// Growth and rate thresholds of the indicator's targets, with their labels.
    static func thresholds(_ run: ScenarioRun, id: String) -> [(value: Double, label: String)] {
        let multiYear = run.result.horizon > 1
        return run.targets.filter { $0.indicator.id == id && $0.unit == "pp" && $0.outcome != nil }.flatMap { item in
            let label = TargetText(run: run, item: item).boundText + (multiYear ? " (\(item.target.year))" : "")
            switch item.target.bound {
            case .atLeast(let x), .atMost(let x): return [(value: x, label: label)]
            case .around(let x, let t): return [(value: x - t, label: label + " low"), (value: x + t, label: label + " high")]
            }
        }
    }

    /// The history line, broken at missing years, with a dot per observation (hollow when
    /// the year was left out of the estimation).
    static func drawHistory(_ svg: inout SVG, _ history: IndicatorHistory, colour: String, observed: [(year: Int, value: Double)],
                            excluded: Set<Int>, x: (Int) -> Double, y: LinearScale) {
        var runs: [[(year: Int, value: Double)]] = []
        for point in observed {
            if let last = runs.last?.last, last.year == point.year - 1 { runs[runs.count - 1].append(point) } else { runs.append([point]) }
        }
        let who = history.isProxy ? "\(history.region) (proxy)" : history.region
        for segment in runs where segment.count > 1 {
            svg.polygon(segment.map { (x: x($0.year), y: y($0.value)) }, closed: false,
                        ["class": "history", "stroke": colour, "stroke-width": "1.6"])
        }
        for point in observed {
            let out = excluded.contains(point.year)
            svg.circle(cx: x(point.year), cy: y(point.value), r: out ? 3 : 2.2,
                       ["class": out ? "excluded" : "observed", "fill": out ? "#fff" : colour, "stroke": colour, "stroke-width": "1.2"],
                       title: "\(point.year): \(NumberFormat.plain(point.value))% first published, \(who)"
                           + (out ? "; left out of the estimation" : ""))
        }
    }

    static func axes(_ svg: inout SVG, y: LinearScale, step: Double, years: [Int], x: (Int) -> Double, slot: Double,
                     simulated: [Int]) {
        let decimals = (0...3).first { d in abs(Double(NumberFormat.fixed(step, d))! - step) < 1e-9 } ?? 3
        for tick in stride(from: y.domain.lowerBound, through: y.domain.upperBound + step / 2, by: step) {
            svg.line(x1: left, y1: y(tick), x2: width - right, y2: y(tick), ["stroke": abs(tick) < step / 2 ? "#999" : "#e2e2e2"])
            svg.text(NumberFormat.fixed(tick, decimals) + "%", x: left - 4, y: y(tick) + 4, anchor: "end", size: 12, ["fill": "#555"])
        }
        svg.line(x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, ["stroke": "#555"])
        // History years every 1, 2, 5 or 10 years, at least 30 px apart and clear of the
        // first simulated year; every simulated year (each is `forecastWeight` years wide).
        let every = [1, 2, 5, 10].first { Double($0) * slot >= 30 } ?? 10
        let history = years.filter { !simulated.contains($0) && $0 % every == 0 && x(simulated[0]) - x($0) >= 30 }
        let labelled = history + simulated
        for year in years {
            let major = labelled.contains(year)
            svg.line(x1: x(year), y1: height - bottom, x2: x(year), y2: height - bottom + (major ? 5 : 2.5), ["stroke": "#555"])
            if major { svg.text(String(year), x: x(year), y: height - bottom + 18, anchor: "middle", size: 12) }
        }
    }

    /// Dashed lines across the plot, labelled in the right margin (labels pushed apart).
    static func drawThresholds(_ svg: inout SVG, _ thresholds: [(value: Double, label: String)], y: LinearScale) {
        var lastLabelY = -Double.infinity
        for t in thresholds.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.label < $1.label) }) {
            svg.line(x1: left, y1: y(t.value), x2: width - right, y2: y(t.value),
                     ["class": "threshold", "stroke": thresholdColour, "stroke-width": "1.4", "stroke-dasharray": "6 4"])
            let labelY = max(y(t.value) + 4, lastLabelY + 13)
            svg.text(t.label, x: width - right + 4, y: labelY, size: 12, ["fill": thresholdColour])
            lastLabelY = labelY
        }
    }

    /// The legend shared by the page's fan charts, as HTML (it wraps with the page): history
    /// (own region and each proxy, as present), years left out, the bands, the median, targets
    /// and outcomes already published. Each key is a small inline SVG.
    static func legend(ownRegion: String?, proxies: [String], excluded: Bool, outcomes: Bool) -> String {
        func key(_ label: String, _ draw: (inout SVG) -> Void) -> String {
            var svg = SVG(width: 18, height: 12)
            draw(&svg)
            return "<span class=\"key\">" + svg.markup(label: label) + " " + PageHTML.escape(label) + "</span>"
        }
        func line(_ colour: String, dash: String? = nil) -> (inout SVG) -> Void {
            { svg in
                if let dash {
                    svg.line(x1: 0, y1: 6, x2: 18, y2: 6, ["stroke": colour, "stroke-width": "1.6", "stroke-dasharray": dash])
                } else {
                    svg.line(x1: 0, y1: 6, x2: 18, y2: 6, ["stroke": colour, "stroke-width": "2"])
                }
            }
        }
        var keys: [String] = []
        if let ownRegion { keys.append(key("history, \(ownRegion), first published", line(ownColour))) }
        for (i, p) in proxies.enumerated() {
            keys.append(key("history, \(p): a proxy, first published", line(proxyColours[i % proxyColours.count])))
        }
        if excluded {
            keys.append(key("year left out of the estimation") { $0.circle(cx: 9, cy: 6, r: 3, ["fill": "#fff", "stroke": "#555", "stroke-width": "1.2"]) })
        }
        for (lower, upper, colour) in bands {
            keys.append(key("\(Int(100 * lower))–\(Int(100 * upper))%") { $0.rect(x: 1, y: 0, width: 16, height: 12, ["fill": colour]) })
        }
        keys.append(key("median", line(medianColour)))
        keys.append(key("target", line(thresholdColour, dash: "5 3")))
        if outcomes {
            keys.append(key("outcome already published") { $0.polygon([(9, 1), (14, 6), (9, 11), (4, 6)], ["fill": outcomeColour]) })
        }
        return "<p class=\"legend\">" + keys.joined(separator: " ") + "</p>"
    }
}
