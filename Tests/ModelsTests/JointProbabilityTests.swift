import XCTest
import Linear
import Models
import Random

/// P(all targets met) under per-indicator models joined by their residual correlation, against
/// scipy's multivariate normal CDF (joint_mvn_generate.py: three random walks with drift whose
/// shocks have correlation 0.8, 16 years).
final class JointProbabilityTests: XCTestCase {
    /// The fitted correlation is the Ledoit–Wolf estimate towards constant correlation of the
    /// script; the one-step joint probability that every indicator reaches its threshold, from
    /// 400,000 draws of the point system, is scipy's within 4 binomial SE (about 0.3 pp), while
    /// the estimate shrunk towards the identity (about 17% against 24%) would fail.
    func testJointProbabilityMatchesScipy() throws {
        let f = try UnivariateFixture.load("joint_mvn")
        let values = try UnivariateFixture.matrix(f["values"])
        let years = (f["years"] as! [Int])
        let panel = Panel(indicators: ["a", "b", "c"], years: years, values: values)
        let fit = try IndependentModelsSpecification(kind: .randomWalk).fit(panel) as! IndependentModelsFit
        XCTAssertLessThan(fit.correlation.maxAbsDifference(try UnivariateFixture.matrix(f["correlation"])), 1e-10)
        XCTAssertTrue(fit.dependence.contains("constant correlation"), fit.dependence)

        let thresholds = UnivariateFixture.numbers(f["thresholds"])
        let s = fit.pointSystem()
        let n = 400_000
        var g = Philox4x32(seed: 14)
        var met = 0
        var e = [Double](repeating: 0, count: s.shockCount)
        for _ in 0..<n {
            for i in e.indices { e[i] = g.nextStandardNormal() }
            var x = s.intercept
            for i in 0..<s.stateCount {
                for j in 0..<s.stateCount { x[i] += s.transition[i, j] * s.initialState[j] }
                for a in 0..<s.shockCount { for b in 0...a { x[i] += s.shockLoading[i, a] * s.shockCholesky[a, b] * e[b] } }
            }
            let all = (0..<s.indicatorCount).allSatisfy { k in
                (0..<s.stateCount).reduce(0) { $0 + s.observation[k, $1] * x[$1] } >= thresholds[k]
            }
            if all { met += 1 }
        }
        let p = f["probability"] as! Double
        XCTAssertEqual(Double(met) / Double(n), p, accuracy: 4 * (p * (1 - p) / Double(n)).squareRoot())
        XCTAssertGreaterThan(abs(p - (f["probabilityIdentityTarget"] as! Double)), 8 * (p * (1 - p) / Double(n)).squareRoot())
    }
}
