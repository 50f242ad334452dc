import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Calibration
import Report
import Scenario
import Simulation
import XCTest

/// A small scenario run through the whole pipeline for the page tests: AR(1) models on two
/// made-up indicators with 12 years of history (2020 excluded from estimation, the 2022
/// outcome already in the file), one judgment indicator, three evaluated growth or rate
/// targets (one 左右 with a second figure) and one level target that cannot be evaluated,
/// on a proxy history; and the XML reading of the pages.
enum PageFixture {
    static let name = "Test <city> & \"plan\""
    static let gdp = [10.6, 9.5, 7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.1]
    static let cpi = [3.3, 5.4, 2.6, 2.6, 2.0, 1.4, 2.0, 1.6, 2.1, 2.9, 2.5, 0.9]
    /// The 2022 outcome in the history file (after the base year).
    static let gdpOutcome = 3.0

    /// The scenario's history and the run; `calibrated` adds a combination file learned from
    /// synthetic past targets.
    static func run(horizonEnd: Int, risks: String = "[]", calibrated: Bool = false) throws -> (input: ScenarioInput, run: ScenarioRun) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "indicator,year,value,measure,unit,source\n"
        for (i, year) in (2010...2021).enumerated() {
            csv += "gdp,\(year),\(gdp[i]),growth_pct,%,made up\ncpi,\(year),\(cpi[i]),rate_pct,%,made up\n"
        }
        csv += "gdp,2022,\(gdpOutcome),growth_pct,%,made up\n"
        try csv.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        var calibration = ""
        if calibrated {
            try combinationFile().write(to: dir.appendingPathComponent("combination.json"), atomically: true, encoding: .utf8)
            calibration = ", \"calibration\": {\"file\": \"combination.json\", \"region\": \"a\"}"
        }
        let cpiYear = min(2023, horizonEnd)
        let scenario = """
            {"name": "Test <city> & \\"plan\\"", "region": "测试市", "history": "history.csv",
             "history_proxy": {"region": "Proxy <A&B>", "note": "made-up data & <tags>"},
             "base_year": 2021, "horizon_end": \(horizonEnd), "estimation": {"from": 2010, "to": 2021, "exclude": [2020]},
             "model": {"type": "ar1", "parameter_uncertainty": false},
             "shocks": {"distribution": "normal"}, "simulation": {"paths": 4000, "seed": 7}, "confidence": 0.8,
             "indicators": [
              {"id": "gdp", "name": {"zh": "地区生产总值", "en": "GDP"}, "model_on": "growth_pct", "unit": "亿元"},
              {"id": "cpi", "name": {"zh": "居民消费价格", "en": "CPI"}, "model_on": "rate_pct"},
              {"id": "unemployment", "name": {"zh": "城镇调查失业率", "en": "Unemployment"}, "model_on": "rate_pct",
               "judgment": {"distribution": "normal", "mean": 5.1, "sd": 0.3, "rationale": "made up", "source": "https://example.org/bulletin"}}],
             "targets": [
              {"indicator": "gdp", "year": 2022, "around": 6.0, "tolerance": 0.5, "measure": "growth_pct", "quote": "增长6%左右"},
              {"indicator": "cpi", "year": \(cpiYear), "at_most": 3.0, "measure": "rate_pct", "quote": "3%以内"},
              {"indicator": "unemployment", "year": 2022, "at_most": 5.5, "measure": "rate_pct", "quote": "5.5%以内"},
              {"indicator": "gdp", "year": 2022, "at_least": 120000, "measure": "level", "quote": "突破12万亿元"}],
             "risks": \(risks)\(calibration)}
            """
        let path = dir.appendingPathComponent("scenario.json")
        try scenario.write(to: path, atomically: true, encoding: .utf8)
        let input = try ScenarioInput.load(contentsOf: path)
        return (input, try ScenarioRunner.runCalibrated(input, options: RunOptions(threads: 2)))
    }

    /// A combination file learned from synthetic past targets of three regions (GDP met by
    /// about 0.5 pp, CPI well under its ceiling), as `forecast calibrate` writes it.
    static func combinationFile() throws -> String {
        var records: [TargetRecord] = []
        for year in 2000...2019 {
            for (k, region) in ["a", "b", "c"].enumerated() {
                let wobble = Double((year * 7 + k * 3) % 5) / 5 - 0.4
                records.append(TargetRecord(region: region, indicator: "gdp", year: year, measure: .growthPct,
                                            wording: .around(6, tolerance: 0.5), outcome: 6.5 + wobble, model: 0.5 + wobble / 2))
                records.append(TargetRecord(region: region, indicator: "cpi", year: year, measure: .ratePct,
                                            wording: .atMost(3), outcome: 2 + wobble, model: 0.8))
            }
        }
        let file = CombinationFile(madeBy: "test", calibrationSet: "synthetic", years: [2000, 2019], paths: 1,
                                   rolling: RollingCalibration(records: records))
        return try file.encoded()
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
        /// Every element below this one, depth first.
        var descendants: [Node] { children.flatMap { [$0] + $0.descendants } }
        /// The text of this element and all below it, in document order.
        var allText: String { text + children.map(\.allText).joined() }
        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
        var title: String? { children.first { $0.name == "title" }?.text }
        func has(class name: String) -> Bool { (attributes["class"] ?? "").split(separator: " ").contains { $0 == name } }
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
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Text after a child element belongs to the parent: keep it in order as a text node.
            if let last = stack.last!.children.last, last.name == "#text" { last.text += string; return }
            if stack.last!.children.isEmpty { stack.last!.text += string; return }
            let node = Node(name: "#text", attributes: [:])
            node.text = string
            stack.last!.children.append(node)
        }
    }

    /// The page parsed as XML: the pages are written well-formed (every element closed), so a
    /// page that does not parse fails the test.
    static func parse(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> Node {
        let parser = XMLParser(data: Data(html.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        XCTAssertTrue(parser.parse(), "the page is not well-formed: \(String(describing: parser.parserError)) at line \(parser.lineNumber)",
                      file: file, line: line)
        return builder.stack.first!
    }

    /// Checks a page is self-contained: no script, no link, no external style or image, no
    /// attribute holding a URL other than the SVG and XHTML namespaces.
    static func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let page = parse(html, file: file, line: line)
        for node in page.descendants {
            XCTAssertFalse(["script", "link", "img", "iframe", "object", "embed", "image", "use"].contains(node.name),
                           "<\(node.name)> may load a resource", file: file, line: line)
            for (key, value) in node.attributes where key != "xmlns" {
                XCTAssertFalse(value.contains("://") || key == "src" || key == "href" || key.hasSuffix(":href"),
                               "attribute \(key)=\"\(value)\" of <\(node.name)>", file: file, line: line)
            }
        }
        for style in page.all("style") {
            XCTAssertFalse(style.text.contains("url(") || style.text.contains("@import"), "the style sheet fetches", file: file, line: line)
        }
    }

    /// Elements of the page with attribute `key` equal to `value`.
    static func elements(_ page: Node, _ key: String, _ value: String) -> [Node] {
        page.descendants.filter { $0.attributes[key] == value }
    }

    /// Elements of the page with every attribute of `attributes`.
    static func descendants(_ page: Node, _ attributes: [String: String]) -> [Node] {
        page.descendants.filter { node in attributes.allSatisfy { node.attributes[$0.key] == $0.value } }
    }

    /// The y coordinate → value map of a chart, read off its y-axis tick labels ("6%", ...):
    /// tick labels are text anchored at the end, 4 px below their grid line.
    static func yScale(_ svg: Node, file: StaticString = #filePath, line: UInt = #line) -> (Double) -> Double {
        let ticks = svg.all("text").compactMap { t -> (Double, Double)? in
            guard t.text.hasSuffix("%"), t.attributes["text-anchor"] == "end", let v = Double(t.text.dropLast()),
                  let y = t.number("y") else { return nil }
            return (v, y - 4)
        }
        XCTAssertGreaterThanOrEqual(ticks.count, 2, file: file, line: line)
        let (v0, y0) = ticks.first!, (v1, y1) = ticks.last!
        return { y in v0 + (y - y0) * (v1 - v0) / (y1 - y0) }
    }
}
