import Foundation
import Linear
import Models
import Random
@testable import Simulation
import XCTest

/// Conditions against closed forms: hard conditions on a Gaussian VAR(1) (Waggoner–Zha with
/// every shock free is the conditional normal), Gaussian conditioning of correlated
/// per-indicator shocks, and a soft condition against numerical integration (scipy, committed
/// script Fixtures/soft_condition.py). Tolerances: 4 Monte Carlo standard errors.
final class ConditionsTests: XCTestCase {
    /// Runs `blocks` blocks of `size` paths through `PathBlock` with the conditions and returns
    /// every path's stacked outputs `[h·k + i]` (years 1...horizon, k indicators).
    private func sample(_ model: KnownVAR1, horizon: Int, conditions: PathConditions,
                        blocks: Int = 40, size: Int = 4096, seed: UInt64 = 11) -> [[Double]] {
        var input = SimulationInput(model: model, parameterUncertainty: false, shocks: .normal(scale: 1),
                                    horizon: horizon, paths: blocks * size, seed: seed)
        input.conditions = conditions
        let system = model.pointSystem()
        let k = model.c.count
        let block = PathBlock(blockSize: size, horizon: horizon, variableCount: k, modelledCount: k,
                              stateCount: system.stateCount, shockCount: system.shockCount)
        var out: [[Double]] = []
        for b in 0..<blocks {
            var g = Philox4x32(seed: seed, stream: UInt64(b))
            block.run(systems: [system], input: input, generator: &g)
            for p in 0..<size {
                out.append((0..<(horizon * k)).map { block.values[block.offset(year: $0 / k, variable: $0 % k) + p] })
            }
        }
        return out
    }

    private func mean(_ x: [[Double]], _ i: Int) -> Double { x.reduce(0) { $0 + $1[i] } / Double(x.count) }
    private func cov(_ x: [[Double]], _ i: Int, _ j: Int) -> Double {
        let mi = mean(x, i), mj = mean(x, j)
        return x.reduce(0) { $0 + ($1[i] - mi) * ($1[j] - mj) } / Double(x.count - 1)
    }

    /// Stacked mean and covariance of (y_1, ..., y_H) of a known VAR(1), by plain loops.
    private func stacked(_ m: KnownVAR1, horizon: Int) -> (mean: [Double], cov: [[Double]]) {
        let k = m.c.count
        let moments = m.moments(horizon: horizon)
        var mu: [Double] = []
        for h in 0..<horizon { mu += moments[h].mean }
        var s = [[Double]](repeating: [Double](repeating: 0, count: horizon * k), count: horizon * k)
        // Cov(y_h, y_g) = A^{h-g} Σ_g for h >= g.
        for g in 0..<horizon {
            var block = moments[g].cov
            for h in g..<horizon {
                for i in 0..<k { for j in 0..<k { s[h * k + i][g * k + j] = block[i][j]; s[g * k + j][h * k + i] = block[i][j] } }
                block = (0..<k).map { i in (0..<k).map { j in (0..<k).reduce(0) { $0 + m.a[i, $1] * block[$1][j] } } }
            }
        }
        return (mu, s)
    }

    /// Closed-form conditional normal of the stacked outputs given `y[c] = v`.
    private func conditional(_ mu: [Double], _ s: [[Double]], on c: [Int], values v: [Double]) -> (mean: [Double], cov: [[Double]]) {
        let n = mu.count
        let scc = try! Matrix(rowMajor: c.map { i in c.map { s[i][$0] } })
        let inv = try! cholesky(scc).inverse()
        var mean = mu, cov = s
        for i in 0..<n {
            for a in c.indices { for b in c.indices { mean[i] += s[i][c[a]] * inv[a, b] * (v[b] - mu[c[b]]) } }
            for j in 0..<n {
                var d = 0.0
                for a in c.indices { for b in c.indices { d += s[i][c[a]] * inv[a, b] * s[c[b]][j] } }
                cov[i][j] -= d
            }
        }
        return (mean, cov)
    }

