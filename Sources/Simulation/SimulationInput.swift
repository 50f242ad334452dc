import Models

/// The distribution of the standard shocks `e_t` that drive the state-space form.
public enum ShockDistribution: Sendable, Equatable {
    /// `e_t ~ N(0, I)` scaled by `scale`: Cov(u_t) = scale² Σ_u.
    case normal(scale: Double)
    /// Multivariate Student-t with `degreesOfFreedom` ν > 2, standardised to unit variance
    /// and scaled by `scale`: `e_t = scale · z_t · sqrt((ν - 2) / W_t)` with `z_t ~ N(0, I)` and
    /// one `W_t ~ χ²_ν` per path and year, shared by every indicator, so that a bad year is bad
    /// for all indicators together (an elliptical t; each marginal is a scaled t_ν).
    /// Cov(u_t) = scale² Σ_u.
    case studentT(degreesOfFreedom: Double, scale: Double)
}

/// A risk event: in `yearOffset` (1 = the first simulated year) it happens on a path with
/// `probability`, and then adds `impacts[v]` percentage points to variable `v` in that year
/// and `impacts[v] · persistence^j` in the j-th year after.
///
/// The impact is an overlay on the simulated outcome: it does not enter the model's state,
/// so the model's dynamics do not propagate it a second time.
public struct RiskEvent: Sendable, Equatable {
    public var name: String
    /// Probability in [0, 1] (a fraction, not percent).
    public var probability: Double
    /// Year of the event, counted from the base year (1 = first simulated year).
    public var yearOffset: Int
    /// Variable index -> impact in percentage points (pp) in the event year.
    public var impacts: [Int: Double]
    /// Fraction of the impact carried into each following year, in [0, 1].
    public var persistence: Double

    public init(name: String, probability: Double, yearOffset: Int, impacts: [Int: Double], persistence: Double) {
        self.name = name
        self.probability = probability
        self.yearOffset = yearOffset
        self.impacts = impacts
        self.persistence = persistence
    }
}

/// A judgmental adjustment: `shift` percentage points added to variable `variable` in
/// `yearOffset` on every path (a shift of the mean).
public struct MeanShift: Sendable, Equatable {
    public var variable: Int
    public var yearOffset: Int
    public var shift: Double
    public init(variable: Int, yearOffset: Int, shift: Double) {
        self.variable = variable
        self.yearOffset = yearOffset
        self.shift = shift
    }
}

/// An indicator without a usable history, drawn from an expert distribution each year,
/// independently of the modelled indicators: `mean + sd · e`, with `e` standard normal or,
/// when `degreesOfFreedom` is set, Student-t standardised to unit variance
/// (`t_ν · sqrt((ν - 2) / ν)`), so that `sd` is the standard deviation either way.
public struct JudgmentalVariable: Sendable, Equatable {
    public var id: String
    /// Mean, in the indicator's unit (percent for growth and rates).
    public var mean: Double
    /// Standard deviation (> 0), same unit.
    public var sd: Double
    /// Degrees of freedom ν > 2 of a Student-t judgment; nil for a normal one.
    public var degreesOfFreedom: Double?
    public init(id: String, mean: Double, sd: Double, degreesOfFreedom: Double? = nil) {
        self.id = id
        self.mean = mean
        self.sd = sd
        self.degreesOfFreedom = degreesOfFreedom
    }
}

/// What a target constrains, computed on each path from the simulated variable.
public enum TargetMeasure: Sendable, Equatable {
    /// The variable itself (growth in percent, or a rate in percent) in `yearOffset`.
    case value
    /// The level in `yearOffset`: `lastLevel · Π (1 + g_t / 100)` over the simulated years
    /// up to `yearOffset`, with `g_t` the variable's growth in percent. Unit: the level's.
    case level(lastLevel: Double)
    /// Average annual growth in percent over years `fromOffset...yearOffset`:
    /// `100 · ((Π (1 + g_t / 100))^(1/n) - 1)`.
    case averageGrowth(fromOffset: Int)
}

/// The comparison a target makes.
public enum TargetBound: Sendable, Equatable {
    case atLeast(Double)
    case atMost(Double)
    /// `|x - value| <= tolerance` (a two-sided band).
    case around(Double, tolerance: Double)

