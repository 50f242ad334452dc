import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Report
import Scenario
import Simulation
import XCTest

/// report.html on a small scenario run through the whole pipeline (a VAR(1) on two made-up
/// indicators with 12 years of history, one judgment indicator, three evaluated growth or rate
/// targets and one level target that cannot be evaluated). Each inline SVG is parsed back as
/// XML and checked against the run it was drawn from.
final class FanChartTests: XCTestCase {
    static let name = "Test <city> & \"plan\""

    /// Writes the history and scenario into a temporary directory and runs the scenario.
    static func run(horizonEnd: Int) throws -> ScenarioRun {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fan-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gdp = [10.6, 9.5, 7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.1]
        let cpi = [3.3, 5.4, 2.6, 2.6, 2.0, 1.4, 2.0, 1.6, 2.1, 2.9, 2.5, 0.9]
        var csv = "indicator,year,value,measure,unit,source\n"
        for (i, year) in (2010...2021).enumerated() {
            csv += "gdp,\(year),\(gdp[i]),growth_pct,%,made up\ncpi,\(year),\(cpi[i]),rate_pct,%,made up\n"
        }
        try csv.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let cpiYear = min(2023, horizonEnd)
        let scenario = """
            {"name": "Test <city> & \\"plan\\"", "region": "测试市", "history": "history.csv",
             "history_proxy": {"region": "Proxy <A&B>", "note": "made-up data & <tags>"},
             "base_year": 2021, "horizon_end": \(horizonEnd), "estimation": {"from": 2010, "to": 2021, "exclude": []},
             "model": {"type": "var", "lags": 1, "parameter_uncertainty": false},
             "shocks": {"distribution": "normal"}, "simulation": {"paths": 4000, "seed": 7}, "confidence": 0.8,
             "indicators": [
              {"id": "gdp", "name": {"zh": "地区生产总值", "en": "GDP"}, "model_on": "growth_pct", "unit": "亿元"},
              {"id": "cpi", "name": {"zh": "居民消费价格", "en": "CPI"}, "model_on": "rate_pct"},
              {"id": "unemployment", "name": {"zh": "城镇调查失业率", "en": "Unemployment"}, "model_on": "rate_pct",
               "judgment": {"distribution": "normal", "mean": 5.1, "sd": 0.3, "rationale": "made up", "source": "none"}}],
             "targets": [
              {"indicator": "gdp", "year": 2022, "at_least": 6.0, "measure": "growth_pct", "quote": "增长6%以上"},
              {"indicator": "cpi", "year": \(cpiYear), "at_most": 3.0, "measure": "rate_pct", "quote": "3%左右"},
              {"indicator": "unemployment", "year": 2022, "around": 5.5, "tolerance": 0.5, "measure": "rate_pct", "quote": "5.5%左右"},
              {"indicator": "gdp", "year": 2022, "at_least": 120000, "measure": "level", "quote": "突破12万亿元"}]}
            """
        let path = dir.appendingPathComponent("scenario.json")
        try scenario.write(to: path, atomically: true, encoding: .utf8)
        return try ScenarioRunner.run(ScenarioInput.load(contentsOf: path), options: RunOptions(threads: 2))
    }

    /// An XML element with its attributes, children and text.
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

