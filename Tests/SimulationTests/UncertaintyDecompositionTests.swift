import Foundation
import Linear
import Models
import Random
@testable import Simulation
import XCTest

/// The Shapley split of the predictive variance over shocks, parameters, risk events and
/// judgments, against a case where the sources are independent and additive, so the closed
/// form of each part is known: shocks Σ_ii, a risk event p (1 - p) I², a judgment sd².
final class UncertaintyDecompositionTests: XCTestCase {
    func testPartsAgainstClosedFormAndSumToTotal() throws {
        let sigma = try Matrix(rowMajor: [[1.0, 0.6], [0.6, 2.0]])
        let m = KnownVAR1(c: [1, 2], a: try Matrix(rowMajor: [[0.5, 0.1], [0.2, 0.3]]), l: try cholesky(sigma).lower, y0: [0, 0])
        let (p, impact, sd) = (0.3, -2.0, 0.7)
        let paths = 65_536
        let input = SimulationInput(model: m, parameterUncertainty: false, shocks: .normal(scale: 1), horizon: 1,
                                    judgmental: [JudgmentalVariable(id: "j", mean: 5, sd: sd)],
                                    risks: [RiskEvent(name: "r", probability: p, yearOffset: 1, impacts: [0: impact], persistence: 0)],
                                    targets: [TargetRule(variable: 0, yearOffset: 1, measure: .value, bound: .atLeast(0.5))],
                                    paths: paths, seed: 3, threads: 2)
        let d = try UncertaintyDecomposition.run(input, variables: ["y0", "y1", "j"], firstYear: 2022, targetLabels: ["y0 ≥ 0.5"])
        let expected: [[Double]] = [[1.0, 0, p * (1 - p) * impact * impact, 0], [2.0, 0, 0, 0], [0, 0, 0, sd * sd]]
        for (row, want) in zip(d.variance, expected) {
            let tolerance = 4 * (2.0 / Double(paths)).squareRoot() * max(row.total, 1e-12)
            for (got, w) in zip(row.parts, want) {
                XCTAssertEqual(got, w, accuracy: tolerance, "\(row.label): \(row.parts)")
            }
            XCTAssertEqual(row.parts.reduce(0, +), row.total - row.none, accuracy: 1e-9 * max(1, row.total))
            XCTAssertEqual(row.parameters, 0, "parameter uncertainty off: its share must be exactly zero")
        }
        // The shortfall 1 - P(met): the parts add to the whole (the mean path meets the target: none = 0).
        let s = d.shortfall[0]
        XCTAssertEqual(s.none, 0)
        XCTAssertEqual(s.parts.reduce(0, +), s.total, accuracy: 1e-12)
        XCTAssertEqual(s.parts[1], 0)
        XCTAssertEqual(s.parts[3], 0)
        XCTAssertGreaterThan(s.parts[2], 0.05, "the risk event lowers P(met)")
        // With every source on, the total is the plain run's (common random numbers).
        let plain = try MonteCarloEngine().run(input)
        XCTAssertEqual(s.total, 1 - plain.targets[0].probability.value)
    }

    /// Parameter uncertainty on: its part is positive; off, the same scenario gives exactly 0
    /// and the other parts are unchanged.
    func testParameterShareVanishesWhenParameterUncertaintyIsOff() throws {
        let m = Jittered(base: KnownVAR1(c: [1], a: .diagonal([0.5]), l: .identity(1), y0: [2]))
        var input = SimulationInput(model: m, parameterUncertainty: true, shocks: .normal(scale: 1), horizon: 2,
                                    paths: 16_384, seed: 4)
        let on = try UncertaintyDecomposition.run(input, variables: ["y"], firstYear: 2022, targetLabels: [])
        input.parameterUncertainty = false
        let off = try UncertaintyDecomposition.run(input, variables: ["y"], firstYear: 2022, targetLabels: [])
        XCTAssertGreaterThan(on.variance[1].parameters, 0.01)
        for row in off.variance { XCTAssertEqual(row.parameters, 0) }
    }

    /// Sharing parameter draws between the 16 runs (`ParameterDrawCache`) changes no number:
    /// every part equals the one found with each run drawing its own, and a simulation that
    /// reads its draws from a filled cache equals one that draws them.
    func testSharedDrawsChangeNothing() throws {
        let m = Jittered(base: KnownVAR1(c: [1], a: .diagonal([0.5]), l: .identity(1), y0: [2]))
        var input = SimulationInput(model: m, parameterUncertainty: true, shocks: .studentT(degreesOfFreedom: 5, scale: 1),
                                    horizon: 2, paths: 16_384, seed: 9, threads: 2)
        input.targets = [TargetRule(variable: 0, yearOffset: 2, measure: .value, bound: .atLeast(2.2))]
        let shared = try UncertaintyDecomposition.run(input, variables: ["y"], firstYear: 2022, targetLabels: ["y ≥ 2.2"])
        let own = try UncertaintyDecomposition.run(input, variables: ["y"], firstYear: 2022, targetLabels: ["y ≥ 2.2"],
                                                   shareDraws: false)
        for (a, b) in zip(shared.variance + shared.shortfall, own.variance + own.shortfall) {
            XCTAssertEqual(a.total, b.total)
            XCTAssertEqual(a.none, b.none)
            XCTAssertEqual(a.parts, b.parts)
        }
        let plain = try MonteCarloEngine().run(input)
        input.drawCache = ParameterDrawCache()
        let filling = try MonteCarloEngine().run(input), reading = try MonteCarloEngine().run(input)
        for r in [filling, reading] {
            XCTAssertEqual(r.targets[0].probability.value, plain.targets[0].probability.value)
            XCTAssertEqual(r.targets[0].probability.standardError, plain.targets[0].probability.standardError)
            XCTAssertEqual(r.fan[1][0].quantile(0.5), plain.fan[1][0].quantile(0.5))
        }
    }
}

/// A known AR(1) whose draws move the intercept by N(0, 0.5²): parameter uncertainty to measure.
private struct Jittered: FittedModel {
    let base: KnownVAR1
    var indicators: [String] { ["y"] }
    var summary: String { "jittered" }
    var notes: [String] { [] }
    var warnings: [String] { [] }
    var dependence: String { "one" }
    func pointSystem() -> StateSpaceSystem { base.pointSystem() }
    func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem {
        var s = base.pointSystem()
        s.intercept[0] += 0.5 * generator.nextStandardNormal()
        return s
    }
}
