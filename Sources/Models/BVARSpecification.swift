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
    /// δ, prior mean of each own first-lag coefficient: fixed (0 for growth rates, 1 for a
    /// random walk in levels), or nil (the default): drawn with λ from their posterior over
    /// `ownLagMeanGrid` (flat prior), the posterior mean of B at the grid's mode. A δ fixed at 0
    /// pulls persistent series towards their mean: 80% bands covered 73% at φ = 0.8, T = 10
    /// (bench/coverage.md).
    public var ownLagMean: Double?
    /// λ: fixed, or chosen by maximum marginal likelihood.
    public var tightness: BVARTightness
    /// κ, prior sd of the intercept in units of √Σ_ii (default 100: nearly flat).
    public var interceptScale: Double
    /// Attempts per `drawSystem` call before an all-explosive run falls back to the
    /// posterior mean.
    public var explosiveDrawLimit: Int
    /// The prior of Σ; nil (the default) chooses by the residual degrees of freedom
    /// T − (1 + kp) of the usable years T: `.diffuseKernel` when they reach 5 (Σ's posterior
    /// degrees of freedom T − (1 + kp) + k − 1 then reach k + 4; each Σ_ii has those of its own
    /// OLS equation, which keeps short-sample bands near their nominal coverage,
    /// bench/coverage.md); else `.diffuse` when T >= k + 4 (the prior's 1 + kp coefficient rows
    /// count as observations of Σ: narrower bands, with a warning); else GLP's IW(Ψ, k + 2),
    /// with a warning.
    public var covariancePrior: MinnesotaPrior.CovariancePrior?

    /// Fewest posterior degrees of freedom of Σ, beyond the number of indicators k, for a
    /// diffuse prior on Σ (k + 4: the posterior variance of Σ exists with one to spare).
    public static let diffuseMargin = 4

    /// The δ grid when δ is not fixed: white noise (0) to a random walk (1), by 0.2.
    public static let ownLagMeanGrid: [Double] = [0, 0.2, 0.4, 0.6, 0.8, 1]

    public init(lags: Int, ownLagMean: Double? = nil, tightness: BVARTightness = .maximumMarginalLikelihood,
                interceptScale: Double = 100, explosiveDrawLimit: Int = 100,
                covariancePrior: MinnesotaPrior.CovariancePrior? = nil) {
        self.lags = lags
        self.ownLagMean = ownLagMean
        self.tightness = tightness
        self.interceptScale = interceptScale
        self.explosiveDrawLimit = explosiveDrawLimit
        self.covariancePrior = covariancePrior
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
        let t = design.observationCount, k = design.indicatorCount
        guard let chosen = covariancePrior else {
            let m = design.regressorCount, margin = Self.diffuseMargin
            let diffuse: MinnesotaPrior.CovariancePrior, warning: String?
            if t - m + k - 1 >= k + margin {
                (diffuse, warning) = (.diffuseKernel, nil)
            } else if t >= k + margin {
                diffuse = .diffuse
                warning = "BVAR(\(lags)): \(t) usable years for \(m) coefficients per equation leave fewer than \(margin + 1) residual degrees of freedom: Σ's posterior counts the prior's coefficient rows as observations (\(t) degrees of freedom instead of \(t - m + k - 1)), which narrows the bands (80% bands covered about 75% instead of 80% at T = 10, k = 1 in bench/coverage.md)"
            } else {
                return try estimate(design, scales: scales, covariancePrior: .inverseWishart,
                                    warning: "BVAR(\(lags)): \(t) usable years for \(k) indicators are too few (fewer than k + \(margin)) for a diffuse prior on Σ: GLP's IW(Ψ, k + 2) prior with Ψ from the same data is used, whose pseudo-observations narrow the bands (80% bands covered about 70% at T = 10, k = 1 in bench/coverage.md)")
            }
            do {
                return try estimate(design, scales: scales, covariancePrior: diffuse, warning: warning)
            } catch ModelError.numericalFailure(let why) {
                return try estimate(design, scales: scales, covariancePrior: .inverseWishart,
                                    warning: "BVAR(\(lags)): the posterior under a diffuse prior on Σ failed (\(why)): GLP's IW(Ψ, k + 2) prior with Ψ from the same data is used, whose pseudo-observations narrow the bands")
            }
        }
        return try estimate(design, scales: scales, covariancePrior: chosen, warning: nil)
    }

    private func estimate(_ design: VARDesign, scales: [Double], covariancePrior: MinnesotaPrior.CovariancePrior,
                          warning: String?) throws -> BVARResults {
        do {
            let xtx = syrk(design.x, transpose: true)
            let posterior = { (lambda: Double, delta: Double) throws -> (MinnesotaPrior, NIWPosterior) in
                let prior = try MinnesotaPrior(lags: lags, tightness: lambda, ownLagMean: delta,
                                               interceptScale: interceptScale, scales: scales,
                                               covariancePrior: covariancePrior)
                return (prior, try NIWPosterior(prior: prior, x: design.x, y: design.y, crossProduct: xtx))
            }
            var fixedTightness: Double?
            if case .fixed(let value) = tightness { fixedTightness = value }
            var integrated: BVARHyperparameterPosterior?
            if fixedTightness == nil || ownLagMean == nil {
                integrated = BVARHyperparameterPosterior(tightness: fixedTightness, ownLagMeans: ownLagMean.map { [$0] } ?? Self.ownLagMeanGrid) {
                    try posterior($0, $1).1
                }
            }
            let delta = ownLagMean ?? integrated?.mode.ownLagMean ?? 0
            var selection: String
            let lambda: Double
            if let value = fixedTightness {
                lambda = value
                selection = "fixed"
            } else {
                let interval = BVARTightness.searchInterval
                let best = try GoldenSectionMaximiser().maximise(over: .log(interval.lowerBound)...Double.log(interval.upperBound)) {
                    try posterior(.exp($0), delta).1.logMarginalLikelihood
                }
                lambda = .exp(best.argument)
                selection = "maximum marginal likelihood over [\(interval.lowerBound), \(interval.upperBound)]"
                if best.atBound { selection += "; warning: the maximum is at the end of the search interval" }
            }
            if ownLagMean == nil {
                selection += "; own first-lag mean δ = \(delta), the mode of its posterior over \(Self.ownLagMeanGrid.map { String(format: "%g", $0) }.joined(separator: ", "))"
            }
            let (prior, post) = try posterior(lambda, delta)
            return try BVARResults(design: design, prior: prior, posterior: post, selection: selection,
                                   drawLimit: explosiveDrawLimit, warnings: warning.map { [$0] } ?? [],
                                   hyperparameterPosterior: integrated)
        } catch let error as ModelError {
            throw error
        } catch {
            throw ModelError.numericalFailure("BVAR(\(lags)) estimation: \(error)")
        }
    }
}
