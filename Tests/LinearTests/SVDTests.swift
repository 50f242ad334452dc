import XCTest
import Linear

final class SVDTests: XCTestCase {
    /// A = U diag(σ) Vᵀ built from Householder reflections with known σ, tall and wide.
    func testReconstructsAndMatchesKnownSingularValues() throws {
        var g = SplitMix64(seed: 51)
        let sigma = [5.0, 3, 1, 0.25]
        let tolerance = 64 * machineEpsilon * sigma[0]   // c n ε ‖A‖₂
        let u = randomOrthogonal(7, &g), v = randomOrthogonal(4, &g)
        var u4 = Matrix(rows: 7, columns: 4)
        for j in 0..<4 { for i in 0..<7 { u4[i, j] = u[i, j] } }
        let tall = product(u4, diagonal: sigma, v)
        for a in [tall, tall.transposed] {
            let d = try svd(a)
            XCTAssertEqual(d.u.rows, a.rows)
            XCTAssertEqual(d.u.columns, 4)
            XCTAssertEqual(d.vt.rows, 4)
            XCTAssertEqual(d.vt.columns, a.columns)
            for (s, expected) in zip(d.singularValues, sigma) { XCTAssertEqual(s, expected, accuracy: tolerance) }
            XCTAssertLessThan(product(d.u, diagonal: d.singularValues, d.vt.transposed).maxAbsDifference(a), tolerance)
            XCTAssertLessThan(naiveProduct(d.u.transposed, d.u).maxAbsDifference(.identity(4)), tolerance)
            XCTAssertLessThan(naiveProduct(d.vt, d.vt.transposed).maxAbsDifference(.identity(4)), tolerance)
        }
    }

    func testErrorsAndEmpty() throws {
        assertNonFinite(try svd(withNaN(.identity(3))))
        let d = try svd(Matrix(rows: 0, columns: 3))
        XCTAssertEqual(d.singularValues, [])
        XCTAssertEqual(d.u, Matrix(rows: 0, columns: 0))
        XCTAssertEqual(d.vt, Matrix(rows: 0, columns: 3))
    }
}
