import Linear
import Models
import Random
import XCTest

/// BVAR under the conjugate Minnesota prior against the closed-form NIW posterior computed
/// independently in numpy, and the one-variable evidence by numerical integration (scipy
/// nquad) — fixture bvar_niw.json from make_bvar_fixture.py.
final class BVARTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let lags: Int
            let tightness, ownLagMean, dofPost, logMarginalLikelihood: Double
            let psi: [Double]
            let posteriorMean, omegaPost, scalePost: [[Double]]
        }
        struct Search: Decodable {
            let lags: Int
            let ownLagMean, gridArmax, tightness, logMarginalLikelihood: Double
            let logLambdaBounds: [Double]
            enum CodingKeys: String, CodingKey {
                case lags, ownLagMean, gridArmax = "gridArgmax", tightness, logMarginalLikelihood, logLambdaBounds
            }
        }
        struct OneVariable: Decodable {
            let indicator: String
            let data: [Double]
            let lags: Int
            let tightness, ownLagMean, logMarginalLikelihoodByIntegration: Double
            let kernelOwnLagMean, kernelLogMarginalLikelihoodByIntegration: Double
        }
        let interceptScale: Double
        let indicators: [String]
        let data: [[Double]]
        let cases: [Case]
        let diffuseCases: [Case]
        let kernelCases: [Case]
        let search: Search
        let oneVariable: OneVariable
    }

    private func load() throws -> (Fixture, Panel) {
        let f = try VARTestSupport.fixture("bvar_niw", as: Fixture.self)
        return (f, try VARTestSupport.panel(f.data, indicators: f.indicators))
    }

    func testPosteriorMatchesClosedFormNIW() throws {
        let (f, panel) = try load()
        for c in f.cases {
            let spec = BVARSpecification(lags: c.lags, ownLagMean: c.ownLagMean, tightness: .fixed(c.tightness),
                                         interceptScale: f.interceptScale, covariancePrior: .inverseWishart)
            let r = try spec.estimate(panel)
            VARTestSupport.assertClose(r.prior.scales, c.psi, accuracy: 1e-10)
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.posterior.mean, c.posteriorMean), 1e-9, "B_post p = \(c.lags)")
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.posterior.rowCovariance, c.omegaPost), 1e-9, "Ω_post")
            XCTAssertLessThan(VARTestSupport.relativeDifference(r.posterior.scale, c.scalePost), 1e-9, "S_post")
            XCTAssertEqual(r.posterior.degreesOfFreedom, c.dofPost)
            XCTAssertEqual(r.logMarginalLikelihood, c.logMarginalLikelihood, accuracy: 1e-9 * abs(c.logMarginalLikelihood))
            XCTAssertEqual(r.tightness, c.tightness)
        }
    }

    /// The diffuse prior on Σ (Ψ = 0, d = 0; Ω unchanged): B_post, Ω_post, S_post, d_post and the
    /// evidence up to its λ-free constant against numpy (diffuseCases of make_bvar_fixture.py).
    func testDiffusePosteriorMatchesClosedForm() throws {
        let (f, panel) = try load()
        for (covariancePrior, cases) in [(MinnesotaPrior.CovariancePrior.diffuse, f.diffuseCases), (.diffuseKernel, f.kernelCases)] {
            for c in cases {
                let r = try BVARSpecification(lags: c.lags, ownLagMean: c.ownLagMean, tightness: .fixed(c.tightness),
                                              interceptScale: f.interceptScale, covariancePrior: covariancePrior).estimate(panel)
                XCTAssertLessThan(VARTestSupport.relativeDifference(r.posterior.mean, c.posteriorMean), 1e-9, "B_post p = \(c.lags)")
                XCTAssertLessThan(VARTestSupport.relativeDifference(r.posterior.rowCovariance, c.omegaPost), 1e-9, "Ω_post")
                XCTAssertLessThan(VARTestSupport.relativeDifference(r.posterior.scale, c.scalePost), 1e-9, "S_post")
                XCTAssertEqual(r.posterior.degreesOfFreedom, c.dofPost, "\(covariancePrior)")
                XCTAssertEqual(r.logMarginalLikelihood, c.logMarginalLikelihood, accuracy: 1e-9 * abs(c.logMarginalLikelihood), "\(covariancePrior)")
            }
        }
        // The default chooses the kernel prior with T − (1 + kp) >= 5 and draws λ and δ from
        // their posterior.
        let automatic = try BVARSpecification(lags: 1, interceptScale: f.interceptScale).estimate(panel)
        XCTAssertEqual(automatic.prior.covariancePrior, .diffuseKernel)
        XCTAssertEqual(automatic.posterior.degreesOfFreedom, Double(automatic.years.count - 4 + 2))
        XCTAssertTrue(automatic.notes.contains { $0.contains("λ and δ from their posterior") }, "\(automatic.notes)")
        XCTAssertTrue(BVARSpecification.ownLagMeanGrid.contains(automatic.prior.ownLagMean))
        XCTAssertTrue(automatic.warnings.isEmpty, "\(automatic.warnings)")
    }

    /// The one-variable evidence against nquad, under GLP's IW prior and under the kernel prior
    /// (whose closed form is the exact evidence plus (k(1 + kp − k + 1)/2) log 2 = log 2).
    func testOneVariableEvidenceMatchesNumericalIntegration() throws {
        let (f, _) = try load()
        let o = f.oneVariable
        let panel = try VARTestSupport.panel(o.data.map { [$0] }, indicators: [o.indicator])
        let cases: [(MinnesotaPrior.CovariancePrior, Double, Double, Double)] = [
            (.inverseWishart, o.ownLagMean, o.logMarginalLikelihoodByIntegration, 0),
            (.diffuseKernel, o.kernelOwnLagMean, o.kernelLogMarginalLikelihoodByIntegration, log(2)),
        ]
        for (covariancePrior, delta, integrated, constant) in cases {
            let r = try BVARSpecification(lags: o.lags, ownLagMean: delta, tightness: .fixed(o.tightness),
                                          interceptScale: f.interceptScale, covariancePrior: covariancePrior).estimate(panel)
            // nquad relative error ~1e-10 of the evidence, i.e. ~1e-10 in its logarithm.
            XCTAssertEqual(r.logMarginalLikelihood - constant, integrated, accuracy: 1e-7, "\(covariancePrior)")
        }
    }

    func testChosenTightnessIsTheGridMaximiser() throws {
        let (f, panel) = try load()
        let s = f.search
        XCTAssertEqual(s.logLambdaBounds[0], log(BVARTightness.searchInterval.lowerBound), accuracy: 1e-12)
        XCTAssertEqual(s.logLambdaBounds[1], log(BVARTightness.searchInterval.upperBound), accuracy: 1e-12)
        let r = try BVARSpecification(lags: s.lags, ownLagMean: s.ownLagMean, interceptScale: f.interceptScale,
                                      covariancePrior: .inverseWishart).estimate(panel)
        let gridStep = (s.logLambdaBounds[1] - s.logLambdaBounds[0]) / 4000
        XCTAssertEqual(log(r.tightness), log(s.gridArmax), accuracy: gridStep)
        XCTAssertEqual(log(r.tightness), log(s.tightness), accuracy: 1e-4)
        XCTAssertEqual(r.logMarginalLikelihood, s.logMarginalLikelihood, accuracy: 1e-9)
        XCTAssertTrue(r.notes.contains { $0.contains("maximum marginal likelihood") })
        XCTAssertFalse(r.notes.contains { $0.contains("end of the search interval") })
    }

    /// Sample mean and variance of B[1, 0], Σ[0, 0] and Σ[0, 1] over posterior draws agree with
    /// the closed-form moments of the fixture within 4 Monte Carlo standard errors:
    /// E[B] = B_post, Var(B_ij) = (Ω_post)_ii S_jj / (ν − k − 1), E[Σ] = S / (ν − k − 1),
    /// Var(Σ_ij) = ((ν − k + 1) S_ij² + (ν − k − 1) S_ii S_jj) / ((ν − k)(ν − k − 1)²(ν − k − 3)).
    func testPosteriorDrawMomentsMatchClosedForm() throws {
        let (f, panel) = try load()
        let c = f.cases[0]
        let r = try BVARSpecification(lags: c.lags, ownLagMean: c.ownLagMean, tightness: .fixed(c.tightness),
                                      interceptScale: f.interceptScale, covariancePrior: .inverseWishart).estimate(panel)
        var g = Philox4x32(seed: 2022)
        let n = 20_000
        var b10 = [Double](), s00 = [Double](), s01 = [Double]()
        for _ in 0..<n {
            let d = try r.posteriorDraw(using: &g)
            b10.append(d.coefficients[1, 0]); s00.append(d.covariance[0, 0]); s01.append(d.covariance[0, 1])
        }
        let s = c.scalePost, nu = c.dofPost, k = Double(f.indicators.count)
        let h = nu - k - 1
        func varSigma(_ i: Int, _ j: Int) -> Double {
            ((nu - k + 1) * s[i][j] * s[i][j] + (nu - k - 1) * s[i][i] * s[j][j]) / ((nu - k) * h * h * (nu - k - 3))
        }
        let checks: [(String, [Double], Double, Double)] = [
            ("B[1,0]", b10, c.posteriorMean[1][0], c.omegaPost[1][1] * s[0][0] / h),
            ("Σ[0,0]", s00, s[0][0] / h, varSigma(0, 0)),
            ("Σ[0,1]", s01, s[0][1] / h, varSigma(0, 1)),
        ]
        for (name, x, mean, variance) in checks {
            let m = VARTestSupport.SampleMoments(x)
            XCTAssertEqual(m.mean, mean, accuracy: 4 * m.standardErrorOfMean, name)
            XCTAssertEqual(m.variance, variance, accuracy: 4 * m.standardErrorOfVariance, name)
        }
    }

    func testDrawSystemIsStableAndCounted() throws {
        let (f, panel) = try load()
        let r = try BVARSpecification(lags: 2, tightness: .fixed(1.0), interceptScale: f.interceptScale).estimate(panel)
        XCTAssertTrue(r.isStable)
        var g = Philox4x32(seed: 5)
        for _ in 0..<200 {
            let s = r.drawSystem(using: &g)
            VARTestSupport.assertFinite(s)
            XCTAssertLessThan(try eigenvalues(s.transition).map(\.modulus).max()!, 1)
        }
        XCTAssertTrue(r.notes.contains { $0.contains("200 accepted systems") }, "\(r.notes)")
        let p = r.pointSystem()
        XCTAssertLessThan(try gemm(p.shockCholesky, p.shockCholesky, transposeB: true).maxAbsDifference(r.covarianceMean), 1e-10)
    }
}
