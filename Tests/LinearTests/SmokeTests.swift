import XCTest
@testable import Linear

final class SmokeTests: XCTestCase {
    func testEverythingRuns() throws {
        var g = SplitMix64(seed: 1)
        let a = randomSPD(5, &g)
        let b = randomMatrix(5, 3, &g)
        XCTAssertLessThan(try gemm(a, b).maxAbsDifference(naiveProduct(a, b)), 1e-12)
        let c = try cholesky(a)
        XCTAssertLessThan(try gemm(a, c.solve(b)).maxAbsDifference(b), 1e-10)
        XCTAssertLessThan(try gemm(a, c.inverse()).maxAbsDifference(.identity(5)), 1e-10)
        _ = try leastSquares(b, a)
        _ = try leastSquaresMinimumNorm(b, a)
        _ = try symmetricEigen(a)
        _ = try eigenvalues(gemm(b, b, transposeB: true))
        _ = try svd(b)
        _ = try nearestPositiveDefinite(a.scaled(by: -1))
        _ = syrk(b); _ = try gemv(b, [1, 2, 3]); _ = try trsm(c.lower, b)
    }
}
