import Foundation
import XCTest
import Calibration

/// Brier, log score, base rate, reliability and paired differences on tiny cases computed by hand.
final class ProbabilityScoreTests: XCTestCase {
    let p = [0.9, 0.2, 0.6, 0.05]
    let met = [true, true, false, true]
    let years = [2010, 2010, 2011, 2012]

    func testBrierScoreByHand() {
        // (0.9-1)² + (0.2-1)² + (0.6-0)² + (0.05-1)² = 0.01 + 0.64 + 0.36 + 0.9025
        XCTAssertEqual(ProbabilityScore.brier(p, met), (0.01 + 0.64 + 0.36 + 0.9025) / 4, accuracy: 1e-15)
        XCTAssertEqual(ProbabilityScore.brier([0.5, 0.5], [true, false]), 0.25, accuracy: 1e-15)
        XCTAssertTrue(ProbabilityScore.brier([], []).isNaN)
    }

    func testLogScoreClipsAtTheGivenBound() {
        // clip 0.1: 0.05 becomes 0.1; the others are inside [0.1, 0.9].
        let expected = (log(0.9) + log(0.2) + log(0.4) + log(0.1)) / 4
        XCTAssertEqual(ProbabilityScore.logScore(p, met, clip: 0.1), expected, accuracy: 1e-14)
        // Without clipping the 0.05 counts as is.
        XCTAssertEqual(ProbabilityScore.logScore(p, met, clip: 0), (log(0.9) + log(0.2) + log(0.4) + log(0.05)) / 4,
                       accuracy: 1e-14)
        // A Monte Carlo P of exactly 1 for an event that did not happen: log(1/(2N)), finite.
        let clip = ProbabilityScore.clip(paths: 1000)
        XCTAssertEqual(clip, 0.0005)
        XCTAssertEqual(ProbabilityScore.logScore(1, false, clip: clip), log(0.0005), accuracy: 1e-12)
        XCTAssertEqual(ProbabilityScore.logScore(0, false, clip: clip), log(0.9995), accuracy: 1e-14)
        XCTAssertEqual(ProbabilityScore.logScore([0.5], [false], clip: clip), -log(2.0), accuracy: 1e-15)
    }

    func testBaseRateUsesStrictlyEarlierYearsOnly() {
        let base = ProbabilityScore.baseRate(years: years, outcomes: met)
        // 2010: no earlier year -> 0.5 (both); 2011: 2 of 2 met; 2012: 2 of 3 met (2010, 2010, 2011).
        XCTAssertEqual(base.map(\.probability), [0.5, 0.5, 1.0, 2.0 / 3.0])
        XCTAssertEqual(base.map(\.isInitial), [true, true, false, false])
    }

    func testReliabilityBinsByHand() {
        let probabilities = [0.05, 0.15, 0.7, 0.75, 0.95, 1.0, 0.3, 0.0, 0.1]
        let outcomes = [false, true, true, false, true, true, false, false, true]
        let table = ReliabilityBin.table(probabilities, outcomes)
        XCTAssertEqual(table.count, 10)
        XCTAssertEqual(table.map(\.count), [2, 2, 0, 1, 0, 0, 0, 2, 0, 2])
        XCTAssertEqual(table.map(\.met), [0, 2, 0, 0, 0, 0, 0, 1, 0, 2])
        XCTAssertEqual(table[0].meanProbability, 0.025, accuracy: 1e-15)
        XCTAssertEqual(table[1].meanProbability, 0.125, accuracy: 1e-15)
        XCTAssertEqual(table[7].meanProbability, 0.725, accuracy: 1e-15)
        XCTAssertEqual(table[7].observedFrequency, 0.5)
        XCTAssertEqual(table[9].meanProbability, 0.975, accuracy: 1e-15)
        XCTAssertEqual(table[3].lower, 0.3)
        XCTAssertEqual(table[3].upper, 0.4)
        XCTAssertTrue(table[2].observedFrequency.isNaN)
    }

    func testPairedDifferenceByHand() {
        // d = [1, 2, 3]: mean 2, sample sd 1, SE 1/√3.
        let d = PairedDifference([1, 2, 3], [0, 0, 0])
        XCTAssertEqual(d.mean, 2)
        XCTAssertEqual(d.standardError, 1 / 3.0.squareRoot(), accuracy: 1e-15)
        XCTAssertTrue(PairedDifference([1], [0]).standardError.isNaN)
    }
}
