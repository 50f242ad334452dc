import Linear
import XCTest

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator so that the random test
/// matrices are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A rows x columns matrix of independent uniform(-1, 1) elements.
func randomMatrix(_ rows: Int, _ columns: Int, _ g: inout SplitMix64) -> Matrix {
    var m = Matrix(rows: rows, columns: columns)
    for i in m.elements.indices { m.elements[i] = Double.random(in: -1...1, using: &g) }
    return m
}

/// A random symmetric positive-definite matrix G Gᵀ + n I (well conditioned).
func randomSPD(_ n: Int, _ g: inout SplitMix64) -> Matrix {
    let a = randomMatrix(n, n, &g)
    var s = naiveProduct(a, a.transposed)
    for i in 0..<n { s[i, i] += Double(n) }
    return s
}

/// The textbook triple loop, an independent reference for the BLAS products.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    precondition(a.columns == b.rows)
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var s = 0.0
            for l in 0..<a.columns { s += a[i, l] * b[l, j] }
            c[i, j] = s
        }
    }
    return c
}

/// The n x n Hilbert matrix, H[i, j] = 1 / (i + j + 1) (zero-based), symmetric positive
/// definite and notoriously ill conditioned.
func hilbert(_ n: Int) -> Matrix {
    var h = Matrix(rows: n, columns: n)
    for i in 0..<n { for j in 0..<n { h[i, j] = 1 / Double(i + j + 1) } }
    return h
}

/// 2-norm condition number from the singular values (largest / smallest).
func conditionNumber(_ a: Matrix) throws -> Double {
    let s = try svd(a).singularValues
    return s.first! / s.last!
}

let machineEpsilon = Double.ulpOfOne

/// The Householder reflection I − 2 v vᵀ / (vᵀ v): symmetric and orthogonal by construction,
/// an orthogonal matrix that does not come from LAPACK.
func householder(_ v: [Double]) -> Matrix {
    let n = v.count
    let vv = v.reduce(0) { $0 + $1 * $1 }
    var h = Matrix.identity(n)
    for i in 0..<n { for j in 0..<n { h[i, j] -= 2 * v[i] * v[j] / vv } }
    return h
}

/// A random n x n orthogonal matrix: the product of three random Householder reflections.
func randomOrthogonal(_ n: Int, _ g: inout SplitMix64) -> Matrix {
    var q = Matrix.identity(n)
    for _ in 0..<3 { q = naiveProduct(q, householder(randomMatrix(n, 1, &g).elements)) }
    return q
}

/// Q diag(d) Rᵀ with the textbook loops.
func product(_ q: Matrix, diagonal d: [Double], _ r: Matrix) -> Matrix {
    naiveProduct(naiveProduct(q, .diagonal(d)), r.transposed)
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(_ expected: LinearAlgebraError, _ body: @autoclosure () throws -> T,
                     file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected \(expected), nothing was thrown", file: file, line: line)
    } catch let error as LinearAlgebraError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}

/// Asserts that `body` throws a `.dimensionMismatch` (whatever its message).
func assertDimensionMismatch<T>(_ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected a dimension mismatch, nothing was thrown", file: file, line: line)
    } catch LinearAlgebraError.dimensionMismatch {
    } catch {
        XCTFail("expected a dimension mismatch, got \(error)", file: file, line: line)
    }
}

/// Asserts that `body` throws `.nonFinite` (whatever its message).
func assertNonFinite<T>(_ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected a non-finite error, nothing was thrown", file: file, line: line)
    } catch LinearAlgebraError.nonFinite {
    } catch {
        XCTFail("expected a non-finite error, got \(error)", file: file, line: line)
    }
}

/// A copy of `m` with one element set to NaN.
func withNaN(_ m: Matrix) -> Matrix {
    var c = m
    c.elements[c.elements.count / 2] = .nan
    return c
}
