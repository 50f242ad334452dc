import XCTest
import Linear

final class LeastSquaresTests: XCTestCase {
    func testExactFitIsRecoveredByBothSolvers() throws {
        var g = SplitMix64(seed: 31)
        let a = randomMatrix(20, 4, &g), x = randomMatrix(4, 2, &g)
        let b = naiveProduct(a, x)
        let kappa = try conditionNumber(a)
        let tolerance = 8 * 20 * kappa * machineEpsilon
        XCTAssertLessThan(try leastSquares(a, b).maxAbsDifference(x), tolerance)
        let minimumNorm = try leastSquaresMinimumNorm(a, b)
        XCTAssertLessThan(minimumNorm.solution.maxAbsDifference(x), tolerance)
        XCTAssertEqual(minimumNorm.rank, 4)
    }

    /// On well-conditioned noisy data the QR solution satisfies the normal equations
    /// AᵀA x = Aᵀb (solved here by the triple loop and Cholesky, another route).
    func testAgreesWithNormalEquationsAndGelsd() throws {
        var g = SplitMix64(seed: 32)
        let a = randomMatrix(50, 6, &g), b = randomMatrix(50, 3, &g)
        let normal = try cholesky(naiveProduct(a.transposed, a)).solve(naiveProduct(a.transposed, b))
        let kappa = try conditionNumber(a)
        let qr = try leastSquares(a, b)
        XCTAssertLessThan(qr.maxAbsDifference(normal), 8 * 50 * kappa * kappa * machineEpsilon)
        XCTAssertLessThan(try leastSquaresMinimumNorm(a, b).solution.maxAbsDifference(qr), 8 * 50 * kappa * machineEpsilon)
    }

    func testMatchesNumpyLstsq() throws {
        let f = try loadFixture("least_squares", as: LeastSquaresFixture.self).full_rank
        let a = try Matrix(rowMajor: f.a), b = try Matrix(rowMajor: f.b)
        let expected = try Matrix(rowMajor: f.solution)
        XCTAssertLessThan(try leastSquares(a, b).maxAbsDifference(expected), 1e-12)
        XCTAssertLessThan(try leastSquaresMinimumNorm(a, b).solution.maxAbsDifference(expected), 1e-12)
    }

    /// A duplicated column: gelsd finds rank k − 1 and numpy's minimum-norm solution;
    /// gels refuses with the column of the vanishing diagonal element of R.
    func testRankDeficiencyDetected() throws {
        let f = try loadFixture("least_squares", as: LeastSquaresFixture.self).deficient
        let a = try Matrix(rowMajor: f.a), b = try Matrix(rowMajor: f.b)
        let result = try leastSquaresMinimumNorm(a, b)
        XCTAssertEqual(result.rank, 3)
        XCTAssertEqual(result.rank, f.rank)
        XCTAssertLessThan(result.solution.maxAbsDifference(try Matrix(rowMajor: f.solution)), 1e-12)
        XCTAssertEqual(result.singularValues.count, 4)
        for (s, expected) in zip(result.singularValues, f.singular_values) {
            XCTAssertEqual(s, expected, accuracy: 1e-12 * f.singular_values[0])
        }
        assertThrows(.singular(index: 4), try leastSquares(a, b))
    }

    func testExactlyZeroColumnIsSingularForGels() throws {
        var g = SplitMix64(seed: 33)
        var a = randomMatrix(8, 3, &g)
        for i in 0..<8 { a[i, 1] = 0 }
        assertThrows(.singular(index: 2), try leastSquares(a, randomMatrix(8, 1, &g)))
        XCTAssertEqual(try leastSquaresMinimumNorm(a, randomMatrix(8, 1, &g)).rank, 2)
    }

    /// m < n: both return the minimum-norm solution Aᵀ (A Aᵀ)⁻¹ b.
    func testUnderdeterminedMinimumNorm() throws {
        var g = SplitMix64(seed: 34)
        let a = randomMatrix(3, 6, &g), b = randomMatrix(3, 2, &g)
        let expected = naiveProduct(a.transposed, try cholesky(naiveProduct(a, a.transposed)).solve(b))
        XCTAssertLessThan(try leastSquares(a, b).maxAbsDifference(expected), 1e-12)
        XCTAssertLessThan(try leastSquaresMinimumNorm(a, b).solution.maxAbsDifference(expected), 1e-12)
    }

    func testRcondControlsTheRank() throws {
        let a = Matrix.diagonal([1, 1e-6, 1e-12])
        let b = Matrix(rows: 3, columns: 1, repeating: 1)
        XCTAssertEqual(try leastSquaresMinimumNorm(a, b).rank, 3)
        let truncated = try leastSquaresMinimumNorm(a, b, rcond: 1e-9)
        XCTAssertEqual(truncated.rank, 2)
        XCTAssertEqual(truncated.solution[2, 0], 0)
        XCTAssertEqual(truncated.solution[1, 0], 1e6, accuracy: 1e-6)
    }

    func testEmptyInputs() throws {
        XCTAssertEqual(try leastSquares(Matrix(rows: 0, columns: 3), Matrix(rows: 0, columns: 2)), Matrix(rows: 3, columns: 2))
        XCTAssertEqual(try leastSquares(Matrix(rows: 5, columns: 0), Matrix(rows: 5, columns: 2)), Matrix(rows: 0, columns: 2))
        let r = try leastSquaresMinimumNorm(Matrix(rows: 0, columns: 3), Matrix(rows: 0, columns: 1))
        XCTAssertEqual(r.solution, Matrix(rows: 3, columns: 1))
        XCTAssertEqual(r.rank, 0)
        XCTAssertEqual(r.singularValues, [])
        let noRightHandSide = try leastSquaresMinimumNorm(.diagonal([2, 1]), Matrix(rows: 2, columns: 0))
        XCTAssertEqual(noRightHandSide.solution, Matrix(rows: 2, columns: 0))
        XCTAssertEqual(noRightHandSide.singularValues, [2, 1])
    }

    func testErrors() {
        assertDimensionMismatch(try leastSquares(Matrix(rows: 4, columns: 2), Matrix(rows: 3, columns: 1)))
        assertDimensionMismatch(try leastSquaresMinimumNorm(Matrix(rows: 4, columns: 2), Matrix(rows: 3, columns: 1)))
        assertNonFinite(try leastSquares(withNaN(.identity(3)), Matrix(rows: 3, columns: 1)))
        assertNonFinite(try leastSquaresMinimumNorm(.identity(3), withNaN(Matrix(rows: 3, columns: 1))))
        assertNonFinite(try leastSquaresMinimumNorm(.identity(3), Matrix(rows: 3, columns: 1), rcond: .nan))
    }
}
