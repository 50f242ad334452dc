import XCTest
import Random

/// The fill functions must give the same numbers as the scalar draws and leave the
/// generator in the same state, whatever the starting position within a block.
final class StreamConsistencyTests: XCTestCase {
    func testFillStandardNormalEqualsScalarDraws() {
        for (offset, n) in [(0, 1), (0, 64), (1, 63), (1, 64), (1, 17), (1, 40), (0, 200), (3, 1000), (0, 4096), (2, 5)] {
            var a = Philox4x32(seed: 99, stream: 3)
            for _ in 0..<offset { _ = a.next() }
            var b = a
            var buffer = [Double](repeating: 0, count: n)
            buffer.withUnsafeMutableBufferPointer { a.fillStandardNormal($0) }
            let scalar = (0..<n).map { _ in b.nextStandardNormal() }
            XCTAssertEqual(buffer, scalar, "offset \(offset), n \(n)")
            // Same state afterwards: the next words agree.
            for _ in 0..<5 { XCTAssertEqual(a.next(), b.next(), "offset \(offset), n \(n)") }
        }
    }

    func testUniformIsOpenAndUsesTop53Bits() {
        var g = Philox4x32(seed: 0)
        let u = g.nextUniform()
        // First word of block 0 under key 0 is 0xe169c58d_6627e8d5 (Random123 KAT).
        XCTAssertEqual(u, (Double(UInt64(0xe169_c58d_6627_e8d5) >> 11) + 0.5) * 0x1p-53)
        for _ in 0..<100_000 {
            let v = g.nextUniform()
            XCTAssertTrue(v > 0 && v < 1)
        }
    }
}
