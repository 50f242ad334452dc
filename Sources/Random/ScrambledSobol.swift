/// Randomised quasi-Monte Carlo points: the first `count` points (in Gray-code order) of the four-dimensional
/// Sobol sequence, each coordinate scrambled by its own nested uniform (Owen) scramble and the
/// points put in a random order, all from a Philox generator (so deterministic given its seed
/// and stream, whatever the thread count).
///
/// - Sobol (1967) with the direction numbers of Joe & Kuo (2008) for dimensions 1–4
///   (dimension 1 the van der Corput sequence; dimension 2 the polynomial x + 1, m = 1;
///   dimension 3 x² + x + 1, m = 1, 3; dimension 4 x³ + x + 1, m = 1, 3, 1), 32 bits: the
///   points of scipy's `qmc.Sobol(d=4, scramble=False)` (which takes them in Gray-code order).
/// - The scramble is the hash-based nested uniform scramble of Burley (2020), "Practical
///   hash-based Owen scrambling", JCGT 9(4), with the Laine–Karras permutation: each bit is
///   flipped by a function of the bits above it only, so a set of 2^m points keeps one point in
///   each of the 2^m equal intervals of every coordinate; then a uniform below 2^-32 fills the
///   low bits. Each coordinate of each point is exactly uniform on (0, 1), the four
///   coordinates independent of one another (independent 32-bit seeds), so averages over the
///   points are unbiased; their variance, not their mean, is what the stratification improves.
///   Independent sets give independent averages: their spread is an honest standard error.
public enum ScrambledSobol {
    /// A point of (0, 1)⁴.
    public typealias Point = (Double, Double, Double, Double)

    /// Direction numbers V_k = m_k 2^(32 − k), k = 1...32, of dimensions 1–4.
    static let directions: [[UInt32]] = {
        func numbers(_ start: [UInt32], _ next: ([UInt32]) -> UInt32) -> [UInt32] {
            var m = start
            while m.count < 32 { m.append(next(m)) }
            return m.enumerated().map { k, mk in mk << UInt32(31 - k) }
        }
        let first = (0..<32).map { UInt32(1) << UInt32(31 - $0) }
        // Degree 1, a = 0: m_k = 2 m_{k−1} ⊕ m_{k−1}.
        let second = numbers([1]) { m in (2 * m[m.count - 1]) ^ m[m.count - 1] }
        // Degree 2, a = 1: m_k = 2 m_{k−1} ⊕ 4 m_{k−2} ⊕ m_{k−2}.
        let third = numbers([1, 3]) { m in (2 * m[m.count - 1]) ^ (4 * m[m.count - 2]) ^ m[m.count - 2] }
        // Degree 3, a = 1: m_k = 4 m_{k−2} ⊕ 8 m_{k−3} ⊕ m_{k−3}.
        let fourth = numbers([1, 3, 1]) { m in (4 * m[m.count - 2]) ^ (8 * m[m.count - 3]) ^ m[m.count - 3] }
        return [first, second, third, fourth]
    }()

    /// Point `i` of the unscrambled sequence, coordinate `d` (0...3), as 32 bits.
    public static func unscrambled(_ i: Int, dimension d: Int) -> UInt32 {
        var x: UInt32 = 0, bits = UInt32(truncatingIfNeeded: i), k = 0
        while bits != 0 {
            if bits & 1 != 0 { x ^= directions[d][k] }
            bits >>= 1
            k += 1
        }
        return x
    }

    /// The nested uniform scramble of the 32-bit coordinate `x` under `seed` (Burley 2020,
    /// listing 2): bit reversal, the Laine–Karras permutation, bit reversal back.
    @inline(__always)
    static func scramble(_ x: UInt32, seed: UInt32) -> UInt32 {
        var r = x.bitReversed &+ seed
        r ^= r &* 0x6c50_b47c
        r ^= r &* 0xb82f_1e52
        r ^= r &* 0xc7af_e638
        r ^= r &* 0x8d22_f6e6
        return r.bitReversed
    }

