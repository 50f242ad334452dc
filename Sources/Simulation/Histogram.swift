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

    /// - Precondition: `lower < upper`, both finite; `binCount >= 1`.
    public init(lower: Double, upper: Double, binCount: Int) {
        precondition(lower.isFinite && upper.isFinite && lower < upper && binCount >= 1)
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

    /// Adds every value of `values`: the hot loop of the statistics, branch-free.
    ///
    /// - Precondition: no value is NaN (the engine checks each block before adding it;
    ///   a NaN would be counted above the range).
    public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
        let top = Double(binCount + 1)
        let origin = lower - 1 / scale
        let scale = self.scale
        slots.withUnsafeMutableBufferPointer { s in
            for value in values {
                var q = (value - origin) * scale
                q = q < 0 ? 0 : q
                q = q < top ? q : top
                s[Int(q)] &+= 1
            }
        }
    }

    /// Adds the counts of `other`, which must have the same range and bins.
    public mutating func merge(_ other: Histogram) {
        precondition(other.lower == lower && other.upper == upper && other.binCount == binCount)
        for i in slots.indices { slots[i] += other.slots[i] }
    }

    /// The `p`-quantile (0 < p < 1), interpolated linearly inside its bin; `nil` when it falls
    /// below `lower` or above `upper` (outside the range the pilot run chose).
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
