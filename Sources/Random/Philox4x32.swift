/// Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw (2011),
/// "Parallel random numbers: as easy as 1, 2, 3", SC'11, section 4 (Philox-4x32 with
/// 10 rounds, the Random123 default).
///
/// The generator is a keyed bijection of a 128-bit counter: output block `i` of stream `s`
/// under seed `k` is `philox(counter: (i_lo, i_hi, s_lo, s_hi), key: (k_lo, k_hi))`. Any
/// block of any stream can be produced directly, so a block of Monte Carlo paths gets the
/// same numbers whichever thread runs it, and results do not depend on the thread count.
public struct Philox4x32: RandomNumberGenerator, Sendable {
    /// The 64-bit key (the seed), as the two 32-bit key words (lo, hi).
    public let key: (UInt32, UInt32)
    /// The stream index, stored in the upper two counter words.
    public let stream: UInt64
    /// Index of the next 128-bit block within the stream (lower two counter words).
    public var blockCounter: UInt64 { counter }
    @usableFromInline var counter: UInt64
    @usableFromInline var buffer: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    @usableFromInline var used: Int = 4

    /// A generator for stream `stream` of seed `seed`, positioned at block `counter`.
    public init(seed: UInt64, stream: UInt64 = 0, counter: UInt64 = 0) {
        self.key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        self.stream = stream
        self.counter = counter
    }

    @inlinable @inline(__always)
    static func mulhilo(_ a: UInt32, _ b: UInt32) -> (hi: UInt32, lo: UInt32) {
        let p = UInt64(a) &* UInt64(b)
        return (UInt32(truncatingIfNeeded: p >> 32), UInt32(truncatingIfNeeded: p))
    }

    /// The Philox4x32-10 bijection: 10 rounds of the S-box of Salmon et al. (2011), eq. (4),
    /// with multipliers 0xD2511F53, 0xCD9E8D57 and Weyl key increments 0x9E3779B9, 0xBB67AE85.
    @inlinable
    public static func bijection(counter: (UInt32, UInt32, UInt32, UInt32),
                                 key: (UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 = k.0 &+ 0x9E37_79B9
                k.1 = k.1 &+ 0xBB67_AE85
            }
            let p0 = mulhilo(0xD251_1F53, c.0)
            let p1 = mulhilo(0xCD9E_8D57, c.2)
            c = (p1.hi ^ c.1 ^ k.0, p1.lo, p0.hi ^ c.3 ^ k.1, p0.lo)
        }
        return c
    }

    /// The next 128-bit block (four 32-bit words) of this stream; advances the counter.
    @inlinable
    public mutating func nextBlock() -> (UInt32, UInt32, UInt32, UInt32) {
        let ctr = (UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32),
                   UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32))
        counter &+= 1
        return Self.bijection(counter: ctr, key: key)
    }

    /// The next 64 random bits: two 32-bit words of the current block, low word first.
    @inlinable
    public mutating func next() -> UInt64 {
        if used >= 4 {
            buffer = nextBlock()
            used = 0
        }
        let r: UInt64
        if used == 0 {
            r = UInt64(buffer.0) | (UInt64(buffer.1) << 32)
        } else {
            r = UInt64(buffer.2) | (UInt64(buffer.3) << 32)
        }
        used += 2
        return r
    }
}
