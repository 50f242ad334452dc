import XCTest
import Linear
import Random
import Models

/// Random walk with drift: closed form (numpy mean and sd of the first differences,
/// ar1_generate.py) and the exact gap formulas.
final class RandomWalkTests: XCTestCase {
    func testClosedFormMatchesNumpy() throws {
        let f = try UnivariateFixture.load("ar1_realgdp")
        let rw = f["random_walk"] as! [String: Any]
        let y = UnivariateFixture.numbers(rw["series"])
        let fit = try UnivariateFixture.fit(RandomWalkSpecification(), "gdp", years: Array(0..<y.count), values: y, as: RandomWalkFit.self)
        XCTAssertEqual(fit.drift, rw["drift"] as! Double, accuracy: 1e-12)
        XCTAssertEqual(fit.sigma, rw["sigma"] as! Double, accuracy: 1e-12)
        let s = fit.pointSystem()
        XCTAssertEqual(s.initialState, [y.last!])
        let m = try s.forecastMoments(horizon: 4)
        for h in 1...4 {      // y_{T+h} ~ N(y_T + h μ, h σ²)
            XCTAssertEqual(m.means[h - 1][0], y.last! + Double(h) * fit.drift, accuracy: 1e-9)
            XCTAssertEqual(m.covariances[h - 1][0, 0], Double(h) * fit.sigma * fit.sigma, accuracy: 1e-9)
        }
    }

    /// With a gap of two years: μ̂ = (y_last − y_first) / span and s² = Σ (d − gμ)²/g / (n_d − 1);
    /// a series ending two years before the panel is carried forward: mean + 2μ, variance 2σ².
    func testGapsAndRaggedEnd() throws {
        let y: [Double] = [5, 7, .nan, 10, 11, 14, .nan, .nan]
        let fit = try UnivariateFixture.fit(RandomWalkSpecification(), "fai", years: Array(2013...2020), values: y, as: RandomWalkFit.self)
        let mu = (14.0 - 5) / 5
        XCTAssertEqual(fit.drift, mu, accuracy: 1e-12)
        let ss = pow(2 - mu, 2) + pow(3 - 2 * mu, 2) / 2 + pow(1 - mu, 2) + pow(3 - mu, 2)
        XCTAssertEqual(fit.sigma, (ss / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(fit.block.stateMean[0], 14 + 2 * mu, accuracy: 1e-12)
        XCTAssertEqual(fit.initialStateCovariance[0, 0], 2 * ss / 3, accuracy: 1e-12)
        XCTAssertTrue(fit.notes.contains { $0.contains("2015") })
    }

    /// Draws: σ² = ν s²/χ²_ν has mean ν s²/(ν − 2); checked within 4 Monte Carlo SE.
    func testVarianceDrawsHaveInverseChiSquareMean() throws {
        let y = (0..<12).map { Double($0) * 0.5 + (($0 % 3 == 0) ? 1.0 : -0.4) }
        let fit = try UnivariateFixture.fit(RandomWalkSpecification(), "x", years: Array(0..<12), values: y, as: RandomWalkFit.self)
        var g = Philox4x32(seed: 5)
        let n = 20000
        let v: [Double] = (0..<n).map { _ in pow(fit.drawSystem(using: &g).shockCholesky[0, 0], 2) }
        let mean = v.reduce(0, +) / Double(n)
        let squares = v.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        let sd = (squares / Double(n - 1)).squareRoot()
        let nu = 10.0
        XCTAssertEqual(mean, nu * fit.sigma * fit.sigma / (nu - 2), accuracy: 4 * sd / Double(n).squareRoot())
    }

    func testAwkwardInputs() {
        XCTAssertThrowsError(try RandomWalkSpecification().fit(UnivariateFixture.panel("x", years: [1, 2, 3, 4], values: [1, 2, 3, 4]))) {
            guard case ModelError.degenerateSeries = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try RandomWalkSpecification().fit(UnivariateFixture.panel("x", years: [1, 2, 3, 4], values: [1, .infinity, 3, 4])))
        let two = Panel(indicators: ["a", "b"], years: [1, 2, 3, 4, 5], values: Matrix(rows: 5, columns: 2, repeating: 1))
        XCTAssertThrowsError(try RandomWalkSpecification().fit(two)) {
            guard case ModelError.invalidSpecification = $0 else { return XCTFail("\($0)") }
        }
    }
}
