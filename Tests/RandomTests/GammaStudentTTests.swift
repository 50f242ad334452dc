import XCTest
import Random

/// Gamma (Marsaglia & Tsang), chi-square and Student-t draws against their exact CDFs
/// (Kolmogorov–Smirnov at 1%) and moments (4 Monte Carlo SEs).
///
/// n = 100,000 per case keeps the debug run near a second per test (10⁶ took several
/// seconds in debug on the shared 2-core machine); the KS critical value at 1% is then
/// 1.628/√n = 0.0051, so a CDF error of about half a percentage point anywhere is detected,
/// and the SE of a gamma(3.7) mean is √(3.7/n) = 0.006.
final class GammaStudentTTests: XCTestCase {
    static let n = 100_000

    func testGammaAgainstIncompleteGamma() {
        for (index, shape) in [0.5, 1, 3.7, 50].enumerated() {
            var g = Philox4x32(seed: 31, stream: UInt64(index))
            let x = (0..<Self.n).map { _ in g.nextGamma(shape: shape) }
            let m = Moments(x)
            // Gamma(a, 1): mean a, variance a, central fourth moment 3a² + 6a.
            XCTAssertEqual(m.mean, shape, accuracy: 4 * (shape / m.n).squareRoot(), "shape \(shape)")
            let varianceSE = ((3 * shape * shape + 6 * shape - shape * shape) / m.n).squareRoot()
            XCTAssertEqual(m.variance, shape, accuracy: 4 * varianceSE, "shape \(shape)")
            let d = Reference.kolmogorovSmirnov(x) { Reference.regularizedGammaP(shape, $0) }
            XCTAssertLessThan(d, Reference.ksCritical1Percent / m.n.squareRoot(), "shape \(shape)")
            XCTAssertTrue(x.allSatisfy { $0 > 0 && $0.isFinite }, "shape \(shape)")
        }
    }

    func testChiSquaredAgainstIncompleteGamma() {
        let nu = 5.0
        var g = Philox4x32(seed: 32)
        let x = (0..<Self.n).map { _ in g.nextChiSquared(degreesOfFreedom: nu) }
        let m = Moments(x)
        XCTAssertEqual(m.mean, nu, accuracy: 4 * (2 * nu / m.n).squareRoot())
        // χ²_ν: P(X ≤ x) = P(ν/2, x/2).
        let d = Reference.kolmogorovSmirnov(x) { Reference.regularizedGammaP(nu / 2, $0 / 2) }
        XCTAssertLessThan(d, Reference.ksCritical1Percent / m.n.squareRoot())
    }

    /// With a given first normal candidate (here from a second generator, over ν = 2, where
    /// the first candidate is rejected most often, and ν = 6) the draw is still exactly χ²_ν.
    func testChiSquaredWithGivenFirstNormalAgainstIncompleteGamma() {
        for nu in [2.0, 6.0] {
            var g = Philox4x32(seed: 33), other = Philox4x32(seed: 34)
            let x = (0..<Self.n).map { _ in g.nextChiSquared(degreesOfFreedom: nu, firstNormal: other.nextStandardNormal()) }
            let m = Moments(x)
            XCTAssertEqual(m.mean, nu, accuracy: 4 * (2 * nu / m.n).squareRoot())
            let d = Reference.kolmogorovSmirnov(x) { Reference.regularizedGammaP(nu / 2, $0 / 2) }
            XCTAssertLessThan(d, Reference.ksCritical1Percent / m.n.squareRoot(), "ν = \(nu)")
        }
    }

    func testStudentTAgainstIncompleteBeta() {
        for (index, nu) in [3.0, 6, 30].enumerated() {
            var g = Philox4x32(seed: 33, stream: UInt64(index))
            let scalar = (0..<Self.n / 2).map { _ in g.nextStudentT(degreesOfFreedom: nu) }
            var filled = [Double](repeating: 0, count: Self.n / 2)
            filled.withUnsafeMutableBufferPointer { g.fillStudentT($0, degreesOfFreedom: nu) }
            for (name, x) in [("nextStudentT", scalar), ("fillStudentT", filled)] {
                let d = Reference.kolmogorovSmirnov(x) { Reference.studentTCDF($0, nu) }
                XCTAssertLessThan(d, Reference.ksCritical1Percent / Double(x.count).squareRoot(), "\(name) ν = \(nu)")
                let m = Moments(x)
                XCTAssertEqual(m.mean, 0, accuracy: 4 * (nu / (nu - 2) / m.n).squareRoot(), "\(name) ν = \(nu)")
                if nu > 4 {
                    // Variance ν/(ν-2); Var(s²) ≈ (μ4 - σ⁴)/n with μ4 = 3ν²/((ν-2)(ν-4)).
                    let sigma2 = nu / (nu - 2)
                    let mu4 = 3 * nu * nu / ((nu - 2) * (nu - 4))
                    XCTAssertEqual(m.variance, sigma2, accuracy: 4 * ((mu4 - sigma2 * sigma2) / m.n).squareRoot(),
                                   "\(name) ν = \(nu)")
                }
            }
        }
    }
}
