import Calibration
import Foundation
import Scenario
import XCTest

/// `YearEffects` against an independent meta-analysis implementation of DerSimonian–Laird
/// (Fixtures/year_effects_generate.py), and its place in `TargetAnchored`.
final class YearEffectsTests: XCTestCase {
    struct Reference: Decodable {
        struct Record: Decodable { let indicator: String; let year: Int; let target, outcome: Double }
        struct Case: Decodable {
            let before: Int
            let variance, within: Double
            let effects: [String: Double]
            let scales: [String: Double]
        }
        let records: [Record]
        let cases: [Case]
    }

    func testAgainstTheMetaAnalysisPeer() throws {
        let url = Bundle.module.url(forResource: "year_effects_reference", withExtension: "json", subdirectory: "Fixtures")!
        let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let records = ref.records.map {
            TargetRecord(region: "r", indicator: $0.indicator, year: $0.year, measure: .growthPct, wording: .atLeast($0.target), outcome: $0.outcome)
        }
        var sawShock = false
        for c in ref.cases {
            let e = YearEffects(records: records.filter { $0.year < c.before })
            XCTAssertEqual(e.variance, c.variance, accuracy: 1e-12, "τ² before \(c.before)")
            XCTAssertEqual(e.withinVariance, c.within, accuracy: 1e-12, "σ²_w before \(c.before)")
            XCTAssertEqual(e.effects.count, c.effects.count)
            for (year, value) in c.effects { XCTAssertEqual(e.effects[Int(year)!]!, value, accuracy: 1e-12, "γ̂ \(year) before \(c.before)") }
            for (indicator, value) in c.scales { XCTAssertEqual(e.scales[indicator]!, value, accuracy: 1e-12, "s \(indicator)") }
            // The same estimate is what the anchored forecaster uses at that origin.
            XCTAssertEqual(TargetAnchored(records: records).yearEffects(before: c.before), e)
            if c.variance > 0 { sawShock = true }
        }
        XCTAssertTrue(sawShock, "the fixture's shock year must give τ² > 0")
    }

    /// A shared shock in year Y does not move the next year's location once removed, and widens
    /// the predictive by the estimated τ².
    func testAShockYearWidensButDoesNotShift() {
        var records: [TargetRecord] = []
        for year in 2010...2020 {
            for (k, region) in ["a", "b", "c", "d"].enumerated() {
                let miss = year == 2020 ? -4.0 : 0.2 * Double(k) - 0.3 + 0.1 * Double(year % 3)
                records.append(TargetRecord(region: region, indicator: "gdp", year: year, measure: .growthPct,
                                            wording: .atLeast(7), outcome: 7 + miss))
            }
        }
        let anchored = TargetAnchored(records: records)
        let s = AnchoredSettings(halfLife: 2, regionWeight: 3, priorDegreesOfFreedom: 4)
        let effects = anchored.yearEffects(before: 2021)
        XCTAssertGreaterThan(effects.variance, 0)
        XCTAssertLessThan(effects.effects[2020]!, 0)
        let d = anchored.predictive(region: "a", indicator: "gdp", year: 2021, wording: .atLeast(7), settings: s)!
        // Without the year effect 2020 (−4 pp for every region, the heaviest recency weight)
        // pulls the recency-weighted mean deviation below −1 pp; with it the location stays
        // among the usual misses (−0.3 to +0.5 pp).
        let earlier = records.filter { $0.year < 2021 }
        let w = earlier.map { exp2(-Double(2020 - $0.year) / 2) }
        let raw = zip(earlier, w).reduce(0) { $0 + $1.0.deviation! * $1.1 } / w.reduce(0, +)
        XCTAssertLessThan(raw, -1)
        XCTAssertGreaterThan(d.location - 7, -0.5)
        XCTAssertLessThan(d.location - 7, 0.5)
        XCTAssertGreaterThan(d.scale * d.scale, effects.comingYearVariance(indicator: "gdp"))
    }
}
