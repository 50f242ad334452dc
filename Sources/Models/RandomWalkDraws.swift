import Random

/// A variance drawn from its scaled inverse-χ² sampling distribution: σ² = ν s² / χ²_ν
/// (the posterior of a normal variance under the flat prior on log σ; Gelman et al. 2013,
/// *Bayesian Data Analysis* §3.2). Returns `s2` when ν < 1.
func drawVariance(_ s2: Double, degreesOfFreedom nu: Int, using generator: inout Philox4x32) -> Double {
    guard nu >= 1 else { return s2 }
    let chi2 = generator.nextChiSquared(degreesOfFreedom: Double(nu))
    return chi2 > 0 ? Double(nu) * s2 / chi2 : s2
}

/// `mean + root z` for `z ~ N(0, I)`, `root` lower triangular (`p x p`, column-major elements).
func drawNormal(mean: [Double], root: [Double], using generator: inout Philox4x32) -> [Double] {
    let p = mean.count
    let z = (0..<p).map { _ in generator.nextStandardNormal() }
    var out = mean
    for i in 0..<p { for j in 0...i { out[i] += root[i + j * p] * z[j] } }
    return out
}
