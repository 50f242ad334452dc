extension Histogram {
    /// CRPS of the histogram's distribution at the observation `y`,
    ///
    ///     CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx     (Gneiting & Raftery 2007, eq. 20)
    ///
    /// computed exactly for the distribution the histogram stands for: uniform inside each bin
    /// (F linear across a bin), the values counted below the range as a point mass at `lower`
    /// and those above as a point mass at `upper`. Over a bin of width w where F runs from a to
    /// b, `∫ F² = w (a² + ab + b²)/3` and `∫ (1 − F)²` likewise with 1 − a, 1 − b; the bin that
    /// holds y is split at y. It differs from the CRPS of the simulated sample by at most about
    /// one bin width (`resolution`), plus the effect of the out-of-range mass (none in a
    /// normal run: the pilot widens the ranges). Same unit as the values (percentage points
    /// for growth and rates). NaN for an empty histogram or a non-finite y.
    public func crps(observation y: Double) -> Double {
        let n = total
        guard n > 0, y.isFinite else { return .nan }
        let w = resolution
        // Outside [lower, upper]: F = 0 left of lower, 1 right of upper.
        var sum = 0.0
        if y < lower { sum += lower - y }
        if y > upper { sum += y - upper }
        var a = Double(below) / Double(n)
        for i in 0..<binCount {
            let b = a + Double(count(bin: i)) / Double(n)
            let x0 = lower + Double(i) * w, x1 = x0 + w
            if y <= x0 {
                sum += Self.integralOfSquare(1 - a, 1 - b, width: w)
            } else if y >= x1 {
                sum += Self.integralOfSquare(a, b, width: w)
            } else {
                let fy = a + (b - a) * (y - x0) / w
                sum += Self.integralOfSquare(a, fy, width: y - x0)
                sum += Self.integralOfSquare(1 - fy, 1 - b, width: x1 - y)
            }
            a = b
        }
        return sum
    }

    /// `∫ g²` over an interval of `width` where g runs linearly from `a` to `b`.
    private static func integralOfSquare(_ a: Double, _ b: Double, width: Double) -> Double {
        width * (a * a + a * b + b * b) / 3
    }
}
