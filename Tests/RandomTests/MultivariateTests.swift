import XCTest
import Linear
import Random

/// Multivariate normal, Wishart and inverse-Wishart draws against closed-form moments,
/// each within 4 Monte Carlo standard errors.
final class MultivariateTests: XCTestCase {
    /// S = L Lᵀ with a non-diagonal lower factor (p = 3).
    static let lower = try! Matrix(rowMajor: [[2.0, 0, 0], [0.6, 1.5, 0], [-0.4, 0.3, 0.8]])
    static var scale: Matrix {
        let l = lower
        var s = Matrix(rows: 3, columns: 3)
        for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { s[i, j] += l[i, k] * l[j, k] } } }
        return s
    }

    /// Means and elementwise variances of a sample of p x p matrices (or vectors as p x 1).
    struct ElementwiseMoments {
        var mean: [Double]
        var variance: [Double]
        init(_ draws: [[Double]]) {
            let n = Double(draws.count), k = draws[0].count
            mean = (0..<k).map { e in draws.reduce(0) { $0 + $1[e] } / n }
            let mean = mean
            variance = (0..<k).map { e in draws.reduce(0) { $0 + ($1[e] - mean[e]) * ($1[e] - mean[e]) } / (n - 1) }
        }
    }

    func testMultivariateNormalMeanAndCovariance() {
        let n = 100_000
        let mu = [1.0, -2.0, 0.5]
        var g = Philox4x32(seed: 41)
        let draws = (0..<n).map { _ in multivariateNormal(mean: mu, cholesky: Self.lower, using: &g) }
        let sigma = Self.scale
        let nd = Double(n)
        let m = ElementwiseMoments(draws)
        for i in 0..<3 {
            XCTAssertEqual(m.mean[i], mu[i], accuracy: 4 * (sigma[i, i] / nd).squareRoot())
            for j in 0...i {
                var c = 0.0
                for x in draws { c += (x[i] - m.mean[i]) * (x[j] - m.mean[j]) }
                c /= nd - 1
                // Var of the sample covariance of a normal pair: (Σ_ii Σ_jj + Σ_ij²) / n.
                let se = ((sigma[i, i] * sigma[j, j] + sigma[i, j] * sigma[i, j]) / nd).squareRoot()
                XCTAssertEqual(c, sigma[i, j], accuracy: 4 * se, "(\(i), \(j))")
            }
        }
    }

    /// E W = ν S and Var W_ij = ν (S_ij² + S_ii S_jj) (Anderson 2003, §7.3).
    func testWishartMeanAndVariance() {
        let n = 40_000, nu = 6.5
        var g = Philox4x32(seed: 42)
        let draws = (0..<n).map { _ in wishart(scaleCholesky: Self.lower, degreesOfFreedom: nu, using: &g).elements }
        let s = Self.scale
        let m = ElementwiseMoments(draws)
        for i in 0..<3 {
            for j in 0..<3 {
                let e = i + 3 * j
                let variance = nu * (s[i, j] * s[i, j] + s[i, i] * s[j, j])
                XCTAssertEqual(m.mean[e], nu * s[i, j], accuracy: 4 * (variance / Double(n)).squareRoot(), "(\(i), \(j))")
                // SE of a sample variance √((μ4 - σ⁴)/n), μ4 estimated from the draws.
                let mu4 = draws.reduce(0) { $0 + pow($1[e] - m.mean[e], 4) } / Double(n)
                let se = ((mu4 - variance * variance) / Double(n)).squareRoot()
                XCTAssertEqual(m.variance[e], variance, accuracy: 4 * se, "(\(i), \(j))")
            }
        }
        XCTAssertTrue(draws.allSatisfy { w in w[1] == w[3] && w[2] == w[6] && w[5] == w[7] }, "symmetric")
    }

    /// E Σ = S / (ν - p - 1) (Anderson 2003, §7.7); ν = 12 > p + 3 so the variance is finite.
    func testInverseWishartMean() throws {
        let n = 40_000, nu = 12.0
        var g = Philox4x32(seed: 43)
        let s = Self.scale
        let draws = try (0..<n).map { _ in try inverseWishart(scale: s, degreesOfFreedom: nu, using: &g).elements }
        let m = ElementwiseMoments(draws)
        for i in 0..<3 {
            for j in 0..<3 {
                let e = i + 3 * j
                XCTAssertEqual(m.mean[e], s[i, j] / (nu - 4), accuracy: 4 * (m.variance[e] / Double(n)).squareRoot(),
                               "(\(i), \(j))")
            }
        }
    }

    /// `inverseWishartFactor`: Q is lower triangular and Q Qᵀ has the inverse-Wishart mean
    /// S / (ν − p − 1) and variance ((ν − p + 1) S_ij² + (ν − p − 1) S_ii S_jj) / ((ν − p)
    /// (ν − p − 1)² (ν − p − 3)) (Anderson 2003, §7.7) within 4 SE, from the generator's normals
    /// and from normals handed in from another stream (the form balanced draws use).
    func testInverseWishartFactorMoments() throws {
        let n = 40_000, nu = 12.0, p = 3.0
        let s = Self.scale
        let l = try cholesky(s).lower.elements
        for handed in [false, true] {
            var g = Philox4x32(seed: handed ? 46 : 45), other = Philox4x32(seed: 47)
            let draws: [[Double]] = (0..<n).map { _ in
                let normals = handed ? ArraySlice((0..<6).map { _ in other.nextStandardNormal() }) : nil
                let q = inverseWishartFactor(scaleCholesky: l, order: 3, degreesOfFreedom: nu, normals: normals, using: &g)
                XCTAssertEqual(q[3] + q[6] + q[7], 0)
                var sigma = [Double](repeating: 0, count: 9)
                for i in 0..<3 { for j in 0..<3 { for c in 0..<3 { sigma[i + 3 * j] += q[i + 3 * c] * q[j + 3 * c] } } }
                return sigma
            }
            let m = ElementwiseMoments(draws)
            for (i, j) in [(0, 0), (1, 0), (2, 1), (2, 2)] {
                let e = i + 3 * j
                let variance = ((nu - p + 1) * s[i, j] * s[i, j] + (nu - p - 1) * s[i, i] * s[j, j])
                    / ((nu - p) * (nu - p - 1) * (nu - p - 1) * (nu - p - 3))
                XCTAssertEqual(m.mean[e], s[i, j] / (nu - p - 1), accuracy: 4 * (variance / Double(n)).squareRoot(),
                               "(\(i), \(j)), normals handed in: \(handed)")
            }
        }
    }

    func testInverseWishartRejectsBadInput() {
        var g = Philox4x32(seed: 44)
        XCTAssertThrowsError(try inverseWishart(scale: Matrix(rows: 2, columns: 3), degreesOfFreedom: 5, using: &g)) {
            guard case LinearAlgebraError.dimensionMismatch = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try inverseWishart(scale: Self.scale, degreesOfFreedom: 2, using: &g)) {
            XCTAssertEqual($0 as? LinearAlgebraError, .invalidArgument(routine: "inverseWishart", position: 2))
        }
        XCTAssertThrowsError(try inverseWishart(scale: Self.scale, degreesOfFreedom: .nan, using: &g)) {
            guard case LinearAlgebraError.nonFinite = $0 else { return XCTFail("\($0)") }
        }
        let indefinite = try! Matrix(rowMajor: [[1.0, 2], [2, 1]])
        XCTAssertThrowsError(try inverseWishart(scale: indefinite, degreesOfFreedom: 5, using: &g)) {
            XCTAssertEqual($0 as? LinearAlgebraError, .notPositiveDefinite(order: 2))
        }
    }

    /// Different (seed, stream) pairs give different, uncorrelated sequences: sample
    /// correlation of paired normals within 4/√n (its SE under independence is 1/√n).
    func testStreamsAreDifferentAndUncorrelated() {
        let n = 100_000  // 4/√n = 0.013
        let pairs: [(UInt64, UInt64)] = [(1, 0), (1, 1), (2, 0), (2, 1)]
        let samples = pairs.map { (seed, stream) -> [Double] in
            var g = Philox4x32(seed: seed, stream: stream)
            var x = [Double](repeating: 0, count: n)
            x.withUnsafeMutableBufferPointer { g.fillStandardNormal($0) }
            return x
        }
        for a in 0..<pairs.count {
            for b in (a + 1)..<pairs.count {
                XCTAssertNotEqual(Array(samples[a].prefix(8)), Array(samples[b].prefix(8)))
                var sxy = 0.0, sxx = 0.0, syy = 0.0
                for i in 0..<n {
                    sxy += samples[a][i] * samples[b][i]
                    sxx += samples[a][i] * samples[a][i]
                    syy += samples[b][i] * samples[b][i]
                }
                let r = sxy / (sxx * syy).squareRoot()
                XCTAssertEqual(r, 0, accuracy: 4 / Double(n).squareRoot(), "\(pairs[a]) vs \(pairs[b])")
            }
        }
    }
}
