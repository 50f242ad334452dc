import RealModule

extension Philox4x32 {
    /// A standard normal draw, N(0, 1), by the 256-layer ziggurat of Marsaglia & Tsang (2000),
    /// "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8).
    ///
    /// One 64-bit word serves the layer index (bits 0–7), the sign (bit 8) and a 52-bit
    /// uniform (bits 12–63), as in Doornik's (2005) ZIGNOR, so about 1.01 words are used per
    /// draw. Rejections in a wedge draw one further uniform; the tail beyond `r ≈ 3.654` uses
    /// Marsaglia's (1964) exponential method. Stream order is identical to that of
    /// `fillStandardNormal`.
    public mutating func nextStandardNormal() -> Double {
        Self.ziggurat(&self, ZigguratTables.shared)
    }

    /// Fills `buffer` with independent N(0, 1) draws: the same numbers, in the same order, as
    /// `buffer.count` calls of `nextStandardNormal()`, and leaves the generator in the same
    /// state. Philox blocks are generated eight at a time in SIMD lanes, overlapped with the
    /// ziggurat work (see `zigguratGroups`); no heap allocation.
    public mutating func fillStandardNormal(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return }
        let n = buffer.count
        if n < 2 * PhiloxLanes.scalarCount {
            // Too short for a SIMD group of blocks to pay off.
            for j in 0..<n { out[j] = nextStandardNormal() }
            return
        }
        let tables = ZigguratTables.shared
        let k = tables.k, w = tables.w
        withWordBatch { batch in
            var j = 0
            while j < n {
                if batch.position == batch.count && batch.pendingWord == nil && n - j >= 4 * PhiloxLanes.scalarCount {
                    j = Self.zigguratGroups(out, from: j, to: n, &batch, tables)
                    continue
                }
                // Exact path: a pending word, a short tail, or the words left after a spill.
                batch.wordsWanted = min(n - j, 2 * PhiloxLanes.scalarCount)
                if batch.position == batch.count { batch.refill() }
                // Tight loop over the words at hand; the fast path uses exactly one word per
                // draw, so at most n - j words are needed.
                let words = batch.words
                var position = batch.position
                let end = min(batch.count, position + (n - j))
                while position < end {
                    let word = words[position]
                    position &+= 1
                    let i = Int(truncatingIfNeeded: word & 0xFF)
                    let u = word >> 12
                    let x = Double(Int64(bitPattern: u)) * w[i]
                    if _fastPath(u < k[i]) {
                        out[j] = Double(bitPattern: x.bitPattern | (word & 0x100) << 55)
                        j &+= 1
                    } else {
                        // Rare: wedge or tail, which may draw further words (and refill).
                        batch.position = position
                        if let z = Self.zigguratEdge(layer: i, x: x, &batch, tables) {
                            out[j] = Double(bitPattern: z.bitPattern | (word & 0x100) << 55)
                            j &+= 1
                        }
                        position = batch.position
                        break
                    }
                }
                batch.position = position
            }
        }
    }

    /// The ziggurat draw from any word source (the generator itself or a word batch).
    @inline(__always)
    static func ziggurat<S: WordSource>(_ source: inout S, _ t: ZigguratTables) -> Double {
        while true {
            let word = source.nextWord()
            let i = Int(truncatingIfNeeded: word & 0xFF)
            let u = word >> 12
            let x = Double(Int64(bitPattern: u)) * t.w[i]  // u < 2⁵²: a signed conversion (one cvtsi2sd)
            let signBit = (word & 0x100) << 55
            if _fastPath(u < t.k[i]) {
                return Double(bitPattern: x.bitPattern | signBit)
            }
            if let z = zigguratEdge(layer: i, x: x, &source, t) {
                return Double(bitPattern: z.bitPattern | signBit)
            }
        }
    }

    /// The rare part of the ziggurat: the base layer's tail or a layer's wedge. Returns the
    /// accepted magnitude, or nil when the candidate is rejected (start over).
    @inline(never)
    static func zigguratEdge<S: WordSource>(layer i: Int, x: Double, _ source: inout S,
                                            _ t: ZigguratTables) -> Double? {
        if i == 0 {
            if x < ZigguratTables.r { return x }  // rounding of k[0]; still inside the base
            // Tail x > r (Marsaglia 1964): x = r + e1 / r with e1, e2 exponential,
            // accepted when 2 e2 > (e1 / r)².
            while true {
                let e1 = -Double.log(uniform(&source)) / ZigguratTables.r
                let e2 = -Double.log(uniform(&source))
                if 2 * e2 > e1 * e1 { return ZigguratTables.r + e1 }
            }
        }
        // Wedge: uniform height between f(x[i]) and f(x[i+1]), accepted under the density.
        let y = t.f[i] + uniform(&source) * (t.f[i + 1] - t.f[i])
        return y < Double.exp(-0.5 * x * x) ? x : nil
    }

    @inline(__always)
    static func uniform<S: WordSource>(_ source: inout S) -> Double {
        (Double(source.nextWord() >> 11) + 0.5) * 0x1p-53
    }
}
