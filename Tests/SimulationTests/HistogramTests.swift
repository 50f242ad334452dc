import Linear
import Simulation
import XCTest

/// The streaming histogram: exact bins at their edges, out-of-range and non-finite values,
/// exact merges, quantiles within one bin width.
final class HistogramTests: XCTestCase {
    func testBinsAreFloorOfPositionIncludingEdges() {
        var h = Histogram(lower: 0, upper: 8, binCount: 8)    // bin width 1, exact
        let values: [Double] = [0, 0.5, 1, 1.9999999, 2, 3.5, 7, 7.999999, 8, 9, -0.0001, -5]
        let nonFinite = values.withUnsafeBufferPointer { h.add(contentsOf: $0) }
        XCTAssertEqual(nonFinite, 0)
        XCTAssertEqual((0..<8).map { h.count(bin: $0) }, [2, 2, 1, 1, 0, 0, 0, 2])
        XCTAssertEqual(h.below, 2)
        XCTAssertEqual(h.above, 2)
        XCTAssertEqual(h.total, values.count)
    }

    func testNonFiniteValuesAreCounted() {
        var h = Histogram(lower: -1, upper: 1, binCount: 16)
        let values: [Double] = [0.1, .nan, .infinity, -.infinity, 0.2, .nan]
        let nonFinite = values.withUnsafeBufferPointer { h.add(contentsOf: $0) }
        XCTAssertEqual(nonFinite, 4)
    }

    /// Merging in any order gives the same counts; quantiles of a uniform grid are within one
    /// bin width of the exact ones.
    func testMergeAndQuantiles() {
        let n = 10_000
        let values = (0..<n).map { Double($0) / Double(n) }   // uniform on [0, 1)
        var whole = Histogram(lower: -0.5, upper: 1.5, binCount: 4096)
        var a = whole, b = whole
        values.withUnsafeBufferPointer { _ = whole.add(contentsOf: $0) }
        values[..<3000].withUnsafeBufferPointer { _ = a.add(contentsOf: $0) }
        values[3000...].withUnsafeBufferPointer { _ = b.add(contentsOf: $0) }
        var ab = a, ba = b
        ab.merge(b)
        ba.merge(a)
        XCTAssertEqual(ab, whole)
        XCTAssertEqual(ba, whole)
        for p in [0.05, 0.25, 0.5, 0.9] {
            let q = whole.quantile(p)!
            XCTAssertEqual(q, p, accuracy: whole.resolution + 1.0 / Double(n))
            XCTAssertEqual(whole.cumulativeFraction(q), p, accuracy: 1e-3)
        }
    }
}

/// Small runs keep enough blocks for an honest batch-means error.
final class BlockLayoutTests: XCTestCase {
    func testSmallRunsHaveAtLeastTheMinimumNumberOfBlocks() throws {
        let model = KnownVAR1(c: [1], a: try Matrix(rowMajor: [[0.5]]), l: try Matrix(rowMajor: [[1]]), y0: [2])
        for paths in [1, 1000, 5000, 70_000, 200_000] {
            let input = SimulationInput(model: model, parameterUncertainty: false, shocks: .normal(scale: 1),
                                        horizon: 1, targets: [TargetRule(variable: 0, yearOffset: 1, measure: .value, bound: .atLeast(2))],
                                        paths: paths, seed: 1, threads: 2)
            let r = try MonteCarloEngine().run(input)
            XCTAssertGreaterThanOrEqual(r.blocks, MonteCarloEngine.minimumBlocks)
            XCTAssertGreaterThanOrEqual(r.paths, paths)
            XCTAssertLessThanOrEqual(r.blockSize, 1024)
            // y1 = 1 + 0.5 * 2 + e = 2 + e, so P(y1 >= 2) = Φ(0).
            let p = r.targets[0].probability
            XCTAssertEqual(p.value, normalCDF(0), accuracy: 5 * max(p.standardError, 1e-3))
        }
    }
}
