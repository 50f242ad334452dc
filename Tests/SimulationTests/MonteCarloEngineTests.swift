import Foundation
import Linear
import Models
import Random
import XCTest
import Simulation

final class MonteCarloEngineTests: XCTestCase {
    let model = KnownVAR1.threeIndicators

    func run(_ targets: [TargetRule], horizon: Int = 5, paths: Int = 200_000, seed: UInt64 = 11,
             threads: Int = 2, risks: [RiskEvent] = [], shocks: ShockDistribution = .normal(scale: 1)) throws -> SimulationResult {
        let input = SimulationInput(model: model, parameterUncertainty: false, shocks: shocks,
                                    horizon: horizon, risks: risks, targets: targets,
                                    paths: paths, seed: seed, threads: threads)
        return try MonteCarloEngine().run(input)
    }

    /// P(met) at h = 1, 2, 5 agrees with the closed-form N(μ_h, Σ_h) within 4 Monte Carlo SE:
    /// the shocks must propagate through the lags for h > 1 to agree.
    func testMarginalProbabilitiesMatchClosedForm() throws {
        let moments = model.moments(horizon: 5)
        var targets: [TargetRule] = []
        var expected: [Double] = []
        for h in [1, 2, 5] {
            for v in 0..<3 {
                let m = moments[h - 1].mean[v], s = moments[h - 1].cov[v][v].squareRoot()
                let threshold = m + 0.4 * s * Double(v - 1)   // thresholds around the mean
                targets.append(TargetRule(variable: v, yearOffset: h, measure: .value, bound: .atLeast(threshold)))
                expected.append(1 - normalCDF((threshold - m) / s))
                targets.append(TargetRule(variable: v, yearOffset: h, measure: .value, bound: .atMost(threshold + s)))
                expected.append(normalCDF((threshold + s - m) / s))
            }
        }
        let result = try run(targets)
        for (i, outcome) in result.targets.enumerated() {
            let se = outcome.probability.standardError
            XCTAssertGreaterThan(se, 0)
            XCTAssertEqual(outcome.probability.value, expected[i], accuracy: 4 * se, "target \(i)")
        }
    }

    /// Joint probability of two indicators (bivariate normal by numerical integration) at h = 2,
    /// and of all three at h = 1 against a product-free check: P(all) <= min of marginals and
    /// the at-least-k counts are consistent.
    func testJointProbabilityMatchesBivariateNormal() throws {
        let moments = model.moments(horizon: 2)
        let (mu, cov) = moments[1]
        let t0 = mu[0] - 0.3, t1 = mu[1] + 0.2
        let targets = [TargetRule(variable: 0, yearOffset: 2, measure: .value, bound: .atLeast(t0)),
                       TargetRule(variable: 1, yearOffset: 2, measure: .value, bound: .atLeast(t1))]
        let result = try run(targets, horizon: 2)
        let rho = cov[0][1] / (cov[0][0] * cov[1][1]).squareRoot()
        let exact = bivariateUpperProbability(a: (t0, t1), mean: (mu[0], mu[1]),
                                              sd: (cov[0][0].squareRoot(), cov[1][1].squareRoot()), rho: rho)
        let joint = try XCTUnwrap(result.joint.first)
        XCTAssertEqual(joint.yearOffset, 2)
        XCTAssertEqual(joint.all.value, exact, accuracy: 4 * joint.all.standardError)
        // At least 1 of 2 = P(A) + P(B) - P(A and B), from the same paths.
        let pa = result.targets[0].probability.value, pb = result.targets[1].probability.value
        XCTAssertEqual(joint.atLeast[1], pa + pb - joint.all.value, accuracy: 1e-12)
        XCTAssertEqual(joint.atLeast[0], 1, accuracy: 1e-12)
    }

    /// Fan quantiles agree with the closed-form normal quantiles within 4 SE of a sample
    /// quantile, SE = sqrt(p (1 - p) / N) / φ(z_p) σ, plus one histogram bin.
    func testFanQuantilesMatchClosedForm() throws {
        let result = try run([], horizon: 5)
        let moments = model.moments(horizon: 5)
        for h in [1, 2, 5] {
            for v in 0..<3 {
                let m = moments[h - 1].mean[v], s = moments[h - 1].cov[v][v].squareRoot()
                for p in [0.05, 0.25, 0.5, 0.75, 0.95] {
                    let z = normalQuantile(p)
                    let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot() / s
                    let se = (p * (1 - p) / Double(result.paths)).squareRoot() / density
                    let q = try XCTUnwrap(result.quantile(p, variable: v, yearOffset: h))
                    XCTAssertEqual(q, m + s * z, accuracy: 4 * se + result.fan[h - 1][v].resolution,
                                   "h \(h) v \(v) p \(p)")
                }
            }
        }
    }

    /// A risk event of impact -a pp with probability p on a Gaussian indicator:
    /// P(met) = p Φ((μ - a - x)/σ) + (1 - p) Φ((μ - x)/σ) exactly; persistence carries ρ a next year.
    func testRiskEventMixture() throws {
        let moments = model.moments(horizon: 2)
        let a = 2.5, p = 0.3, rho = 0.5
        let risk = RiskEvent(name: "shock", probability: p, yearOffset: 1, impacts: [0: -a], persistence: rho)
        var targets: [TargetRule] = []
        var expected: [Double] = []
        for h in 1...2 {
            let m = moments[h - 1].mean[0], s = moments[h - 1].cov[0][0].squareRoot()
            let x = m - 0.5
            let impact = a * pow(rho, Double(h - 1))
            targets.append(TargetRule(variable: 0, yearOffset: h, measure: .value, bound: .atLeast(x)))
            expected.append(p * normalCDF((m - impact - x) / s) + (1 - p) * normalCDF((m - x) / s))
        }
        let result = try run(targets, horizon: 2, risks: [risk])
        for (i, outcome) in result.targets.enumerated() {
            XCTAssertEqual(outcome.probability.value, expected[i], accuracy: 4 * outcome.probability.standardError)
        }
    }

