import Dispatch
import Linear
import Models
import Random

/// Errors of a simulation run, each saying what is wrong with the input.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    case invalidInput(String)

    public var description: String {
        switch self {
        case .invalidInput(let s): return "invalid simulation input: \(s)"
        }
    }
}

/// The block-parallel Monte Carlo engine.
///
/// Paths run in blocks of `blockSize`. Block `b` draws every random number from
/// `Philox4x32(seed: seed, stream: b)`: first its parameter draws (when parameter uncertainty
/// is on: one per group of `pathsPerDraw` consecutive paths, in group order), then its
/// shocks, judgmental draws and risk events, in a fixed order. Blocks are shared among the
/// threads in any way; statistics are integer counts (and fixed-point sums of conditional
/// probabilities) merged exactly, so the result is byte-identical for any number of threads.
///
/// Why small groups: with one draw per block of 1,024 paths, 97–99% of the Monte Carlo
/// variance of a typical P(met) came from the parameter draws (issue 11); one draw per 8
/// paths spends the paths on what varies, and a block's draws are drawn together
/// (`FittedModel.drawSystems(count:using:)`: randomised quasi-Monte Carlo for AR(1) members, VAR and BVAR posteriors),
/// so more draws per block also balance better. The batch-means SE stays over blocks (each
/// block holds whole groups, and blocks are independent), so the draws' variance is in it.
///
/// Quantiles come from fixed-range histograms (`binCount` bins per variable and year) whose
/// ranges a pilot run fixes first (`pilotBlocks` blocks on streams 2^64 - 1, 2^64 - 2, ...,
/// disjoint from the main run's); a quantile read off them is within one bin width (reported
/// as `resolution`) of the sample quantile of all the paths. Memory does not grow with the
/// number of paths.
public struct MonteCarloEngine: Sendable {
    public var blockSize: Int
    public var binCount: Int
    public var pilotBlocks: Int
    /// Paths that share one parameter draw (with parameter uncertainty), at least 8; the
    /// block size caps it (`blockSize` itself: one draw per block, the engine before issue 11),
    /// and a block's draws divide it (`drawsPerBlock(blockSize:pathsPerDraw:)`).
    public var pathsPerDraw: Int

    public init(blockSize: Int = 1024, binCount: Int = 8192, pilotBlocks: Int = 16,
                pathsPerDraw: Int = MonteCarloEngine.defaultPathsPerDraw) {
        self.blockSize = blockSize
        self.binCount = binCount
        self.pilotBlocks = pilotBlocks
        self.pathsPerDraw = pathsPerDraw
    }

    /// Parameter draws per pilot block (at most).
    static let pilotDrawsPerBlock = 4

    /// Paths per parameter draw by default (bench/RESULTS.md, "Precision per second").
    public static let defaultPathsPerDraw = 8

