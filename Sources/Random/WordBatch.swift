/// A source of 64-bit words in the order `Philox4x32.next()` would return them.
protocol WordSource {
    mutating func nextWord() -> UInt64
}

extension Philox4x32: WordSource {
    @inline(__always)
    mutating func nextWord() -> UInt64 { next() }
}

extension Philox4x32 {
    /// Writes blocks `counter ..< counter + blocks` of this stream into `words`, two 64-bit
    /// words per block (low word `b0 | b1 << 32`, then `b2 | b3 << 32`, as `next()` does);
    /// `blocks` must be a multiple of `PhiloxLanes.scalarCount` (8).
    ///
    /// Eight blocks run side by side in SIMD lanes, each 32-bit Philox word held in the low
    /// half of a 64-bit lane so that the 32 x 32 -> 64-bit products map to `pmuludq`. Junk
    /// in a lane's high half is harmless: it only ever enters a product through the masked
    /// low half, and the output keeps low halves only. Identical output to `bijection`.
    static func generateBlocks(key: (UInt32, UInt32), stream: UInt64, counter: UInt64,
                               into words: UnsafeMutablePointer<UInt64>, blocks: Int) {
        typealias V = PhiloxLanes
        precondition(blocks % V.scalarCount == 0)
        for group in 0..<(blocks / V.scalarCount) {
            var c = initialLanes(counter: counter &+ UInt64(group * V.scalarCount), stream: stream)
            // Round r uses key (k0 + r·0x9E3779B9, k1 + r·0xBB67AE85) mod 2³², r = 0 ... 9;
            // written out so that each round's key is a constant of the unrolled code.
            philoxRound(&c, key, 0)
            philoxRound(&c, key, 1)
            philoxRound(&c, key, 2)
            philoxRound(&c, key, 3)
            philoxRound(&c, key, 4)
            philoxRound(&c, key, 5)
            philoxRound(&c, key, 6)
            philoxRound(&c, key, 7)
            philoxRound(&c, key, 8)
            philoxRound(&c, key, 9)
            let (w0, w1) = laneWords(c)
            let out = words + 2 * V.scalarCount * group
            for l in 0..<V.scalarCount {
                out[2 * l] = w0[l]
                out[2 * l + 1] = w1[l]
            }
        }
    }

    /// Counter words of blocks `counter ..< counter + 8` of `stream`, one block per lane.
    @inline(__always)
    static func initialLanes(counter: UInt64, stream: UInt64) -> PhiloxState {
        let low = PhiloxLanes(repeating: 0xFFFF_FFFF)
        let ctr = PhiloxLanes(repeating: counter) &+ PhiloxLanes(0, 1, 2, 3, 4, 5, 6, 7)
        return (ctr & low, ctr &>> 32, PhiloxLanes(repeating: stream & 0xFFFF_FFFF),
                PhiloxLanes(repeating: stream >> 32))
    }

    /// The two 64-bit output words of each lane's block: (b0 | b1 << 32, b2 | b3 << 32).
    @inline(__always)
    static func laneWords(_ c: PhiloxState) -> (PhiloxLanes, PhiloxLanes) {
        let low = PhiloxLanes(repeating: 0xFFFF_FFFF)
        return ((c.0 & low) | (c.1 &<< 32), (c.2 & low) | (c.3 &<< 32))
    }

    /// Round `r` of Philox4x32 on eight blocks (Salmon et al. 2011, eq. 4).
    @inline(__always)
    static func philoxRound(_ c: inout PhiloxState,
                            _ key: (UInt32, UInt32), _ r: UInt32) {
        let k0 = UInt64(key.0 &+ r &* 0x9E37_79B9), k1 = UInt64(key.1 &+ r &* 0xBB67_AE85)
        let low = PhiloxLanes(repeating: 0xFFFF_FFFF)
        let p0 = (c.0 & low) &* PhiloxLanes(repeating: 0xD251_1F53)
        let p1 = (c.2 & low) &* PhiloxLanes(repeating: 0xCD9E_8D57)
        c = ((p1 &>> 32) ^ (c.1 ^ PhiloxLanes(repeating: k0)), p1,
             (p0 &>> 32) ^ (c.3 ^ PhiloxLanes(repeating: k1)), p0)
    }

