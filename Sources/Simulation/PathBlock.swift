import Linear
import Models
import Random

/// The per-worker buffers of one block of paths, allocated once and reused for every block
/// the worker runs (no allocation in the hot loop).
///
/// `values` holds the simulated variables of the block, laid out `[year][variable][path]`:
/// element `(h, v, p)` is at `(h * variableCount + v) * blockSize + p`, with `h` the
/// zero-based simulated year (0 = base year + 1).
///
/// The model step works on `Z = [X E]`, a `blockSize x (n + m)` column-major matrix (paths as
/// rows, contiguous per state): `X` the states, `E` the standard shocks. One BLAS product
/// `X' = 1 cᵀ + Z W` with `W = [Fᵀ; (G L s)ᵀ]` (`(n + m) x n`) advances every path by a year:
/// `X'` is first filled with the intercept, then dgemm adds `Z W` with beta = 1. (With
/// beta = 0, dgemm would first zero `X'` — a memset as costly as the fill — and a column of
/// ones in `Z` would carry the intercept at the price of one more inner-product term.)
final class PathBlock {
    let blockSize: Int
    let horizon: Int
    let variableCount: Int
    let modelledCount: Int
    let stateCount: Int
    let shockCount: Int
    private(set) var values: [Double]
    /// Two `Z` buffers used in turn (`2 x blockSize x (n + m)` doubles): the product of
    /// one is written into the other's X part.
    private let z: UnsafeMutablePointer<Double>
    private let zCount: Int
    private var weights: [Double]
    private var fired: [Bool]
    /// Per path, the Student-t mixing factor `sqrt((ν − 2) / W)` of the year being simulated
    /// (1 for normal shocks).
    private var mixing: [Double]
    /// The strata of the paths' mixing variables when they are balanced (a permutation).
    private var strata: [Int]
    /// Targets estimated by conditional Monte Carlo (`LastStepTargets`): per path, the shock
    /// part of the target's variable in the target's year (`conditionalShock`) and the
    /// standard deviation of that part given the year's mixing factor (`conditionalSD`), one
    /// `blockSize` column per entry of `lastStep.targets`.
    let lastStep: LastStepTargets
    private(set) var conditionalShock: [Double]
    private(set) var conditionalSD: [Double]

    init(blockSize: Int, horizon: Int, variableCount: Int, modelledCount: Int, stateCount: Int, shockCount: Int,
         lastStep: LastStepTargets = LastStepTargets()) {
        self.blockSize = blockSize
        self.horizon = horizon
        self.variableCount = variableCount
        self.modelledCount = modelledCount
        self.stateCount = stateCount
        self.shockCount = shockCount
        values = Array(repeating: 0, count: horizon * variableCount * blockSize)
        let width = stateCount + shockCount
        zCount = width * blockSize
        z = .allocate(capacity: 2 * zCount)
        z.initialize(repeating: 0, count: 2 * zCount)
        weights = Array(repeating: 0, count: width * stateCount)
        fired = Array(repeating: false, count: blockSize)
        mixing = Array(repeating: 1, count: blockSize)
        strata = Array(0..<blockSize)
        self.lastStep = lastStep
        conditionalShock = Array(repeating: 0, count: lastStep.targets.count * blockSize)
        conditionalSD = conditionalShock
    }

    deinit {
        z.deinitialize(count: 2 * zCount)
        z.deallocate()
    }

    /// Offset of `(h, v, path 0)` in `values`.
    @inline(__always)
    func offset(year h: Int, variable v: Int) -> Int { (h * variableCount + v) * blockSize }