    /// Student-t shocks (ν = 5, scale 1.3): at h = 1 each marginal is μ + 1.3 σ sqrt((ν-2)/ν) t_ν.
    func testStudentTMarginalAtHorizonOne() throws {
        let nu = 5.0, scale = 1.3
        let moments = model.moments(horizon: 1)
        var targets: [TargetRule] = []
        var expected: [Double] = []
        for v in 0..<3 {
            let m = moments[0].mean[v], s = moments[0].cov[v][v].squareRoot() * scale * ((nu - 2) / nu).squareRoot()
            for z in [-2.5, -1.0, 0.3, 3.0] {
                targets.append(TargetRule(variable: v, yearOffset: 1, measure: .value, bound: .atLeast(m + z * s)))
                expected.append(1 - studentTCDF(z, dof: nu))
            }
        }
        let result = try run(targets, horizon: 1, shocks: .studentT(degreesOfFreedom: nu, scale: scale))
        for (i, outcome) in result.targets.enumerated() {
            XCTAssertEqual(outcome.probability.value, expected[i], accuracy: 4 * outcome.probability.standardError, "target \(i)")
        }
    }

    /// Level target one year ahead: L0 (1 + g/100) >= X  <=>  g >= 100 (X / L0 - 1).
    /// Average growth over two years against its own path-wise definition is checked through
    /// the level: both read the same simulated growth.
    func testLevelTargetFollowsFromGrowth() throws {
        let moments = model.moments(horizon: 1)
        let m = moments[0].mean[2], s = moments[0].cov[2][2].squareRoot()
        let last = 300.0, target = 320.0
        let threshold = 100 * (target / last - 1)
        let rule = TargetRule(variable: 2, yearOffset: 1, measure: .level(lastLevel: last), bound: .atLeast(target))
        let result = try run([rule], horizon: 1)
        let outcome = result.targets[0]
        XCTAssertEqual(outcome.probability.value, 1 - normalCDF((threshold - m) / s),
                       accuracy: 4 * outcome.probability.standardError)
        let median = try XCTUnwrap(outcome.distribution.quantile(0.5))
        XCTAssertEqual(median, last * (1 + m / 100), accuracy: 0.05)
    }

    /// The shift reported for an at-least target makes P(met) equal the confidence: rerunning
    /// with the threshold moved by -shift gives P ≈ confidence within 4 SE.
    func testShiftNeededReachesConfidence() throws {
        let moments = model.moments(horizon: 1)
        let m = moments[0].mean[0], s = moments[0].cov[0][0].squareRoot()
        let x = m + s
        let result = try run([TargetRule(variable: 0, yearOffset: 1, measure: .value, bound: .atLeast(x))], horizon: 1)
        let shift = try XCTUnwrap(result.targets[0].shiftNeeded(confidence: 0.8))
        // Closed form: x - (m + s z_{0.2}).
        let exact = x - (m + s * normalQuantile(0.2))
        let se = (0.16 / Double(result.paths)).squareRoot() / (exp(-0.5 * pow(normalQuantile(0.2), 2)) / (2 * Double.pi).squareRoot() / s)
        XCTAssertEqual(shift, exact, accuracy: 4 * se + result.targets[0].distribution.resolution)
    }

    /// Same seed: identical results with 1 and 2 threads; a different seed differs.
    func testDeterministicAcrossThreadCounts() throws {
        let rules = [TargetRule(variable: 0, yearOffset: 1, measure: .value, bound: .atLeast(4)),
                     TargetRule(variable: 1, yearOffset: 1, measure: .value, bound: .atMost(3))]
        let one = try run(rules, horizon: 3, paths: 20_000, threads: 1)
        let two = try run(rules, horizon: 3, paths: 20_000, threads: 2)
        let three = try run(rules, horizon: 3, paths: 20_000, threads: 3)
        XCTAssertEqual(one.fan, two.fan)
        XCTAssertEqual(one.fan, three.fan)
        XCTAssertEqual(one.targets.map(\.probability), two.targets.map(\.probability))
        XCTAssertEqual(one.joint.map(\.all), three.joint.map(\.all))
        let other = try run(rules, horizon: 3, paths: 20_000, seed: 12, threads: 2)
        XCTAssertNotEqual(one.fan, other.fan)
    }

    func testInvalidInputIsRejected() {
        XCTAssertThrowsError(try run([TargetRule(variable: 7, yearOffset: 1, measure: .value, bound: .atLeast(1))]))
        XCTAssertThrowsError(try run([TargetRule(variable: 0, yearOffset: 9, measure: .value, bound: .atLeast(1))], horizon: 2))
        XCTAssertThrowsError(try run([], risks: [RiskEvent(name: "x", probability: 1.5, yearOffset: 1, impacts: [0: -1], persistence: 0)]))
        XCTAssertThrowsError(try run([], shocks: .studentT(degreesOfFreedom: 2, scale: 1)))
    }
}
