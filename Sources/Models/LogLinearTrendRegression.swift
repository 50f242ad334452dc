/// OLS of y on (1, x): the fit shared by the log-linear trend and the conditional AR(1).
struct SimpleRegression {
    var intercept: Double
    var slope: Double
    var residualSumOfSquares: Double
    /// Lower Cholesky factor of (XᵀX)⁻¹ for X = [1 x], 2 x 2 column-major elements.
    var unscaledCovarianceRoot: [Double]
    /// (XᵀX)⁻¹, 2 x 2 column-major elements (intercept first).
    var unscaledCovariance: [Double]

    /// The fit with the slope fixed at `slope` and the intercept re-estimated (mean of y − slope x).
    func withSlope(_ slope: Double, x: [Double], y: [Double]) -> SimpleRegression {
        var copy = self
        copy.slope = slope
        copy.intercept = zip(x, y).reduce(0) { $0 + $1.1 - slope * $1.0 } / Double(x.count)
        copy.residualSumOfSquares = zip(x, y).reduce(0) {
            let e = $1.1 - copy.intercept - slope * $1.0
            return $0 + e * e
        }
        return copy
    }
}

/// OLS of y on (1, x), centred for accuracy. The slope is NaN when x is constant.
func simpleLinearRegression(x: [Double], y: [Double]) -> SimpleRegression {
    let n = Double(x.count)
    let xbar = x.reduce(0, +) / n, ybar = y.reduce(0, +) / n
    var sxx = 0.0, sxy = 0.0
    for (a, b) in zip(x, y) { sxx += (a - xbar) * (a - xbar); sxy += (a - xbar) * (b - ybar) }
    let slope = sxx > 0 ? sxy / sxx : .nan
    let intercept = ybar - slope * xbar
    var ssr = 0.0
    for (a, b) in zip(x, y) { let e = b - intercept - slope * a; ssr += e * e }
    // (XᵀX)⁻¹ = [[1/n + x̄²/Sxx, −x̄/Sxx], [−x̄/Sxx, 1/Sxx]]
    let v11 = 1 / n + xbar * xbar / sxx, v21 = -xbar / sxx, v22 = 1 / sxx
    let l11 = v11.squareRoot(), l21 = v21 / l11
    let l22 = max(v22 - l21 * l21, 0).squareRoot()
    return SimpleRegression(intercept: intercept, slope: slope, residualSumOfSquares: ssr,
                            unscaledCovarianceRoot: [l11, l21, 0, l22],
                            unscaledCovariance: [v11, v21, v21, v22])
}