    /// Simulates the block: the model's paths, then judgmental variables, risk events,
    /// adjustments and the conditions of a what-if run (`PathConditions`), drawing every random
    /// number from `generator` in a fixed order.
    ///
    /// `systems` holds one state-space form per group of `blockSize / systems.count`
    /// consecutive paths (one parameter draw per group; `systems.count` divides `blockSize`).
    /// `gains`: the hard conditions' gains of `systems` when computed beforehand
    /// (`PathConditions.gains`), else nil.
    func run(systems: [StateSpaceSystem], gains: [Matrix?]? = nil, input: SimulationInput, generator: inout Philox4x32) {
        simulateModel(systems: systems, shocks: input.shocks, stratifiedPathDraws: input.stratifiedPathDraws, generator: &generator)
        drawJudgmental(input.judgmental, stratified: input.stratifiedPathDraws, generator: &generator)
        applyRisks(input.risks, generator: &generator)
        for a in input.adjustments where a.yearOffset >= 1 && a.yearOffset <= horizon {
            let o = offset(year: a.yearOffset - 1, variable: a.variable)
            for p in 0..<blockSize { values[o + p] += a.shift }
        }
        if let conditions = input.conditions, !conditions.isEmpty {
            let (b, h, v) = (blockSize, horizon, variableCount)
            values.withUnsafeMutableBufferPointer {
                conditions.apply(to: $0, blockSize: b, horizon: h, variableCount: v, systems: systems, gains: gains, generator: &generator)
            }
        }
    }

    /// Fills group `g`'s `W = [Fᵀ; (G L s)ᵀ]`, `(n + m) x n` column-major, at `g (n + m) n`.
    private func setWeights(_ system: StateSpaceSystem, scale: Double, group g: Int) {
        let n = stateCount, m = shockCount, width = n + m, base = g * width * n
        let f = system.transition.elements, loading = system.shockLoading.elements, l = system.shockCholesky.elements
        weights.withUnsafeMutableBufferPointer { w in
            for i in 0..<n {
                for j in 0..<n { w[base + j + i * width] = f[i + j * n] }
                for j in 0..<m { w[base + n + j + i * width] = 0 }
                // (G L)[i, j] = Σ_k G[i, k] L[k, j], over the nonzero G[i, k] (G selects states).
                for k in 0..<m where loading[i + k * n] != 0 {
                    let gik = loading[i + k * n] * scale
                    for j in 0...k { w[base + n + j + i * width] += gik * l[k + j * m] }
                }
            }
        }
    }

    /// x_t = c + F x_{t-1} + G L e_t and y_t = H x_t for every path of the block, with group
    /// `g`'s paths (rows `g · size ..< (g + 1) · size`) on `systems[g]`.
    ///
    /// One group: one dgemm over the block. Several groups: each group's rows advance
    /// elementwise, `X'[:, i] += W[j, i] Z[:, j]` over the nonzero weights only, so that the
    /// diagonal transition of per-indicator models costs one multiply-add per state, and no
    /// small matrix product (a dgemm call per group) is paid.
    private func simulateModel(systems: [StateSpaceSystem], shocks distribution: ShockDistribution,
                               stratifiedPathDraws: Bool, generator: inout Philox4x32) {
        let n = stateCount, m = shockCount, k = modelledCount, b = blockSize, width = n + m
        let groups = systems.count, size = b / groups, perGroup = width * n
        precondition(size * groups == b, "the groups of a block must have equal sizes")
        let scale: Double
        switch distribution {
        case .normal(let s), .studentT(_, let s): scale = s
        }
        if weights.count != groups * perGroup { weights = Array(repeating: 0, count: groups * perGroup) }
        for (g, system) in systems.enumerated() { setWeights(system, scale: scale, group: g) }
        let selection = selectedStates(systems[0].observation)
        for (g, system) in systems.enumerated() {
            for i in 0..<n { (z + i * b + g * size).update(repeating: system.initialState[i], count: size) }
        }
        var current = z, next = z + zCount
        for h in 0..<horizon {
            let shocks = UnsafeMutableBufferPointer(start: current + n * b, count: m * b)
            generator.fillStandardNormal(shocks)
            if case .studentT(let dof, _) = distribution {
                // One χ²_ν per path and year, shared by the path's m shocks; stratified over
                // the block when balanced (`SimulationInput.stratifiedPathDraws`).
                if stratifiedPathDraws { shuffleStrata(&generator) }
                for p in 0..<b {
                    let chi2 = stratifiedPathDraws
                        ? generator.nextChiSquared(degreesOfFreedom: dof, firstNormal: stratifiedNormal(p, &generator))
                        : generator.nextChiSquared(degreesOfFreedom: dof)
                    let factor = ((dof - 2) / chi2).squareRoot()
                    mixing[p] = factor
                    for j in 0..<m { shocks[j * b + p] *= factor }
                }
            }
            for (g, system) in systems.enumerated() {
                for i in 0..<n { (next + i * b + g * size).update(repeating: system.intercept[i], count: size) }
            }
            weights.withUnsafeBufferPointer { w in
                if groups == 1 {
                    gemmUnchecked(transposeA: false, transposeB: false, m: b, n: n, k: width,
                                  alpha: 1, a: current, lda: b, b: w.baseAddress!, ldb: width,
                                  beta: 1, c: next, ldc: b)
                } else {
                    for g in 0..<groups {
                        Self.advance(current + g * size, into: next + g * size, weights: w.baseAddress! + g * perGroup,
                                     paths: size, states: n, width: width, stride: b)
                    }
                }
            }
            recordShockParts(year: h, shocks: UnsafeBufferPointer(shocks), groups: groups)
            swap(&current, &next)
            // Observations y = H x: a copy of state columns when H selects states, else a product.
            let o = offset(year: h, variable: 0)
            values.withUnsafeMutableBufferPointer { v in
                if let selection {
                    for (i, s) in selection.enumerated() {
                        (v.baseAddress! + o + i * b).update(from: current + s * b, count: b)
                    }
                } else {
                    for (g, system) in systems.enumerated() {
                        system.observation.elements.withUnsafeBufferPointer { hm in
                            gemmUnchecked(transposeA: false, transposeB: true, m: size, n: k, k: n,
                                          alpha: 1, a: current + g * size, lda: b, b: hm.baseAddress!, ldb: k,
                                          beta: 0, c: v.baseAddress! + o + g * size, ldc: b)
                        }
                    }
                }
            }
        }
    }

