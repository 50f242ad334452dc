import Foundation
import Linear
import Models
import Random

/// The engine's form of a scenario's conditions: hard values and soft ranges on simulated
/// variables, applied to every block of paths after the model, judgments, risks and
/// adjustments (`PathBlock.run`).
///
/// **Hard conditions** (`y_{h,i} = v`). The paths of a block are linear in the stacked standard
/// shocks `e = (e_1, ..., e_H)` of the block's parameter draw: `y = μ + Ψ e` with the stacked
/// impulse responses `Ψ[(h, i), (s, j)] = (H F^{h-s} G L)[i, j]` for `s <= h` (zero otherwise).
/// Waggoner & Zha (1999, "Conditional forecasts in dynamic multivariate models", REStat 81,
/// eq. 8-10) draw the shocks from their distribution given the restrictions `R e = r`:
/// `e* = R⁺ r + (I - R⁺ R) z`, the restricted part solved from the stacked responses and the
/// free part drawn in the null space of `R`. With `z` the path's own drawn shocks this is
/// `e* = e + Rᵀ (R Rᵀ)⁻¹ (r - R e)`, and for Gaussian `e` exactly the conditional normal
/// `e | R e = r`. The correction of the path is then `Δy = Ψ Rᵀ (R Rᵀ)⁻¹ g` with `g` the gap
/// between the assumed value and the path's value, so no shock needs to be kept: `K = Ψ Rᵀ (R Rᵀ)⁻¹`
/// (`(H k) x c`) is computed once per parameter draw and applied to every path. For per-indicator
/// models joined by a shock correlation (`L` the Cholesky factor of the correlation times the
/// scales) the same formula is the Gaussian conditioning of the correlated shocks.
///
/// When only some indicators' shocks may move (`movable`), the innovations `u_s = L e_s` of the
/// other indicators are held at their drawn values: rows `L[l, :]` at year `s` join `R` with a
/// zero gap (BEAR's shock-specific conditions). A gap is the assumed value minus the path's
/// value after risks and adjustments, so the shocks absorb those overlays on the conditioned
/// indicator-year. A hard condition on a judgmental variable sets its value (it has no shocks).
/// With Student-t shocks the correction is that of the Gaussian conditional given the path's
/// χ² draw (the χ² draws are not reweighted by the condition).
///
/// **Soft conditions** (`y_{h,i}` in `[a, b]`). Paths outside the event are replaced by paths of
/// the same block drawn uniformly from those inside (sampling importance resampling with 0/1
/// weights, i.e. truncation): the event is conditioned on per parameter draw, as the hard
/// conditions are. The tally counts the paths inside the event (the effective sample size). A
/// block with no path inside has its paths moved to the range's edge (`moveToEdges`).
public struct PathConditions: Sendable {
    /// `y[variable] = value` in `yearOffset` (1 = first simulated year). Unit: the variable's.
    public struct Hard: Sendable, Equatable {
        public var variable: Int
        public var yearOffset: Int
        public var value: Double
        public init(variable: Int, yearOffset: Int, value: Double) {
            self.variable = variable
            self.yearOffset = yearOffset
            self.value = value
        }
    }

    /// `lower <= y[variable] <= upper` in `yearOffset` (bounds may be infinite).
    public struct Soft: Sendable, Equatable {
        public var variable: Int
        public var yearOffset: Int
        public var lower: Double
        public var upper: Double
        public init(variable: Int, yearOffset: Int, lower: Double, upper: Double) {
            self.variable = variable
            self.yearOffset = yearOffset
            self.lower = lower
            self.upper = upper
        }
    }

    public var hard: [Hard]
    public var soft: [Soft]
    /// Modelled indicators (indices into the model's indicators) whose shocks may move to meet
    /// the hard conditions; nil: every shock.
    public var movable: Set<Int>?
    /// Counts of the main run's blocks (not the pilot's), shared by all workers.
    public let tally = ConditionTally()

    public init(hard: [Hard] = [], soft: [Soft] = [], movable: Set<Int>? = nil) {
        self.hard = hard
        self.soft = soft
        self.movable = movable
    }

    public var isEmpty: Bool { hard.isEmpty && soft.isEmpty }

