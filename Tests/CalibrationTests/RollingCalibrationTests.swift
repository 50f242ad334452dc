import Calibration
import Foundation
import Scenario
import XCTest

/// A small deterministic generator for synthetic worlds (SplitMix64, Box–Muller).
struct SplitMix {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    mutating func normal() -> Double {
        let u = max(next(), 1e-300), v = next()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

final class RollingCalibrationTests: XCTestCase {
    /// Regions × years of GDP targets set as noisy forecasts of a known process: the
    /// government knows its expected growth μ and states X = μ − 0.5 + η, η ~ N(0, 0.3²); the
    /// outcome is μ + ε, ε ~ N(0, 1); the model sees μ with noise N(0, 0.7²). Independent
    /// across regions and years, so binomial errors apply.
    static func world(regions: Int, years: ClosedRange<Int>, seed: UInt64) -> (records: [TargetRecord], truth: [Double]) {
        var g = SplitMix(state: seed)
        var records: [TargetRecord] = [], truth: [Double] = []
        for r in 0..<regions {
            for y in years {
                let mu = 6 + g.normal()
                let x = ((mu - 0.5 + 0.3 * g.normal()) * 2).rounded() / 2
                let outcome = mu + g.normal()
                let seen = mu + 0.7 * g.normal()
                let model = 1 - normalCDF((x - seen) / (1 + 0.49).squareRoot())
                records.append(TargetRecord(region: "r\(r)", indicator: "gdp", year: y, measure: .growthPct,
                                            wording: .atLeast(x), outcome: outcome, model: model, proxied: r % 3 == 0))
                truth.append(1 - normalCDF(x - mu))
            }
        }
        return (records, truth)
    }

    /// An absurd outcome planted in year Y leaves every forecast for years up to Y unchanged
    /// and moves later ones.
    func testNoLookAhead() {
        let (records, _) = Self.world(regions: 6, years: 2010...2020, seed: 7)
        let base = RollingCalibration(records: records)
        var planted = records
        let k = planted.firstIndex { $0.year == 2015 && $0.region == "r2" }!
        planted[k].outcome = -80
        let moved = RollingCalibration(records: planted)
        var changedLater = 0
        for i in records.indices {
            let a = base.forecasts[i], b = moved.forecasts[i]
            if records[i].year <= 2015 {
                XCTAssertEqual(a.calibrated, b.calibrated, "\(records[i].region) \(records[i].year)")
                XCTAssertEqual(a.anchored, b.anchored)
                XCTAssertEqual(a.baseRate, b.baseRate)
            } else if a.calibrated != b.calibrated || a.anchored != b.anchored {
                changedLater += 1
            }
        }
        XCTAssertGreaterThan(changedLater, 0, "a planted outcome must move later forecasts")
    }

    /// In the synthetic world the calibrated forecaster is reliable within Monte Carlo error:
    /// in every bin with at least 50 targets (years after a burn-in), the observed frequency
    /// is within 4 binomial SE of the mean prediction; and its mean prediction is within
    /// 4 SE of the mean true probability.
    func testCalibratedIsReliableInAKnownWorld() {
        let (records, truth) = Self.world(regions: 30, years: 2008...2020, seed: 2026)
        let rolling = RollingCalibration(records: records)
        let late = records.indices.filter { records[$0].year >= 2012 }
        let p = late.map { rolling.forecasts[$0].calibrated }, met = late.map { records[$0].met! }
        for bin in ReliabilityBin.table(p, met) where bin.count >= 50 {
            let se = (bin.meanProbability * (1 - bin.meanProbability) / Double(bin.count)).squareRoot()
            XCTAssertLessThan(abs(bin.observedFrequency - bin.meanProbability), 4 * se + 0.01,
                              "bin \(bin.lower)–\(bin.upper): \(bin.count) targets, mean \(bin.meanProbability), observed \(bin.observedFrequency)")
        }
        let meanP = ProbabilityScore.mean(p), meanTruth = ProbabilityScore.mean(late.map { truth[$0] })
        let se = (late.map { truth[$0] * (1 - truth[$0]) }.reduce(0, +)).squareRoot() / Double(late.count)
        XCTAssertLessThan(abs(meanP - meanTruth), 4 * se + 0.01, "mean P \(meanP), mean truth \(meanTruth)")
    }
}
