import Foundation
import Models
import Random
import XCTest
import Simulation

/// `Histogram.crps(observation:)` against `crpsSample` (the energy form, Models) on the same
/// draws. Smoothing each value uniformly within its bin moves it by less than one bin width w,
/// which moves E|X − y| by < w and E|X − X'|/2 by < w: the two agree within 2w.
final class BacktestCRPSTests: XCTestCase {
    func sample(_ n: Int, seed: UInt64) -> [Double] {
        var g = Philox4x32(seed: seed)
        return (0..<n).map { _ in 5 + 2 * g.nextStandardNormal() }
    }

    func histogram(_ xs: [Double], lower: Double, upper: Double, bins: Int) -> Histogram {
        var h = Histogram(lower: lower, upper: upper, binCount: bins)
        xs.withUnsafeBufferPointer { h.add(contentsOf: $0) }
        return h
    }

    func testAgreesWithSampleCRPSWithinTwoBinWidths() throws {
        let xs = sample(20_000, seed: 3)
        let h = histogram(xs, lower: (xs.min()! - 0.1), upper: xs.max()! + 0.1, bins: 2048)
        XCTAssertEqual(h.below + h.above, 0)
        for y in [-30.0, xs.min()! - 0.5, 1, 4.9, 5, 7.3, 12, xs.max()! + 0.5, 40] {
            let expected = try crpsSample(xs, observation: y)
            XCTAssertEqual(h.crps(observation: y), expected, accuracy: 2 * h.resolution, "y = \(y)")
        }
    }

    /// Values outside the range count as point masses at the range's ends.
    func testOutOfRangeMassSitsAtTheEnds() throws {
        let xs = sample(5_000, seed: 9)
        let lower = 3.0, upper = 8.0
        let h = histogram(xs, lower: lower, upper: upper, bins: 1000)
        XCTAssertGreaterThan(h.below, 100)
        XCTAssertGreaterThan(h.above, 100)
        let clamped = xs.map { min(max($0, lower), upper) }
        for y in [0.0, 3.5, 5.0, 7.9, 11.0] {
            XCTAssertEqual(h.crps(observation: y), try crpsSample(clamped, observation: y), accuracy: 2 * h.resolution, "y = \(y)")
        }
    }

    /// A fine histogram of N(5, 2²) quantiles against the closed form (Gneiting & Raftery eq. 21).
    func testGaussianClosedForm() {
        let n = 100_000
        let xs = (0..<n).map { 5 + 2 * standardNormalQuantile((Double($0) + 0.5) / Double(n)) }
        let h = histogram(xs, lower: -5, upper: 15, bins: 4000)
        for y in [0.0, 5.0, 6.5, 12.0] {
            XCTAssertEqual(h.crps(observation: y), crpsGaussian(mean: 5, standardDeviation: 2, observation: y),
                           accuracy: 2 * h.resolution + 1e-3, "y = \(y)")
        }
    }
}
