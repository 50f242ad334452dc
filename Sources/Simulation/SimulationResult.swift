/// A probability estimated by Monte Carlo, with its Monte Carlo standard error.
///
/// The standard error is the batch-means estimate over blocks of paths,
/// `SE = sd(block proportions) / sqrt(blocks)`, which stays honest when the paths of a block
/// share a parameter draw; with fewer than two blocks it falls back to the binomial
/// `sqrt(p (1 - p) / N)`. Probabilities are fractions in [0, 1].
///
/// `estimator` says how `value` was made: the share of paths meeting the event, or the
/// average of each path's conditional probability (`LastStepTargets`); the batch-means SE is
/// the same formula on the block sums either way.
public struct ProbabilityEstimate: Sendable, Equatable {
    public let value: Double
    public let standardError: Double
    /// Paths the estimate is based on.
    public let paths: Int
    /// Blocks of paths (batches) behind the standard error.
    public let blocks: Int
    public let estimator: ProbabilityEstimator

    init(count: Int, squares: Int, blocks: Int, blockSize: Int) {
        let n = blocks * blockSize
        paths = n
        self.blocks = blocks
        estimator = .pathCount
        value = n > 0 ? Double(count) / Double(n) : .nan
        if blocks >= 2 {
            let nb = Double(blocks)
            let c = Double(count), c2 = Double(squares)
            let variance = max(0, (c2 - c * c / nb) / (nb - 1))
            standardError = (variance / nb).squareRoot() / Double(blockSize)
        } else {
            standardError = (value * (1 - value) / Double(max(n, 1))).squareRoot()
        }
    }

    /// From block sums of conditional probabilities in fixed point (`scale` per unit):
    /// `sum` = Σ_b s_b, `squares` = Σ_b s_b².
    init(conditionalSum sum: Int, squares: Int128, blocks: Int, blockSize: Int, scale: Int) {
        let n = blocks * blockSize
        paths = n
        self.blocks = blocks
        estimator = .conditionalLastStep
        let unit = Double(scale)
        value = n > 0 ? Double(sum) / unit / Double(n) : .nan
        if blocks >= 2 {
            let nb = Double(blocks)
            // Σ (s_b − s̄)² = Σ s_b² − (Σ s_b)² / nb, exact in integers before the division.
            let total = Int128(sum)
            let deviations = squares * Int128(blocks) - total * total
            let variance = max(0, Double(deviations) / nb / (nb - 1))
            standardError = (variance / nb).squareRoot() / Double(blockSize) / unit
        } else {
            // One block: the conditional probabilities' own spread is unknown; bound it by the
            // binomial SE of a count, which conditioning can only reduce.
            standardError = (value * (1 - value) / Double(max(n, 1))).squareRoot()
        }
    }

    /// 95% interval `p ± t SE`, clipped to [0, 1], with `t` the 97.5% quantile of Student's t
    /// with `blocks - 1` degrees of freedom (the batch-means SE is itself estimated from the
    /// blocks); when no path (or every path) met the event, the rule-of-three interval
    /// `[0, 3/N]` (or `[1 - 3/N, 1]`). A conditional estimate with SE 0 strictly inside (0, 1)
    /// is exact (every path's conditional probability the same): the interval is the point.
    public var interval95: (lower: Double, upper: Double) {
        if standardError == 0 {
            let r = min(1, 3 / Double(max(paths, 1)))
            if value <= 0 { return (0, r) }
            if value >= 1 { return (1 - r, 1) }
            return (value, value)
        }
        let t = studentT975(degreesOfFreedom: Double(max(1, blocks - 1)))
        return (max(0, value - t * standardError), min(1, value + t * standardError))
    }
}

/// The outcome of one target.
public struct TargetOutcome: Sendable {
    public let rule: TargetRule
    /// P(target met).
    public let probability: ProbabilityEstimate
    /// Distribution of the constrained quantity (growth or rate in percent, or a level).
    public let distribution: Histogram

    /// The shift of the constrained quantity (percentage points for growth and rates, the
    /// level's unit for levels) that makes P(met) reach `confidence`: positive means the
    /// quantity must rise, negative that it must fall; zero or the opposite sign means slack.
    /// `nil` when no shift reaches it (a band narrower than the spread of outcomes).
    public func shiftNeeded(confidence: Double) -> Double? {
        let d = distribution
        switch rule.bound {
        case .atLeast(let x):
            return d.quantile(1 - confidence).map { x - $0 }
        case .atMost(let x):
            return d.quantile(confidence).map { x - $0 }
        case .around(let x, let tolerance):
            // P(|q + s - x| <= tol) = F(x + tol - s) - F(x - tol - s): scan s outward from 0.
            let cdf = d.distributionFunction()
            func probability(_ s: Double) -> Double {
                cdf(x + tolerance - s) - cdf(x - tolerance - s)
            }
            if probability(0) >= confidence { return 0 }
            let step = d.resolution
            let limit = d.upper - d.lower
            var s = step
            while s <= limit {
                let up = probability(s) >= confidence, down = probability(-s) >= confidence
                if up || down {
                    if let median = d.quantile(0.5) { return median < x ? (up ? s : -s) : (down ? -s : s) }
                    return up ? s : -s
                }
                s += step
            }
            return nil
        }
    }
}

