import Numerics
import Random

/// The posterior of the overall tightness λ on a grid: p(λ | Y) ∝ p(Y | λ) under a flat prior
/// on log λ over `BVARTightness.searchInterval` (GLP 2015 treat λ as a parameter with a
/// hyperprior; a flat one on log λ lets the data speak). Draws take a grid point with its
/// posterior probability and return the NIW posterior there, so that parameter draws carry
/// the uncertainty of λ instead of treating its maximiser as known: in short samples the
/// marginal likelihood is flat over a wide range of λ.
struct BVARTightnessPosterior: Sendable {
    /// NIW posteriors at the grid points that could be formed, with cumulative probabilities.
    let posteriors: [NIWPosterior]
    let cumulative: [Double]

    static let gridPoints = 41

    /// - Parameter posterior: the NIW posterior at λ (throws when it cannot be formed).
    /// - Returns: nil when no grid point gives a finite marginal likelihood.
    init?(_ posterior: (Double) throws -> NIWPosterior) {
        let interval = BVARTightness.searchInterval
        let lo = Double.log(interval.lowerBound), hi = Double.log(interval.upperBound)
        let grid = (0..<Self.gridPoints).map { lo + (hi - lo) * Double($0) / Double(Self.gridPoints - 1) }
        let fitted = grid.compactMap { try? posterior(.exp($0)) }.filter { $0.logMarginalLikelihood.isFinite }
        guard let top = fitted.map(\.logMarginalLikelihood).max() else { return nil }
        var cumulative: [Double] = []
        var total = 0.0
        for p in fitted {
            total += .exp(p.logMarginalLikelihood - top)
            cumulative.append(total)
        }
        posteriors = fitted
        self.cumulative = cumulative.map { $0 / total }
    }

    /// A posterior drawn with its probability.
    func draw(using g: inout Philox4x32) -> NIWPosterior {
        let u = g.nextUniform()
        return posteriors[cumulative.firstIndex { u < $0 } ?? posteriors.count - 1]
    }
}