    /// Runs `body` with a batched word source positioned at this generator's state, then
    /// leaves the generator exactly where repeated `next()` calls would have left it.
    mutating func withWordBatch<R>(_ body: (inout WordBatch) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * WordBatch.maximumBlocks) { storage in
            var batch = WordBatch(key: key, stream: stream, words: storage.baseAddress!,
                                  pendingWord: used < 4 ? (UInt64(buffer.2) | (UInt64(buffer.3) << 32)) : nil,
                                  nextCounter: counter)
            let result = body(&batch)
            // Resynchronise: words consumed so far end either on a block boundary or in the
            // middle of block `counter - 1`, whose second word is still pending.
            if let pending = batch.pendingWordAfterSync() {
                buffer = (0, 0, UInt32(truncatingIfNeeded: pending), UInt32(truncatingIfNeeded: pending >> 32))
                used = 2
                counter = batch.consumedBlockEnd
            } else {
                used = 4
                counter = batch.consumedBlockEnd
            }
            return result
        }
    }
}

/// Eight Philox blocks side by side, one 32-bit word in the low half of each 64-bit lane.
typealias PhiloxLanes = SIMD8<UInt64>
/// The four counter words of eight blocks.
typealias PhiloxState = (PhiloxLanes, PhiloxLanes, PhiloxLanes, PhiloxLanes)

/// Philox words generated `maximumBlocks` blocks at a time into caller-provided storage.
struct WordBatch: WordSource {
    static let maximumBlocks = 64
    let key: (UInt32, UInt32)
    let stream: UInt64
    let words: UnsafeMutablePointer<UInt64>
    /// The second word of a half-used block carried over from the generator, if any.
    var pendingWord: UInt64?
    /// Counter of the block after the last generated one.
    var nextCounter: UInt64
    var position = 0
    var count = 0
    /// How many more words the caller expects to need; refills generate no more blocks than
    /// that (rounded up to whole SIMD groups), so short fills do not waste Philox work.
    var wordsWanted = Int.max

    init(key: (UInt32, UInt32), stream: UInt64, words: UnsafeMutablePointer<UInt64>,
         pendingWord: UInt64?, nextCounter: UInt64) {
        self.key = key
        self.stream = stream
        self.words = words
        self.pendingWord = pendingWord
        self.nextCounter = nextCounter
    }

    @inline(__always)
    mutating func nextWord() -> UInt64 {
        if position == count { refill() }
        let w = words[position]
        position &+= 1
        return w
    }

    @inline(never)
    mutating func refill() {
        if let w = pendingWord {
            pendingWord = nil
            words[0] = w
            count = 1
            position = 0
            return
        }
        let group = PhiloxLanes.scalarCount
        let wantedBlocks = wordsWanted >= 2 * Self.maximumBlocks ? Self.maximumBlocks : (wordsWanted + 1) / 2
        let blocks = min(Self.maximumBlocks, max(group, (wantedBlocks + group - 1) / group * group))
        Philox4x32.generateBlocks(key: key, stream: stream, counter: nextCounter, into: words,
                                  blocks: blocks)
        nextCounter &+= UInt64(blocks)
        count = 2 * blocks
        position = 0
    }

    /// The counter just past the last block from which a word was consumed.
    var consumedBlockEnd: UInt64 {
        if count <= 1 { return nextCounter }   // pending word or nothing generated
        let unconsumedBlocks = (count - position) / 2
        return nextCounter - UInt64(unconsumedBlocks)
    }

    /// The unconsumed second word of the last touched block, if the consumed words stop mid-block.
    func pendingWordAfterSync() -> UInt64? {
        if count == 0 || count == 1 { return count == 0 ? pendingWord : (position == 0 ? words[0] : nil) }
        return position % 2 == 1 ? words[position] : nil
    }
}
