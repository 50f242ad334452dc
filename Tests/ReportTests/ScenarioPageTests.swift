import Foundation
import Report
import Scenario
import Simulation
import XCTest

/// report.html of `simulate`, parsed back as XML and checked against the run it was drawn from:
/// every target present, the summary's numbers equal to the table's and the run's, the charts'
/// geometry equal to the history and the quantiles, nothing fetched from outside.
final class ScenarioPageTests: XCTestCase {
    typealias Node = PageFixture.Node

    func percent(_ p: ProbabilityEstimate) -> String {
        NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)
    }

    func testEveryTargetHasARowAndTheSummaryAgreesWithTheTable() throws {
        let (input, run) = try PageFixture.run(horizonEnd: 2022)
        let html = ScenarioPage.render(run, input: input)
        PageFixture.assertSelfContained(html)
        let page = PageFixture.parse(html)
        let summary = try XCTUnwrap(page.all("table").first { $0.has(class: "summary") })
        let table = try XCTUnwrap(page.all("table").first { $0.has(class: "targets") })
        XCTAssertEqual(run.targets.count, 4)
        for (i, item) in run.targets.enumerated() {
            let rows = PageFixture.elements(table, "id", "target-\(i)")
            XCTAssertEqual(rows.count, 1, "target \(i) has one row")
            let text = rows.first?.allText ?? ""
            XCTAssertTrue(text.contains(item.indicator.name!.zh), text)
            XCTAssertTrue(text.contains(item.target.quote!), text)
            guard let p = item.outcome?.probability else {
                // The reason is printed, not only in a tooltip.
                XCTAssertTrue(text.contains(try XCTUnwrap(item.reason)), "reason printed: \(text)")
                XCTAssertTrue(summary.allText.contains("未评估"))
                continue
            }
            let inTable = PageFixture.elements(table, "data-target", String(i)).map(\.allText)
            let inSummary = PageFixture.elements(summary, "data-target", String(i)).map(\.allText)
            XCTAssertEqual(inTable, [percent(p)], "table P(met) of target \(i)")
            XCTAssertEqual(inSummary, inTable + inTable, "the summary prints the table's P(met) of target \(i), once in each language")
            // The verdict, decided here from P(met), its SE and the confidence.
            let expected = abs(p.value - 0.8) <= 2 * p.standardError ? "临界" : (p.value >= 0.8 ? "较有把握" : "有风险")
            XCTAssertTrue(rows[0].descendants.contains { $0.has(class: "verdict") && $0.allText == expected }, "verdict of target \(i): \(expected)")
        }
        // The 左右 target read as a floor has its second figure, P(lands near 6 ± 0.5).
        let near = try XCTUnwrap(run.targets[0].near?.probability)
        XCTAssertEqual(PageFixture.elements(table, "data-near", "0").map(\.allText), ["\(percent(near)) (6% ± 0.5)"])

        // P(all met): the summary's equals the joint table of tables.md and the run's.
        let (year, joint) = try XCTUnwrap(run.joint.first)
        let markdown = MarkdownReport.render(run)
        let row = try XCTUnwrap(markdown.split(separator: "\n").first { $0.hasPrefix("| \(year) | \(joint.targets.count) | ") })
        let cellInTables = row.split(separator: "|")[2].trimmingCharacters(in: .whitespaces)
        let inSummary = PageFixture.elements(summary, "data-joint", String(year)).map(\.allText)
        XCTAssertEqual(inSummary, [cellInTables, cellInTables], "once in each language")
        XCTAssertEqual(cellInTables, NumberFormat.percent(joint.all.value, standardError: joint.all.standardError, paths: joint.all.paths))

        // The chart of P(at least k met): each bar's width over its track is P(at least k).
        let chart = try XCTUnwrap(page.all("svg").first { $0.attributes["aria-label"]?.hasPrefix("P(at least k") == true })
        let bars = chart.all("rect").filter { $0.has(class: "p-at-least") }
        XCTAssertEqual(bars.count, joint.targets.count)
        let track = try XCTUnwrap(chart.all("rect").first { $0.attributes["fill"] == "#f1f1f1" }?.number("width"))
        for bar in bars {
            let k = try XCTUnwrap(Int(bar.attributes["data-k"] ?? ""))
            XCTAssertEqual(try XCTUnwrap(bar.number("width")) / track, joint.atLeast[k], accuracy: 0.0051 / track)
        }
        XCTAssertEqual(joint.atLeast[joint.targets.count], joint.all.value, accuracy: 1e-12)
    }

    func testFanChartsDrawTheHistoryThenTheFan() throws {
        let (input, run) = try PageFixture.run(horizonEnd: 2023)
        let page = PageFixture.parse(ScenarioPage.render(run, input: input))
        let v = try XCTUnwrap(run.variables.firstIndex(of: "gdp"))
        let fan = try XCTUnwrap(page.all("svg").first { $0.attributes["aria-label"]?.hasPrefix("Fan chart of gdp ") == true })
        let value = PageFixture.yScale(fan)
        // Every first-published year up to the base year, 2020 hollow (left out of the estimation).
        let dots = fan.all("circle").filter { $0.has(class: "observed") || $0.has(class: "excluded") }
        XCTAssertEqual(dots.count, PageFixture.gdp.count)
        for (dot, expected) in zip(dots, PageFixture.gdp) {
            XCTAssertEqual(value(try XCTUnwrap(dot.number("cy"))), expected, accuracy: 0.02)
        }
        XCTAssertEqual(fan.all("circle").filter { $0.has(class: "excluded") }.count, 1)
        XCTAssertTrue(dots[10].has(class: "excluded"), "2020 is the excluded year")
        // The 2022 outcome already in the file, marked.
        let outcome = try XCTUnwrap(fan.all("polygon").first { $0.has(class: "outcome") })
        let corners = try points(outcome)
        XCTAssertEqual(value(corners.map(\.y).reduce(0, +) / Double(corners.count)), PageFixture.gdpOutcome, accuracy: 0.02)
        // Bands start at the last observation (2021) and reach the simulated quantiles.
        let bands = fan.all("polygon").filter { $0.has(class: "band") }
        XCTAssertEqual(bands.count, 3)
        for (band, (lower, upper, _)) in zip(bands, [(0.05, 0.95, ""), (0.10, 0.90, ""), (0.25, 0.75, "")]) {
            let p = try points(band)
            XCTAssertEqual(p.count, 1 + 2 * run.result.horizon)
            XCTAssertEqual(value(p[0].y), PageFixture.gdp.last!, accuracy: 0.02)
            for h in 1...run.result.horizon {
                XCTAssertEqual(value(p[h].y), try XCTUnwrap(run.result.quantile(upper, variable: v, yearOffset: h)), accuracy: 0.02)
                XCTAssertEqual(value(p[2 * run.result.horizon + 1 - h].y), try XCTUnwrap(run.result.quantile(lower, variable: v, yearOffset: h)),
                               accuracy: 0.02)
            }
        }
        // The 左右 target read as a floor: one line at 5.5.
        let thresholds = fan.all("line").filter { $0.has(class: "threshold") }
        XCTAssertEqual(thresholds.count, 1)
        XCTAssertEqual(value(try XCTUnwrap(thresholds.first?.number("y1"))), 5.5, accuracy: 0.02)
        // The judgment has no history line.
        let judged = try XCTUnwrap(page.all("svg").first { $0.attributes["aria-label"]?.hasPrefix("Fan chart of unemployment ") == true })
        XCTAssertTrue(judged.all("circle").isEmpty)
        // The proxy is said in the caption and the legend.
        let section = try XCTUnwrap(PageFixture.elements(page, "id", "fan-gdp").first)
        XCTAssertTrue(section.allText.contains("History: Proxy <A&B> (a proxy)"), section.allText)
        XCTAssertTrue(page.descendants.contains { $0.has(class: "legend") && $0.allText.contains("Proxy <A&B>: a proxy") })
    }

    func testProvenanceRisksAndDetails() throws {
        let risk = """
            [{"name": "epidemic", "probability": 0.3, "year": 2022, "impact_pp": {"gdp": -1.5}, "persistence": 0.5, "rationale": "half of 2020's swing"}]
            """
        let (input, run) = try PageFixture.run(horizonEnd: 2022, risks: risk)
        let page = PageFixture.parse(ScenarioPage.render(run, input: input))
        let provenance = try XCTUnwrap(page.all("table").first { $0.has(class: "provenance") })
        let gdp = try XCTUnwrap(provenance.all("tr").first { $0.allText.contains("地区生产总值") })
        let cells = gdp.all("td").map(\.allText)
        XCTAssertEqual(Array(cells[3...5]), ["2010–2021", "2010–2019, 2021", "2020"], "first published, used, left out")
        XCTAssertTrue(cells[1].contains("Proxy <A&B>"))
        let risks = try XCTUnwrap(page.all("table").first { $0.has(class: "risks") })
        let cellsOfRisk = try XCTUnwrap(risks.all("tr").last).all("td").map(\.allText)
        XCTAssertEqual(cellsOfRisk, ["epidemic", "2022", "30%", "地区生产总值 gdp −1.5 pp", "0.5", "half of 2020's swing"])
        XCTAssertTrue(page.all("table").contains { $0.has(class: "judgments") && $0.allText.contains("https://example.org/bulletin") })
        // The model details come last.
        let headings = page.all("h2").map { $0.allText }
        XCTAssertEqual(headings.first, "摘要 Summary")
        XCTAssertEqual(headings.last, "模型说明 Model details")
    }

    func testCalibratedPageShowsTheModelsAndAnchoredProbabilities() throws {
        let (input, run) = try PageFixture.run(horizonEnd: 2022, calibrated: true)
        XCTAssertNotNil(run.calibration)
        let page = PageFixture.parse(ScenarioPage.render(run, input: input))
        let table = try XCTUnwrap(page.all("table").first { $0.has(class: "targets") })
        XCTAssertTrue(table.all("th").map(\.allText).contains("模型（未计风险与判断调整） Model P(met) before risks and judgments"))
        var checked = 0
        for (i, item) in run.targets.enumerated() {
            guard let c = item.calibration else { continue }
            let row = try XCTUnwrap(PageFixture.elements(table, "id", "target-\(i)").first)
            let cells = row.all("td").map(\.allText)
            XCTAssertTrue(cells.contains(percent(c.model)), "model P(met) of \(i) in \(cells)")
            if let a = c.anchored { XCTAssertTrue(cells.contains(NumberFormat.fixed(100 * a, 0) + "%"), "anchored of \(i)") }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
        XCTAssertTrue(try XCTUnwrap(page.all("table").first { $0.has(class: "summary") }).allText.contains("P(met) is calibrated"))
    }

    func testWithoutHistoryDeterministicAndEscaped() throws {
        let (input, run) = try PageFixture.run(horizonEnd: 2022)
        let html = ScenarioPage.render(run, input: input)
        XCTAssertEqual(ScenarioPage.render(run, input: input), html, "same run, same bytes")
        XCTAssertFalse(html.contains("<city>"))
        XCTAssertTrue(html.contains("地区生产总值"), "Chinese names are written as UTF-8 text")
        let page = PageFixture.parse(html)
        XCTAssertEqual(page.all("h1").first?.allText, PageFixture.name)
        // Without the tables: no history, every target still present.
        let bare = PageFixture.parse(ScenarioPage.render(run, input: nil))
        XCTAssertTrue(bare.all("circle").filter { $0.has(class: "observed") }.isEmpty)
        for i in run.targets.indices { XCTAssertEqual(PageFixture.elements(bare, "id", "target-\(i)").count, 1) }
    }

    func testProbabilityBarsMatchTheRun() throws {
        let (input, run) = try PageFixture.run(horizonEnd: 2023)
        let page = PageFixture.parse(ScenarioPage.render(run, input: input))
        let bars = try XCTUnwrap(page.all("svg").first { $0.attributes["aria-label"]?.hasPrefix("P(target met) per target") == true })
        XCTAssertEqual(bars.attributes["aria-label"], "P(target met) per target, \(PageFixture.name)")
        // The width of each P(met) bar over its track's width is the run's probability.
        let tracks = bars.all("rect").filter { $0.has(class: "track") }
        let filled = bars.all("rect").filter { $0.has(class: "p-met") }
        let evaluated = run.targets.compactMap { $0.outcome?.probability }
        XCTAssertEqual(tracks.count, run.targets.count)
        XCTAssertEqual(filled.count, 3)
        XCTAssertEqual(filled.count, evaluated.count)
        let trackWidth = try XCTUnwrap(tracks.first?.number("width"))
        for (bar, p) in zip(filled, evaluated) {
            // Widths are written with 2 decimals: within 0.005 px.
            XCTAssertEqual(try XCTUnwrap(bar.number("width")) / trackWidth, p.value, accuracy: 0.0051 / trackWidth)
            XCTAssertGreaterThan(p.value, 0.01, "a bar of width ~0 would test nothing")
        }
        // The level target is a labelled gap whose tooltip is the run's reason.
        let gaps = bars.all("g").filter { $0.has(class: "not-evaluated") }
        XCTAssertEqual(gaps.map { $0.title ?? "" }, run.targets.filter { $0.outcome == nil }.map { "not evaluated: \($0.reason ?? "")" })
        // The confidence mark sits at 80% of the track.
        let mark = try XCTUnwrap(bars.all("line").first { $0.has(class: "confidence") })
        let x0 = try XCTUnwrap(tracks.first?.number("x"))
        XCTAssertEqual((try XCTUnwrap(mark.number("x1")) - x0) / trackWidth, 0.8, accuracy: 0.0001)
    }

    /// The points of a polygon or polyline.
    func points(_ node: Node) throws -> [(x: Double, y: Double)] {
        try XCTUnwrap(node.attributes["points"]).split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return (xy[0], xy[1])
        }
    }
}
