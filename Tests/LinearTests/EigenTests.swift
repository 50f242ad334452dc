import XCTest
import Linear

final class EigenTests: XCTestCase {
    /// The companion matrix of the monic polynomial with the given roots: first row
    /// −(c₁, ..., c_n) of zⁿ + c₁ zⁿ⁻¹ + ... + c_n, ones on the subdiagonal (the VAR(p)
    /// companion form of a scalar AR(p)).
    private func companion(roots: [ComplexValue]) throws -> Matrix {
        // Expand ∏ (z − rᵢ) with complex coefficients, highest power first.
        var re = [1.0], im = [0.0]
        for r in roots {
            var nre = re + [0], nim = im + [0]
            for i in 0..<re.count {
                nre[i + 1] -= re[i] * r.real - im[i] * r.imaginary
                nim[i + 1] -= re[i] * r.imaginary + im[i] * r.real
            }
            re = nre; im = nim
        }
        for v in im { XCTAssertEqual(v, 0, accuracy: 1e-14) }   // conjugate pairs: real coefficients
        let n = roots.count
        var c = Matrix(rows: n, columns: n)
        for j in 0..<n { c[0, j] = -re[j + 1] }
        for i in 1..<n { c[i, i - 1] = 1 }
        return c
    }

    func testCompanionMatrixOfKnownRoots() throws {
        let roots = [ComplexValue(real: 0.9, imaginary: 0),
                     ComplexValue(real: 0.3, imaginary: 0.6), ComplexValue(real: 0.3, imaginary: -0.6),
                     ComplexValue(real: -0.5, imaginary: 0),
                     ComplexValue(real: 0.2, imaginary: 0.1), ComplexValue(real: 0.2, imaginary: -0.1)]
        let computed = try eigenvalues(try companion(roots: roots))
        XCTAssertEqual(computed.count, roots.count)
        // Sorted by modulus, largest first: 0.9, |0.3 ± 0.6i| = 0.671, 0.5, |0.2 ± 0.1i| = 0.224.
        let order = [0, 1, 2, 3, 4, 5]
        for (value, k) in zip(computed, order) {
            XCTAssertEqual(value.real, roots[k].real, accuracy: 1e-12)
            XCTAssertEqual(value.imaginary, roots[k].imaginary, accuracy: 1e-12)
            XCTAssertEqual(value.modulus, (roots[k].real * roots[k].real + roots[k].imaginary * roots[k].imaginary).squareRoot(), accuracy: 1e-12)
        }
    }

    func testMatchesNumpyEigvals() throws {
        let f = try loadFixture("eigenvalues", as: EigenvaluesFixture.self)
        let computed = try eigenvalues(try Matrix(rowMajor: f.a))
        XCTAssertEqual(computed.count, f.real.count)
        for (re, im) in zip(f.real, f.imaginary) {
            let nearest = computed.map { abs($0.real - re) + abs($0.imaginary - im) }.min()!
            XCTAssertLessThan(nearest, 1e-12, "numpy eigenvalue \(re) + \(im)i")
        }
        for i in 1..<computed.count { XCTAssertGreaterThanOrEqual(computed[i - 1].modulus, computed[i].modulus) }
    }

    func testSymmetricEigenOfKnownSpectrum() throws {
        var g = SplitMix64(seed: 41)
        let spectrum = [7.0, -3, 0.5, 2, -1]
        let tolerance = 64 * machineEpsilon * 7   // backward error c n ε ‖A‖₂ (Weyl)
        let q = randomOrthogonal(5, &g)
        let a = product(q, diagonal: spectrum, q)
        let e = try symmetricEigen(a)
        XCTAssertEqual(e.values.count, 5)
        for (value, expected) in zip(e.values, spectrum.sorted()) { XCTAssertEqual(value, expected, accuracy: tolerance) }
        XCTAssertLessThan(product(e.vectors, diagonal: e.values, e.vectors).maxAbsDifference(a), tolerance)
        XCTAssertLessThan(naiveProduct(e.vectors.transposed, e.vectors).maxAbsDifference(.identity(5)), tolerance)
    }

