import Foundation
import Linear
import Models
import Random
import XCTest

/// BVAR fit with the marginal-likelihood search for λ at k = 10, T = 25, then posterior draws
/// as the simulation takes them (`drawSystem`: IW draw, Cholesky, matrix-normal draw of B,
/// stability screen by `dgeev`). Full size in release
/// (`swift test -c release --filter Benchmarks`), small in debug.
final class BVARBenchmarks: XCTestCase {
    func testBVARFitAndPosteriorDraws() throws {
        #if DEBUG
        let draws = 500
        #else
        let draws = 10_000
        #endif
        let k = 10, years = 25
        var g = Philox4x32(seed: 1)
        var values = Matrix(rows: years + 10, columns: k)
        for t in 1..<(years + 10) { for j in 0..<k { values[t, j] = 0.5 * values[t - 1, j] + g.nextStandardNormal() } }
        let rows = (10..<(years + 10)).map { values.row($0).map { 6 + $0 } }
        let panel = Panel(indicators: (0..<k).map { "x\($0)" }, years: Array(2000..<(2000 + years)),
                          values: try Matrix(rowMajor: rows))
        let clock = ContinuousClock()
        var fitted: BVARResults?
        let fitTime = try clock.measure { fitted = try BVARSpecification(lags: 1).estimate(panel) }
        let model = try XCTUnwrap(fitted)
        var checksum = 0.0
        let drawTime = clock.measure {
            for _ in 0..<draws { checksum += model.drawSystem(using: &g).transition[0, 0] }
        }
        XCTAssertTrue(checksum.isFinite)
        let seconds = Double(drawTime.components.seconds) + Double(drawTime.components.attoseconds) * 1e-18
        print(String(format: "BVARBenchmarks: k = %d, T = %d: fit with λ search %@ (λ = %.3f); %d posterior draws %.3f s, %.0f draws/s",
                     k, years, "\(fitTime)", model.tightness, draws, seconds, Double(draws) / seconds))
        model.notes.suffix(1).forEach { print("  ", $0) }
    }
}
