import Linear

/// A Bayesian VAR(p) with constant under the conjugate Minnesota (Normal-inverse-Wishart)
/// prior of `MinnesotaPrior`, with the closed-form posterior of `NIWPosterior`: no MCMC.
///
/// The prior identifies the model whatever the sample length: with T ≈ 12 usable years and
/// k ≈ 10 indicators (more coefficients per equation than years) the posterior is proper.
/// Years are used as in the VAR (value and all p lags observed; nothing imputed).
/// Units are those of the panel (growth and rates in percent).
public struct BVARSpecification: ModelSpecification {
    /// p >= 1.
    public var lags: Int
    /// δ, prior mean of each own first-lag coefficient (0 for growth rates, 1 for levels).
    public var ownLagMean: Double
    /// λ: fixed, or chosen by maximum marginal likelihood.
    public var tightness: BVARTightness
    /// κ, prior sd of the intercept in units of √Σ_ii (default 100: nearly flat).
    public var interceptScale: Double
    /// Attempts per `drawSystem` call before an all-explosive run falls back to the
    /// posterior mean.
    public var explosiveDrawLimit: Int

    public init(lags: Int, ownLagMean: Double = 0, tightness: BVARTightness = .maximumMarginalLikelihood,
                interceptScale: Double = 100, explosiveDrawLimit: Int = 100) {
        self.lags = lags
        self.ownLagMean = ownLagMean
        self.tightness = tightness
        self.interceptScale = interceptScale
        self.explosiveDrawLimit = explosiveDrawLimit
    }

    public func fit(_ panel: Panel) throws -> any FittedModel { try estimate(panel) }

    /// Fits the BVAR and returns the typed results.
    ///
    /// - Throws: `ModelError.notIdentified` when fewer years than
    ///   `MinimumData.consecutivePairs` have their value and all lags observed; `.invalidSpecification` for a non-positive λ or κ; `.degenerateSeries`
    ///   for a constant series or one with fewer than 3 consecutive observed pairs (no AR(1)
    ///   scale); the design's errors (a gap in the last p years); `.numericalFailure` if
    ///   LAPACK fails.
    public func estimate(_ panel: Panel) throws -> BVARResults {
        let design = try VARDesign(panel: panel, lags: lags)
        guard MinimumData.isEnough(design.observationCount) else {
            throw ModelError.notIdentified(MinimumData.shortfall(lags: lags, usableYears: design.observationCount))
        }
        let scales = try MinnesotaPrior.autoregressiveScales(design.values, indicators: design.indicators)
        do {
            let xtx = syrk(design.x, transpose: true)
            let posterior = { (lambda: Double) throws -> (MinnesotaPrior, NIWPosterior) in
                let prior = try MinnesotaPrior(lags: lags, tightness: lambda, ownLagMean: ownLagMean,
                                               interceptScale: interceptScale, scales: scales)
                return (prior, try NIWPosterior(prior: prior, x: design.x, y: design.y, crossProduct: xtx))
            }
            var selection: String
            let lambda: Double
            switch tightness {
            case .fixed(let value):
                lambda = value
                selection = "fixed"
            case .maximumMarginalLikelihood:
                let interval = BVARTightness.searchInterval
                let best = try GoldenSectionMaximiser().maximise(over: .log(interval.lowerBound)...Double.log(interval.upperBound)) {
                    try posterior(.exp($0)).1.logMarginalLikelihood
                }
                lambda = .exp(best.argument)
                selection = "maximum marginal likelihood over [\(interval.lowerBound), \(interval.upperBound)]"
                if best.atBound { selection += "; warning: the maximum is at the end of the search interval" }
            }
            let (prior, post) = try posterior(lambda)
            return try BVARResults(design: design, prior: prior, posterior: post, selection: selection,
                                   drawLimit: explosiveDrawLimit)
        } catch let error as ModelError {
            throw error
        } catch {
            throw ModelError.numericalFailure("BVAR(\(lags)) estimation: \(error)")
        }
    }
}
