import XCTest
@testable import Random

final class ScrambledSobolTests: XCTestCase {
    /// The first 16 unscrambled points equal scipy's `qmc.Sobol(d=4, scramble=False)`
    /// (Fixtures/sobol_reference.py; scipy's point i is point i ^ (i >> 1) here).
    func testUnscrambledPointsAreScipys() {
        let scipy: [[UInt32]] = [
            [0, 0, 0, 0], [2147483648, 2147483648, 2147483648, 2147483648],
            [3221225472, 1073741824, 1073741824, 1073741824], [1073741824, 3221225472, 3221225472, 3221225472],
            [1610612736, 1610612736, 2684354560, 3758096384], [3758096384, 3758096384, 536870912, 1610612736],
            [2684354560, 536870912, 3758096384, 2684354560], [536870912, 2684354560, 1610612736, 536870912],
            [805306368, 1342177280, 4026531840, 1879048192], [2952790016, 3489660928, 1879048192, 4026531840],
            [4026531840, 268435456, 2952790016, 805306368], [1879048192, 2415919104, 805306368, 2952790016],
            [1342177280, 805306368, 1342177280, 2415919104], [3489660928, 2952790016, 3489660928, 268435456],
            [2415919104, 1879048192, 268435456, 3489660928], [268435456, 4026531840, 2415919104, 1342177280],
        ]
        for (i, row) in scipy.enumerated() {
            for d in 0..<4 { XCTAssertEqual(ScrambledSobol.unscrambled(i ^ (i >> 1), dimension: d), row[d], "point \(i), dimension \(d)") }
        }
    }

    /// A scrambled set of 2^m points keeps one point in each of the 2^m equal intervals of
    /// every coordinate, and every pair of the first two coordinates one point in each of the
    /// 2^m boxes of 2^a x 2^(m−a) (Sobol's first two dimensions form a (0, m, 2)-net, which a
    /// nested scramble preserves).
    func testScrambledSetsStayStratified() {
        var g = Philox4x32(seed: 7)
        for m in [3, 6] {
            let n = 1 << m
            let points = ScrambledSobol.points(count: n, using: &g)
            for d in 0..<4 {
                let cells = Set(points.map { p in Int([p.0, p.1, p.2, p.3][d] * Double(n)) })
                XCTAssertEqual(cells.count, n, "dimension \(d), \(n) points")
            }
            for a in 0...m {
                let boxes = Set(points.map { Int($0.0 * Double(1 << a)) * n + Int($0.1 * Double(1 << (m - a))) })
                XCTAssertEqual(boxes.count, n, "boxes 2^\(a) x 2^\(m - a)")
            }
        }
    }

    /// Padded sets: every one of the 11 coordinates of 128 points has one point in each of the
    /// 128 equal intervals, and the first two coordinates of a group keep the (0, m, 2)-net
    /// boxes (a group is one four-dimensional set), while coordinates of different groups do not
    /// (they are independently permuted: most 2^3 x 2^4 boxes of a pair across groups would
    /// otherwise all be hit).
    func testPaddedSetsStratifyEveryCoordinate() {
        var g = Philox4x32(seed: 9)
        let n = 128, d = 11
        let u = ScrambledSobol.paddedPoints(count: n, dimensions: d, using: &g)
        XCTAssertEqual(u.count, n * d)
        for c in 0..<d {
            let cells = Set((0..<n).map { Int(u[$0 * d + c] * Double(n)) })
            XCTAssertEqual(cells.count, n, "coordinate \(c)")
        }
        func boxes(_ a: Int, _ b: Int) -> Int { Set((0..<n).map { Int(u[$0 * d + a] * 8) * 16 + Int(u[$0 * d + b] * 16) }).count }
        XCTAssertEqual(boxes(4, 5), n)
        XCTAssertLessThan(boxes(0, 4), n)
    }

    /// Over many independent sets, a point's coordinates are uniform and independent: means
    /// 1/2 and 1/3 for u and u², and E[u_0 u_1] = 1/4, within 4 SE.
    func testScrambledCoordinatesAreUniform() {
        var g = Philox4x32(seed: 11)
        var sum = [Double](repeating: 0, count: 4), squares = sum, cross = 0.0
        let sets = 20_000
        for _ in 0..<sets {
            let p = ScrambledSobol.points(count: 4, using: &g)[0]
            let u = [p.0, p.1, p.2, p.3]
            for d in 0..<4 { sum[d] += u[d]; squares[d] += u[d] * u[d] }
            cross += u[0] * u[1]
        }
        let n = Double(sets)
        for d in 0..<4 {
            XCTAssertEqual(sum[d] / n, 0.5, accuracy: 4 * (1.0 / 12 / n).squareRoot())
            XCTAssertEqual(squares[d] / n, 1.0 / 3, accuracy: 4 * (4.0 / 45 / n).squareRoot())
        }
        XCTAssertEqual(cross / n, 0.25, accuracy: 4 * (7.0 / 144 / n).squareRoot())
    }
}
