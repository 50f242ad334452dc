import Foundation
import Linear
import Models
import Random
@testable import Simulation
import XCTest

/// A sweep on a Gaussian VAR(1) with correlated shocks: P(y1 >= b | y0 = v) rises with v on
/// every grid step (common random numbers make it exactly monotone), and its crossing of the
/// confidence — interpolated, and from the shift needed — agrees with the closed form.
final class SweepTests: XCTestCase {
    func testSweepIsMonotoneAndCrossesWhereTheClosedFormSays() throws {
        let sigma = try Matrix(rowMajor: [[1.0, 0.6], [0.6, 2.0]])
        let m = KnownVAR1(c: [1, 2], a: try Matrix(rowMajor: [[0.5, 0.1], [0.2, 0.3]]), l: try cholesky(sigma).lower, y0: [0, 0])
        let (b, confidence) = (3.0, 0.8)
        let values = stride(from: -1.0, through: 5.0, by: 0.25).map { $0 }
        let paths = 65_536
        var outcomes: [TargetOutcome?] = []
        for v in values {
            var input = SimulationInput(model: m, parameterUncertainty: false, shocks: .normal(scale: 1), horizon: 1,
                                        targets: [TargetRule(variable: 1, yearOffset: 1, measure: .value, bound: .atLeast(b))],
                                        paths: paths, seed: 9, threads: 2)
            input.conditions = PathConditions(hard: [.init(variable: 0, yearOffset: 1, value: v)])
            outcomes.append(try MonteCarloEngine().run(input).targets[0])
        }
        let p = outcomes.map { $0!.probability.value }
        for j in 1..<p.count { XCTAssertGreaterThanOrEqual(p[j], p[j - 1], "P(met) must rise with v (β > 0)") }

        // Closed form: y1 | y0 = v ~ N(μ1 + β (v - μ0), σ²), β = Σ01/Σ00, σ² = Σ11 - Σ01²/Σ00.
        let (mu0, mu1, beta) = (1.0, 2.0, 0.6)
        let sd = (2.0 - 0.36).squareRoot()
        let z = normalQuantile(confidence)
        let exact = mu0 + (b + sd * z - mu1) / beta
        // Error of the crossing: the SE of P(met) near the confidence over the curve's slope there.
        let slope = exp(-z * z / 2) / (2 * Double.pi).squareRoot() * beta / sd
        let se = (confidence * (1 - confidence) / Double(paths)).squareRoot() / slope
        let closedCurve = values.map { 1 - normalCDF((b - mu1 - beta * ($0 - mu0)) / sd) }
        let interpolationError = abs(SweepCurve.crossing(values: values, curve: closedCurve, level: confidence)! - exact)
        let crossing = try XCTUnwrap(SweepCurve.crossing(values: values, curve: p, level: confidence))
        XCTAssertEqual(crossing, exact, accuracy: 4 * se + interpolationError)
        let fromShift = try XCTUnwrap(SweepCurve.crossingFromShift(values: values, outcomes: outcomes, confidence: confidence))
        let resolution = outcomes.map { $0!.distribution.resolution }.max()!
        XCTAssertEqual(fromShift, exact, accuracy: 4 * se + 2 * resolution / beta)
        XCTAssertEqual(fromShift, crossing, accuracy: 8 * se + interpolationError + 2 * resolution / beta)
        print("sweep check: exact \(exact), interpolated \(crossing), from shift \(fromShift), 1 SE \(se)")
    }

    func testGridValidation() throws {
        XCTAssertEqual(try ScenarioRunner.sweepGrid(from: 0, to: 1, step: 0.5), [0, 0.5, 1])
        XCTAssertEqual(try ScenarioRunner.sweepGrid(from: 0, to: 1, step: 0.4), [0, 0.4, 0.8, 1])
        XCTAssertThrowsError(try ScenarioRunner.sweepGrid(from: 2, to: 1, step: 0.5))
        XCTAssertThrowsError(try ScenarioRunner.sweepGrid(from: 0, to: 1, step: 0))
        XCTAssertThrowsError(try ScenarioRunner.sweepGrid(from: 0, to: 1000, step: 0.1)) { error in
            XCTAssertTrue("\(error)".contains("at most"))
        }
    }
}
