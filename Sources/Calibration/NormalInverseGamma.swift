/// The normal–inverse-gamma (normal–scaled-inverse-χ²) model of a mean and a variance, updated
/// by weighted observations, and its Student-t posterior predictive.
///
/// Prior `σ² ~ ν₀σ₀²/χ²(ν₀)`, `μ | σ² ~ N(μ₀, σ²/κ₀)`. Observations `x_k` with weights
/// `w_k` in (0, 1] enter as a power likelihood `Π N(x_k; μ, σ²)^{w_k}`, so with `W = Σ w_k`,
/// `x̄ = Σ w_k x_k / W` and `S = Σ w_k (x_k − x̄)²` (the conjugate normal–scaled-inverse-χ²
/// update of Gelman et al., Bayesian Data Analysis, 3rd ed., §3.3, with n replaced by W):
///
///     κₙ = κ₀ + W,  μₙ = (κ₀μ₀ + W x̄) / κₙ,  νₙ = ν₀ + W,
///     νₙσₙ² = ν₀σ₀² + S + (κ₀W / κₙ)(x̄ − μ₀)²,
///
/// and the predictive of a new observation is `t_{νₙ}(μₙ, σₙ² (1 + 1/κₙ))` (ibid.; with unit weights, the textbook case).
public struct NormalInverseGamma: Sendable, Equatable {
    public var mean: Double
    /// κ, the prior's weight on `mean` in observations (> 0).
    public var meanWeight: Double
    /// ν, degrees of freedom of the variance (> 0).
    public var degreesOfFreedom: Double
    /// σ², the scale of the variance (> 0), in squared units of the observations.
    public var variance: Double

    public init(mean: Double, meanWeight: Double, degreesOfFreedom: Double, variance: Double) {
        precondition(meanWeight > 0 && degreesOfFreedom > 0 && variance > 0, "NIG parameters must be > 0")
        self.mean = mean
        self.meanWeight = meanWeight
        self.degreesOfFreedom = degreesOfFreedom
        self.variance = variance
    }

    /// The posterior after the weighted observations (`values.count == weights.count`).
    public func updated(with values: [Double], weights: [Double]) -> NormalInverseGamma {
        precondition(values.count == weights.count, "one weight per value")
        let w = weights.reduce(0, +)
        guard w > 0 else { return self }
        let xbar = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / w
        let s = zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - xbar) * ($1.0 - xbar) }
        let k = meanWeight + w, nu = degreesOfFreedom + w
        let m = (meanWeight * mean + w * xbar) / k
        let v = (degreesOfFreedom * variance + s + meanWeight * w / k * (xbar - mean) * (xbar - mean)) / nu
        return NormalInverseGamma(mean: m, meanWeight: k, degreesOfFreedom: nu, variance: v)
    }

    /// The posterior predictive of one new observation.
    public var predictive: StudentT {
        StudentT(location: mean, scale: (variance * (1 + 1 / meanWeight)).squareRoot(), degreesOfFreedom: degreesOfFreedom)
    }
}