    func testErrorsAndEmpty() throws {
        assertDimensionMismatch(try symmetricEigen(Matrix(rows: 2, columns: 3)))
        assertDimensionMismatch(try eigenvalues(Matrix(rows: 3, columns: 2)))
        assertNonFinite(try symmetricEigen(withNaN(.identity(3))))
        assertNonFinite(try eigenvalues(withNaN(.identity(3))))
        XCTAssertEqual(try eigenvalues(Matrix(rows: 0, columns: 0)), [])
        let e = try symmetricEigen(Matrix(rows: 0, columns: 0))
        XCTAssertEqual(e.values, [])
        XCTAssertEqual(e.vectors, Matrix(rows: 0, columns: 0))
    }

    func testModulusAvoidsOverflow() {
        XCTAssertEqual(ComplexValue(real: 3e200, imaginary: 4e200).modulus, 5e200, accuracy: 1e186)
        XCTAssertEqual(ComplexValue(real: 0, imaginary: 0).modulus, 0)
    }

    /// `isSchurStable` against the known roots of companion matrices: its answer must be
    /// "largest root modulus < 1" whether the power bounds settle it or `dgeev` has to, from
    /// roots deep inside the unit circle to 0.999 and 1.001 (real, negative, complex pairs;
    /// orders 1 to 6). The roots are analytic, not computed by the code under test.
    func testSchurStabilityMatchesKnownRoots() throws {
        func real(_ x: Double) -> [ComplexValue] { [ComplexValue(real: x, imaginary: 0)] }
        func pair(modulus r: Double, angle: Double) -> [ComplexValue] {
            [ComplexValue(real: r * cos(angle), imaginary: r * sin(angle)),
             ComplexValue(real: r * cos(angle), imaginary: -r * sin(angle))]
        }
        var checked = 0
        for largest in [0.2, 0.5, 0.9, 0.99, 0.999, 1.001, 1.01, 1.1, 2.0] {
            let sets: [[ComplexValue]] = [
                real(largest), real(-largest),
                real(largest) + real(0.3),
                pair(modulus: largest, angle: 0.7) + real(0.5),
                pair(modulus: largest, angle: 2.9) + real(-0.4) + real(0.1),
                pair(modulus: largest, angle: 1.3) + pair(modulus: 0.6, angle: 0.4) + real(0.2) + real(-0.1),
            ]
            for roots in sets {
                let c = try companion(roots: roots)
                XCTAssertEqual(isSchurStable(c), largest < 1, "largest root \(largest), order \(roots.count)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 54)
    }

    /// `isSchurStable` agrees with `dgeev`'s largest modulus on random matrices scaled to a
    /// spectral radius from 0.5 to 1.5 (orders 2 to 10; a fixed linear congruential stream),
    /// and refuses a matrix with a NaN.
    func testSchurStabilityAgreesWithEigenvaluesOnRandomMatrices() throws {
        var state: UInt64 = 2026
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-53 * 2 - 1
        }
        var stable = 0, unstable = 0
        for trial in 0..<400 {
            let n = 2 + trial % 9
            var a = Matrix(rows: n, columns: n)
            for j in 0..<n { for i in 0..<n { a[i, j] = uniform() } }
            let radius = try eigenvalues(a)[0].modulus
            let target = 0.5 + Double(trial % 101) / 100
            a = a.scaled(by: target / radius)
            let expected = try eigenvalues(a)[0].modulus < 1
            XCTAssertEqual(isSchurStable(a), expected, "trial \(trial), radius \(target)")
            if expected { stable += 1 } else { unstable += 1 }
        }
        XCTAssertGreaterThan(stable, 100)
        XCTAssertGreaterThan(unstable, 100)
        var bad = Matrix(rows: 2, columns: 2)
        bad[0, 1] = .nan
        XCTAssertFalse(isSchurStable(bad))
    }
}