    /// Runs the simulation.
    ///
    /// - Parameter progress: called from worker 0 with (blocks done by all workers, estimated;
    ///   total blocks); for a progress display only.
    /// - Throws: `SimulationError.invalidInput` when the input is inconsistent (indices out of
    ///   range, horizon < 1, a shock distribution with ν <= 2, a probability outside [0, 1]).
    ///
    /// - Parameter precision: when set (a fraction: 0.001 is 0.1 pp), `input.paths` is a cap
    ///   and the run goes block after block, in stages of consecutive blocks, until every
    ///   joint target's Monte Carlo SE is at most `precision`: a first stage of
    ///   `minimumBlocks` blocks, then stages sized from the SE so far (`N · (SE / precision)²`,
    ///   times `precisionMargin`). The decision reads exact integer statistics after each
    ///   stage, so the paths used, like the tables, do not depend on the thread count.
    ///   `progress` then reports against the current stage's end.
    public func run(_ input: SimulationInput, precision: Double? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SimulationResult {
        let point = try validate(input)
        let size = Self.blockSize(paths: input.paths, maximum: blockSize)
        var engine = self
        engine.blockSize = size
        var sized = input
        sized.paths = max(Self.minimumBlocks, (input.paths + size - 1) / size) * size
        return try engine.runBlocks(sized, point: point, precision: precision, progress: progress)
    }

    /// Fewest blocks a run has: the batch-means standard error needs enough blocks to be
    /// trustworthy (the blocks are its batches).
    public static let minimumBlocks = 64

    /// The block size for `paths`: `maximum` for large runs, smaller (a multiple of 16, at
    /// least 16) so that a small run still has `minimumBlocks` blocks. A function of the
    /// number of paths only, never of the thread count.
    static func blockSize(paths: Int, maximum: Int) -> Int {
        let perBlock = (paths + minimumBlocks - 1) / minimumBlocks
        return min(maximum, max(16, (perBlock + 15) / 16 * 16))
    }

    /// The run proper, on a whole number of blocks; `point` is the model's point system.
    private func runBlocks(_ input: SimulationInput, point: StateSpaceSystem, precision: Double?,
                           progress: (@Sendable (Int, Int) -> Void)?) throws -> SimulationResult {
        setBLASThreads(1)
        let variableCount = input.variables.count
        let blockCount = (input.paths + blockSize - 1) / blockSize
        let groups = targetGroups(input)
        let drawsPerBlock = input.parameterUncertainty ? Self.drawsPerBlock(blockSize: blockSize, pathsPerDraw: pathsPerDraw) : 1
        let lastStep = LastStepTargets(input, observation: (0..<point.observation.rows).map { point.observation.row($0) })

        // Pilot: ranges of every histogram, its blocks shared among the workers (each block on
        // its own stream; minima and maxima merge in any order, so the ranges do not depend on
        // the thread count).
        let pilotThreads = max(1, min(input.threads, pilotBlocks))
        let pilotSlots = WorkerSlots<Ranges>(count: pilotThreads)
        let engine = self
        DispatchQueue.concurrentPerform(iterations: pilotThreads) { w in
            var ranges = Ranges(fan: variableCount * input.horizon, targets: input.targets.count)
            let pilotBlock = engine.makeBlock(input, point, lastStep: LastStepTargets())
            var buffer = [Double](repeating: 0, count: engine.blockSize)
            for i in stride(from: w, to: engine.pilotBlocks, by: pilotThreads) {
                var generator = Philox4x32(seed: input.seed, stream: UInt64.max - UInt64(i))
                // The pilot only fixes histogram ranges (widened by their span): a few draws a
                // block do, and keep its cost small when draws are expensive.
                let systems = Self.systems(input, point: point, count: min(drawsPerBlock, Self.pilotDrawsPerBlock), using: &generator)
                pilotBlock.run(systems: systems, input: input, generator: &generator)
                ranges.observe(pilotBlock, input: input, buffer: &buffer)
            }
            pilotSlots.store(ranges, at: w)
        }
        var pilot = pilotSlots.take(0)
        for w in 1..<pilotThreads { pilot.merge(pilotSlots.take(w)) }
        let fanRanges = try pilot.fan.map(widen)
        let targetRanges: [(Double, Double)?] = try input.targets.indices.map { i in
            input.targets[i].measure == .value ? nil : try widen(pilot.targets[i])
        }

        // Main run, in stages of consecutive blocks: one stage of every block, or, with a
        // precision, stages until every joint target's SE is at most it (or the cap).
        let stage = { (range: Range<Int>, total: Int) -> Accumulator in
            self.runStage(range, input: input, point: point, groups: groups, lastStep: lastStep,
                          drawsPerBlock: drawsPerBlock, fanRanges: fanRanges, targetRanges: targetRanges) { done in
                progress?(done, total)
            }
        }
        guard let precision else {
            let total = stage(0..<blockCount, blockCount)
            return SimulationResult(input: input, accumulator: total, groups: groups, blockSize: blockSize,
                                    lastStep: lastStep, pathsPerDraw: blockSize / drawsPerBlock)
        }
        var total = stage(0..<min(blockCount, Self.minimumBlocks), blockCount)
        while total.blocks < blockCount {
            let worst = largestStandardError(total, input: input, lastStep: lastStep)
            guard worst > precision else { break }
            let done = total.blocks
            let needed = Double(done) * (worst / precision) * (worst / precision) * Self.precisionMargin
            let next = min(blockCount, max(done + Self.minimumBlocks, Int(min(needed, Double(blockCount)).rounded(.up))))
            total.merge(stage(done..<next, next))
        }
        return SimulationResult(input: input, accumulator: total, groups: groups, blockSize: blockSize,
                                lastStep: lastStep, pathsPerDraw: blockSize / drawsPerBlock,
                                precision: precision)
    }

    /// Parameter draws per block: `blockSize / pathsPerDraw` (`pathsPerDraw` at least 8),
    /// lowered to a divisor of `blockSize` so that every group has the same number of paths.
    static func drawsPerBlock(blockSize: Int, pathsPerDraw: Int) -> Int {
        var draws = max(1, blockSize / min(blockSize, max(8, pathsPerDraw)))
        while blockSize % draws != 0 { draws -= 1 }
        return draws
    }

    /// How far beyond the projected need a stage of a precision run goes (the SE measured so
    /// far is itself estimated; a stage short of the need costs a further stage).
    static let precisionMargin = 1.1

    /// Runs blocks `range` on the threads (worker w takes range.lowerBound + w, + threads, ...)
    /// and returns their statistics, merged in worker order (integer sums: exact, so the
    /// result does not depend on the thread count). `progress` gets the blocks done (an
    /// estimate, from worker 0).
    private func runStage(_ range: Range<Int>, input: SimulationInput, point: StateSpaceSystem, groups: [[Int]],
                          lastStep: LastStepTargets, drawsPerBlock: Int, fanRanges: [(Double, Double)],
                          targetRanges: [(Double, Double)?], progress: @escaping @Sendable (Int) -> Void) -> Accumulator {
        let threads = max(1, min(input.threads, range.count))
        let slots = WorkerSlots<Accumulator>(count: threads)
        let engine = self
        DispatchQueue.concurrentPerform(iterations: threads) { w in
            var accumulator = Accumulator(fanRanges: fanRanges, targetRanges: targetRanges,
                                          groups: groups, binCount: engine.binCount,
                                          conditionalTargets: lastStep.targets.count)
            let block = engine.makeBlock(input, point, lastStep: lastStep)
            var scratch = BlockScratch(blockSize: engine.blockSize)
            var b = range.lowerBound + w
            while b < range.upperBound {
                var generator = Philox4x32(seed: input.seed, stream: UInt64(b))
                let systems: [StateSpaceSystem]
                if let hit = input.drawCache?.lookup(seed: input.seed, stream: b, count: drawsPerBlock) {
                    systems = hit.systems
                    generator = hit.generator
                } else {
                    systems = Self.systems(input, point: point, count: drawsPerBlock, using: &generator)
                    input.drawCache?.store(seed: input.seed, stream: b, count: drawsPerBlock, systems: systems, generator: generator)
                }
                var gains: [Matrix?]? = nil
                if let cache = input.drawCache, let conditions = input.conditions, !conditions.hard.isEmpty {
                    gains = cache.gains(seed: input.seed, stream: b, count: drawsPerBlock, key: conditions.gainKey) {
                        conditions.gains(systems, horizon: block.horizon)
                    }
                }
                block.run(systems: systems, gains: gains, input: input, generator: &generator)
                scratch.record(block, input: input, groups: groups, into: &accumulator)
                if w == 0 { progress(min(range.upperBound, b + threads)) }
                b += threads
            }
            slots.store(accumulator, at: w)
        }
        var total = slots.take(0)
        for w in 1..<threads { total.merge(slots.take(w)) }
        return total
    }

    /// The largest Monte Carlo SE of a joint target's P(met) (the verdicts; second figures are
    /// not held to the precision) in the statistics so far.
    private func largestStandardError(_ acc: Accumulator, input: SimulationInput, lastStep: LastStepTargets) -> Double {
        var worst = 0.0
        for (i, rule) in input.targets.enumerated() where rule.isJoint {
            let estimate = lastStep.entry[i].map {
                ProbabilityEstimate(conditionalSum: acc.expected[$0], squares: acc.expectedSquares[$0],
                                    blocks: acc.blocks, blockSize: blockSize, scale: LastStepTargets.scale)
            } ?? ProbabilityEstimate(count: acc.met[i], squares: acc.metSquares[i], blocks: acc.blocks, blockSize: blockSize)
            worst = max(worst, estimate.standardError)
        }
        return worst
    }

    /// The block's state-space forms, one per group: `count` parameter draws in group order,
    /// or the point system when parameters are not drawn.
    private static func systems(_ input: SimulationInput, point: StateSpaceSystem, count: Int,
                                using generator: inout Philox4x32) -> [StateSpaceSystem] {
        guard input.parameterUncertainty else { return [point] }
        return input.model.drawSystems(count: count, using: &generator)
    }

    private func makeBlock(_ input: SimulationInput, _ point: StateSpaceSystem, lastStep: LastStepTargets) -> PathBlock {
        PathBlock(blockSize: blockSize, horizon: input.horizon, variableCount: input.variables.count,
                  modelledCount: input.model.indicators.count, stateCount: point.stateCount,
                  shockCount: point.shockCount, lastStep: lastStep)
    }

    /// Largest magnitude a simulated value may reach (percent, or a level's unit).
    public static let largestValue = 1e12

    /// The pilot's range, widened by its span on each side (by a millionth of the magnitude,
    /// at least, when it is a point): parameter draws of the main run can reach further than
    /// the pilot's few draws.
    /// - Throws: `SimulationError.invalidInput` when the pilot's values are not finite or
    ///   exceed `largestValue` in magnitude (an absurd adjustment, impact or judgment).
    private func widen(_ r: (Double, Double)) throws -> (Double, Double) {
        if r.0 > r.1 { return (-1, 1) }   // nothing observed (every value NaN is caught later)
        let magnitude = max(abs(r.0), abs(r.1))
        guard r.0.isFinite, r.1.isFinite, magnitude <= Self.largestValue else {
            throw SimulationError.invalidInput(
                "simulated values reach \(magnitude): check the adjustments, risk impacts and judgments (|value| <= 1e12 expected)")
        }
        let margin = max(r.1 - r.0, 1e-6 * max(1, magnitude))
        return (r.0 - margin, r.1 + margin)
    }

    /// Target indices grouped by year, in year order (only years that have targets).
    /// The joint targets of each year (second figures, `isJoint == false`, are counted alone).
    private func targetGroups(_ input: SimulationInput) -> [[Int]] {
        let years = Set(input.targets.filter(\.isJoint).map(\.yearOffset)).sorted()
        var groups = years.map { y in input.targets.indices.filter { input.targets[$0].yearOffset == y && input.targets[$0].isJoint } }
        let alone = input.targets.indices.filter { !input.targets[$0].isJoint }
        if !alone.isEmpty { groups.append(alone) }
        return groups
    }

    /// Checks the input and returns the model's point system (checked for consistent shapes).
    private func validate(_ input: SimulationInput) throws -> StateSpaceSystem {
        let v = input.variables.count
        let point = input.model.pointSystem()
        func fail(_ s: String) -> SimulationError { .invalidInput(s) }
        guard input.horizon >= 1 else { throw fail("horizon must be at least 1 year, got \(input.horizon)") }
        guard input.paths >= 1 && input.paths <= 1_000_000_000_000 else {
            throw fail("paths must be between 1 and 10^12, got \(input.paths)")
        }
        guard input.threads >= 1 else { throw fail("threads must be at least 1, got \(input.threads)") }
        guard point.observation.rows == input.model.indicators.count,
              point.observation.columns == point.stateCount,
              point.shockLoading.rows == point.stateCount,
              point.shockLoading.columns == point.shockCount,
              point.intercept.count == point.stateCount,
              point.initialState.count == point.stateCount else {
            throw fail("the model's state-space form has inconsistent shapes")
        }
        switch input.shocks {
        case .normal(let s):
            guard s > 0 && s.isFinite else { throw fail("shock scale must be positive, got \(s)") }
        case .studentT(let dof, let s):
            guard dof > 2 && dof.isFinite else { throw fail("Student-t degrees of freedom must exceed 2, got \(dof)") }
            guard s > 0 && s.isFinite else { throw fail("shock scale must be positive, got \(s)") }
        }
        for j in input.judgmental where !(j.sd > 0 && j.sd.isFinite && j.mean.isFinite)
            || (j.degreesOfFreedom.map { !($0 > 2 && $0.isFinite) } ?? false) {
            throw fail("judgmental indicator \(j.id) needs a finite mean, a positive sd and, for Student-t, ν > 2")
        }
        for r in input.risks {
            guard r.probability >= 0 && r.probability <= 1 else {
                throw fail("risk '\(r.name)': probability must be in [0, 1], got \(r.probability)")
            }
            guard r.persistence >= 0 && r.persistence <= 1 else {
                throw fail("risk '\(r.name)': persistence must be in [0, 1], got \(r.persistence)")
            }
            guard r.impacts.keys.allSatisfy({ $0 >= 0 && $0 < v }) else {
                throw fail("risk '\(r.name)' names a variable index out of range")
            }
        }
        for a in input.adjustments where !(a.variable >= 0 && a.variable < v) {
            throw fail("adjustment names variable index \(a.variable), out of range")
        }
        for (i, t) in input.targets.enumerated() {
            guard t.variable >= 0 && t.variable < v else { throw fail("target \(i): variable index out of range") }
            guard t.yearOffset >= 1 && t.yearOffset <= input.horizon else {
                throw fail("target \(i): year offset \(t.yearOffset) outside 1...\(input.horizon)")
            }
            if case .averageGrowth(let from) = t.measure, !(from >= 1 && from <= t.yearOffset) {
                throw fail("target \(i): average growth must start within 1...\(t.yearOffset)")
            }
            if case .around(_, let tol) = t.bound, !(tol >= 0 && tol <= Self.largestValue) {
                throw fail("target \(i): tolerance must be in [0, 1e12]")
            }
            let threshold: Double
            switch t.bound {
            case .atLeast(let x), .atMost(let x), .around(let x, _): threshold = x
            }
            guard threshold.isFinite && abs(threshold) <= Self.largestValue else {
                throw fail("target \(i): bound \(threshold) is outside ±1e12")
            }
        }
        return point
    }
}

/// Min and max of every histogram's quantity over the pilot blocks.
private struct Ranges {
    var fan: [(Double, Double)]
    var targets: [(Double, Double)]

