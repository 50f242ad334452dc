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

    init(blockSize: Int, horizon: Int, variableCount: Int, modelledCount: Int, stateCount: Int, shockCount: Int) {
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
    func run(system: StateSpaceSystem, input: SimulationInput, generator: inout Philox4x32) {
        simulateModel(system: system, shocks: input.shocks, generator: &generator)
        drawJudgmental(input.judgmental, generator: &generator)
        applyRisks(input.risks, generator: &generator)
        for a in input.adjustments where a.yearOffset >= 1 && a.yearOffset <= horizon {
            let o = offset(year: a.yearOffset - 1, variable: a.variable)
            for p in 0..<blockSize { values[o + p] += a.shift }
        }
        if let conditions = input.conditions, !conditions.isEmpty {
            let (b, h, v) = (blockSize, horizon, variableCount)
            values.withUnsafeMutableBufferPointer {
                conditions.apply(to: $0, blockSize: b, horizon: h, variableCount: v, system: system, generator: &generator)
            }
        }
    }

    /// Fills `W = [Fᵀ; (G L s)ᵀ]`, `(n + m) x n` column-major.
    private func setWeights(_ system: StateSpaceSystem, scale: Double) {
        let n = stateCount, m = shockCount, width = n + m
        for i in 0..<n {
            for j in 0..<n { weights[j + i * width] = system.transition[i, j] }
            for j in 0..<m {
                var gl = 0.0
                for l in j..<m { gl += system.shockLoading[i, l] * system.shockCholesky[l, j] }
                weights[n + j + i * width] = gl * scale
            }
        }
    }

    /// x_t = c + F x_{t-1} + G L e_t and y_t = H x_t for every path of the block.
    private func simulateModel(system: StateSpaceSystem, shocks distribution: ShockDistribution,
                               generator: inout Philox4x32) {
        let n = stateCount, m = shockCount, k = modelledCount, b = blockSize, width = n + m
        switch distribution {
        case .normal(let s): setWeights(system, scale: s)
        case .studentT(_, let s): setWeights(system, scale: s)
        }
        let selection = selectedStates(system.observation)
        for i in 0..<n {
            (z + i * b).update(repeating: system.initialState[i], count: b)
        }
        var current = z, next = z + zCount
        for h in 0..<horizon {
            let shocks = UnsafeMutableBufferPointer(start: current + n * b, count: m * b)
            generator.fillStandardNormal(shocks)
            if case .studentT(let dof, _) = distribution {
                // One χ²_ν per path and year, shared by the path's m shocks.
                for p in 0..<b {
                    let factor = ((dof - 2) / generator.nextChiSquared(degreesOfFreedom: dof)).squareRoot()
                    for j in 0..<m { shocks[j * b + p] *= factor }
                }
            }
            for i in 0..<n { (next + i * b).update(repeating: system.intercept[i], count: b) }
            weights.withUnsafeBufferPointer { w in
                gemmUnchecked(transposeA: false, transposeB: false, m: b, n: n, k: width,
                              alpha: 1, a: current, lda: b, b: w.baseAddress!, ldb: width,
                              beta: 1, c: next, ldc: b)
            }
            swap(&current, &next)
            // Observations y = H x: a copy of state columns when H selects states, else a product.
            let o = offset(year: h, variable: 0)
            values.withUnsafeMutableBufferPointer { v in
                if let selection {
                    for (i, s) in selection.enumerated() {
                        (v.baseAddress! + o + i * b).update(from: current + s * b, count: b)
                    }
                } else {
                    system.observation.elements.withUnsafeBufferPointer { hm in
                        gemmUnchecked(transposeA: false, transposeB: true, m: b, n: k, k: n,
                                      alpha: 1, a: current, lda: b, b: hm.baseAddress!, ldb: k,
                                      beta: 0, c: v.baseAddress! + o, ldc: b)
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

    private func drawJudgmental(_ judgmental: [JudgmentalVariable], generator: inout Philox4x32) {
        for (j, variable) in judgmental.enumerated() {
            for h in 0..<horizon {
                let o = offset(year: h, variable: modelledCount + j)
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
