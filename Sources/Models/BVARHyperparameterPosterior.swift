import Numerics
import Random

/// The posterior of the BVAR's hyperparameters on a grid: the overall tightness λ and, unless
/// fixed, the own first-lag prior mean δ, with p(λ, δ | Y) ∝ p(Y | λ, δ) under a flat prior on
/// log λ over `BVARTightness.searchInterval` and on δ over `BVARSpecification.ownLagMeanGrid`
/// (GLP 2015, §3, treat the Minnesota hyperparameters as parameters with a hyperprior; flat ones
/// let the data speak). Draws take a grid point with its posterior probability and return the
/// NIW posterior there, so that parameter draws carry the uncertainty of the hyperparameters
/// instead of treating their maximiser as known: in short samples the marginal likelihood is
/// flat over a wide range of λ, and a δ fixed at 0 pulls persistent series towards their mean.
struct BVARHyperparameterPosterior: Sendable {
    /// NIW posteriors at the grid points that could be formed, with cumulative probabilities.
    let posteriors: [NIWPosterior]
    let cumulative: [Double]
    /// The grid point of highest marginal likelihood: (λ, δ).
    let mode: (tightness: Double, ownLagMean: Double)
    /// What the grid spans, for the notes: "λ from its posterior", "λ and δ from their posterior".
    let description: String

    /// Grid points in log λ.
    static let tightnessPoints = 41

    /// - Parameters:
    ///   - tightness: λ fixed, or nil for the grid in log λ.
    ///   - ownLagMeans: the δ grid (one value when δ is fixed).
    ///   - posterior: the NIW posterior at (λ, δ) (throws when it cannot be formed).
    /// - Returns: nil when no grid point gives a finite marginal likelihood.
    init?(tightness: Double?, ownLagMeans: [Double], _ posterior: (Double, Double) throws -> NIWPosterior) {
        let interval = BVARTightness.searchInterval
        let lo = Double.log(interval.lowerBound), hi = Double.log(interval.upperBound)
        let lambdas = tightness.map { [$0] }
            ?? (0..<Self.tightnessPoints).map { .exp(lo + (hi - lo) * Double($0) / Double(Self.tightnessPoints - 1)) }
        let fitted = ownLagMeans.flatMap { delta in
            lambdas.compactMap { lambda in
                (try? posterior(lambda, delta)).flatMap { $0.logMarginalLikelihood.isFinite ? ($0, lambda, delta) : nil }
            }
        }
        guard let best = fitted.max(by: { $0.0.logMarginalLikelihood < $1.0.logMarginalLikelihood }) else { return nil }
        let top = best.0.logMarginalLikelihood
        var cumulative: [Double] = []
        var total = 0.0
        for p in fitted {
            total += .exp(p.0.logMarginalLikelihood - top)
            cumulative.append(total)
        }
        posteriors = fitted.map(\.0)
        self.cumulative = cumulative.map { $0 / total }
        mode = (best.1, best.2)
        let names = [lambdas.count > 1 ? "λ" : nil, ownLagMeans.count > 1 ? "δ" : nil].compactMap { $0 }
        description = names.joined(separator: " and ") + (names.count > 1 ? " from their posterior" : " from its posterior")
    }

    /// A posterior drawn with its probability.
    func draw(using g: inout Philox4x32) -> NIWPosterior {
        posteriors[index(quantile: g.nextUniform())]
    }

    /// The grid point at probability u of the grid posterior (inversion: the first point whose
    /// cumulative probability exceeds u, by binary search).
    func index(quantile u: Double) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if u < cumulative[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