    init(fan: Int, targets: Int) {
        self.fan = Array(repeating: (.infinity, -.infinity), count: fan)
        self.targets = Array(repeating: (.infinity, -.infinity), count: targets)
    }

    mutating func observe(_ block: PathBlock, input: SimulationInput, buffer: inout [Double]) {
        let v = block.variableCount
        for h in 0..<block.horizon {
            for j in 0..<v {
                let o = block.offset(year: h, variable: j)
                for p in 0..<block.blockSize { include(&fan[h * v + j], block.values[o + p]) }
            }
        }
        for (i, rule) in input.targets.enumerated() where rule.measure != .value {
            buffer.withUnsafeMutableBufferPointer { targetValues(rule, block: block, into: $0) }
            for x in buffer { include(&targets[i], x) }
        }
    }

    /// Widens every range to cover `other`'s too.
    mutating func merge(_ other: Ranges) {
        for k in fan.indices { fan[k] = (min(fan[k].0, other.fan[k].0), max(fan[k].1, other.fan[k].1)) }
        for k in targets.indices { targets[k] = (min(targets[k].0, other.targets[k].0), max(targets[k].1, other.targets[k].1)) }
    }

    private func include(_ r: inout (Double, Double), _ x: Double) {
        guard x.isFinite else { return }
        r = (min(r.0, x), max(r.1, x))
    }
}

/// Per-worker scratch for recording a block: target quantities and, per path, the number of
/// the year's targets met.
private struct BlockScratch {
    var values: [Double]
    var metCount: [UInt16]
    let blockSize: Int

