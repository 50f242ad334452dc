extension Philox4x32 {
    /// The ziggurat over whole SIMD groups of Philox blocks, software-pipelined: while the 16
    /// words of group g (held in vector registers) become normals by the fast path (scalar
    /// work), the 10 rounds of group g + 1 run in SIMD lanes, so both kinds of work overlap.
    ///
    /// The 16 candidates are written speculatively to `out[j ..< j + 16]` with one bit per
    /// rejected word (`u ≥ k[i]`). A group without rejection (about 84% of them with 256
    /// layers) is kept whole; otherwise `replayGroup` fixes it up in stream order. The
    /// result is identical to `nextStandardNormal()` draw by draw.
    ///
    /// Requires an empty batch (position == count, nothing pending) and `n - start ≥ 16`.
    /// Returns the new output index, leaving unconsumed words buffered in the batch.
    static func zigguratGroups(_ out: UnsafeMutablePointer<Double>, from start: Int, to n: Int,
                               _ batch: inout WordBatch, _ tables: ZigguratTables) -> Int {
        let k = tables.k, w = tables.w
        let key = batch.key, stream = batch.stream
        let groupWords = 2 * PhiloxLanes.scalarCount
        batch.wordsWanted = groupWords
        var counter = batch.nextCounter
        var first = initialLanes(counter: counter, stream: stream)
        for r in 0..<UInt32(10) { philoxRound(&first, key, r) }
        counter &+= UInt64(PhiloxLanes.scalarCount)
        var (cur0, cur1) = laneWords(first)
        var j = start
        while n - j >= groupWords {
            var next = initialLanes(counter: counter, stream: stream)
            var fail: UInt32 = 0
            // Rounds 0–7 each interleaved with two candidates, written out: as a `for` loop
            // the lane extractions go through memory and the fill ran at half the speed.
            philoxRound(&next, key, 0)
            fail |= candidate(cur0[0], out + j + 0, k, w) << 0
            fail |= candidate(cur1[0], out + j + 1, k, w) << 1
            philoxRound(&next, key, 1)
            fail |= candidate(cur0[1], out + j + 2, k, w) << 2
            fail |= candidate(cur1[1], out + j + 3, k, w) << 3
            philoxRound(&next, key, 2)
            fail |= candidate(cur0[2], out + j + 4, k, w) << 4
            fail |= candidate(cur1[2], out + j + 5, k, w) << 5
            philoxRound(&next, key, 3)
            fail |= candidate(cur0[3], out + j + 6, k, w) << 6
            fail |= candidate(cur1[3], out + j + 7, k, w) << 7
            philoxRound(&next, key, 4)
            fail |= candidate(cur0[4], out + j + 8, k, w) << 8
            fail |= candidate(cur1[4], out + j + 9, k, w) << 9
            philoxRound(&next, key, 5)
            fail |= candidate(cur0[5], out + j + 10, k, w) << 10
            fail |= candidate(cur1[5], out + j + 11, k, w) << 11
            philoxRound(&next, key, 6)
            fail |= candidate(cur0[6], out + j + 12, k, w) << 12
            fail |= candidate(cur1[6], out + j + 13, k, w) << 13
            philoxRound(&next, key, 7)
            fail |= candidate(cur0[7], out + j + 14, k, w) << 14
            fail |= candidate(cur1[7], out + j + 15, k, w) << 15
            philoxRound(&next, key, 8)
            philoxRound(&next, key, 9)
            counter &+= UInt64(PhiloxLanes.scalarCount)
            let (next0, next1) = laneWords(next)
            if _fastPath(fail == 0) {
                j += groupWords
                (cur0, cur1) = (next0, next1)
                continue
            }
            // Rejections: replay group g in stream order (rare, about one group in six).
            guard replayGroup(cur0, cur1, rejected: fail, out, &j, &batch,
                              nextGroupCounter: counter &- UInt64(PhiloxLanes.scalarCount), tables) else { return j }
            (cur0, cur1) = (next0, next1)
        }
        storeGroup(cur0, cur1, into: batch.words)
        batch.count = groupWords
        batch.position = 0
        batch.nextCounter = counter
        return j
    }

    /// After one or more rejections in group g (bits of `rejected`): stores group g in the
    /// batch and replays it in stream order. Accepted candidates already
    /// written are moved down into place; each rejected word goes through the exact wedge /
    /// tail step, whose extra words are skipped as candidates. Returns true when the replay
    /// ended exactly at the start of group g + 1 (the pipeline resumes there), false when
    /// the exact step used words of group g + 1 (the general path continues from the batch).
    @inline(never)
    static func replayGroup(_ cur0: PhiloxLanes, _ cur1: PhiloxLanes, rejected: UInt32,
                            _ out: UnsafeMutablePointer<Double>, _ j: inout Int,
                            _ batch: inout WordBatch, nextGroupCounter: UInt64,
                            _ tables: ZigguratTables) -> Bool {
        let groupWords = 2 * PhiloxLanes.scalarCount
        // Only group g goes to storage; should the exact step need more words, the batch
        // regenerates group g + 1 from its counter (rare) and the pipeline hands over.
        storeGroup(cur0, cur1, into: batch.words)
        batch.count = groupWords
        batch.nextCounter = nextGroupCounter
        batch.position = 0
        let base = out + j
        var kept = 0
        var pending = rejected
        while pending != 0 && batch.count == groupWords && batch.nextCounter == nextGroupCounter {
            let r = pending.trailingZeroBitCount
            pending &= pending &- 1
            if r < batch.position { continue }  // already consumed by an exact step
            // Accepted candidates batch.position ..< r move down into place.
            let run = r - batch.position
            if kept != batch.position { (base + kept).update(from: base + batch.position, count: run) }
            kept += run
            let word = batch.words[r]
            batch.position = r + 1
            let i = Int(truncatingIfNeeded: word & 0xFF)
            let x = Double(Int64(bitPattern: word >> 12)) * tables.w[i]
            if let z = zigguratEdge(layer: i, x: x, &batch, tables) {
                base[kept] = Double(bitPattern: z.bitPattern | (word & 0x100) << 55)
                kept += 1
            }
        }
        guard batch.count == groupWords && batch.nextCounter == nextGroupCounter else {
            j += kept  // the exact step ran past group g: the batch holds the stream state
            return false
        }
        // The rest of group g after the last rejection.
        let run = groupWords - batch.position
        if run > 0 && kept != batch.position { (base + kept).update(from: base + batch.position, count: run) }
        kept += max(run, 0)
        batch.position = groupWords
        j += kept
        return true
    }

    /// The fast-path candidate of one word, written to `out`; returns 1 if it is rejected
    /// (the value written is then overwritten).
    @inline(__always)
    static func candidate(_ word: UInt64, _ out: UnsafeMutablePointer<Double>,
                          _ k: UnsafePointer<UInt64>, _ w: UnsafePointer<Double>) -> UInt32 {
        let i = Int(truncatingIfNeeded: word & 0xFF)
        let u = word >> 12
        let x = Double(Int64(bitPattern: u)) * w[i]
        if _fastPath(u < k[i]) {
            out.pointee = Double(bitPattern: x.bitPattern | (word & 0x100) << 55)
            return 0
        }
        return 1
    }

    /// Writes a group's words in stream order (block by block, low word first).
    @inline(__always)
    static func storeGroup(_ w0: PhiloxLanes, _ w1: PhiloxLanes, into words: UnsafeMutablePointer<UInt64>) {
        for l in 0..<PhiloxLanes.scalarCount {
            words[2 * l] = w0[l]
            words[2 * l + 1] = w1[l]
        }
    }
}