/// Joint outcome of the targets of one year, from the same paths.
public struct JointOutcome: Sendable {
    /// Year offset (1 = first simulated year).
    public let yearOffset: Int
    /// Indices of the targets of that year in `SimulationInput.targets`.
    public let targets: [Int]
    /// P(every target of the year met).
    public let all: ProbabilityEstimate
    /// `atLeast[j]`: P(at least j of the year's n targets met), j = 0...n (fractions).
    public let atLeast: [Double]
}

/// What a run produced: fan histograms per variable and year, target and joint outcomes.
public struct SimulationResult: Sendable {
    public let variables: [String]
    public let horizon: Int
    /// Paths actually simulated (blocks x block size; the request rounded up).
    public let paths: Int
    public let blockSize: Int
    public let blocks: Int
    /// Paths sharing one parameter draw (a group of consecutive paths of a block); the block
    /// size when the parameters are not drawn.
    public let pathsPerDraw: Int
    /// The precision the run was asked to reach (largest SE of a joint target's P(met), a
    /// fraction), when it ran block after block until it did; nil for a fixed number of paths.
    public let precision: Double?
    public let seed: UInt64
    /// Simulated values that were NaN or infinite (explosive paths); 0 in a valid run. The
    /// report refuses to print tables when it is not 0.
    public let nonFiniteValues: Int
    /// `fan[h][v]`: distribution of variable `v` in year offset `h + 1`.
    public let fan: [[Histogram]]
    public let targets: [TargetOutcome]
    public let joint: [JointOutcome]

    init(input: SimulationInput, accumulator acc: Accumulator, groups: [[Int]], blockSize: Int,
         lastStep: LastStepTargets, pathsPerDraw: Int, precision: Double? = nil) {
        self.pathsPerDraw = pathsPerDraw
        self.precision = precision
        variables = input.variables
        horizon = input.horizon
        self.blockSize = blockSize
        blocks = acc.blocks
        paths = acc.blocks * blockSize
        seed = input.seed
        nonFiniteValues = acc.nonFinite
        let v = variables.count
        fan = (0..<input.horizon).map { h in Array(acc.fan[(h * v)..<((h + 1) * v)]) }
        targets = input.targets.indices.map { i in
            TargetOutcome(rule: input.targets[i],
                          probability: lastStep.entry[i].map {
                              ProbabilityEstimate(conditionalSum: acc.expected[$0], squares: acc.expectedSquares[$0],
                                                  blocks: acc.blocks, blockSize: blockSize, scale: LastStepTargets.scale)
                          } ?? ProbabilityEstimate(count: acc.met[i], squares: acc.metSquares[i],
                                                   blocks: acc.blocks, blockSize: blockSize),
                          distribution: acc.targetHistograms[i]
                              ?? acc.fan[(input.targets[i].yearOffset - 1) * v + input.targets[i].variable])
        }
        let n = Double(acc.blocks * blockSize)
        // The last group may hold the second figures, which are not a year's joint outcome.
        joint = groups.indices.filter { input.targets[groups[$0][0]].isJoint }.map { g in
            let counts = acc.countMet[g]
            var atLeast = [Double](repeating: 0, count: counts.count)
            var tail = 0
            for j in stride(from: counts.count - 1, through: 0, by: -1) {
                tail += counts[j]
                atLeast[j] = Double(tail) / n
            }
            return JointOutcome(yearOffset: input.targets[groups[g][0]].yearOffset, targets: groups[g],
                                all: ProbabilityEstimate(count: acc.joint[g], squares: acc.jointSquares[g],
                                                         blocks: acc.blocks, blockSize: blockSize),
                                atLeast: atLeast)
        }
    }

    /// Quantile `p` of variable `v` in year offset `h` (1-based), or nil outside the range.
    public func quantile(_ p: Double, variable v: Int, yearOffset h: Int) -> Double? {
        fan[h - 1][v].quantile(p)
    }
}

/// The 97.5% quantile of Student's t with ν degrees of freedom, by the Cornish–Fisher
/// expansion around z = 1.959964 (Abramowitz & Stegun 26.7.5); error below 1e-3 for ν >= 10
/// (the engine always has at least 63).
func studentT975(degreesOfFreedom nu: Double) -> Double {
    let z = 1.959963984540054
    let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
    return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
}
