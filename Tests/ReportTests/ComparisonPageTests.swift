import CSV
import Foundation
import Report
import Scenario
import Simulation
import XCTest

/// `compare`'s page and files against the runs: P(met) side by side, the difference to the
/// first run and the Monte Carlo noise rule decided here, the risks that differ.
final class ComparisonPageTests: XCTestCase {
    static let risk = """
        [{"name": "epidemic", "probability": 0.5, "year": 2022, "impact_pp": {"gdp": -3, "cpi": 0.01}, "persistence": 0}]
        """

    func comparison() throws -> ScenarioComparison {
        let a = try PageFixture.run(horizonEnd: 2022).run
        let b = try PageFixture.run(horizonEnd: 2022, risks: Self.risk).run
        return ScenarioComparison(runs: [a, b], files: ["base.json", "down.json"])
    }

    func testPageMatchesTheRuns() throws {
        let c = try comparison()
        let html = ComparisonPage.render(c)
        PageFixture.assertSelfContained(html)
        let page = PageFixture.parse(html)
        XCTAssertEqual(c.keys.count, 4)
        var beyond = 0
        for (k, key) in c.keys.enumerated() {
            let ps = (0..<2).map { c.target(key, $0)?.outcome?.probability }
            for e in 0..<2 {
                let cell = PageFixture.descendants(page, ["data-key": String(k), "data-scenario": String(e + 1)])
                XCTAssertEqual(cell.count, 1, "\(key) in [\(e + 1)]")
                if let p = ps[e] {
                    XCTAssertEqual(cell.first?.allText, NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths))
                } else {
                    XCTAssertTrue(cell.first?.allText.contains("not evaluated") == true)
                }
            }
            guard let a = ps[0], let b = ps[1] else { continue }
            // The noise rule, decided here: |Δ| > 2 sqrt(SE_a² + SE_b²).
            let noise = 2 * (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
            let delta = PageFixture.descendants(page, ["data-delta": "2", "data-key": String(k)])
            XCTAssertEqual(delta.count, 1)
            XCTAssertEqual(delta.first?.allText.contains("within MC noise"), abs(b.value - a.value) <= noise, "\(key)")
            if abs(b.value - a.value) > noise { beyond += 1 }
        }
        XCTAssertGreaterThan(beyond, 0, "a −3 pp shock with probability 0.5 moves the GDP target beyond noise")
        // P(all met) per scenario, in the summary.
        for e in c.entries {
            let (year, j) = try XCTUnwrap(e.run.joint.first)
            let shown = PageFixture.descendants(page, ["data-joint": "\(e.index)-\(year)"]).map(\.allText)
            XCTAssertEqual(shown.first, NumberFormat.percent(j.all.value, standardError: j.all.standardError, paths: j.all.paths))
        }
        // The risk is listed as differing, absent from the first scenario.
        let risks = try XCTUnwrap(page.all("table").first { $0.has(class: "risks") })
        XCTAssertTrue(risks.allText.contains("epidemic (2022)"))
        XCTAssertEqual(c.differingAssumptions.map(\.name), ["epidemic (2022)"])
        XCTAssertNil(c.differingAssumptions[0].perRun[0])
        // Scenarios labelled by file and name.
        let scenarios = try XCTUnwrap(page.all("table").first { $0.has(class: "scenarios") })
        XCTAssertTrue(scenarios.allText.contains("down.json"))
        XCTAssertTrue(scenarios.allText.contains(PageFixture.name))
    }

    func testFilesCarryTheNumbers() throws {
        let c = try comparison()
        let csvText = ComparisonFiles.targetsCSV(c)
        XCTAssertTrue(csvText.hasPrefix("\u{FEFF}"), "UTF-8 BOM for Excel")
        let reader = try CSVReader(string: String(csvText.dropFirst()), hasHeaderRow: true)
        var rows: [[String: String]] = []
        while reader.next() != nil {
            rows.append(Dictionary(uniqueKeysWithValues: zip(reader.headerRow!, reader.currentRow!)))
        }
        XCTAssertEqual(rows.count, c.keys.count * c.entries.count)
        for row in rows where row["status"] == "evaluated" {
            let e = Int(row["scenario_index"]!)! - 1
            let key = try XCTUnwrap(c.keys.first { $0.indicator == row["indicator"] && $0.bound == row["bound"] })
            let item = try XCTUnwrap(c.target(key, e))
            XCTAssertEqual(Double(row["p_met"]!), item.outcome!.probability.value, "unrounded, round-trips")
            XCTAssertEqual(Double(row["mc_se"]!), item.outcome!.probability.standardError)
            if e == 1 {
                let first = try XCTUnwrap(rows.first { $0["scenario_index"] == "1" && $0["indicator"] == row["indicator"] && $0["bound"] == row["bound"] })
                XCTAssertEqual(Double(row["delta_vs_first"]!)!, Double(row["p_met"]!)! - Double(first["p_met"]!)!, accuracy: 1e-15)
            }
        }
        let json = try JSONSerialization.jsonObject(with: Data(ComparisonFiles.json(c).utf8)) as! [String: Any]
        XCTAssertEqual((json["targets"] as! [Any]).count, rows.count)
        let scenarios = json["scenarios"] as! [[String: Any]]
        XCTAssertEqual(scenarios.map { $0["file"] as! String }, ["base.json", "down.json"])
        let joint = (scenarios[1]["joint"] as! [[String: Any]])[0]
        XCTAssertEqual(joint["p_all_met"] as! Double, c.entries[1].run.joint[0].outcome.all.value)
    }
}