    /// `K = Ψ Rᵀ (R Rᵀ)⁻¹ E_c` for the hard conditions on modelled variables: `(horizon·k) x c`,
    /// row `h·k + i` the response of variable `i` in year `h + 1` to the gap of condition `c`
    /// (columns in the order of `modelledHard`). `everyShock` lets every shock move, whatever
    /// `movable` says.
    ///
    /// - Throws: `SimulationError.invalidInput` when the movable shocks cannot meet the
    ///   conditions (`R Rᵀ` singular: a condition no movable shock reaches, or two conditions
    ///   fixing the same combination); `LinearAlgebraError` for non-finite systems.
    func gain(_ system: StateSpaceSystem, horizon: Int, for conditions: [Hard]? = nil, everyShock: Bool = false) throws -> Matrix {
        let hard = conditions ?? modelledHard(indicators: system.indicatorCount)
        let k = system.indicatorCount, m = system.shockCount, width = horizon * m
        // B_d = H F^d G L, d = 0 ..< horizon (k x m); P_d = F^d G (n x m) for the shock owners.
        var p = system.shockLoading
        var responses: [Matrix] = [], loads: [Matrix] = []
        for _ in 0..<horizon {
            loads.append(try gemm(system.observation, p))
            responses.append(try gemm(loads.last!, system.shockCholesky))
            p = try gemm(system.transition, p)
        }
        var psi = Matrix(rows: horizon * k, columns: width)
        for h in 0..<horizon {
            for s in 0...h {
                let b = responses[h - s]
                for i in 0..<k { for j in 0..<m { psi[h * k + i, s * m + j] = b[i, j] } }
            }
        }
        var rows: [[Double]] = hard.map { psi.row(($0.yearOffset - 1) * k + $0.variable) }
        if let movable, !everyShock {
            let last = hard.map(\.yearOffset).max() ?? 0
            let owners = Self.owners(loads, shockCount: m)
            for s in 0..<last {
                for l in 0..<m where !movable.contains(owners[l]) {
                    var row = [Double](repeating: 0, count: width)
                    for j in 0..<m { row[s * m + j] = system.shockCholesky[l, j] }
                    rows.append(row)
                }
            }
        }
        let r = try Matrix(rowMajor: rows)
        let rr = syrk(r)
        let unreachable = SimulationError.invalidInput(
            "the hard conditions cannot be met by the shocks allowed to move (a condition no movable shock reaches, or conditions that fix the same combination of shocks): allow more shocks in \"shocks\"")
        let factor: CholeskyFactor
        do {
            factor = try cholesky(rr)
        } catch LinearAlgebraError.notPositiveDefinite {
            throw unreachable
        }
        // Rank: a squared pivot below 1e-10 of its diagonal element is rounding (about 1e-16 when
        // the row is a combination of the rows before), not a direction the shocks reach.
        for i in 0..<rr.rows where factor.lower[i, i] * factor.lower[i, i] <= 1e-10 * max(rr[i, i], .leastNormalMagnitude) {
            throw unreachable
        }
        var unit = Matrix(rows: rows.count, columns: hard.count)
        for c in 0..<hard.count { unit[c, c] = 1 }
        let x = try factor.solve(unit)                      // (R Rᵀ)⁻¹ E_c
        return try gemm(psi, try gemm(r, x, transposeA: true))
    }

    /// The gains of a block's parameter draws (`gain` of each; nil where `R Rᵀ` is singular), or
    /// nil when no hard condition is on a modelled variable.
    func gains(_ systems: [StateSpaceSystem], horizon: Int) -> [Matrix?]? {
        guard !modelledHard(indicators: systems[0].indicatorCount).isEmpty else { return nil }
        return systems.map { try? gain($0, horizon: horizon) }
    }

    /// What the gains depend on besides the parameter draw: the conditioned cells and the
    /// movable shocks, not the assumed values (a sweep's points share their gains).
    var gainKey: String {
        hard.map { "\($0.variable)@\($0.yearOffset)" }.joined(separator: ",") + "|" + (movable.map { $0.sorted().map(String.init).joined(separator: ",") } ?? "all")
    }

    /// The hard conditions on modelled variables (indices below `indicators`), in order.
    func modelledHard(indicators: Int) -> [Hard] { hard.filter { $0.variable < indicators } }

    /// The indicator each innovation `u_l` belongs to: the first indicator it moves, at the
    /// first year where it moves any (`H F^d G` column `l`): for a VAR the l-th indicator, for
    /// per-indicator models the member whose block holds it.
    static func owners(_ loads: [Matrix], shockCount m: Int) -> [Int] {
        (0..<m).map { l in
            for b in loads {
                if let i = (0..<b.rows).first(where: { abs(b[$0, l]) > 1e-12 }) { return i }
            }
            return -1
        }
    }

