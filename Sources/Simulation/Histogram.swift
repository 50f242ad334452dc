/// A fixed-range histogram with integer counts: the streaming, mergeable quantile sketch of
/// the simulation.
///
/// Values in `[lower, upper)` fall in `binCount` equal bins; values below and above are
/// counted apart. Merging adds integer counts, so a merge is exact and its result does not
/// depend on the order of the merges (hence not on the thread count). A quantile read from
/// the histogram is within one bin width, `resolution = (upper - lower) / binCount`, of the
/// sample quantile of the simulated values, provided it falls inside the range.
public struct Histogram: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let binCount: Int
    /// `binCount + 2` counts: slot 0 below the range, slots 1...binCount the bins, the last
    /// slot above the range.
    private var slots: [Int]
    let scale: Double

    /// - Precondition: `lower < upper`, both finite; `1 <= binCount < 2^31`.
    public init(lower: Double, upper: Double, binCount: Int) {
        precondition(lower.isFinite && upper.isFinite && lower < upper && binCount >= 1 && binCount < 1 << 31)
        self.lower = lower
        self.upper = upper
        self.binCount = binCount
        self.slots = Array(repeating: 0, count: binCount + 2)
        self.scale = Double(binCount) / (upper - lower)
    }

    /// Bin width: the resolution of quantiles read from this histogram.
    public var resolution: Double { (upper - lower) / Double(binCount) }
    /// Count of values below `lower`.
    public var below: Int { slots[0] }
    /// Count of values at or above `upper`.
    public var above: Int { slots[binCount + 1] }
    /// Count in bin `i` (0-based), covering `[lower + i w, lower + (i + 1) w)`.
    public func count(bin i: Int) -> Int { slots[i + 1] }
    /// Number of values added.
    public var total: Int { slots.reduce(0, +) }

    /// Adds every value of `values` and returns how many of them are NaN or infinite: the hot
    /// loop of the statistics, branch-free.
    ///
    /// A finite value goes to its bin (or below / above the range); -∞ is counted below, +∞ and
    /// NaN above. The non-finite count costs one addition per value: the loop sums the values
    /// (two partial sums, to keep the additions' latency off the critical path), and only when
    /// a sum is not finite (a NaN or ∞ among the values, or, harmlessly, an overflow of finite
    /// values) does a second pass count the non-finite values exactly.
    @discardableResult
    public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) -> Int {
        let top = Double(binCount + 1)
        let origin = lower - 1 / scale
        let scale = self.scale
        var sum0 = 0.0, sum1 = 0.0
        slots.withUnsafeMutableBufferPointer { s in
            guard let s = s.baseAddress, let x = values.baseAddress else { return }
            let n = values.count
            for p in stride(from: 0, to: n &- 1, by: 2) {
                let a = x[p], b = x[p &+ 1]
                sum0 += a
                sum1 += b
                s[Self.slot(a, origin: origin, scale: scale, top: top)] &+= 1
                s[Self.slot(b, origin: origin, scale: scale, top: top)] &+= 1
            }
            if n % 2 == 1 {
                let p = n &- 1
                sum0 += x[p]
                s[Self.slot(x[p], origin: origin, scale: scale, top: top)] &+= 1
            }
        }
        return (sum0 + sum1).isFinite ? 0 : countNonFinite(values)
    }

    /// The slot of `value`: `⌊q⌋` for `q = (value - origin) · scale` clamped to `[0, top]`
    /// (NaN to `top`), with `origin = lower - w` so that slot 0 holds the values below the range.
    ///
    /// The floor uses no checked `Int(Double)` conversion (whose range tests cost more than the
    /// rest of the loop): for `q ∈ [0, 2^52)` the sum `t = q + 2^52` lies in `[2^52, 2^53)`,
    /// where the doubles are exactly the integers, so `t = 2^52 + rn(q)` (rn: round to nearest,
    /// ties to even) and the low 52 bits of `t`'s bit pattern are `rn(q)`; `t - 2^52 = rn(q)` is
    /// exact (Sterbenz), so the comparison `q < rn(q)` is exact; when it holds, `rn(q) >= 1` and
    /// `t - 1 >= 2^52` is exact too. Hence `2^52 + ⌊q⌋` is `t - 1` when `q < rn(q)`, else `t`
    /// (a mask-and-add), and its low 52 bits are `⌊q⌋`.
    /// The clamps make `q ∈ [0, top]` with `top = binCount + 1 <= 2^31` (an `init`
    /// precondition), so the floor is exact.
    /// `q < top ? q : top` maps NaN to `top`, then `q > 0 ? q : 0` leaves `[0, top]` (one
    /// `minsd` and one `maxsd`).
    @inline(__always)
    private static func slot(_ value: Double, origin: Double, scale: Double, top: Double) -> Int {
        var q = (value - origin) * scale
        q = q < top ? q : top
        q = q > 0 ? q : 0
        let magic = 0x1p52
        let t = q + magic
        let floor = t + (q < t - magic ? -1 : 0)          // 2^52 + ⌊q⌋, exactly
        return Int(truncatingIfNeeded: floor.bitPattern & 0x000F_FFFF_FFFF_FFFF)
    }

    /// Adds the counts of `other`, which must have the same range and bins.
    public mutating func merge(_ other: Histogram) {
        precondition(other.lower == lower && other.upper == upper && other.binCount == binCount)
        for i in slots.indices { slots[i] += other.slots[i] }
    }

    /// The `p`-quantile (0 < p < 1), interpolated linearly inside its bin; `nil` when it falls
    /// below `lower` or above `upper` (outside the range the pilot run chose: then
    /// `quantileBound(_:)` says on which side).
    public func quantile(_ p: Double) -> Double? {
        let n = total
        guard n > 0 else { return nil }
        let rank = p * Double(n)
        var cumulative = Double(below)
        if rank < cumulative { return nil }
        for i in 0..<binCount {
            let c = Double(slots[i + 1])
            if cumulative + c >= rank && c > 0 {
                let fraction = (rank - cumulative) / c
                return lower + (Double(i) + fraction) / scale
            }
            cumulative += c
        }
        return nil
    }

    /// For a quantile outside the range: `(-1, lower)` when it lies below `lower`, `(+1, upper)`
    /// when above; nil when the quantile is inside the range (use `quantile(_:)`).
    public func quantileBound(_ p: Double) -> (side: Int, bound: Double)? {
        guard quantile(p) == nil, total > 0 else { return nil }
        return p * Double(total) < Double(below) ? (-1, lower) : (+1, upper)
    }

    /// Fraction of values `<= x`, with linear interpolation inside the bin of `x`.
    /// For many evaluations, use `distributionFunction()` once instead.
    public func cumulativeFraction(_ x: Double) -> Double {
        distributionFunction()(x)
    }

    /// The empirical distribution function, with prefix sums computed once: each evaluation is
    /// O(1), the fraction of values `<= x` with linear interpolation inside the bin of `x`.
    public func distributionFunction() -> @Sendable (Double) -> Double {
        var prefix = [Double](repeating: 0, count: binCount + 2)
        var running = 0
        for i in 0..<(binCount + 2) {
            running += slots[i]
            prefix[i] = Double(running)
        }
        let n = Double(max(running, 1))
        let lower = self.lower, upper = self.upper, scale = self.scale, binCount = self.binCount
        let frozen = prefix
        return { x in
            if x < lower { return frozen[0] / n }
            if x >= upper { return frozen[binCount] / n }
            let position = (x - lower) * scale
            let bin = Swift.min(binCount - 1, Int(position))
            let before = frozen[bin]                      // below + bins 0..<bin
            let inBin = frozen[bin + 1] - before
            return (before + inBin * (position - Double(bin))) / n
        }
    }
}

/// Number of NaN or infinite elements (a vectorisable loop: x - x is 0 exactly for finite x).
func countNonFinite(_ x: UnsafeBufferPointer<Double>) -> Int {
    var n = 0
    for v in x { n &+= (v - v == 0) ? 0 : 1 }
    return n
}