    init(blockSize: Int) {
        self.blockSize = blockSize
        values = Array(repeating: 0, count: blockSize)
        metCount = Array(repeating: 0, count: blockSize)
    }

    /// Adds the block to `acc`: every fan histogram (counting non-finite values on the way),
    /// then, year by year, each target's met count `c` (Σ c, Σ c²) and histogram (for a derived
    /// quantity), the per-path count of the year's targets met (tallied in `countMet`) and the
    /// paths meeting them all. Counts per path are `UInt16` (a year has fewer than 2^16 targets),
    /// added in one vectorisable pass per target, with no flag array.
    mutating func record(_ block: PathBlock, input: SimulationInput, groups: [[Int]],
                         into acc: inout Accumulator) {
        let b = blockSize
        block.values.withUnsafeBufferPointer { all in
            for h in 0..<block.horizon {
                for j in 0..<block.variableCount {
                    let o = block.offset(year: h, variable: j)
                    acc.nonFinite += acc.fan[h * block.variableCount + j]
                        .add(contentsOf: UnsafeBufferPointer(rebasing: all[o..<(o + b)]))
                }
            }
        }
        metCount.withUnsafeMutableBufferPointer { count in
            for (g, members) in groups.enumerated() {
                count.update(repeating: 0)
                for i in members {
                    let rule = input.targets[i]
                    let c: Int
                    if rule.measure == .value {
                        let o = block.offset(year: rule.yearOffset - 1, variable: rule.variable)
                        c = block.values.withUnsafeBufferPointer {
                            Self.addMet(rule.bound, UnsafeBufferPointer(rebasing: $0[o..<(o + b)]), to: count)
                        }
                    } else {
                        values.withUnsafeMutableBufferPointer { targetValues(rule, block: block, into: $0) }
                        c = values.withUnsafeBufferPointer {
                            acc.nonFinite += acc.targetHistograms[i]!.add(contentsOf: $0)
                            return Self.addMet(rule.bound, $0, to: count)
                        }
                    }
                    acc.met[i] += c
                    acc.metSquares[i] += c * c
                    if let e = block.lastStep.entry[i] {
                        let sum = LastStepTargets.blockSum(e, rule: rule, block: block)
                        acc.expected[e] += sum
                        acc.expectedSquares[e] += Int128(sum) * Int128(sum)
                    }
                }
                let n = UInt16(members.count)
                var all = 0
                acc.countMet[g].withUnsafeMutableBufferPointer { tally in
                    for p in 0..<b {
                        tally[Int(count[p])] += 1
                        all &+= count[p] == n ? 1 : 0
                    }
                }
                acc.joint[g] += all
                acc.jointSquares[g] += all * all
            }
        }
        acc.blocks += 1
    }

