import XCTest
import Linear
import Models

/// Ledoit–Wolf (2004) shrinkage against the scikit-learn formula written in numpy
/// (lw_generate.py), complete and ragged data.
final class LedoitWolfTests: XCTestCase {
    func check(data: String, prefix: String, sparse: [[Int]], target: LedoitWolfTarget = .identity) throws {
        let f = try UnivariateFixture.load("lw_reference")
        let estimate = try ledoitWolf(UnivariateFixture.matrix(f[data]), target: target)
        XCTAssertEqual(estimate.intensity, f[prefix + "intensity"] as! Double, accuracy: 1e-12)
        XCTAssertLessThan(estimate.correlation.maxAbsDifference(try UnivariateFixture.matrix(f[prefix + "correlation"])), 1e-12)
        XCTAssertLessThan(estimate.covariance.maxAbsDifference(try UnivariateFixture.matrix(f[prefix + "covariance"])), 1e-10)
        XCTAssertEqual(estimate.sparsePairs, sparse)
    }

    func testCompleteDataMatchesSklearnFormula() throws { try check(data: "data", prefix: "", sparse: []) }

    func testRaggedDataMatchesPairwiseReference() throws {
        try check(data: "data_missing", prefix: "missing_", sparse: [[0, 3]])
    }

    /// Towards constant correlation: the paper's formulas ("Honey, I shrunk ...") on complete
    /// data, and their pairwise version on ragged data (lw_generate.py).
    func testConstantCorrelationTargetMatchesReference() throws {
        try check(data: "data", prefix: "constant_", sparse: [], target: .constantCorrelation)
        try check(data: "data_missing", prefix: "missing_constant_", sparse: [[0, 3]], target: .constantCorrelation)
    }

    /// Uncorrelated-in-sample data (orthogonal columns): S = I, nothing to shrink, intensity 1
    /// by convention (d² = 0); a constant column gets correlation 0 and no NaN.
    func testDegenerateCases() throws {
        let x = try Matrix(rowMajor: [[1, 1, 5], [-1, 1, 5], [1, -1, 5], [-1, -1, 5]])
        let e = try ledoitWolf(x)
        XCTAssertEqual(e.intensity, 1)
        XCTAssertTrue(e.covariance.elements.allSatisfy(\.isFinite))
        XCTAssertEqual(e.correlation[0, 2], 0)
        XCTAssertEqual(e.correlation[2, 2], 1)
        let single = try ledoitWolf(Matrix(rows: 1, columns: 2))       // one observation: nothing to correlate
        XCTAssertEqual(single.correlation, .identity(2))
        XCTAssertEqual(single.sparsePairs, [[0, 1]])
        XCTAssertThrowsError(try ledoitWolf(Matrix(rows: 3, columns: 2, repeating: .infinity)))
    }
}
