/// How the BVAR's overall tightness λ is set.
public enum BVARTightness: Sendable, Equatable {
    /// λ maximising the closed-form marginal likelihood p(Y | λ) over `searchInterval`
    /// (empirical Bayes, GLP 2015 without their hyperprior): a 31-point grid in log λ, then
    /// golden-section search on log λ between the best grid point's neighbours (to 1e-6).
    case maximumMarginalLikelihood
    /// A fixed λ > 0.
    case fixed(Double)

    /// The interval searched for λ.
    public static let searchInterval: ClosedRange<Double> = 0.01...10
}

/// The maximiser of a unimodal-near-its-peak function on an interval: a grid, then golden
/// section between the neighbours of the best grid point.
struct GoldenSectionMaximiser {
    var gridPoints = 31
    var tolerance = 1e-6

    /// - Returns: the argument, the value, and whether the maximum sits at an end of the
    ///   interval (the function still increasing there).
    func maximise(over interval: ClosedRange<Double>,
                  _ f: (Double) throws -> Double) rethrows -> (argument: Double, value: Double, atBound: Bool) {
        let step = (interval.upperBound - interval.lowerBound) / Double(gridPoints - 1)
        let grid = (0..<gridPoints).map { interval.lowerBound + Double($0) * step }
        let values = try grid.map(f)
        let best = values.indices.max { values[$0] < values[$1] }!
        var lo = grid[Swift.max(best - 1, 0)], hi = grid[Swift.min(best + 1, gridPoints - 1)]
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo)
        var fa = try f(a), fb = try f(b)
        while hi - lo > tolerance {
            if fa >= fb {
                hi = b; b = a; fb = fa
                a = hi - ratio * (hi - lo); fa = try f(a)
            } else {
                lo = a; a = b; fa = fb
                b = lo + ratio * (hi - lo); fb = try f(b)
            }
        }
        let candidates = [(a, fa), (b, fb), (grid[best], values[best])]
        let top = candidates.max { $0.1 < $1.1 }!
        let atBound = top.0 - interval.lowerBound < 2 * tolerance || interval.upperBound - top.0 < 2 * tolerance
        return (top.0, top.1, atBound)
    }
}
