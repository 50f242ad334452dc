import XCTest
import Random

/// Ziggurat normals against N(0, 1): moments within 4 Monte Carlo standard errors, a
/// Kolmogorov–Smirnov test at the 1% level against Φ, and tail frequencies (ziggurat tails
/// and wedges are where implementations go wrong).
final class StandardNormalTests: XCTestCase {
    static let n = 1_000_000

    static let sample: [Double] = {
        var g = Philox4x32(seed: 20_260_101, stream: 11)
        var x = [Double](repeating: 0, count: n)
        x.withUnsafeMutableBufferPointer { g.fillStandardNormal($0) }
        return x
    }()

    func testMomentsWithinFourStandardErrors() {
        let m = Moments(Self.sample)
        let n = m.n
        // Normal-theory SEs: mean 1/√n, variance √(2/n), skewness √(6/n), excess kurtosis √(24/n).
        XCTAssertEqual(m.mean, 0, accuracy: 4 / n.squareRoot())
        XCTAssertEqual(m.variance, 1, accuracy: 4 * (2 / n).squareRoot())
        XCTAssertEqual(m.skewness, 0, accuracy: 4 * (6 / n).squareRoot())
        XCTAssertEqual(m.excessKurtosis, 0, accuracy: 4 * (24 / n).squareRoot())
    }

    func testKolmogorovSmirnovAgainstNormalCDF() {
        let d = Reference.kolmogorovSmirnov(Self.sample, Reference.normalCDF)
        XCTAssertLessThan(d, Reference.ksCritical1Percent / Double(Self.sample.count).squareRoot())
    }

    /// P(Z > 3), P(Z < -3) and P(Z > 3.6541528853610088) (beyond the ziggurat's base
    /// rectangle: only the tail algorithm produces these), each within 4 binomial SEs.
    func testTailFrequencies() {
        let n = Double(Self.sample.count)
        for (threshold, upper) in [(3.0, true), (-3.0, false), (3.6541528853610088, true), (-4.0, false)] {
            let p = upper ? 1 - Reference.normalCDF(threshold) : Reference.normalCDF(threshold)
            let count = Self.sample.reduce(0) { $0 + ((upper ? $1 > threshold : $1 < threshold) ? 1 : 0) }
            let se = (p * (1 - p) / n).squareRoot()
            XCTAssertEqual(Double(count) / n, p, accuracy: 4 * se, "threshold \(threshold)")
        }
    }

    /// Scalar draws use the same code path; a small independent check of their moments.
    func testScalarDrawMoments() {
        var g = Philox4x32(seed: 5, stream: 0)
        let x = (0..<100_000).map { _ in g.nextStandardNormal() }
        let m = Moments(x)
        XCTAssertEqual(m.mean, 0, accuracy: 4 / m.n.squareRoot())
        XCTAssertEqual(m.variance, 1, accuracy: 4 * (2 / m.n).squareRoot())
    }
}