    /// `count` points of (0, 1)⁴: the first `count` Sobol points (in Gray-code order),
    /// scrambled coordinate by
    /// coordinate and shuffled (Fisher–Yates), drawing 4 + (count − 1) + 4 count words of
    /// `generator`.
    /// - Precondition: `count >= 1`.
    public static func points(count: Int, using generator: inout Philox4x32) -> [Point] {
        precondition(count >= 1, "ScrambledSobol.points: count must be at least 1")
        let s0 = UInt32(truncatingIfNeeded: generator.next()), s1 = UInt32(truncatingIfNeeded: generator.next())
        let s2 = UInt32(truncatingIfNeeded: generator.next()), s3 = UInt32(truncatingIfNeeded: generator.next())
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(generator.nextUniform() * Double(i + 1)))
        }
        // The unscrambled points in Gray-code order (point i ^ (i >> 1): the same set when count
        // is a power of 2), each from the previous by one XOR of direction numbers.
        var raw = [(UInt32, UInt32, UInt32, UInt32)](repeating: (0, 0, 0, 0), count: count)
        let v = directions
        for i in 1..<max(count, 1) {
            let k = (i).trailingZeroBitCount
            let r = raw[i - 1]
            raw[i] = (r.0 ^ v[0][k], r.1 ^ v[1][k], r.2 ^ v[2][k], r.3 ^ v[3][k])
        }
        @inline(__always) func coordinate(_ x: UInt32, _ seed: UInt32, _ g: inout Philox4x32) -> Double {
            // Below 1 (the sum can round up to 2^32).
            min((Double(scramble(x, seed: seed)) + g.nextUniform()) * 0x1p-32, 1 - 0x1p-53)
        }
        var points = [Point]()
        points.reserveCapacity(count)
        for i in order {
            let r = raw[i]
            let a = coordinate(r.0, s0, &generator), b = coordinate(r.1, s1, &generator)
            let c = coordinate(r.2, s2, &generator)
            points.append((a, b, c, coordinate(r.3, s3, &generator)))
        }
        return points
    }
}

extension UInt32 {
    /// The bits in reverse order.
    @inline(__always)
    var bitReversed: UInt32 {
        var x = self
        x = ((x >> 1) & 0x5555_5555) | ((x & 0x5555_5555) << 1)
        x = ((x >> 2) & 0x3333_3333) | ((x & 0x3333_3333) << 2)
        x = ((x >> 4) & 0x0F0F_0F0F) | ((x & 0x0F0F_0F0F) << 4)
        x = ((x >> 8) & 0x00FF_00FF) | ((x & 0x00FF_00FF) << 8)
        return (x >> 16) | (x << 16)
    }
}

extension ScrambledSobol {
    /// `count` points of (0, 1)^`dimensions`, row i (elements i·dimensions ..< (i + 1)·dimensions)
    /// the inputs of draw i: coordinates taken four at a time from independent `points(count:)`
    /// sets, each in its own random order (Owen's padding by random permutation, Owen 1995,
    /// "Randomly permuted (t, m, s)-nets and (t, s)-sequences"): every coordinate exactly uniform
    /// and balanced over the draws (one point in each of `count` equal intervals when `count` is
    /// a power of 2), each group of four balanced jointly, groups independent of one another.
    /// - Precondition: `count >= 1`, `dimensions >= 0`.
    public static func paddedPoints(count: Int, dimensions: Int, using generator: inout Philox4x32) -> [Double] {
        var out = [Double](repeating: 0, count: count * dimensions)
        for group in stride(from: 0, to: dimensions, by: 4) {
            let set = points(count: count, using: &generator)
            for (i, p) in set.enumerated() {
                let coordinates = [p.0, p.1, p.2, p.3]
                for c in 0..<min(4, dimensions - group) { out[i * dimensions + group + c] = coordinates[c] }
            }
        }
        return out
    }
}