    /// Applies the conditions to a block's values (`[year][variable][path]`, see `PathBlock`),
    /// hard conditions group by group with each group's parameter draw (`systems`: one per
    /// group of `blockSize / systems.count` consecutive paths).
    /// Draws from `generator` only for soft conditions, after every other draw of the block.
    /// `gains`, when given, are `gains(systems, horizon:)` computed earlier (a sweep's points
    /// share them); otherwise each group's gain is computed here.
    func apply(to values: UnsafeMutableBufferPointer<Double>, blockSize b: Int, horizon: Int, variableCount v: Int,
               systems: [StateSpaceSystem], gains: [Matrix?]? = nil, generator: inout Philox4x32) {
        let main = generator.stream < UInt64.max / 2   // the pilot's streams count down from 2^64 - 1
        let offset = { (h: Int, j: Int) in (h * v + j) * b }
        let groupSize = b / systems.count
        let groups = systems.indices.map { g in (g, systems[g], g * groupSize..<(g + 1) * groupSize) }
        let k = systems[0].indicatorCount
        let modelled = modelledHard(indicators: k)
        if !modelled.isEmpty {
            var gaps = [Double](repeating: 0, count: modelled.count * b)   // one buffer for every group
            for (g, system, paths) in groups {
                guard let gain = gains.map({ $0[g] }) ?? (try? gain(system, horizon: horizon)) else {
                    if main { tally.add(failedDraws: 1) }
                    continue
                }
                for (c, condition) in modelled.enumerated() {
                    let o = offset(condition.yearOffset - 1, condition.variable)
                    for p in paths { gaps[c * b + p] = condition.value - values[o + p] }
                }
                for h in 0..<horizon {
                    for i in 0..<k {
                        let o = offset(h, i)
                        for c in 0..<modelled.count {
                            let w = gain[h * k + i, c]
                            guard w != 0 else { continue }
                            for p in paths { values[o + p] += w * gaps[c * b + p] }
                        }
                    }
                }
                // Exact on the conditioned cells (the correction is exact up to rounding).
                for condition in modelled {
                    let o = offset(condition.yearOffset - 1, condition.variable)
                    for p in paths { values[o + p] = condition.value }
                }
            }
        }
        for condition in hard where condition.variable >= k {
            let o = offset(condition.yearOffset - 1, condition.variable)
            for p in 0..<b { values[o + p] = condition.value }
        }
        guard !soft.isEmpty else { return }
        var inside: [Int] = []
        inside.reserveCapacity(b)
        for p in 0..<b where soft.allSatisfy({ c in
            let x = values[offset(c.yearOffset - 1, c.variable) + p]
            return x >= c.lower && x <= c.upper
        }) { inside.append(p) }
        if main { tally.add(inside: inside.count, paths: b, emptyBlocks: inside.isEmpty ? 1 : 0) }
        if inside.isEmpty {
            for (_, system, paths) in groups {
                moveToEdges(values, blockSize: b, horizon: horizon, variableCount: v, system: system, paths: paths, main: main)
            }
            return
        }
        guard inside.count < b else { return }
        var next = 0
        for p in 0..<b {
            if next < inside.count && inside[next] == p { next += 1; continue }
            let source = inside[min(inside.count - 1, Int(generator.nextUniform() * Double(inside.count)))]
            for h in 0..<horizon {
                for j in 0..<v { values[offset(h, j) + p] = values[offset(h, j) + source] }
            }
        }
    }

    /// A block with no path inside the soft event (its parameter draw makes the event nearly
    /// impossible): each path outside a range is moved to the range's nearest edge as by a hard
    /// condition there (the shocks solved for it, one soft condition after another; a judgmental
    /// variable set to the edge), so that the event holds on every path. Such draws would get
    /// almost no weight in the exact conditional distribution; the tally counts them.
    private func moveToEdges(_ values: UnsafeMutableBufferPointer<Double>, blockSize b: Int, horizon: Int,
                             variableCount v: Int, system: StateSpaceSystem, paths: Range<Int>, main: Bool) {
        let k = system.indicatorCount
        let offset = { (h: Int, j: Int) in (h * v + j) * b }
        for c in soft {
            let o = offset(c.yearOffset - 1, c.variable)
            let edge = { (x: Double) in min(max(x, c.lower), c.upper) }
            guard c.variable < k else {
                for p in paths { values[o + p] = edge(values[o + p]) }
                continue
            }
            let fixedHard = modelledHard(indicators: k)
            // Every shock may move to reach a soft range's edge ("shocks" restricts hard conditions).
            guard let gain = try? gain(system, horizon: horizon,
                                       for: fixedHard + [Hard(variable: c.variable, yearOffset: c.yearOffset, value: 0)],
                                       everyShock: true) else {
                if main { tally.add(failedDraws: 1) }
                continue
            }
            let column = fixedHard.count
            for p in paths {
                let gap = edge(values[o + p]) - values[o + p]
                guard gap != 0 else { continue }
                for h in 0..<horizon {
                    for i in 0..<k { values[offset(h, i) + p] += gain[h * k + i, column] * gap }
                }
                values[o + p] = edge(values[o + p] + 0)   // exact at the edge despite rounding
            }
        }
    }
}

/// Counts of a conditioned run, summed over the main run's blocks by every worker (integer
/// sums, so independent of the thread count).
public final class ConditionTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (inside: 0, paths: 0, emptyBlocks: 0, failedDraws: 0)

    public init() {}

    func add(inside: Int = 0, paths: Int = 0, emptyBlocks: Int = 0, failedDraws: Int = 0) {
        lock.lock()
        counts.inside += inside
        counts.paths += paths
        counts.emptyBlocks += emptyBlocks
        counts.failedDraws += failedDraws
        lock.unlock()
    }

    /// Paths inside the soft conditions' event (before resampling) and paths examined.
    public var inside: Int { lock.lock(); defer { lock.unlock() }; return counts.inside }
    public var paths: Int { lock.lock(); defer { lock.unlock() }; return counts.paths }
    /// Blocks with no path inside the event (their paths moved to the range's edge).
    public var emptyBlocks: Int { lock.lock(); defer { lock.unlock() }; return counts.emptyBlocks }
    /// Parameter draws whose movable shocks could not meet the hard conditions (left unconditioned).
    public var failedDraws: Int { lock.lock(); defer { lock.unlock() }; return counts.failedDraws }
}
