import Foundation
import Linear
import Models
import Random
import XCTest

/// Fixture loading and panel building shared by the VAR and BVAR tests.
enum VARTestSupport {
    static func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
                                "missing fixture \(name).json")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// A panel with years 1, 2, ... from row-major data (rows are years).
    static func panel(_ rows: [[Double]], indicators: [String], firstYear: Int = 1) throws -> Panel {
        Panel(indicators: indicators, years: Array(firstYear..<(firstYear + rows.count)), values: try Matrix(rowMajor: rows))
    }

    /// Largest |a − b| / max(1, |b|) over matching elements of nested arrays.
    static func relativeDifference(_ a: Matrix, _ b: [[Double]]) -> Double {
        guard a.rows == b.count, a.columns == b.first?.count ?? 0 else { return .infinity }
        var d = 0.0
        for i in 0..<a.rows { for j in 0..<a.columns { d = max(d, abs(a[i, j] - b[i][j]) / max(1, abs(b[i][j]))) } }
        return d
    }

    /// Asserts every element of every matrix of a state-space system is finite.
    static func assertFinite(_ s: StateSpaceSystem, file: StaticString = #filePath, line: UInt = #line) {
        let all = s.intercept + s.transition.elements + s.shockLoading.elements + s.shockCholesky.elements
            + s.observation.elements + s.initialState
        XCTAssertTrue(all.allSatisfy(\.isFinite), "non-finite element in state-space system", file: file, line: line)
    }

    /// Deterministic pseudo-random panel data: n years x k indicators of an AR(1)-like
    /// process with unit-variance normal innovations (Philox4x32 seeded with `seed`).
    static func simulatedRows(years n: Int, indicators k: Int, seed: UInt64, persistence: Double = 0.5) -> [[Double]] {
        var g = Philox4x32(seed: seed, stream: 0, counter: 0)
        var row = [Double](repeating: 0, count: k)
        var rows: [[Double]] = []
        for _ in 0..<(n + 20) {
            for j in 0..<k { row[j] = 6 + persistence * (row[j] - 6) + g.nextStandardNormal() }
            rows.append(row)
        }
        return Array(rows.suffix(n))
    }

    static func assertClose(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
    }

    /// Sample mean and variance with their Monte Carlo standard errors (the variance's from the
    /// sample fourth central moment: Var(s²) ≈ (m₄ − s⁴) / n).
    struct SampleMoments {
        let mean, variance, standardErrorOfMean, standardErrorOfVariance: Double
        init(_ x: [Double]) {
            let n = Double(x.count)
            let mu = x.reduce(0, +) / n
            var m2 = 0.0, m4 = 0.0
            for v in x { let d = (v - mu) * (v - mu); m2 += d; m4 += d * d }
            m2 /= n; m4 /= n
            mean = mu
            variance = m2 * n / (n - 1)
            standardErrorOfMean = (m2 / n).squareRoot()
            standardErrorOfVariance = ((m4 - m2 * m2) / n).squareRoot()
        }
    }
}
