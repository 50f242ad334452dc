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
    /// words per block (low word `b0 | b1 << 32`, then `b2 | b3 << 32`, as `next()` does).
    ///
    /// The rounds run over all blocks at once (structure-of-arrays), so the compiler can keep
    /// several independent Philox pipelines in flight and vectorise the 32 x 32 -> 64-bit
    /// products; the output is identical to calling `bijection` block by block.
    static func generateBlocks(key: (UInt32, UInt32), stream: UInt64, counter: UInt64,
                               into words: UnsafeMutablePointer<UInt64>, blocks: Int) {
        precondition(blocks <= WordBatch.maximumBlocks)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 4 * WordBatch.maximumBlocks) { lanes in
            let c0 = lanes.baseAddress!
            let c1 = c0 + WordBatch.maximumBlocks
            let c2 = c1 + WordBatch.maximumBlocks
            let c3 = c2 + WordBatch.maximumBlocks
            let s0 = UInt32(truncatingIfNeeded: stream), s1 = UInt32(truncatingIfNeeded: stream >> 32)
            for b in 0..<blocks {
                let ctr = counter &+ UInt64(b)
                c0[b] = UInt32(truncatingIfNeeded: ctr)
                c1[b] = UInt32(truncatingIfNeeded: ctr >> 32)
                c2[b] = s0
                c3[b] = s1
            }
            var k0 = key.0, k1 = key.1
            for round in 0..<10 {
                if round > 0 {
                    k0 = k0 &+ 0x9E37_79B9
                    k1 = k1 &+ 0xBB67_AE85
                }
                for b in 0..<blocks {
                    let p0 = UInt64(0xD251_1F53) &* UInt64(c0[b])
                    let p1 = UInt64(0xCD9E_8D57) &* UInt64(c2[b])
                    c0[b] = UInt32(truncatingIfNeeded: p1 >> 32) ^ c1[b] ^ k0
                    c1[b] = UInt32(truncatingIfNeeded: p1)
                    c2[b] = UInt32(truncatingIfNeeded: p0 >> 32) ^ c3[b] ^ k1
                    c3[b] = UInt32(truncatingIfNeeded: p0)
                }
            }
            for b in 0..<blocks {
                words[2 * b] = UInt64(c0[b]) | (UInt64(c1[b]) << 32)
                words[2 * b + 1] = UInt64(c2[b]) | (UInt64(c3[b]) << 32)
            }
        }
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

/// Philox words generated `maximumBlocks` blocks at a time into caller-provided storage.
struct WordBatch: WordSource {
    static let maximumBlocks = 32
    let key: (UInt32, UInt32)
    let stream: UInt64
    let words: UnsafeMutablePointer<UInt64>
    /// The second word of a half-used block carried over from the generator, if any.
    var pendingWord: UInt64?
    /// Counter of the block after the last generated one.
    var nextCounter: UInt64
    var position = 0
    var count = 0

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
        Philox4x32.generateBlocks(key: key, stream: stream, counter: nextCounter, into: words,
                                  blocks: Self.maximumBlocks)
        nextCounter &+= UInt64(Self.maximumBlocks)
        count = 2 * Self.maximumBlocks
        position = 0
    }

    /// The counter just past the last block from which a word was consumed.
    var consumedBlockEnd: UInt64 {
        if count == 1 || count == 0 { return nextCounter }   // pending word or nothing generated
        let unconsumedBlocks = (count - position) / 2
        return nextCounter - UInt64(unconsumedBlocks)
    }

    /// The unconsumed second word of the last touched block, if the consumed words stop mid-block.
    func pendingWordAfterSync() -> UInt64? {
        if count == 0 || count == 1 { return count == 0 ? pendingWord : (position == 0 ? words[0] : nil) }
        return position % 2 == 1 ? words[position] : nil
    }
}