    /// Adds 1 to `count[p]` for every path `p` whose quantity `x[p]` meets `bound`; returns
    /// the number of such paths.
    private static func addMet(_ bound: TargetBound, _ x: UnsafeBufferPointer<Double>,
                               to count: UnsafeMutableBufferPointer<UInt16>) -> Int {
        switch bound {
        case .atLeast(let v): return addMet(x, to: count) { $0 >= v }
        case .atMost(let v): return addMet(x, to: count) { $0 <= v }
        case .around(let v, let t): return addMet(x, to: count) { abs($0 - v) <= t }
        }
    }

    @inline(__always)
    private static func addMet(_ x: UnsafeBufferPointer<Double>, to count: UnsafeMutableBufferPointer<UInt16>,
                               _ meets: (Double) -> Bool) -> Int {
        do {
            // UInt16 partial counts (vectorisable with the UInt16 per-path counts) over chunks
            // of 2^15 paths, so they cannot wrap.
            var total = 0
            for start in stride(from: 0, to: x.count, by: 1 << 15) {
                var c: UInt16 = 0
                for p in start..<min(x.count, start + (1 << 15)) {
                    let m: UInt16 = meets(x[p]) ? 1 : 0
                    count[p] &+= m
                    c &+= m
                }
                total += Int(c)
            }
            return total
        }
    }
}
