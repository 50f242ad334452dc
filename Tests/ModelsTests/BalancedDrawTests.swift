import Linear
import Models
import Random
import XCTest

/// Balanced parameter draws (`drawSystems(count:using:)` of the VAR and the BVAR: randomised
/// quasi-Monte Carlo inputs, row factor turned towards the first step) against the closed-form
/// posterior moments and against independent draws (`drawSystem`), with block means as the
/// unit: sets are independent, draws within a set are not.
final class BalancedDrawTests: XCTestCase {
    /// Per block of `count` draws: the mean over the block of the first step's conditional mean
    /// of indicator 0 (c + F x_T, first element) and of Σ_00 = (L Lᵀ)_00.
    private func blockMeans(_ model: any FittedModel, blocks: Int, count: Int, balanced: Bool, seed: UInt64)
        -> (firstStep: [Double], variance: [Double]) {
        var firstStep = [Double](), variance = [Double]()
        for b in 0..<blocks {
            var g = Philox4x32(seed: seed, stream: UInt64(b))
            let systems = balanced ? model.drawSystems(count: count, using: &g)
                                   : (0..<count).map { _ in model.drawSystem(using: &g) }
            var m = 0.0, v = 0.0
            for s in systems {
                var y = s.intercept[0]
                for r in 0..<s.stateCount { y += s.transition[0, r] * s.initialState[r] }
                m += y
                for c in 0..<s.shockCount { v += s.shockCholesky[0, c] * s.shockCholesky[0, c] }
            }
            firstStep.append(m / Double(count))
            variance.append(v / Double(count))
        }
        return (firstStep, variance)
    }

    /// VAR(1) under the flat prior on statsmodels' macrodata: balanced draws give E[xᵀB] = xᵀB̂
    /// and E[Σ_00] = Σ̂_00 (T − r)/(T − r − k − 1) within 4 SE of the block means, and their block
    /// means of the first step's mean vary at most a quarter as much as independent draws'
    /// (the rotation puts the first step on k normals the balanced set covers).
    func testBalancedVARDrawsMatchTheFlatPriorPosterior() throws {
        struct Fixture: Decodable { let indicators: [String]; let data: [[Double]] }
        let f = try VARTestSupport.fixture("var_macrodata", as: Fixture.self)
        let r = try VARSpecification(lags: 1).estimate(try VARTestSupport.panel(f.data, indicators: f.indicators))
        let x = [1] + r.pointSystem().initialState
        let expectedMean = (0..<x.count).reduce(0.0) { $0 + x[$1] * r.coefficients[$1, 0] }
        let nu = Double(r.years.count - r.rank), k = Double(r.indicators.count)
        let expectedVariance = r.residualCovariance[0, 0] * nu / (nu - k - 1)
        let balanced = blockMeans(r, blocks: 200, count: 128, balanced: true, seed: 31)
        let plain = blockMeans(r, blocks: 200, count: 128, balanced: false, seed: 32)
        let m = VARTestSupport.SampleMoments(balanced.firstStep), v = VARTestSupport.SampleMoments(balanced.variance)
        XCTAssertEqual(m.mean, expectedMean, accuracy: 4 * m.standardErrorOfMean)
        XCTAssertEqual(v.mean, expectedVariance, accuracy: 4 * v.standardErrorOfMean)
        XCTAssertLessThan(m.variance, VARTestSupport.SampleMoments(plain.firstStep).variance / 4)
        XCTAssertTrue(r.notes.contains { $0.contains("\(200 * 128 * 2) accepted systems, 0 explosive") }, "\(r.notes)")
    }

    /// BVAR with λ and δ integrated over their grid posterior (the China scenario's set-up, on
    /// the fixture's data): balanced and independent screened draws agree on the first step's
    /// mean and on Σ_00 within 4 SE of the difference of their block means, and the balanced
    /// block means of the first step vary less than half as much.
    func testBalancedBVARDrawsAgreeWithIndependentDraws() throws {
        struct Fixture: Decodable { let interceptScale: Double; let indicators: [String]; let data: [[Double]] }
        let f = try VARTestSupport.fixture("bvar_niw", as: Fixture.self)
        let r = try BVARSpecification(lags: 1, interceptScale: f.interceptScale)
            .estimate(try VARTestSupport.panel(f.data, indicators: f.indicators))
        let balanced = blockMeans(r, blocks: 200, count: 128, balanced: true, seed: 41)
        let plain = blockMeans(r, blocks: 200, count: 128, balanced: false, seed: 42)
        for (name, a, b) in [("first step", balanced.firstStep, plain.firstStep), ("Σ_00", balanced.variance, plain.variance)] {
            let ma = VARTestSupport.SampleMoments(a), mb = VARTestSupport.SampleMoments(b)
            let se = (ma.standardErrorOfMean * ma.standardErrorOfMean + mb.standardErrorOfMean * mb.standardErrorOfMean).squareRoot()
            XCTAssertEqual(ma.mean, mb.mean, accuracy: 4 * se, name)
        }
        XCTAssertLessThan(VARTestSupport.SampleMoments(balanced.firstStep).variance,
                          VARTestSupport.SampleMoments(plain.firstStep).variance / 2)
    }
}
