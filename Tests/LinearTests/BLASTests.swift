import XCTest
import Linear

final class BLASTests: XCTestCase {
    func testGemmAllTransposesAgainstTripleLoop() throws {
        var g = SplitMix64(seed: 11)
        let a = randomMatrix(7, 4, &g), b = randomMatrix(4, 5, &g)
        let expected = naiveProduct(a, b).scaled(by: -2.5)
        let at = a.transposed, bt = b.transposed
        for (x, y, ta, tb) in [(a, b, false, false), (at, b, true, false), (a, bt, false, true), (at, bt, true, true)] {
            let c = try gemm(x, y, transposeA: ta, transposeB: tb, alpha: -2.5)
            XCTAssertEqual(c.rows, 7)
            XCTAssertEqual(c.columns, 5)
            XCTAssertLessThan(c.maxAbsDifference(expected), 8 * 4 * machineEpsilon * 2.5)
        }
    }

    /// Tall A spans several of gemm's row blocks: the product is exact across block edges
    /// and a NaN in the last block is still found.
    func testGemmTallAcrossRowBlocks() throws {
        var g = SplitMix64(seed: 15)
        let a = randomMatrix(5000, 10, &g), b = randomMatrix(10, 10, &g)
        let expected = naiveProduct(a, b)
        XCTAssertLessThan(try gemm(a, b).maxAbsDifference(expected), 64 * machineEpsilon)
        XCTAssertLessThan(try gemm(a.transposed, b, transposeA: true).maxAbsDifference(expected), 64 * machineEpsilon)
        var late = a
        late[4999, 9] = .infinity
        assertNonFinite(try gemm(late, b))
        assertNonFinite(try gemm(late.transposed, b, transposeA: true))
    }

    /// The vectorised finite check sees NaN and ±infinity at every position (body and tail).
    func testNonFiniteFoundAtEveryPosition() {
        for n in [1, 15, 16, 17, 40] {
            for position in 0..<n {
                for bad in [Double.nan, .infinity, -.infinity] {
                    var x = [Double](repeating: 1, count: n)
                    x[position] = bad
                    assertNonFinite(try gemv(Matrix(rows: 1, columns: n, repeating: 1), x))
                }
            }
        }
    }

    func testGemmEmptyAndZeroInnerDimension() throws {
        XCTAssertEqual(try gemm(Matrix(rows: 0, columns: 3), Matrix(rows: 3, columns: 2)), Matrix(rows: 0, columns: 2))
        XCTAssertEqual(try gemm(Matrix(rows: 3, columns: 0), Matrix(rows: 0, columns: 2)), Matrix(rows: 3, columns: 2))
    }

    func testGemmErrors() {
        assertDimensionMismatch(try gemm(Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 3)))
        assertDimensionMismatch(try gemm(Matrix(rows: 2, columns: 3), Matrix(rows: 3, columns: 2), transposeB: true))
        assertNonFinite(try gemm(withNaN(Matrix(rows: 3, columns: 3)), .identity(3)))
        assertNonFinite(try gemm(.identity(3), withNaN(Matrix(rows: 3, columns: 3))))
        assertNonFinite(try gemm(.identity(3), .identity(3), alpha: .infinity))
    }

    func testGemvBothOrientations() throws {
        var g = SplitMix64(seed: 12)
        let a = randomMatrix(6, 3, &g)
        let x = [0.5, -1, 2.0], z = [1.0, 2, 3, 4, 5, 6]
        let y = try gemv(a, x)
        let expected = naiveProduct(a, try Matrix(rows: 3, columns: 1, columnMajor: x)).elements
        for i in 0..<6 { XCTAssertEqual(y[i], expected[i], accuracy: 16 * machineEpsilon) }
        let yt = try gemv(a, z, transpose: true)
        let expectedT = naiveProduct(a.transposed, try Matrix(rows: 6, columns: 1, columnMajor: z)).elements
        for i in 0..<3 { XCTAssertEqual(yt[i], expectedT[i], accuracy: 64 * machineEpsilon) }
        XCTAssertEqual(try gemv(Matrix(rows: 4, columns: 0), []), [0, 0, 0, 0])
        assertDimensionMismatch(try gemv(a, z))
        assertNonFinite(try gemv(a, [1, .nan, 2]))
        assertNonFinite(try gemv(withNaN(a), x))
    }

    func testSyrkFillsBothTriangles() throws {
        var g = SplitMix64(seed: 13)
        let a = randomMatrix(5, 3, &g)
        XCTAssertLessThan(syrk(a).maxAbsDifference(naiveProduct(a, a.transposed)), 16 * machineEpsilon)
        XCTAssertLessThan(syrk(a, transpose: true).maxAbsDifference(naiveProduct(a.transposed, a)), 32 * machineEpsilon)
        XCTAssertEqual(syrk(Matrix(rows: 3, columns: 0)), Matrix(rows: 3, columns: 3))
        XCTAssertEqual(syrk(Matrix(rows: 0, columns: 4)), Matrix(rows: 0, columns: 0))
    }

    func testTrsmAllSidesTrianglesAndTransposes() throws {
        var g = SplitMix64(seed: 14)
        var lower = randomMatrix(4, 4, &g)
        for j in 0..<4 {
            lower[j, j] = 2 + Double(j)
            for i in 0..<j { lower[i, j] = 0 }
        }
        let upper = lower.transposed
        let bLeft = randomMatrix(4, 3, &g), bRight = randomMatrix(3, 4, &g)
        for (t, isLower) in [(lower, true), (upper, false)] {
            for transpose in [false, true] {
                let op = transpose ? t.transposed : t
                let x = try trsm(t, bLeft, lower: isLower, transpose: transpose)
                XCTAssertLessThan(naiveProduct(op, x).maxAbsDifference(bLeft), 1e-14)
                let y = try trsm(t, bRight, lower: isLower, transpose: transpose, side: .right)
                XCTAssertLessThan(naiveProduct(y, op).maxAbsDifference(bRight), 1e-14)
            }
        }
    }

    func testTrsmErrors() throws {
        var t = Matrix.identity(3)
        t[1, 1] = 0
        assertThrows(.singular(index: 2), try trsm(t, Matrix(rows: 3, columns: 2, repeating: 1)))
        assertDimensionMismatch(try trsm(.identity(3), Matrix(rows: 2, columns: 3)))
        assertDimensionMismatch(try trsm(.identity(3), Matrix(rows: 3, columns: 2), side: .right))
        assertDimensionMismatch(try trsm(Matrix(rows: 3, columns: 2), Matrix(rows: 3, columns: 2)))
        assertNonFinite(try trsm(.identity(3), withNaN(Matrix(rows: 3, columns: 2))))
        XCTAssertEqual(try trsm(.identity(3), Matrix(rows: 3, columns: 0)), Matrix(rows: 3, columns: 0))
    }
}
