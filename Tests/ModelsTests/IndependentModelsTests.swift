import XCTest
import Linear
import Random
import Models

/// Per-indicator models joined by a Ledoit–Wolf shrunk residual correlation.
final class IndependentModelsTests: XCTestCase {
    /// Three random walks with correlated shocks (correlation 0.6), ragged: the second starts
    /// five years late, the third misses two years.
    func raggedPanel() -> Panel {
        var g = Philox4x32(seed: 42)
        let years = Array(2001...2020)
        var values = Matrix(rows: 20, columns: 3)
        var level = [8.0, 10.0, 3.0]
        for t in 0..<20 {
            let common = g.nextStandardNormal()
            for j in 0..<3 {
                level[j] += 0.2 + [1.0, 2.0, 0.5][j] * (0.6.squareRoot() * common + 0.4.squareRoot() * g.nextStandardNormal())
                values[t, j] = level[j]
            }
        }
        for t in 0..<5 { values[t, 1] = .nan }
        values[9, 2] = .nan
        values[14, 2] = .nan
        return Panel(indicators: ["gdp", "retail", "cpi"], years: years, values: values)
    }

    /// The one-step covariance of the joint system is D R D, R the Ledoit–Wolf correlation (towards constant correlation) of
    /// the residuals y_t − y_{t−1} − μ̂ (recomputed here from the drifts), D the σ̂'s; means y_T + μ̂.
    func testRandomWalkSystemIsDiagonalTimesShrunkCorrelation() throws {
        let panel = raggedPanel()
        let fit = try IndependentModelsSpecification(kind: .randomWalk).fit(panel) as! IndependentModelsFit
        var residuals = Matrix(rows: 20, columns: 3, repeating: .nan)
        for (j, m) in fit.members.enumerated() {
            let drift = (m as! RandomWalkFit).drift
            for t in 1..<20 { residuals[t, j] = panel.values[t, j] - panel.values[t - 1, j] - drift }
        }
        let lw = try ledoitWolf(residuals, target: .constantCorrelation)
        XCTAssertLessThan(fit.correlation.maxAbsDifference(lw.correlation), 1e-12)
        XCTAssertGreaterThan(lw.intensity, 0)
        XCTAssertLessThanOrEqual(lw.intensity, 1)
        let sigmas = fit.members.map { ($0 as! RandomWalkFit).sigma }
        let m = try fit.pointSystem().forecastMoments(horizon: 1)
        for i in 0..<3 {
            XCTAssertEqual(m.means[0][i], panel.values[19, i] + (fit.members[i] as! RandomWalkFit).drift, accuracy: 1e-12)
            for j in 0..<3 {
                XCTAssertEqual(m.covariances[0][i, j], sigmas[i] * sigmas[j] * lw.correlation[i, j], accuracy: 1e-12)
            }
        }
        XCTAssertTrue(fit.notes.contains { $0.contains("Ledoit–Wolf") })
        var g = Philox4x32(seed: 1)
        for _ in 0..<20 { XCTAssertTrue(fit.drawSystem(using: &g).shockCholesky.elements.allSatisfy(\.isFinite)) }
    }

    /// A pair with fewer than 3 common residual years gets correlation 0 and a note.
    func testShortOverlapGivesZeroCorrelation() throws {
        var panel = raggedPanel()
        for t in 0..<20 where t < 15 { panel.values[t, 1] = .nan }       // retail: 2016–2020 only (4 pairs)
        for t in 14..<20 { panel.values[t, 0] = .nan }                    // gdp ends 2014
        let fit = try IndependentModelsSpecification(kind: .randomWalk).fit(panel) as! IndependentModelsFit
        XCTAssertEqual(fit.shrinkage.sampleCorrelation[0, 1], 0)
        XCTAssertEqual(fit.shrinkage.correlation[0, 1], 0)
        XCTAssertEqual(fit.shrinkage.sparsePairs, [[0, 1]])
        XCTAssertTrue(fit.notes.contains { $0.contains("gdp–retail") }, "\(fit.notes)")
        XCTAssertNoThrow(try cholesky(fit.correlation))
    }