        /// Every element below this one (depth first, document order) named `name`.
        func all(_ name: String) -> [Node] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
        }
        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
        var title: String? { children.first { $0.name == "title" }?.text }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack = [Node(name: "#document", attributes: [:])]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = Node(name: name, attributes: attributes)
            stack.last!.children.append(node)
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last!.text += string }
    }

    /// Each `<svg>...</svg>` of the page, parsed as XML (fails the test when one does not parse).
    static func svgs(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> [Node] {
        var out: [Node] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let parser = XMLParser(data: Data(rest[start.lowerBound..<end.upperBound].utf8))
            let builder = TreeBuilder()
            parser.delegate = builder
            XCTAssertTrue(parser.parse(), "SVG \(out.count) is not XML: \(String(describing: parser.parserError))", file: file, line: line)
            if let svg = builder.stack.first?.children.first { out.append(svg) }
            rest = rest[end.upperBound...]
        }
        return out
    }

    func testProbabilityBarsAndFansMatchTheRun() throws {
        let run = try Self.run(horizonEnd: 2023)
        let html = FanChartPage.render(run)
        let svgs = Self.svgs(html)
        XCTAssertEqual(svgs.count, 1 + run.variables.count, "one probability chart and one fan chart per variable")
        XCTAssertEqual(Set(run.variables), ["gdp", "cpi", "unemployment"])

        // Bars: the width of each P(met) bar over its track's width is the run's probability.
        let bars = svgs[0]
        let tracks = bars.all("rect").filter { $0.attributes["class"] == "track" }
        let filled = bars.all("rect").filter { $0.attributes["class"] == "p-met" }
        let evaluated = run.targets.compactMap { $0.outcome?.probability }
        XCTAssertEqual(tracks.count, run.targets.count)
        XCTAssertEqual(filled.count, 3)
        XCTAssertEqual(filled.count, evaluated.count)
        let trackWidth = try XCTUnwrap(tracks.first?.number("width"))
        for (bar, p) in zip(filled, evaluated) {
            let width = try XCTUnwrap(bar.number("width"))
            // Widths are written with 2 decimals: within 0.005 px.
            XCTAssertEqual(width / trackWidth, p.value, accuracy: 0.0051 / trackWidth)
            XCTAssertGreaterThan(p.value, 0.01, "a bar of width ~0 would test nothing")
        }
        // The level target is a labelled gap whose tooltip is the run's reason.
        let gaps = bars.all("g").filter { $0.attributes["class"] == "not-evaluated" }
        let reasons = run.targets.filter { $0.outcome == nil }.map { "not evaluated: \($0.reason ?? "")" }
        XCTAssertEqual(reasons.count, 1)
        XCTAssertEqual(gaps.map { $0.title ?? "" }, reasons)
        // The confidence mark sits at 80% of the track.
        let mark = try XCTUnwrap(bars.all("line").first { $0.attributes["class"] == "confidence" })
        let x0 = try XCTUnwrap(tracks.first?.number("x"))
        XCTAssertEqual((try XCTUnwrap(mark.number("x1")) - x0) / trackWidth, 0.8, accuracy: 0.0001)

        // Fans: one per variable, in order; nested polygons over two years; threshold lines
        // for growth and rate targets only (the level target on gdp is skipped; the 左右 target
        // on the unemployment rate is read as a ceiling, one edge).
        let expectedLines = ["gdp": 1, "cpi": 1, "unemployment": 1]
        for (v, id) in run.variables.enumerated() {
            let fan = svgs[1 + v]
            XCTAssertEqual(html.components(separatedBy: "<section class=\"fan\" id=\"fan-\(id)\">").count, 2)
            XCTAssertTrue(fan.attributes["aria-label"]?.hasPrefix("Fan chart of \(id) ") == true)
            XCTAssertEqual(fan.all("polygon").filter { $0.attributes["class"] == "band" }.count, 3, id)
            XCTAssertEqual(fan.all("polyline").filter { $0.attributes["class"] == "median" }.count, 1, id)
            let thresholds = fan.all("line").filter { $0.attributes["class"] == "threshold" }
            XCTAssertEqual(thresholds.count, expectedLines[id], id)
        }
        // Threshold lines are drawn at the same pixel height as the band edges of equal value:
        // the gdp line at 6% lies between the 5% and 95% quantiles of 2022 exactly where the scale puts it.
        let gdpFan = svgs[1 + run.variables.firstIndex(of: "gdp")!]
        let ticks = gdpFan.all("text").compactMap { t -> (Double, Double)? in
            guard t.text.hasSuffix("%"), t.attributes["text-anchor"] == "end", let v = Double(t.text.dropLast()),
                  let y = t.number("y") else { return nil }
            return (v, y - 4)
        }
        XCTAssertGreaterThanOrEqual(ticks.count, 2)
        let (v0, y0) = ticks.first!, (v1, y1) = ticks.last!
        let yOf6 = y0 + (6 - v0) * (y1 - y0) / (v1 - v0)
        let line = try XCTUnwrap(gdpFan.all("line").first { $0.attributes["class"] == "threshold" })
        XCTAssertEqual(try XCTUnwrap(line.number("y1")), yOf6, accuracy: 0.02)
    }

    func testSingleYearIsABoxAndOutputIsDeterministic() throws {
        let run = try Self.run(horizonEnd: 2022)
        let html = FanChartPage.render(run)
        let svgs = Self.svgs(html)
        XCTAssertEqual(svgs.count, 1 + run.variables.count)
        for fan in svgs.dropFirst() {
            let boxes = fan.all("rect").filter { $0.attributes["class"] == "band" }
            XCTAssertEqual(boxes.count, 3)
            XCTAssertEqual(fan.all("polygon").filter { $0.attributes["class"] == "band" }.count, 0)
            // Nested: each inner band lies inside the outer one.
            for (outer, inner) in zip(boxes, boxes.dropFirst()) {
                let (oy, oh, iy, ih) = (outer.number("y")!, outer.number("height")!, inner.number("y")!, inner.number("height")!)
                XCTAssertLessThanOrEqual(oy, iy)
                XCTAssertGreaterThanOrEqual(oy + oh, iy + ih)
            }
        }
        XCTAssertEqual(FanChartPage.render(try Self.run(horizonEnd: 2022)), html, "same run, same bytes")
    }

    func testNamesAreEscaped() throws {
        let run = try Self.run(horizonEnd: 2022)
        let html = FanChartPage.render(run)
        XCTAssertFalse(html.contains("<city>"))
        XCTAssertFalse(html.contains("<A&B>"))
        XCTAssertTrue(html.contains("<h1>Test &lt;city&gt; &amp; &quot;plan&quot;</h1>"))
        XCTAssertTrue(html.contains("Proxy &lt;A&amp;B&gt;"))
        XCTAssertTrue(html.contains("地区生产总值"), "Chinese names are written as UTF-8 text")
        // Parsed back, the SVG's own title is the scenario name unchanged.
        let bars = try XCTUnwrap(Self.svgs(html).first)
        XCTAssertEqual(bars.title, "P(target met) per target, \(Self.name)")
        XCTAssertEqual(bars.attributes["aria-label"], "P(target met) per target, \(Self.name)")
    }
}
