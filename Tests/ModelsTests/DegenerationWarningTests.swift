import XCTest
import Linear
import Models
import Random

/// What a fit or its parameter draws had to give up is stated in `warnings` (which the report
/// puts in its header and the command line on stderr): one test per message.
final class DegenerationWarningTests: XCTestCase {
    func series(_ n: Int, phi: Double = 0.5, seed: UInt64 = 3) -> [Double] {
        VARTestSupport.simulatedRows(years: n, indicators: 1, seed: seed, persistence: phi).map { $0[0] }
    }

    func panel(_ values: [Double]) -> Panel { UnivariateFixture.panel("gdp", years: Array(2001...(2000 + values.count)), values: values) }

    /// AR(1), random walk and the joined per-indicator models on 6 years: a short-sample warning
    /// naming the indicator and the count; none on 12 years.
    func testShortSampleWarningsOfPerIndicatorModels() throws {
        for (name, specification) in [("AR(1)", AR1Specification()), ("random walk", RandomWalkSpecification()),
                                      ("AR(1)", IndependentModelsSpecification(kind: .ar1))] as [(String, any ModelSpecification)] {
            let short = try specification.fit(panel(series(6)))
            XCTAssertTrue(short.warnings.contains { $0.contains("gdp: \(name) fitted on only 6 observed years (fewer than 10)") },
                          "\(name): \(short.warnings)")
            XCTAssertTrue(try specification.fit(panel(series(12))).warnings.isEmpty)
        }
    }

    /// The local linear trend on 12 years (its bands were checked from 15 on) warns, with
    /// parameter uncertainty on or off alike (the warning is the fit's, not the draws').
    func testLocalLinearTrendOnTwelveYearsWarns() throws {
        let fit = try LocalLinearTrendSpecification().fit(panel(series(12, phi: 0.9)))
        XCTAssertTrue(fit.warnings.contains { $0.contains("local linear trend fitted on only 12 observed years (fewer than 15)") },
                      "\(fit.warnings)")
        XCTAssertFalse(fit.warnings.contains { $0.localizedCaseInsensitiveContains("draw") })
        XCTAssertTrue(try LocalLinearTrendSpecification().fit(panel(series(16, phi: 0.9))).warnings.isEmpty)
    }

    /// A VAR on 6 years (5 usable) and a BVAR on 9 years warn about the short sample.
    func testShortSampleWarningsOfVARAndBVAR() throws {
        let rows = VARTestSupport.simulatedRows(years: 6, indicators: 2, seed: 4)
        let v = try VARSpecification(lags: 1).estimate(try VARTestSupport.panel(rows, indicators: ["a", "b"]))
        XCTAssertTrue(v.warnings.contains { $0.contains("VAR(1) fitted on only 5 usable years (fewer than 10)") }, "\(v.warnings)")
        let long = try VARTestSupport.panel(VARTestSupport.simulatedRows(years: 16, indicators: 2, seed: 4), indicators: ["a", "b"])
        XCTAssertTrue(try VARSpecification(lags: 1).estimate(long).warnings.isEmpty)
        let b = try BVARSpecification(lags: 1).estimate(try VARTestSupport.panel(VARTestSupport.simulatedRows(years: 9, indicators: 2, seed: 4),
                                                                             indicators: ["a", "b"]))
        XCTAssertTrue(b.warnings.contains { $0.contains("BVAR(1) fitted on only 8 usable years") }, "\(b.warnings)")
    }

    /// A BVAR with fewer than k + 4 usable years keeps GLP's inverse-Wishart prior on Σ and says
    /// that its pseudo-observations narrow the bands.
    func testBVARWithoutDiffusePriorWarns() throws {
        let rows = VARTestSupport.simulatedRows(years: 10, indicators: 8, seed: 5)
        let b = try BVARSpecification(lags: 1).estimate(try VARTestSupport.panel(rows, indicators: (0..<8).map { "x\($0)" }))
        XCTAssertEqual(b.prior.covariancePrior, .inverseWishart)
        XCTAssertTrue(b.warnings.contains { $0.contains("too few (fewer than k + 4) for a diffuse prior on Σ") }, "\(b.warnings)")
    }

    /// A BVAR whose usable years leave fewer than 5 residual degrees of freedom
    /// (T − (1 + kp)) keeps the normalised Normal prior of B, whose rows count as observations
    /// of Σ, and says so (k = 2: 7 usable years); with 8 (5 residual degrees of freedom) it takes the
    /// kernel prior, without that warning.
    func testBVARWithFewResidualDegreesWarns() throws {
        let short = try BVARSpecification(lags: 1).estimate(try VARTestSupport.panel(VARTestSupport.simulatedRows(years: 8, indicators: 2, seed: 4),
                                                                                 indicators: ["a", "b"]))
        XCTAssertEqual(short.prior.covariancePrior, .diffuse)
        XCTAssertTrue(short.warnings.contains { $0.contains("7 usable years for 3 coefficients per equation leave fewer than 5 residual degrees of freedom") },
                      "\(short.warnings)")
        let enough = try BVARSpecification(lags: 1).estimate(try VARTestSupport.panel(VARTestSupport.simulatedRows(years: 9, indicators: 2, seed: 4),
                                                                                  indicators: ["a", "b"]))
        XCTAssertEqual(enough.prior.covariancePrior, .diffuseKernel)
        XCTAssertFalse(enough.warnings.contains { $0.contains("residual degrees of freedom") }, "\(enough.warnings)")
    }

    /// Draws that fall back to the point estimate are counted into a warning after the draws:
    /// a near-unit-root VAR allowed one attempt per draw falls back some of the time.
    func testDrawFallbacksAreWarned() throws {
        let rows = VARTestSupport.simulatedRows(years: 12, indicators: 1, seed: 6, persistence: 0.97)
        let v = try VARSpecification(lags: 1, explosiveDrawLimit: 1).estimate(try VARTestSupport.panel(rows, indicators: ["a"]))
        XCTAssertFalse(v.warnings.contains { $0.hasPrefix("parameter draws:") })      // no draw yet
        var g = Philox4x32(seed: 1)
        for _ in 0..<400 { _ = v.drawSystem(using: &g) }
        let warning = try XCTUnwrap(v.warnings.first { $0.hasPrefix("parameter draws:") }, "\(v.warnings)")
        XCTAssertTrue(warning.contains("of 400 parameter draws failed 1 attempts") && warning.contains("ignore estimation error"), warning)
    }

    /// Two collinear indicators (x1 = 2 x0 + 1): the VAR repairs Σ_u and says so in its
    /// warnings; its parameter draws still succeed (no fallback to the point estimate).
    func testCollinearVARWarnsOfRepairAndDraws() throws {
        var rows = VARTestSupport.simulatedRows(years: 20, indicators: 3, seed: 4)
        for i in rows.indices { rows[i][1] = 2 * rows[i][0] + 1 }
        let v = try VARSpecification(lags: 1).estimate(try VARTestSupport.panel(rows, indicators: ["x0", "x1", "x2"]))
        var g = Philox4x32(seed: 2)
        for _ in 0..<200 { _ = v.drawSystem(using: &g) }
        XCTAssertTrue(v.warnings.contains { $0.contains("Σ_u was") && $0.contains("nearest positive-definite") }, "\(v.warnings)")
        XCTAssertFalse(v.warnings.contains { $0.hasPrefix("parameter draws:") }, "\(v.warnings)")
    }
}
