/// Streaming statistics of a run: integer counts only, so that merging accumulators is exact
/// and the result is the same whatever the order of the merges (and the number of threads).
///
/// Memory is fixed by the layout (years x variables x bins), never by the number of paths.
struct Accumulator {
    /// Fan histograms, index `h * variableCount + v`.
    var fan: [Histogram]
    /// Histogram of each target's constrained quantity; nil for a target on the variable
    /// itself (`.value`), whose distribution is the fan histogram of its variable and year.
    var targetHistograms: [Histogram?]
    /// Per target: Σ_b c_b and Σ_b c_b², c_b the paths of block b meeting it.
    var met: [Int]
    var metSquares: [Int]
    /// Per target-year group: paths meeting every target of the year (Σ c_b, Σ c_b²).
    var joint: [Int]
    var jointSquares: [Int]
    /// Per target-year group: `countMet[g][j]` = paths meeting exactly j targets of the year.
    var countMet: [[Int]]
    /// Per target estimated by conditional Monte Carlo (`LastStepTargets` entry order):
    /// Σ_b s_b and Σ_b s_b², s_b the block's sum of conditional P(met) in fixed point
    /// (`LastStepTargets.scale` per unit).
    var expected: [Int]
    var expectedSquares: [Int128]
    var blocks = 0
    /// Simulated values that were NaN or infinite (an explosive draw); a valid run has none.
    var nonFinite = 0

    init(fanRanges: [(Double, Double)], targetRanges: [(Double, Double)?], groups: [[Int]], binCount: Int,
         conditionalTargets: Int = 0) {
        fan = fanRanges.map { Histogram(lower: $0.0, upper: $0.1, binCount: binCount) }
        targetHistograms = targetRanges.map { r in r.map { Histogram(lower: $0.0, upper: $0.1, binCount: binCount) } }
        met = Array(repeating: 0, count: targetRanges.count)
        metSquares = met
        joint = Array(repeating: 0, count: groups.count)
        jointSquares = joint
        countMet = groups.map { Array(repeating: 0, count: $0.count + 1) }
        expected = Array(repeating: 0, count: conditionalTargets)
        expectedSquares = Array(repeating: 0, count: conditionalTargets)
    }

    mutating func merge(_ other: Accumulator) {
        for i in fan.indices { fan[i].merge(other.fan[i]) }
        for i in targetHistograms.indices {
            if let h = other.targetHistograms[i] { targetHistograms[i]?.merge(h) }
        }
        for i in met.indices {
            met[i] += other.met[i]
            metSquares[i] += other.metSquares[i]
        }
        for g in joint.indices {
            joint[g] += other.joint[g]
            jointSquares[g] += other.jointSquares[g]
            for j in countMet[g].indices { countMet[g][j] += other.countMet[g][j] }
        }
        for e in expected.indices {
            expected[e] += other.expected[e]
            expectedSquares[e] += other.expectedSquares[e]
        }
        blocks += other.blocks
        nonFinite += other.nonFinite
    }
}