    private func assertMoments(_ x: [[Double]], _ expected: (mean: [Double], cov: [[Double]]), skip: Set<Int>,
                               file: StaticString = #filePath, line: UInt = #line) {
        let n = Double(x.count)
        for i in expected.mean.indices where !skip.contains(i) {
            let sd = expected.cov[i][i].squareRoot()
            XCTAssertEqual(mean(x, i), expected.mean[i], accuracy: 4 * sd / n.squareRoot(), "mean[\(i)]", file: file, line: line)
            for j in expected.mean.indices where !skip.contains(j) && j >= i {
                let se = ((expected.cov[i][i] * expected.cov[j][j] + expected.cov[i][j] * expected.cov[i][j]) / n).squareRoot()
                XCTAssertEqual(cov(x, i, j), expected.cov[i][j], accuracy: 4 * se, "cov[\(i), \(j)]", file: file, line: line)
            }
        }
    }

    static let var3 = KnownVAR1(c: [1, 0.5, 2],
                                a: try! Matrix(rowMajor: [[0.5, 0.1, 0.0], [0.2, 0.3, 0.1], [0.0, 0.2, 0.6]]),
                                l: try! cholesky(try! Matrix(rowMajor: [[1.0, 0.5, 0.3], [0.5, 2.0, 0.4], [0.3, 0.4, 1.5]])).lower,
                                y0: [2, 1, 3])

    /// Waggoner–Zha with every shock free on a Gaussian VAR(1), two hard conditions (y0 in year
    /// 1, y2 in year 2): the stacked mean and covariance equal the conditional normal.
    func testHardConditionsOnGaussianVARMatchConditionalNormal() {
        let m = Self.var3
        let conditions = PathConditions(hard: [.init(variable: 0, yearOffset: 1, value: 0.0),
                                               .init(variable: 2, yearOffset: 2, value: 4.0)])
        let x = sample(m, horizon: 2, conditions: conditions)
        let (mu, s) = stacked(m, horizon: 2)
        let expected = conditional(mu, s, on: [0, 5], values: [0.0, 4.0])
        for p in x.prefix(100) {
            XCTAssertEqual(p[0], 0.0)
            XCTAssertEqual(p[5], 4.0)
        }
        assertMoments(x, expected, skip: [0, 5])
        print("hard VAR check: mean MC \([1, 2, 3, 4].map { mean(x, $0) }) closed \([1, 2, 3, 4].map { expected.mean[$0] }); "
              + "var MC \([1, 2, 3, 4].map { cov(x, $0, $0) }) closed \([1, 2, 3, 4].map { expected.cov[$0][$0] })")
        // The conditioning moved the mean far beyond MC error (the test can fail).
        XCTAssertGreaterThan(abs(expected.mean[1] - mu[1]), 0.3)
    }

    /// Per-indicator models joined by a shock correlation (diagonal transition, correlated
    /// shocks): Gaussian conditioning of the correlated shocks; and with only the conditioned
    /// indicator's shock movable, the other indicators keep their unconditional law.
    func testGaussianConditioningOfCorrelatedPerIndicatorShocks() {
        let r = try! Matrix(rowMajor: [[1.0, 0.7, -0.4], [0.7, 1.0, 0.2], [-0.4, 0.2, 1.0]])
        let sd = [1.0, 2.0, 0.5]
        let sigma = try! Matrix(rowMajor: (0..<3).map { i in (0..<3).map { j in sd[i] * sd[j] * r[i, j] } })
        let m = KnownVAR1(c: [1, 2, 3], a: .diagonal([0.5, 0.3, 0.8]), l: try! cholesky(sigma).lower, y0: [1, 1, 1])
        let x = sample(m, horizon: 1, conditions: PathConditions(hard: [.init(variable: 1, yearOffset: 1, value: 6.0)]))
        let (mu, s) = stacked(m, horizon: 1)
        let closed = conditional(mu, s, on: [1], values: [6.0])
        assertMoments(x, closed, skip: [1])
        print("per-indicator check: mean MC \([0, 2].map { mean(x, $0) }) closed \([0, 2].map { closed.mean[$0] }); "
              + "cov MC \(cov(x, 0, 0)), \(cov(x, 0, 2)), \(cov(x, 2, 2)) closed \(closed.cov[0][0]), \(closed.cov[0][2]), \(closed.cov[2][2])")
        // y0's mean moves by ρ σ0/σ1 (6 - μ1) = 0.7 · 0.5 · 3.7 ≈ 1.3: far beyond MC error.
        let held = sample(m, horizon: 1, conditions: PathConditions(hard: [.init(variable: 1, yearOffset: 1, value: 6.0)],
                                                                   movable: [1]))
        assertMoments(held, (mu, s), skip: [1])
    }

