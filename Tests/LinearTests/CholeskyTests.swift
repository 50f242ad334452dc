import Foundation
import XCTest
import Linear

final class CholeskyTests: XCTestCase {
    /// log det of the n x n Hilbert matrix from the closed form det H_n = c_n⁴ / c_{2n},
    /// c_n = ∏_{i=1}^{n-1} i! (Hilbert 1894; Choi 1983, Amer. Math. Monthly 90, eq. (2)).
    private func hilbertLogDeterminant(_ n: Int) -> Double {
        func logC(_ m: Int) -> Double { (1..<m).reduce(0) { $0 + lgamma(Double($1) + 1) } }
        return 4 * logC(n) - logC(2 * n)
    }

    func testHilbertFactorsRebuildAndDeterminant() throws {
        for n in 5...8 {
            let h = hilbert(n)
            let kappa = try conditionNumber(h)
            let factor = try cholesky(h)
            for j in 0..<n { for i in 0..<j { XCTAssertEqual(factor.lower[i, j], 0) } }
            // Backward stability of Cholesky: ‖L Lᵀ − A‖ <= c n ε ‖A‖.
            let rebuilt = naiveProduct(factor.lower, factor.lower.transposed)
            XCTAssertLessThan(rebuilt.maxAbsDifference(h), 4 * Double(n) * machineEpsilon * h.frobeniusNorm, "n = \(n)")
            XCTAssertEqual(factor.logDeterminant, hilbertLogDeterminant(n), accuracy: Double(n) * kappa * machineEpsilon, "n = \(n)")
            // Solve against a known x: relative forward error <= c n κ ε.
            let x = try Matrix(rows: n, columns: 1, columnMajor: (1...n).map { Double($0) })
            let solved = try factor.solve(naiveProduct(h, x))
            XCTAssertLessThan(solved.maxAbsDifference(x) / Double(n), 4 * Double(n) * kappa * machineEpsilon, "n = \(n)")
            let inverse = try factor.inverse()
            XCTAssertEqual(inverse, inverse.transposed)
            XCTAssertLessThan(naiveProduct(inverse, h).maxAbsDifference(.identity(n)), 4 * Double(n) * kappa * machineEpsilon, "n = \(n)")
        }
    }

    func testRandomSPDFactorsSolvesAndInverts() throws {
        var g = SplitMix64(seed: 21)
        for n in [1, 2, 10, 40] {
            let a = randomSPD(n, &g)
            let kappa = try conditionNumber(a)
            let factor = try cholesky(a)
            let rebuilt = naiveProduct(factor.lower, factor.lower.transposed)
            XCTAssertLessThan(rebuilt.maxAbsDifference(a), 4 * Double(n) * kappa * machineEpsilon * a.frobeniusNorm)
            let x = randomMatrix(n, 3, &g)
            XCTAssertLessThan(try factor.solve(naiveProduct(a, x)).maxAbsDifference(x), 4 * Double(n) * kappa * machineEpsilon)
            XCTAssertLessThan(naiveProduct(try factor.inverse(), a).maxAbsDifference(.identity(n)), 4 * Double(n) * kappa * machineEpsilon)
            // log det from the eigenvalues, an independent route.
            let logDet = try symmetricEigen(a).values.reduce(0) { $0 + log($1) }
            XCTAssertEqual(factor.logDeterminant, logDet, accuracy: Double(n) * kappa * machineEpsilon * abs(logDet) + 1e-12)
        }
    }

    func testNotPositiveDefiniteReportsTheOrder() {
        assertThrows(.notPositiveDefinite(order: 3), try cholesky(.diagonal([1, 2, -1, 4])))
        assertThrows(.notPositiveDefinite(order: 2), try cholesky(try Matrix(rowMajor: [[1, 2], [2, 1]])))
        assertThrows(.notPositiveDefinite(order: 1), try cholesky(.diagonal([0, 1])))
        assertThrows(.notPositiveDefinite(order: 2), try CholeskyFactor(lower: .diagonal([1, 0, 1])))
    }

    func testShapeAndNonFiniteErrors() throws {
        assertDimensionMismatch(try cholesky(Matrix(rows: 2, columns: 3)))
        assertNonFinite(try cholesky(withNaN(.identity(3))))
        let factor = try cholesky(.identity(3))
        assertDimensionMismatch(try factor.solve(Matrix(rows: 2, columns: 1)))
        assertNonFinite(try factor.solve(withNaN(Matrix(rows: 3, columns: 1))))
        assertDimensionMismatch(try CholeskyFactor(lower: Matrix(rows: 2, columns: 1)))
        assertNonFinite(try CholeskyFactor(lower: withNaN(.identity(2))))
    }

    func testEmptyMatrix() throws {
        let factor = try cholesky(Matrix(rows: 0, columns: 0))
        XCTAssertEqual(factor.logDeterminant, 0)
        XCTAssertEqual(try factor.inverse(), Matrix(rows: 0, columns: 0))
        XCTAssertEqual(try factor.solve(Matrix(rows: 0, columns: 2)), Matrix(rows: 0, columns: 2))
    }

    func testFactorFromLowerIgnoresUpperTriangle() throws {
        var l = try Matrix(rowMajor: [[2, 9], [1, 3]])
        let factor = try CholeskyFactor(lower: l)
        l[0, 1] = 0
        XCTAssertEqual(factor.lower, l)
        XCTAssertEqual(factor.logDeterminant, 2 * log(6), accuracy: 1e-15)
    }
}
