import XCTest
import Linear

final class MatrixArithmeticTests: XCTestCase {
    func testElementwiseOperations() throws {
        let a = try Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
        let b = try Matrix(rowMajor: [[0.5, -1], [2, 0], [-3, 10]])
        XCTAssertEqual(try a.adding(b), try Matrix(rowMajor: [[1.5, 1], [5, 4], [2, 16]]))
        XCTAssertEqual(try a.subtracting(b), try Matrix(rowMajor: [[0.5, 3], [1, 4], [8, -4]]))
        XCTAssertEqual(a.scaled(by: -2), try Matrix(rowMajor: [[-2, -4], [-6, -8], [-10, -12]]))
        assertDimensionMismatch(try a.adding(a.transposed))
        assertDimensionMismatch(try a.subtracting(Matrix(rows: 3, columns: 1)))
    }

    func testSymmetricPart() throws {
        let a = try Matrix(rowMajor: [[1, 2, 0], [4, 5, 6], [1, -6, 9]])
        XCTAssertEqual(try a.symmetricPart(), try Matrix(rowMajor: [[1, 3, 0.5], [3, 5, 0], [0.5, 0, 9]]))
        assertDimensionMismatch(try Matrix(rows: 2, columns: 3).symmetricPart())
        XCTAssertEqual(try Matrix(rows: 0, columns: 0).symmetricPart(), Matrix(rows: 0, columns: 0))
    }
}
