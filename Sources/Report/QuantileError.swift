import Simulation

extension Histogram {
    /// Monte Carlo standard error of the `p`-quantile, `sqrt(p (1 - p) / N) / f(q_p)`, with the
    /// density `f` estimated over ± 2% of the probability mass around the quantile, plus the
    /// histogram's bin width (its resolution). Same unit as the values.
    ///
    /// With parameter uncertainty the paths of a block share a draw; this binomial form is then
    /// a lower bound, and the report rounds to at most 2 decimals anyway.
    public func quantileStandardError(_ p: Double) -> Double? {
        guard let lo = quantile(max(0.001, p - 0.02)), let hi = quantile(min(0.999, p + 0.02)), hi > lo else { return nil }
        let density = (min(0.999, p + 0.02) - max(0.001, p - 0.02)) / (hi - lo)
        return (p * (1 - p) / Double(total)).squareRoot() / density + resolution
    }
}