    /// A soft condition (y0 >= 1.5 in year 1) on a bivariate normal: E[y1 | event], Var[y1 | event]
    /// and P(y1 >= 2.5 | event) against scipy's numerical integration; the effective sample size
    /// against N · P(event).
    func testSoftConditionAgainstNumericalIntegration() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/soft-condition.json")
        let peer = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Double]
        let m = KnownVAR1(c: [1, 2], a: try! Matrix(rowMajor: [[0.5, 0.1], [0.2, 0.3]]),
                          l: try! cholesky(try! Matrix(rowMajor: [[1.0, 0.6], [0.6, 2.0]])).lower, y0: [0, 0])
        let conditions = PathConditions(soft: [.init(variable: 0, yearOffset: 1, lower: 1.5, upper: .infinity)])
        let x = sample(m, horizon: 1, conditions: conditions)
        XCTAssertTrue(x.allSatisfy { $0[0] >= 1.5 })
        let n = Double(x.count)
        let pEvent = peer["p_event"]!
        // Blocks are resampled within themselves: the effective sample is the paths inside.
        let ess = Double(conditions.tally.inside)
        XCTAssertEqual(Double(conditions.tally.paths), n)
        XCTAssertEqual(ess / n, pEvent, accuracy: 4 * (pEvent * (1 - pEvent) / n).squareRoot())
        let v = peer["var_y1"]!
        // Resampling repeats paths: the error is that of `ess` distinct paths (times ~sqrt 2 for the
        // duplicates), so the tolerance uses ess / 2.
        let e = ess / 2
        XCTAssertEqual(mean(x, 1), peer["mean_y1"]!, accuracy: 4 * (v / e).squareRoot())
        XCTAssertEqual(cov(x, 1, 1), v, accuracy: 4 * v * (2 / e).squareRoot())
        let p = peer["p_y1_at_least_2_5"]!
        let met = Double(x.filter { $0[1] >= 2.5 }.count) / n
        XCTAssertEqual(met, p, accuracy: 4 * (p * (1 - p) / e).squareRoot())
        XCTAssertGreaterThan(p - peer["p_y1_at_least_2_5_unconditional"]!, 0.1)
        print("soft check: P(event) \(ess / n) vs \(pEvent); E[y1] \(mean(x, 1)) vs \(peer["mean_y1"]!); Var \(cov(x, 1, 1)) vs \(v); P(y1 >= 2.5) \(met) vs \(p)")
    }

    /// A soft event no path of a block reaches (y0 >= 7, 6 SD above its mean): the block's paths
    /// are moved to the edge as by a hard condition y0 = 7, so y1 follows the conditional normal there.
    func testBlockWithoutPathsInsideIsMovedToTheEdge() {
        let m = KnownVAR1(c: [1, 2], a: try! Matrix(rowMajor: [[0.5, 0.1], [0.2, 0.3]]),
                          l: try! cholesky(try! Matrix(rowMajor: [[1.0, 0.6], [0.6, 2.0]])).lower, y0: [0, 0])
        let conditions = PathConditions(soft: [.init(variable: 0, yearOffset: 1, lower: 7, upper: .infinity)])
        let x = sample(m, horizon: 1, conditions: conditions, blocks: 8)
        XCTAssertEqual(conditions.tally.emptyBlocks, 8)
        XCTAssertTrue(x.allSatisfy { $0[0] >= 7 })
        let (mu, s) = stacked(m, horizon: 1)
        assertMoments(x, conditional(mu, s, on: [0], values: [7]), skip: [0])
    }

    /// A scenario with soft conditions only has no hard condition naming shocks (`movable`
    /// empty): a block moved to the soft range's edge may still move every shock.
    func testSoftEdgeMovesEveryShockWhateverHardConditionsAllow() {
        let m = KnownVAR1(c: [1, 2], a: try! Matrix(rowMajor: [[0.5, 0.1], [0.2, 0.3]]),
                          l: try! cholesky(try! Matrix(rowMajor: [[1.0, 0.6], [0.6, 2.0]])).lower, y0: [0, 0])
        let conditions = PathConditions(soft: [.init(variable: 0, yearOffset: 1, lower: 7, upper: .infinity)], movable: [])
        let x = sample(m, horizon: 1, conditions: conditions, blocks: 4)
        XCTAssertEqual(conditions.tally.failedDraws, 0)
        XCTAssertTrue(x.allSatisfy { $0[0] >= 7 })
    }

    /// The engine's P(met) of a target under a hard condition: the conditional normal's, and
    /// byte-identical for 1 and 2 threads.
    func testEngineProbabilityUnderHardConditionAndThreadInvariance() throws {
        let m = Self.var3
        let (mu, s) = stacked(m, horizon: 1)
        let expected = conditional(mu, s, on: [0], values: [0.0])
        let bound = 0.3
        let truth = 1 - normalCDF((bound - expected.mean[1]) / expected.cov[1][1].squareRoot())
        var results: [SimulationResult] = []
        for threads in [1, 2] {
            var input = SimulationInput(model: m, parameterUncertainty: false, shocks: .normal(scale: 1), horizon: 1,
                                        targets: [TargetRule(variable: 1, yearOffset: 1, measure: .value, bound: .atLeast(bound))],
                                        paths: 200_000, seed: 5, threads: threads)
            input.conditions = PathConditions(hard: [.init(variable: 0, yearOffset: 1, value: 0.0)])
            results.append(try MonteCarloEngine().run(input))
        }
        let p = results[0].targets[0].probability
        XCTAssertEqual(p.value, truth, accuracy: 4 * p.standardError)
        print("engine check: P(met | y0 = 0) \(p.value) ± \(p.standardError) vs closed form \(truth)")
        XCTAssertEqual(p.value, results[1].targets[0].probability.value)
        XCTAssertEqual(results[0].fan[0][2].quantile(0.5), results[1].fan[0][2].quantile(0.5))
    }

    /// Conditions the allowed shocks cannot meet are refused with a message.
    func testUnreachableHardConditionIsRefused() {
        let m = KnownVAR1(c: [0, 0], a: .diagonal([0.5, 0.5]), l: .identity(2), y0: [0, 0])
        let c = PathConditions(hard: [.init(variable: 0, yearOffset: 1, value: 1)], movable: [1])
        XCTAssertThrowsError(try c.gain(m.pointSystem(), horizon: 1)) { error in
            XCTAssertTrue("\(error)".contains("cannot be met"))
        }
        // Correlated shocks, but the conditioned indicator's own innovation held: the condition
        // row is a multiple of a held row (singular up to rounding only).
        let r = KnownVAR1(c: [0, 0], a: .diagonal([0.5, 0.5]),
                          l: try! cholesky(try! Matrix(rowMajor: [[1.0, 0.6], [0.6, 2.0]])).lower, y0: [0, 0])
        XCTAssertThrowsError(try c.gain(r.pointSystem(), horizon: 1))
        XCTAssertNoThrow(try PathConditions(hard: c.hard, movable: [0]).gain(r.pointSystem(), horizon: 1))
    }
}