    /// Pairwise correlations +1, +1, −1 on disjoint overlaps are jointly impossible: the shrunk
    /// matrix is indefinite, repaired (Higham), and the repair stated.
    func testIndefinitePairwiseCorrelationIsRepaired() throws {
        let shocks: [[Double]] = [[1, -1, 2, -2, 1.5, -1.5], [0.5, -0.5, 1, -1, 2, -2], [1, 2, -1, -2, 0.5, -0.5]]
        var values = Matrix(rows: 19, columns: 3, repeating: .nan)
        var level = [0.0, 0.0, 0.0]
        for j in 0..<3 { values[0, j] = 0 }
        func observe(_ t: Int, _ pair: (Int, Int), _ e: Double, sign: Double) {
            level[pair.0] += e; level[pair.1] += sign * e
            values[t, pair.0] = level[pair.0]; values[t, pair.1] = level[pair.1]
        }
        for (k, e) in shocks[0].enumerated() { observe(1 + k, (0, 1), e, sign: 1) }
        for j in [0, 1, 2] where values[6, j].isNaN { values[6, j] = level[j] }
        for (k, e) in shocks[1].enumerated() { observe(7 + k, (1, 2), e, sign: 1) }
        for (k, e) in shocks[2].enumerated() { observe(13 + k, (0, 2), e, sign: -1) }
        let panel = Panel(indicators: ["a", "b", "c"], years: Array(2000...2018), values: values)
        let fit = try IndependentModelsSpecification(kind: .randomWalk).fit(panel) as! IndependentModelsFit
        XCTAssertTrue(fit.notes.contains { $0.contains("repaired") }, "\(fit.notes)")
        XCTAssertNoThrow(try cholesky(fit.correlation))
        for i in 0..<3 { XCTAssertEqual(fit.correlation[i, i], 1, accuracy: 1e-12) }
    }

    /// Local linear trends: three shocks per indicator, ordered level, slope, irregular; the
    /// level shocks' covariance is D_η R D_η.
    func testLocalLinearTrendJoinsShockKinds() throws {
        let panel = raggedPanel()
        let fit = try IndependentModelsSpecification(kind: .localLinearTrend).fit(panel) as! IndependentModelsFit
        let s = fit.pointSystem()
        XCTAssertEqual(s.stateCount, 9)
        XCTAssertEqual(s.shockCount, 9)
        let l = s.shockCholesky
        let sd = fit.members.map { $0.block.shockSD[0] }
        for i in 0..<3 { for j in 0...i {
            let c = (0...j).reduce(0) { $0 + l[i, $1] * l[j, $1] }
            XCTAssertEqual(c, sd[i] * sd[j] * fit.correlation[i, j], accuracy: 1e-9 * max(sd[i] * sd[j], 1e-300))
        } }
        let m = try s.forecastMoments(horizon: 3, initialCovariance: fit.initialStateCovariance)
        XCTAssertTrue(m.covariances.allSatisfy { c in (0..<3).allSatisfy { c[$0, $0] > 0 && c[$0, $0].isFinite } })
        var g = Philox4x32(seed: 9)
        for _ in 0..<10 {
            let d = fit.drawSystem(using: &g)
            XCTAssertTrue(d.initialState.allSatisfy(\.isFinite) && d.shockCholesky.elements.allSatisfy(\.isFinite))
        }
    }

    func testAR1AndLogLinearKindsAndErrors() throws {
        let panel = raggedPanel()
        let ar = try IndependentModelsSpecification(kind: .ar1).fit(panel)
        XCTAssertEqual(ar.pointSystem().stateCount, 3)
        var levels = panel
        for i in levels.values.elements.indices { levels.values.elements[i] = exp(levels.values.elements[i] / 10) }
        let ll = try IndependentModelsSpecification(kind: .logLinearTrend).fit(levels)
        XCTAssertEqual((ll as! LogScaledModel).hundredLogIndicators, [true, true, true])
        var alternate = panel                       // cpi every other year: no pair of consecutive years
        for t in stride(from: 1, to: 20, by: 2) { alternate.values[t, 2] = .nan }
        XCTAssertThrowsError(try IndependentModelsSpecification(kind: .randomWalk).fit(alternate)) {
            guard case ModelError.notIdentified(let why) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(why.hasPrefix("cpi has 0 pairs of consecutive observed years; " + MinimumData.requirement), why)
        }
        var fourPairs = panel                       // cpi 2001-2005 only: 4 pairs, the minimum, fits
        for t in 0..<20 where t > 4 { fourPairs.values[t, 2] = .nan }
        XCTAssertEqual(MinimumData.pairs(in: fourPairs.series(2)), 4)
        XCTAssertNoThrow(try IndependentModelsSpecification(kind: .randomWalk).fit(fourPairs))
        fourPairs.values[4, 2] = .nan               // 3 pairs: refused
        XCTAssertThrowsError(try IndependentModelsSpecification(kind: .randomWalk).fit(fourPairs))
        var sparse = panel
        for t in 0..<17 { sparse.values[t, 1] = .nan }
        XCTAssertThrowsError(try IndependentModelsSpecification(kind: .randomWalk).fit(sparse)) {
            guard case ModelError.notIdentified(let why) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(why.contains("retail"))
        }
        var constant = panel
        for t in 0..<20 { constant.values[t, 2] = 2 }
        XCTAssertThrowsError(try IndependentModelsSpecification(kind: .ar1).fit(constant)) {
            guard case ModelError.degenerateSeries(let id, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(id, "cpi")
        }
    }
}
