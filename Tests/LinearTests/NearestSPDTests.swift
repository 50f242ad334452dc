import XCTest
import Linear

final class NearestSPDTests: XCTestCase {
    /// Higham (1988) Theorem 2.1: for symmetric A = Q diag(λ) Qᵀ the nearest matrix with
    /// eigenvalues >= δ is Q diag(max(λ, δ)) Qᵀ at distance sqrt(Σ (max(λᵢ, δ) − λᵢ)²).
    func testIndefiniteMatrixIsRepairedAtTheClosedFormDistance() throws {
        var g = SplitMix64(seed: 61)
        let spectrum = [-2.0, -0.5, 1, 3], delta = 1e-3
        let tolerance = 64 * machineEpsilon * 3   // c n ε ‖A‖₂
        let q = randomOrthogonal(4, &g)
        let a = try product(q, diagonal: spectrum, q).symmetricPart()
        XCTAssertThrowsError(try cholesky(a), "the test matrix must fail Cholesky")
        let repair = try nearestPositiveDefinite(a, minimumEigenvalue: delta)
        XCTAssertTrue(repair.wasRepaired)
        XCTAssertEqual(repair.matrix, repair.matrix.transposed)
        XCTAssertNoThrow(try cholesky(repair.matrix))
        let closedForm = spectrum.reduce(0) { $0 + pow(max($1, delta) - $1, 2) }.squareRoot()
        XCTAssertEqual(repair.frobeniusDistance, closedForm, accuracy: tolerance)
        XCTAssertLessThan(repair.matrix.maxAbsDifference(product(q, diagonal: spectrum.map { max($0, delta) }, q)), tolerance)
        let repairedSpectrum = try symmetricEigen(repair.matrix).values
        for (value, expected) in zip(repairedSpectrum, [delta, delta, 1, 3]) { XCTAssertEqual(value, expected, accuracy: tolerance) }
    }

    /// A non-symmetric input: the skew part (A − Aᵀ)/2 is orthogonal to every symmetric
    /// matrix, so the squared distance adds ‖skew‖²_F to the clipped eigenvalues' term.
    func testNonSymmetricInputDistanceAddsTheSkewPart() throws {
        var g = SplitMix64(seed: 62)
        let spectrum = [-1.0, 2, 4]
        let tolerance = 64 * machineEpsilon * 4   // c n ε ‖A‖₂
        let q = randomOrthogonal(3, &g)
        var skew = randomMatrix(3, 3, &g)
        skew = try skew.subtracting(skew.transposed).scaled(by: 0.5)
        let a = try product(q, diagonal: spectrum, q).symmetricPart().adding(skew)
        let repair = try nearestPositiveDefinite(a, minimumEigenvalue: 0.1)
        let expected = (pow(skew.frobeniusNorm, 2) + pow(0.1 + 1, 2)).squareRoot()
        XCTAssertEqual(repair.frobeniusDistance, expected, accuracy: tolerance)
        // Already positive definite but not symmetric: only the symmetric part is taken.
        let spd = try product(q, diagonal: [1, 2, 4], q).symmetricPart()
        let symmetrised = try nearestPositiveDefinite(try spd.adding(skew))
        XCTAssertTrue(symmetrised.wasRepaired)
        XCTAssertEqual(symmetrised.matrix, try spd.adding(skew).symmetricPart())
        XCTAssertEqual(symmetrised.frobeniusDistance, skew.frobeniusNorm, accuracy: tolerance)
    }

    func testPositiveDefiniteInputIsUnchanged() throws {
        var g = SplitMix64(seed: 63)
        let a = randomSPD(6, &g)
        let result = try nearestPositiveDefinite(a)
        XCTAssertFalse(result.wasRepaired)
        XCTAssertEqual(result.matrix, a)
        XCTAssertEqual(result.frobeniusDistance, 0)
    }

    /// Large-scale, barely indefinite covariances (eigenvalues down to −1e-6 of a 1e6 scale):
    /// the default clip level still yields a matrix that Cholesky accepts.
    func testRepairedLargeScaleMatricesPassCholesky() throws {
        var g = SplitMix64(seed: 64)
        for n in [3, 10, 30] {
            let q = randomOrthogonal(n, &g)
            let spectrum = (0..<n).map { i in i < n / 3 ? -1e-6 * Double(i + 1) : 1e6 * Double(i) }
            let a = try product(q, diagonal: spectrum, q).symmetricPart()
            let repair = try nearestPositiveDefinite(a)
            XCTAssertTrue(repair.wasRepaired)
            XCTAssertNoThrow(try cholesky(repair.matrix), "n = \(n)")
        }
    }

    func testErrors() {
        assertDimensionMismatch(try nearestPositiveDefinite(Matrix(rows: 2, columns: 3)))
        assertNonFinite(try nearestPositiveDefinite(withNaN(.identity(3))))
        assertThrows(.invalidArgument(routine: "nearestPositiveDefinite", position: 2),
                     try nearestPositiveDefinite(.identity(2), minimumEigenvalue: 0))
        assertThrows(.invalidArgument(routine: "nearestPositiveDefinite", position: 2),
                     try nearestPositiveDefinite(.identity(2), minimumEigenvalue: .nan))
    }
}