    /// Puts a random permutation of 0..<blockSize in `strata` (Fisher–Yates; blockSize − 1
    /// uniforms of `generator`).
    private func shuffleStrata(_ generator: inout Philox4x32) {
        for p in 0..<blockSize { strata[p] = p }
        for i in stride(from: blockSize - 1, to: 0, by: -1) {
            strata.swapAt(i, Int(generator.nextUniform() * Double(i + 1)))
        }
    }

    /// Φ⁻¹((strata[p] + v) / blockSize), v uniform from `generator`: a standard normal in
    /// path `p`'s stratum.
    @inline(__always)
    private func stratifiedNormal(_ p: Int, _ generator: inout Philox4x32) -> Double {
        standardNormalQuantile((Double(strata[p]) + generator.nextUniform()) / Double(blockSize))
    }

    /// `next[:, i] += Σ_j W[j, i] current[:, j]` over the `paths` rows of one group (columns
    /// `stride` apart), skipping zero weights.
    @inline(__always)
    private static func advance(_ current: UnsafeMutablePointer<Double>, into next: UnsafeMutablePointer<Double>,
                                weights w: UnsafePointer<Double>, paths: Int, states n: Int, width: Int, stride: Int) {
        for i in 0..<n {
            let out = next + i * stride
            for j in 0..<width {
                let c = w[j + i * width]
                if c == 0 { continue }
                let x = UnsafePointer(current + j * stride)
                for p in 0..<paths { out[p] += c * x[p] }
            }
        }
    }

