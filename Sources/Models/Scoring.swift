import Foundation

// Proper scoring rules for probabilistic forecasts (Gneiting & Raftery 2007, "Strictly proper
// scoring rules, prediction, and estimation", JASA 102, 359–378). CRPS is negatively oriented
// (smaller is better) and in the units of the forecast (percentage points for growth rates);
// the log score is positively oriented (larger is better), as in Gneiting & Raftery.

/// CRPS of the Gaussian predictive N(μ, σ²) at observation y (Gneiting & Raftery 2007, eq. 21):
///
///     CRPS = σ [ z (2Φ(z) − 1) + 2φ(z) − 1/√π ],   z = (y − μ)/σ
///
/// For σ <= 0 the predictive is a point mass and CRPS = |y − μ| (the limit).
public func crpsGaussian(mean: Double, standardDeviation sigma: Double, observation y: Double) -> Double {
    guard sigma > 0 else { return abs(y - mean) }
    let z = (y - mean) / sigma
    let cdf = 0.5 * erfc(-z / 2.0.squareRoot())
    let pdf = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    return sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / Double.pi.squareRoot())
}

/// CRPS of the empirical distribution of `sample` (n draws) at y, in its energy form
/// (Gneiting & Raftery 2007, eq. 20):
///
///     CRPS = (1/n) Σ |x_i − y| − (1/(2n²)) Σ_i Σ_j |x_i − x_j|
///          = (1/n) Σ |x_i − y| − (1/n²) Σ_i (2i − n − 1) x_(i)     (x_(i) sorted, i = 1...n)
///
/// O(n log n) by sorting (O(n) when `sampleIsSorted`). This is the CRPS of the n-point
/// empirical distribution (divisor n², not the "fair" n(n − 1)).
/// - Throws: `ModelError.invalidSpecification` for an empty sample or non-finite values.
public func crpsSample(_ sample: [Double], observation y: Double, sampleIsSorted: Bool = false) throws -> Double {
    guard !sample.isEmpty, y.isFinite, sample.allSatisfy(\.isFinite) else {
        throw ModelError.invalidSpecification("CRPS needs a non-empty, finite sample and a finite observation")
    }
    let sorted = sampleIsSorted ? sample : sample.sorted()
    let n = Double(sorted.count)
    var absolute = 0.0, spread = 0.0
    for (i, x) in sorted.enumerated() {
        absolute += abs(x - y)
        spread += (2 * Double(i + 1) - n - 1) * x
    }
    return absolute / n - spread / (n * n)
}

/// Log score log p(y) of the Gaussian predictive N(μ, σ²) (natural log; larger is better).
/// For σ <= 0 (a point mass) the limit: +infinity when y == μ, −infinity otherwise (never NaN).
public func logScoreGaussian(mean: Double, standardDeviation sigma: Double, observation y: Double) -> Double {
    guard sigma > 0 else { return y == mean ? .infinity : -.infinity }
    return gaussianLogDensity(y - mean, variance: sigma * sigma)
}

/// Root mean squared error sqrt(mean((forecast − observation)²)), in the units of the data.
/// - Throws: `ModelError.invalidSpecification` when the counts differ or are zero.
public func rootMeanSquaredError(forecasts: [Double], observations: [Double]) throws -> Double {
    guard forecasts.count == observations.count, !forecasts.isEmpty else {
        throw ModelError.invalidSpecification("RMSE needs equal, non-zero numbers of forecasts and observations (\(forecasts.count), \(observations.count))")
    }
    let ss = zip(forecasts, observations).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    return (ss / Double(forecasts.count)).squareRoot()
}

/// Fraction of observations inside their closed interval [lower_i, upper_i] (a fraction in
/// [0, 1]; compare with the nominal level, e.g. 0.8).
/// - Throws: `ModelError.invalidSpecification` when the counts differ or are zero.
public func intervalCoverage(lower: [Double], upper: [Double], observations: [Double]) throws -> Double {
    guard lower.count == observations.count, upper.count == observations.count, !observations.isEmpty else {
        throw ModelError.invalidSpecification("coverage needs equal, non-zero numbers of bounds and observations")
    }
    let inside = observations.indices.filter { lower[$0] <= observations[$0] && observations[$0] <= upper[$0] }.count
    return Double(inside) / Double(observations.count)
}

/// Φ⁻¹(p), the standard normal quantile, for 0 < p < 1 (Acklam's rational approximation,
/// relative error 1.15e-9, refined by one Halley step with `erfc`: about 1e-15). Returns
/// −infinity / +infinity at p = 0 / 1 and NaN only for p outside [0, 1].
public func standardNormalQuantile(_ p: Double) -> Double {
    guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
    // Acklam's coefficients a, b (central region) and c, d (tails), inline (no arrays: this
    // runs once per quasi-random coordinate in the simulation).
    let low = 0.02425
    var x: Double
    if p < low || p > 1 - low {
        let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
        x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1)
        if p > 1 - low { x = -x }
    } else {
        let q = p - 0.5, r = q * q
        x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1)
    }
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
    return x - u / (1 + 0.5 * x * u)
}