    /// True when `x` meets the bound.
    @inlinable
    public func isMet(by x: Double) -> Bool {
        switch self {
        case .atLeast(let v): return x >= v
        case .atMost(let v): return x <= v
        case .around(let v, let t): return Swift.abs(x - v) <= t
        }
    }
}

/// A target evaluated on the simulated paths.
public struct TargetRule: Sendable, Equatable {
    /// Index of the variable (modelled indicators first, then judgmental ones).
    public var variable: Int
    /// Year of the target, counted from the base year (1 = first simulated year).
    public var yearOffset: Int
    public var measure: TargetMeasure
    public var bound: TargetBound
    /// Whether the target counts in its year's joint probability and P(at least k met); false
    /// for a second figure (the band "lands near X" beside a floor verdict).
    public var isJoint: Bool
    public init(variable: Int, yearOffset: Int, measure: TargetMeasure, bound: TargetBound, isJoint: Bool = true) {
        self.variable = variable
        self.yearOffset = yearOffset
        self.measure = measure
        self.bound = bound
        self.isJoint = isJoint
    }
}

/// Everything the Monte Carlo engine needs; independent of the scenario file format.
public struct SimulationInput: Sendable {
    /// The fitted model whose state-space form carries the paths forward.
    public var model: any FittedModel
    /// When true, each block of paths uses its own `drawSystem` (posterior or sampling draw).
    public var parameterUncertainty: Bool
    public var shocks: ShockDistribution
    /// Number of simulated years after the base year (>= 1).
    public var horizon: Int
    public var judgmental: [JudgmentalVariable]
    public var risks: [RiskEvent]
    public var adjustments: [MeanShift]
    public var targets: [TargetRule]
    /// Number of paths requested; rounded up to a whole number of blocks.
    public var paths: Int
    public var seed: UInt64
    /// Worker threads (>= 1). The output does not depend on it.
    public var threads: Int
    /// How marginal P(met) is estimated: `.pathCount` (the share of paths; the default, and
    /// what the reference workload's peers do) or `.conditionalLastStep` where the model
    /// allows it (see `LastStepTargets`). Joint probabilities always count paths.
    public var probabilityEstimator: ProbabilityEstimator = .pathCount
    /// When true, the per-path draws that a block averages are stratified over its paths: in
    /// each year, the Student-t mixing variable's χ²_ν takes as its first normal candidate
    /// Φ⁻¹((π(p) + v_p) / blockSize) (π a random permutation, v_p uniform;
    /// `Philox4x32.nextChiSquared(degreesOfFreedom:firstNormal:)`), and a judgmental
    /// variable's normal (and its Student-t χ², through its own permutation) likewise. So every
    /// block holds one path in each of `blockSize` equal-probability strata of each of them —
    /// a narrow band's conditional P(met) depends strongly on the mixing variable, a judgmental
    /// target's count on the normal. Each path's draws are still exactly distributed and
    /// blocks stay independent (the batch-means SE stays honest). False (the default):
    /// independent draws.
    public var stratifiedPathDraws = false
    /// Parameter draws shared with other runs of the same model and seed (`ParameterDrawCache`);
    /// nil: every block draws its own.
    public var drawCache: ParameterDrawCache? = nil
    /// Conditions of a what-if run, applied to every block last; nil: unconditional.
    public var conditions: PathConditions? = nil

    public init(model: any FittedModel, parameterUncertainty: Bool, shocks: ShockDistribution,
                horizon: Int, judgmental: [JudgmentalVariable] = [], risks: [RiskEvent] = [],
                adjustments: [MeanShift] = [], targets: [TargetRule] = [],
                paths: Int, seed: UInt64, threads: Int = 1) {
        self.model = model
        self.parameterUncertainty = parameterUncertainty
        self.shocks = shocks
        self.horizon = horizon
        self.judgmental = judgmental
        self.risks = risks
        self.adjustments = adjustments
        self.targets = targets
        self.paths = paths
        self.seed = seed
        self.threads = threads
    }

    /// Variable names: the model's indicators, then the judgmental ones.
    public var variables: [String] { model.indicators + judgmental.map(\.id) }
}
