import Foundation
import Linear
import Random

/// A BVAR(p) fitted under the conjugate Minnesota prior: the closed-form posterior, the
/// chosen tightness, and the state-space form at the posterior mean or at a posterior draw.
///
/// Shapes as in `VARResults`: coefficients (1 + kp) x k (row 0 the constant, row
/// 1 + (l − 1) k + j the lag-l coefficient of indicator j, column i equation i), covariances
/// k x k. Units of the panel (percent for growth and rates).
public struct BVARResults: FittedModel {
    public let indicators: [String]
    public let lags: Int
    /// The years whose rows entered the likelihood.
    public let years: [Int]
    /// The prior, with the chosen λ.
    public let prior: MinnesotaPrior
    /// The closed-form posterior (B_post, Ω_post, S_post, d_post, log p(Y | λ)).
    public let posterior: NIWPosterior
    /// Eigenvalues of the companion matrix at the posterior mean B_post (`dgeev`), by
    /// decreasing modulus.
    public let companionEigenvalues: [ComplexValue]
    /// True when every companion eigenvalue at B_post has modulus < 1.
    public let isStable: Bool

    let selection: String
    let form: VARPointForm
    let baseNotes: [String]
    let extraWarnings: [String]
    /// With λ or δ chosen by the data: their posterior on a grid, from which draws take them first.
    let hyperparameterPosterior: BVARHyperparameterPosterior?
    /// The samplers of the grid points (or of the one posterior), turned towards the first
    /// step's regressors, for balanced draws.
    let rotatedSamplers: [NIWSampler?]

    init(design: VARDesign, prior: MinnesotaPrior, posterior: NIWPosterior, selection: String, drawLimit: Int,
         warnings: [String] = [], hyperparameterPosterior: BVARHyperparameterPosterior? = nil) throws {
        let form = try VARPointForm(coefficients: posterior.mean, covariance: posterior.covarianceMean,
                                    name: "the posterior mean of Σ", design: design, drawLimit: drawLimit)
        var notes = [
            "Minnesota prior in conjugate Normal-inverse-Wishart form (Kadiyala & Karlsson 1997; Giannone, Lenza & Primiceri 2015): own first-lag mean \(prior.ownLagMean), lag decay 1/l², Ψ from AR(1) residual variances of each series (the standard choice), intercept prior sd \(prior.interceptScale) √Σ_ii; "
                + Self.covarianceNote(prior.covariancePrior, degrees: posterior.degreesOfFreedom, d: prior.degreesOfFreedom),
            "overall tightness λ = \(String(format: "%.4g", prior.tightness)) (\(selection)); log marginal likelihood \(String(format: "%.2f", posterior.logMarginalLikelihood))",
            "\(design.observationCount) usable years for \(design.regressorCount) coefficients per equation: the prior, not the sample alone, identifies the model",
        ]
        if let dropped = design.droppedYearsNote { notes.append(dropped) }
        notes += form.notes
        indicators = design.indicators
        lags = design.lags
        years = design.usedYears
        self.prior = prior
        self.posterior = posterior
        companionEigenvalues = form.companionEigenvalues
        isStable = form.isStable
        self.selection = selection
        self.form = form
        baseNotes = notes
        extraWarnings = warnings
        self.hyperparameterPosterior = hyperparameterPosterior
        rotatedSamplers = (hyperparameterPosterior?.posteriors ?? [posterior]).map {
            $0.sampler?.rotated(towards: form.firstStepRegressors)
        }
    }

    static func covarianceNote(_ covariancePrior: MinnesotaPrior.CovariancePrior, degrees: Double, d: Double) -> String {
        switch covariancePrior {
        case .inverseWishart: return "Σ ~ IW(Ψ, d = k + 2 = \(Int(d)))"
        case .diffuse: return "Σ diffuse, p(Σ) ∝ |Σ|^-(k+1)/2 (Ψ only scales the coefficient prior), so Σ's posterior rests on the residuals, with \(Int(degrees)) degrees of freedom (T: the prior's coefficient rows count as observations)"
        case .diffuseKernel: return "Σ diffuse, p(B, Σ) ∝ |Σ|^-k times the Normal kernel of B (Ψ only scales the coefficient prior), so Σ's posterior rests on the residuals, with \(Int(degrees)) degrees of freedom (T − (1 + kp) + k − 1: each Σ_ii has the T − (1 + kp) of its own OLS equation)"
        }
    }

