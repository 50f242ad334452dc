import XCTest
import Foundation
import Random
import Models

/// Scoring rules: Gaussian CRPS and log score vs scipy (crps_generate.py), sample CRPS vs the
/// O(n²) numpy definition and vs the closed form on a large normal sample (4 Monte Carlo SE).
final class ScoringTests: XCTestCase {
    func testGaussianCRPSAndLogScoreMatchScipy() throws {
        let f = try UnivariateFixture.load("crps_reference")
        for c in f["gaussian"] as! [[String: Double]] {
            XCTAssertEqual(crpsGaussian(mean: c["mean"]!, standardDeviation: c["sd"]!, observation: c["observation"]!), c["crps"]!, accuracy: 1e-13)
            XCTAssertEqual(logScoreGaussian(mean: c["mean"]!, standardDeviation: c["sd"]!, observation: c["observation"]!), c["log_score"]!, accuracy: 1e-13)
        }
        // Known value: CRPS(N(0,1), 0) = 2φ(0) − 1/√π = (√2 − 1)/√π.
        XCTAssertEqual(crpsGaussian(mean: 0, standardDeviation: 1, observation: 0), (2.0.squareRoot() - 1) / Double.pi.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(crpsGaussian(mean: 2, standardDeviation: 0, observation: 5), 3)
    }

    func testSampleCRPSMatchesBruteForce() throws {
        let f = try UnivariateFixture.load("crps_reference")
        let sample = UnivariateFixture.numbers(f["sample"])
        for c in f["ensemble"] as! [[String: Double]] {
            XCTAssertEqual(try crpsSample(sample, observation: c["observation"]!), c["crps"]!, accuracy: 1e-12)
        }
        XCTAssertThrowsError(try crpsSample([], observation: 1))
        XCTAssertThrowsError(try crpsSample([1, .nan], observation: 1))
    }

    /// n = 400,000 draws of N(μ, σ²): the sample CRPS equals the closed form within 4 SE, the SE
    /// from the influence function h(x) = |x − y| − E|x − X'| (E|a − σZ| = σ[z(2Φ(z) − 1) + 2φ(z)]).
    func testSampleCRPSOfLargeNormalSampleMatchesClosedForm() throws {
        let (mu, sigma, y) = (1.0, 2.0, 2.3)
        var g = Philox4x32(seed: 2007)
        let n = 400_000
        var sample = [Double](repeating: 0, count: n)
        sample.withUnsafeMutableBufferPointer { g.fillStandardNormal($0) }
        for i in 0..<n { sample[i] = mu + sigma * sample[i] }
        let crps = try crpsSample(sample, observation: y)
        func expectedAbs(_ a: Double) -> Double {
            let z = a / sigma
            return sigma * (z * erf(z / 2.0.squareRoot()) + 2 * exp(-0.5 * z * z) / (2 * Double.pi).squareRoot())
        }
        var sum = 0.0, sum2 = 0.0
        for x in sample { let h = abs(x - y) - expectedAbs(x - mu); sum += h; sum2 += h * h }
        let sd = (sum2 / Double(n) - pow(sum / Double(n), 2)).squareRoot()
        XCTAssertEqual(crps, crpsGaussian(mean: mu, standardDeviation: sigma, observation: y), accuracy: 4 * sd / Double(n).squareRoot())
    }

    func testRMSECoverageAndQuantile() throws {
        XCTAssertEqual(try rootMeanSquaredError(forecasts: [1, 2, 3], observations: [2, 2, 5]), (5.0 / 3).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(try intervalCoverage(lower: [0, 0, 0, 0], upper: [1, 1, 1, 1], observations: [0.5, 1, 2, -0.1]), 0.5)
        XCTAssertThrowsError(try rootMeanSquaredError(forecasts: [1], observations: []))
        for p in [1e-10, 0.001, 0.02, 0.1, 0.5, 0.8, 0.9, 0.975, 0.9999] {
            let x = standardNormalQuantile(p)
            XCTAssertEqual(0.5 * erfc(-x / 2.0.squareRoot()), p, accuracy: 1e-14 * max(p, 1e-3))
        }
        XCTAssertEqual(standardNormalQuantile(0.9), 1.2815515655446004, accuracy: 1e-14)   // scipy norm.ppf(0.9)
    }
}
