#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which estimator a probability comes from.
public enum ProbabilityEstimator: Sendable, Equatable {
    /// The share of paths meeting the target (every joint probability, every fan).
    case pathCount
    /// Conditional Monte Carlo on the target year's step: the average over paths of
    /// P(met | the path up to the year before, its parameter draw, its Student-t mixing
    /// variable and its risk events), a normal probability (see `LastStepTargets`).
    case conditionalLastStep
}

/// One target estimated by conditional Monte Carlo: its index in `SimulationInput.targets`,
/// the state its variable reads (`y = x_state`) and its year offset.
struct LastStepTarget: Sendable, Equatable {
    var target: Int
    var state: Int
    var yearOffset: Int
}

/// The targets whose marginal P(met) is estimated by conditional Monte Carlo on their year's
/// step, and how.
///
/// Given the state x_{h-1} of a path, its parameters, its Student-t mixing factor
/// `f = sqrt((ν − 2) / W_h)` and its risk events, the target's variable in year h is normal:
///
///     y_h = μ_p + f · (w_s · z),   z ~ N(0, I),   w_s = row s of (G L scale)
///
/// with μ_p = (c + F x_{h-1})_s plus the risk and adjustment overlays, so P(y_h meets the
/// bound) is a normal probability, `Φ((x − μ_p) / (f |w_s|))` for a ceiling. The engine
/// averages it over the paths instead of counting the paths that meet the target (the
/// shock noise of the year is integrated out exactly; Rao–Blackwellisation, e.g. Asmussen &
/// Glynn 2007, *Stochastic Simulation*, §V.4). A level target is linear in y_h given the
/// earlier years, `L_h = L_{h-1} (1 + y_h / 100)`, so it is normal too.
///
/// Eligible: targets on the variable itself or its level, on a modelled indicator whose
/// observation is a selection of one state (`H` a selection matrix). Others (average growth,
/// judgmental indicators, observation noise models) are counted. Joint probabilities, P(at
/// least k met), fans and target histograms always count paths.
///
/// The Monte Carlo SE stays the batch-means SE over blocks, so the variance of the parameter
/// draws, mixing variables and risk events, which conditioning does not remove, is in it.
struct LastStepTargets: Sendable {
    var targets: [LastStepTarget] = []
    /// `entry[i]`: position in `targets` of target `i`, or nil when it is counted.
    var entry: [Int?] = []

    init() {}

    /// The eligible targets of `input` (none unless `input.probabilityEstimator` is
    /// `.conditionalLastStep`); `observation` is the model's `H` (`k x n`).
    init(_ input: SimulationInput, observation h: [[Double]]) {
        entry = Array(repeating: nil, count: input.targets.count)
        guard input.probabilityEstimator == .conditionalLastStep else { return }
        for (i, rule) in input.targets.enumerated() where rule.variable < h.count {
            switch rule.measure {
            case .value, .level: break
            case .averageGrowth: continue
            }
            let row = h[rule.variable]
            guard let s = row.firstIndex(of: 1), row.enumerated().allSatisfy({ $0.offset == s || $0.element == 0 })
            else { continue }
            entry[i] = targets.count
            targets.append(LastStepTarget(target: i, state: s, yearOffset: rule.yearOffset))
        }
    }

    /// Fixed-point scale of the per-path probabilities: sums are integers (exact, so merged in
    /// any order they give the same bits), each probability rounded to a multiple of 2^-20.
    static let scale = 1 << 20

    /// The block's sum of conditional P(met) over its paths for entry `e` (fixed point,
    /// `scale` per unit), from the block's simulated values and shock parts. A non-finite
    /// value contributes 0 (the run is refused for it anyway).
    static func blockSum(_ e: Int, rule: TargetRule, block: PathBlock) -> Int {
        let b = block.blockSize, h = rule.yearOffset - 1
        let o = block.offset(year: h, variable: rule.variable)
        let scale = Double(Self.scale)
        var sum = 0
        block.values.withUnsafeBufferPointer { v in
            block.conditionalShock.withUnsafeBufferPointer { shock in
                block.conditionalSD.withUnsafeBufferPointer { sd in
                    for p in 0..<b {
                        // The quantity is a + slope · y_h with y_h ~ N(mean, sd²).
                        let mean = v[o + p] - shock[e * b + p]
                        var a = 0.0, slope = 1.0
                        if case .level(let last) = rule.measure {
                            var previous = last
                            for year in 0..<h { previous *= 1 + v[block.offset(year: year, variable: rule.variable) + p] / 100 }
                            a = previous
                            slope = previous / 100
                        }
                        let probability = Self.probability(rule.bound, mean: a + slope * mean,
                                                           sd: Swift.abs(slope) * sd[e * b + p])
                        if probability.isFinite { sum += Int((probability * scale).rounded()) }
                    }
                }
            }
        }
        return sum
    }

    /// P(X meets `bound`) for X ~ N(mean, sd²); sd = 0 is a point mass at `mean`.
    @inline(__always)
    static func probability(_ bound: TargetBound, mean: Double, sd: Double) -> Double {
        guard sd > 0 else { return bound.isMet(by: mean) ? 1 : 0 }
        let r = 1 / (sd * 2.0.squareRoot())
        switch bound {
        case .atLeast(let x): return 0.5 * erfc((x - mean) * r)
        case .atMost(let x): return 0.5 * erfc((mean - x) * r)
        case .around(let x, let t):
            // Φ(u) − Φ(l) = Q(l) − Q(u), Q(z) = erfc(z / √2) / 2 the upper tail.
            return max(0, 0.5 * (erfc((x - t - mean) * r) - erfc((x + t - mean) * r)))
        }
    }
}