    /// λ, the overall tightness used.
    public var tightness: Double { prior.tightness }
    /// log p(Y | λ) at the λ used.
    public var logMarginalLikelihood: Double { posterior.logMarginalLikelihood }
    /// E[B | Y] = B_post, (1 + kp) x k.
    public var coefficientMean: Matrix { posterior.mean }
    /// Posterior standard deviations of B, (1 + kp) x k.
    public var coefficientStandardDeviations: Matrix { posterior.coefficientStandardDeviations }
    /// E[Σ | Y] = S_post / (d_post − k − 1), k x k.
    public var covarianceMean: Matrix { posterior.covarianceMean }

    public var summary: String {
        "BVAR(\(lags)), Minnesota prior, overall tightness \(String(format: "%.3g", tightness)) (\(selection.split(separator: ";")[0])), \(indicators.count) indicators, \(years.count) years"
    }

    public var notes: [String] {
        baseNotes + form.drawNotes(method: (hyperparameterPosterior.map { "\($0.description) on a \($0.posteriors.count)-point grid (flat priors on log λ over the search interval and on δ over its grid; GLP 2015 integrate hyperparameters out the same way), then " } ?? "")
            + "exact posterior draws Σ ~ IW(S_post, d_post), vec(B) | Σ ~ N(vec(B_post), Σ ⊗ Ω_post) (no MCMC)")
    }

    public var dependence: String { "the BVAR's shock covariance Σ, drawn from its posterior with the coefficients" }

    public var warnings: [String] { extraWarnings + form.warnings(model: "BVAR(\(lags))", observations: years.count) }

    /// h-step point forecasts at the posterior mean: `steps x k`, row h − 1 for T + h.
    public func forecast(steps: Int) -> Matrix { form.forecast(steps: steps) }

    /// One exact draw (B, Σ) from the posterior, not screened for stability:
    /// Σ ~ IW(S_post, d_post), then B = B_post + P Z Qᵀ with P Pᵀ = Ω_post, Q Qᵀ = Σ
    /// (`NIWSampler`), Z standard normal ((1 + kp) x k).
    ///
    /// - Throws: `LinearAlgebraError.nonFinite` if the posterior admits no draw (d_post ≤ k − 1)
    ///   or a drawn value is not finite.
    public func posteriorDraw(using generator: inout Philox4x32) throws -> (coefficients: Matrix, covariance: Matrix) {
        guard let d = drawFactors(using: &generator) else { throw LinearAlgebraError.nonFinite("BVAR posterior draw") }
        return (d.coefficients, syrk(d.shockCholesky))
    }

    /// λ (and δ) from their grid posterior when they were chosen by the data, then (B, Q).
    private func drawFactors(using g: inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)? {
        let posterior = hyperparameterPosterior?.draw(using: &g) ?? self.posterior
        return posterior.sampler?.draw(using: &g)
    }

    /// `count` posterior draws as state-space forms, balanced: each draw's first attempt takes
    /// its grid point (λ, δ) by inversion of one uniform and its Bartlett normals and Z's first
    /// row as Φ⁻¹ of the others, all from one randomised quasi-Monte Carlo set
    /// (`VARPointForm.drawSystems`), with the row factor turned so that the first step's mean
    /// rests on that row (`NIWSampler.rotated(towards:)`). Each draw is an exact posterior draw; the set is
    /// balanced over the inputs the targets mostly depend on. Sets from independent generators
    /// are independent.
    public func drawSystems(count: Int, using generator: inout Philox4x32) -> [StateSpaceSystem] {
        form.drawSystems(count: count, samplers: rotatedSamplers, choose: hyperparameterPosterior.map { h in { h.index(quantile: $0) } },
                         using: &generator) { g in drawFactors(using: &g) }
    }

    /// The state-space form at the posterior mean of B and Σ.
    public func pointSystem() -> StateSpaceSystem { form.pointSystem() }

    /// One posterior draw of (B, Σ) as a state-space form; explosive draws are redrawn (up to
    /// the limit, then the posterior mean is used) and counted in `notes`.
    public func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem {
        form.drawSystem(using: &generator) { g in drawFactors(using: &g) }
    }
}