    /// For the targets of year `h` estimated by conditional Monte Carlo: each path's shock part
    /// of the target's state, `Σ_j W[n + j, s] e_j` (mixing factor included), and its standard
    /// deviation given the mixing factor, `mixing · sqrt(Σ_j W[n + j, s]²)`, with the weights of
    /// the path's group.
    private func recordShockParts(year h: Int, shocks: UnsafeBufferPointer<Double>, groups: Int) {
        let n = stateCount, m = shockCount, b = blockSize, width = n + m, size = b / groups
        let e = shocks.baseAddress!
        weights.withUnsafeBufferPointer { wb in
            mixing.withUnsafeBufferPointer { mix in
                conditionalShock.withUnsafeMutableBufferPointer { shockOut in
                    conditionalSD.withUnsafeMutableBufferPointer { sdOut in
                        for (t, target) in lastStep.targets.enumerated() where target.yearOffset == h + 1 {
                            for g in 0..<groups {
                                let w = wb.baseAddress! + g * width * n + target.state * width + n
                                var norm = 0.0
                                for j in 0..<m { norm += w[j] * w[j] }
                                norm = norm.squareRoot()
                                let start = t * b + g * size
                                let out = shockOut.baseAddress! + start, sd = sdOut.baseAddress! + start
                                let x = mix.baseAddress! + g * size
                                for p in 0..<size { out[p] = 0 }
                                for j in 0..<m where w[j] != 0 {
                                    let c = w[j], column = e + j * b + g * size
                                    for p in 0..<size { out[p] += c * column[p] }
                                }
                                for p in 0..<size { sd[p] = x[p] * norm }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The state index each indicator reads when `H` is a selection matrix (one 1 per row,
    /// zeros elsewhere), else nil.
    private func selectedStates(_ h: Matrix) -> [Int]? {
        var picks: [Int] = []
        for i in 0..<h.rows {
            let row = h.row(i)
            guard let j = row.firstIndex(of: 1), row.enumerated().allSatisfy({ $0.offset == j || $0.element == 0 })
            else { return nil }
            picks.append(j)
        }
        return picks
    }

    /// Each judgmental variable's values, year by year: mean + sd · (a standard normal, or a
    /// Student-t scaled to unit variance); `stratified`: the normals (and the Student-t's χ²,
    /// on a second permutation) stratified over the block (`SimulationInput.stratifiedPathDraws`).
    private func drawJudgmental(_ judgmental: [JudgmentalVariable], stratified: Bool, generator: inout Philox4x32) {
        for (j, variable) in judgmental.enumerated() {
            for h in 0..<horizon {
                let o = offset(year: h, variable: modelledCount + j)
                if stratified {
                    shuffleStrata(&generator)
                    for p in 0..<blockSize { values[o + p] = stratifiedNormal(p, &generator) }
                    if let dof = variable.degreesOfFreedom {
                        shuffleStrata(&generator)
                        for p in 0..<blockSize {
                            let chi2 = generator.nextChiSquared(degreesOfFreedom: dof, firstNormal: stratifiedNormal(p, &generator))
                            values[o + p] *= ((dof - 2) / chi2).squareRoot()
                        }
                    }
                    for p in 0..<blockSize { values[o + p] = variable.mean + variable.sd * values[o + p] }
                    continue
                }
                values.withUnsafeMutableBufferPointer { v in
                    let slice = UnsafeMutableBufferPointer(rebasing: v[o..<(o + blockSize)])
                    if let dof = variable.degreesOfFreedom {
                        let standardise = ((dof - 2) / dof).squareRoot()
                        for p in 0..<blockSize {
                            slice[p] = variable.mean + variable.sd * standardise
                                * generator.nextStudentT(degreesOfFreedom: dof)
                        }
                    } else {
                        generator.fillStandardNormal(slice)
                        for p in 0..<blockSize { slice[p] = variable.mean + variable.sd * slice[p] }
                    }
                }
            }
        }
    }

    private func applyRisks(_ risks: [RiskEvent], generator: inout Philox4x32) {
        for risk in risks {
            for p in 0..<blockSize { fired[p] = generator.nextUniform() < risk.probability }
            guard risk.yearOffset >= 1 && risk.yearOffset <= horizon else { continue }
            for (variable, impact) in risk.impacts.sorted(by: { $0.key < $1.key }) {
                var carried = impact
                for h in (risk.yearOffset - 1)..<horizon {
                    let o = offset(year: h, variable: variable)
                    for p in 0..<blockSize where fired[p] { values[o + p] += carried }
                    carried *= risk.persistence
                }
            }
        }
    }
}
