import Models
import Random

/// A source of predictive uncertainty that can be switched off.
public enum UncertaintySource: Int, CaseIterable, Sendable {
    /// The model's shocks (off: scaled by 10⁻⁹, the paths follow their mean).
    case shocks
    /// Parameter uncertainty (off: every draw replaced by the point estimate).
    case parameters
    /// Risk events (off: probability 0).
    case risks
    /// Judgmental indicators' spread (off: sd scaled by 10⁻⁹).
    case judgments

    public var name: String {
        switch self {
        case .shocks: return "shocks"
        case .parameters: return "parameter uncertainty"
        case .risks: return "risk events"
        case .judgments: return "judgments"
        }
    }
}

/// Where the uncertainty comes from: for every simulated variable and year the predictive
/// variance, and for every target the variance of its quantity and the shortfall 1 - P(met),
/// split over the four `UncertaintySource`s by the Shapley value (Shapley 1953): the engine runs
/// for all 2⁴ = 16 subsets of sources switched on, with the same seed (common random numbers:
/// a source switched off still consumes its random numbers, so every other source draws the
/// same numbers), and source i gets
///
///     φ_i = Σ_{S ∌ i} |S|! (3 - |S|)! / 4! · (v(S ∪ {i}) - v(S)),
///
/// the average over the orders of switching the sources on of what switching i on adds. The
/// parts add to `total - none` (the quantity with every source on, minus with none: zero for a
/// variance, the deterministic path's shortfall, 0 or 1, for P(met)), whatever the order. A
/// source the scenario lacks (no risk events, parameters held at their estimates) adds exactly
/// nothing in every subset, so its part is exactly 0.
///
/// Variances are read off the fixed-range histograms (bin midpoints; within the bin width of the
/// sample variance's square root). Units: variance in the quantity's unit squared (pp² for
/// growth), shortfall as a fraction.
public struct UncertaintyDecomposition: Sendable {
    public struct Row: Sendable {
        /// "gdp 2022", or a target's label.
        public let label: String
        /// The quantity with every source on.
        public let total: Double
        /// The quantity with every source off.
        public let none: Double
        /// Shapley parts in `UncertaintySource` order; they sum to `total - none`.
        public let parts: [Double]
        /// The part of parameter uncertainty.
        public var parameters: Double { parts[UncertaintySource.parameters.rawValue] }
    }

    /// Predictive variance of each simulated variable in each year.
    public let variance: [Row]
    /// Per target rule (in the input's order): variance of the constrained quantity.
    public let targetVariance: [Row]
    /// Per target rule: shortfall 1 - P(met).
    public let shortfall: [Row]
    /// Paths and seed of each of the 16 runs.
    public let paths: Int
    public let seed: UInt64

    /// Shapley weights |S|! (n - |S| - 1)! / n! for n = 4 by |S|.
    static let weights = [1.0 / 4, 1.0 / 12, 1.0 / 12, 1.0 / 4]

    /// Shapley parts of `value` (one entry per subset mask, bit i = source i on).
    static func shapley(_ value: [Double]) -> [Double] {
        (0..<4).map { i in
            var phi = 0.0
            for mask in 0..<16 where mask & (1 << i) == 0 {
                phi += weights[mask.nonzeroBitCount] * (value[mask | (1 << i)] - value[mask])
            }
            return phi
        }
    }

    /// Runs the 16 subsets of `input` and splits each quantity; `labels` name the target rules.
    /// With `shareDraws` the 8 runs with parameter uncertainty on draw the parameters once
    /// between them, as do the 8 with it off (`ParameterDrawCache`; the same numbers).
    /// - Throws: `SimulationError` as `MonteCarloEngine.run`.
    public static func run(_ input: SimulationInput, variables: [String], firstYear: Int, targetLabels: [String],
                           engine: MonteCarloEngine = MonteCarloEngine(), shareDraws: Bool = true) throws -> UncertaintyDecomposition {
        var results: [SimulationResult] = []
        let drawsOn = shareDraws ? ParameterDrawCache() : nil, drawsOff = shareDraws ? ParameterDrawCache() : nil
        for mask in 0..<16 {
            var switchedInput = switched(input, on: mask)
            // Combinations with the same parameter setting draw the same forms: draw them once.
            switchedInput.drawCache = mask & (1 << UncertaintySource.parameters.rawValue) != 0 ? drawsOn : drawsOff
            results.append(try engine.run(switchedInput))
        }
        let all = results[15]
        var variance: [Row] = []
        for h in 0..<all.horizon {
            for (v, id) in variables.enumerated() {
                let values = results.map { $0.fan[h][v].variance }
                variance.append(Row(label: "\(id) \(firstYear + h)", total: values[15], none: values[0], parts: shapley(values)))
            }
        }
        let targetVariance = input.targets.indices.map { i in
            let values = results.map { $0.targets[i].distribution.variance }
            return Row(label: targetLabels[i], total: values[15], none: values[0], parts: shapley(values))
        }
        let shortfall = input.targets.indices.map { i in
            let values = results.map { 1 - $0.targets[i].probability.value }
            return Row(label: targetLabels[i], total: values[15], none: values[0], parts: shapley(values))
        }
        return UncertaintyDecomposition(variance: variance, targetVariance: targetVariance, shortfall: shortfall,
                                        paths: all.paths, seed: all.seed)
    }

    /// `input` with the sources not in `mask` switched off, consuming the same random numbers.
    static func switched(_ input: SimulationInput, on mask: Int) -> SimulationInput {
        let on = { (s: UncertaintySource) in mask & (1 << s.rawValue) != 0 }
        var out = input
        let tiny = 1e-9
        if !on(.shocks) {
            switch input.shocks {
            case .normal(let s): out.shocks = .normal(scale: s * tiny)
            case .studentT(let dof, let s): out.shocks = .studentT(degreesOfFreedom: dof, scale: s * tiny)
            }
        }
        if !on(.parameters) && input.parameterUncertainty {
            out.model = PointEstimateDraws(inner: input.model)
        }
        if !on(.risks) {
            out.risks = input.risks.map { var r = $0; r.probability = 0; return r }
        }
        if !on(.judgments) {
            out.judgmental = input.judgmental.map { var j = $0; j.sd *= tiny; return j }
        }
        return out
    }
}

/// A model whose parameter draws consume the random numbers of `inner`'s draws but return its
/// point estimate: parameter uncertainty off with the shocks' random numbers unchanged.
struct PointEstimateDraws: FittedModel {
    let inner: any FittedModel
    var indicators: [String] { inner.indicators }
    var summary: String { inner.summary }
    var notes: [String] { inner.notes }
    var warnings: [String] { inner.warnings }
    var dependence: String { inner.dependence }
    func pointSystem() -> StateSpaceSystem { inner.pointSystem() }
    func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem {
        _ = inner.drawSystem(using: &generator)
        return inner.pointSystem()
    }
}

extension Histogram {
    /// Variance of the binned values (bin midpoints; values outside the range at its ends).
    public var variance: Double {
        let w = resolution
        var n = Double(below + above), sum = Double(below) * lower + Double(above) * upper
        var squares = Double(below) * lower * lower + Double(above) * upper * upper
        for i in 0..<binCount {
            let c = Double(count(bin: i))
            guard c > 0 else { continue }
            let x = lower + (Double(i) + 0.5) * w
            n += c
            sum += c * x
            squares += c * x * x
        }
        guard n > 1 else { return 0 }
        let mean = sum / n
        return max(0, (squares - n * mean * mean) / (n - 1))
    }
}
