import XCTest
import Random

/// Known-answer vectors of Philox4x32-10 from Random123's `tests/kat_vectors`
/// (github.com/DEShawResearch/random123, lines "philox4x32 10 ..."; columns: counter[4],
/// key[2], expected output[4], all hex 32-bit words):
///
///     philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
///     philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
///     philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
final class PhiloxKnownAnswerTests: XCTestCase {
    typealias Block = (UInt32, UInt32, UInt32, UInt32)

    func assertBlock(_ a: Block, _ b: Block, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual([a.0, a.1, a.2, a.3], [b.0, b.1, b.2, b.3], file: file, line: line)
    }

    func testRandom123KnownAnswers() {
        assertBlock(Philox4x32.bijection(counter: (0, 0, 0, 0), key: (0, 0)),
                    (0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8))
        assertBlock(Philox4x32.bijection(counter: (.max, .max, .max, .max), key: (.max, .max)),
                    (0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd))
        assertBlock(Philox4x32.bijection(counter: (0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344),
                                         key: (0xa409_3822, 0x299f_31d0)),
                    (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
    }

    /// The generator addresses block (seed, stream, counter) as counter words
    /// (counter_lo, counter_hi, stream_lo, stream_hi) and key (seed_lo, seed_hi).
    func testGeneratorAddressingMatchesBijection() {
        var g = Philox4x32(seed: 0x299f_31d0_a409_3822, stream: 0x0370_7344_1319_8a2e,
                           counter: 0x85a3_08d3_243f_6a88)
        assertBlock(g.nextBlock(), (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
        var z = Philox4x32(seed: 0)
        XCTAssertEqual(z.next(), 0xe169_c58d_6627_e8d5)
        XCTAssertEqual(z.next(), 0x9b00_dbd8_bc57_ac4c)
    }

    func testStartingAtCounterEqualsSkipping() {
        for c: UInt64 in [0, 1, 7, 1000] {
            var skipped = Philox4x32(seed: 2022, stream: 5)
            for _ in 0..<c { _ = skipped.nextBlock() }
            var direct = Philox4x32(seed: 2022, stream: 5, counter: c)
            XCTAssertEqual(direct.blockCounter, c)
            for _ in 0..<5 { assertBlock(direct.nextBlock(), skipped.nextBlock()) }
            XCTAssertEqual(direct.blockCounter, skipped.blockCounter)
        }
        // Across the carry into the high counter word: skipping from 2³² - 3.
        var skipped = Philox4x32(seed: 7, stream: 1, counter: (1 << 32) - 3)
        for _ in 0..<3 { _ = skipped.nextBlock() }
        var direct = Philox4x32(seed: 7, stream: 1, counter: 1 << 32)
        assertBlock(direct.nextBlock(), skipped.nextBlock())
    }

    /// The batched block generator behind `fillStandardNormal` reproduces the scalar stream,
    /// also across the carry into the high counter word.
    func testBatchedBlocksMatchScalarAcrossCarry() {
        var a = Philox4x32(seed: 0x299f_31d0_a409_3822, stream: 0x0370_7344_1319_8a2e, counter: 0xFFFF_FFFF - 5)
        var b = a
        var x = [Double](repeating: 0, count: 300)
        x.withUnsafeMutableBufferPointer { a.fillStandardNormal($0) }
        XCTAssertEqual(x, (0..<300).map { _ in b.nextStandardNormal() })
        XCTAssertEqual(a.blockCounter, b.blockCounter)
        XCTAssertGreaterThan(a.blockCounter, 0xFFFF_FFFF)
    }
}
