import Linear
import Models
import Random
import XCTest

/// Short and awkward samples: each either fits with the regularisation stated in `notes` or
/// throws a clear `ModelError` — never a crash, never NaN.
final class VARShortSampleTests: XCTestCase {
    private func names(_ k: Int) -> [String] { (0..<k).map { "x\($0)" } }

    private func assertFinite(_ model: any FittedModel, file: StaticString = #filePath, line: UInt = #line) {
        VARTestSupport.assertFinite(model.pointSystem(), file: file, line: line)
        var g = Philox4x32(seed: 9)
        for _ in 0..<50 { VARTestSupport.assertFinite(model.drawSystem(using: &g), file: file, line: line) }
    }

    private func assertThrows(_ expression: @autoclosure () throws -> Any, _ check: (ModelError) -> Bool,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            guard let e = error as? ModelError else { return XCTFail("not a ModelError: \(error)", file: file, line: line) }
            XCTAssertTrue(check(e), "unexpected error: \(e)", file: file, line: line)
        }
    }

    /// T = 10 and T = 12 years with k = 10: the VAR(1) has 11 coefficients per equation and
    /// throws with the counts; the BVAR is identified by its prior.
    func testTenIndicatorsTenAndTwelveYears() throws {
        for years in [10, 12] {
            let panel = try VARTestSupport.panel(VARTestSupport.simulatedRows(years: years, indicators: 10, seed: 3), indicators: names(10))
            assertThrows(try VARSpecification(lags: 1).estimate(panel)) {
                guard case .notIdentified(let why) = $0 else { return false }
                return why.contains("11 coefficients per equation") && why.contains("only \(years - 1) usable years")
            }
            let b = try BVARSpecification(lags: 1).estimate(panel)
            XCTAssertTrue(b.logMarginalLikelihood.isFinite)
            XCTAssertTrue((b.coefficientMean.elements + b.coefficientStandardDeviations.elements
                           + b.covarianceMean.elements + b.forecast(steps: 5).elements).allSatisfy(\.isFinite))
            XCTAssertTrue(b.notes.contains { $0.contains("\(years - 1) usable years for 11 coefficients") })
            assertFinite(b)
        }
    }

    /// x1 = 2 x0 + 1 exactly: the VAR uses minimum-norm least squares and repairs Σ_u,
    /// saying both; the BVAR needs no repair.
    func testTwoCollinearIndicators() throws {
        var rows = VARTestSupport.simulatedRows(years: 20, indicators: 3, seed: 4)
        for i in rows.indices { rows[i][1] = 2 * rows[i][0] + 1 }
        let panel = try VARTestSupport.panel(rows, indicators: names(3))
        let v = try VARSpecification(lags: 1).estimate(panel)
        XCTAssertEqual(v.rank, 3)
        XCTAssertTrue(v.notes.contains { $0.contains("collinear (rank 3 of 4)") && $0.contains("dgelsd") })
        XCTAssertTrue(v.notes.contains { $0.contains("Σ_u was") && $0.contains("nearest positive-definite") })
        XCTAssertTrue((v.coefficients.elements + v.standardErrors.elements + [v.aic, v.bic, v.hqic, v.logLikelihood]).allSatisfy(\.isFinite))
        assertFinite(v)
        let b = try BVARSpecification(lags: 1).estimate(panel)
        XCTAssertFalse(b.notes.contains { $0.contains("nearest positive-definite") })
        assertFinite(b)
    }

    func testConstantSeriesIsRejectedByName() throws {
        var rows = VARTestSupport.simulatedRows(years: 20, indicators: 3, seed: 5)
        for i in rows.indices { rows[i][2] = 3.0 }
        let panel = try VARTestSupport.panel(rows, indicators: names(3))
        let isConstant: (ModelError) -> Bool = {
            guard case .degenerateSeries(let indicator, let reason) = $0 else { return false }
            return indicator == "x2" && reason.contains("constant")
        }
        assertThrows(try VARSpecification(lags: 1).estimate(panel), isConstant)
        assertThrows(try BVARSpecification(lags: 1).estimate(panel), isConstant)
    }

    /// The first half of one series missing: both models use the complete years and list the
    /// dropped ones. Every other year missing: no usable year, a clear error.
    func testHalfTheYearsMissing() throws {
        var rows = VARTestSupport.simulatedRows(years: 24, indicators: 3, seed: 6)
        for i in 0..<12 { rows[i][1] = .nan }
        let panel = try VARTestSupport.panel(rows, indicators: names(3), firstYear: 1998)
        let v = try VARSpecification(lags: 1).estimate(panel)
        XCTAssertEqual(v.years, Array(2011...2021))
        XCTAssertTrue(v.notes.contains { $0.contains("used 11 of 23 regression years") && $0.contains("1999, 2000") })
        assertFinite(v)
        let b = try BVARSpecification(lags: 2).estimate(panel)
        XCTAssertEqual(b.years, Array(2012...2021))
        assertFinite(b)

        var alternate = VARTestSupport.simulatedRows(years: 24, indicators: 3, seed: 7)
        for i in stride(from: 0, to: 24, by: 2) { alternate[i][0] = .nan }
        let gappy = try VARTestSupport.panel(alternate, indicators: names(3))
        assertThrows(try VARSpecification(lags: 1).estimate(gappy)) {
            if case .notIdentified(let why) = $0 { return why.contains("0 usable years") && why.contains(MinimumData.requirement) } else { return false }
        }
        assertThrows(try BVARSpecification(lags: 1).estimate(gappy)) {
            if case .notIdentified = $0 { return true } else { return false }
        }
    }

    func testGapInBaseYearAndBadInput() throws {
        var rows = VARTestSupport.simulatedRows(years: 15, indicators: 2, seed: 8)
        rows[14][1] = .nan
        let panel = try VARTestSupport.panel(rows, indicators: names(2), firstYear: 2007)
        assertThrows(try BVARSpecification(lags: 1).estimate(panel)) { $0 == .missingValues(indicator: "x1", years: [2021]) }
        rows[14][1] = .infinity
        let infinite = try VARTestSupport.panel(rows, indicators: names(2))
        assertThrows(try VARSpecification(lags: 1).estimate(infinite)) {
            if case .degenerateSeries(let name, _) = $0 { return name == "x1" } else { return false }
        }
        rows[14][1] = 1
        let fine = try VARTestSupport.panel(rows, indicators: names(2))
        assertThrows(try VARSpecification(lags: 0).estimate(fine)) {
            if case .invalidSpecification = $0 { return true } else { return false }
        }
        assertThrows(try BVARSpecification(lags: 1, tightness: .fixed(-1)).estimate(fine)) {
            if case .invalidSpecification = $0 { return true } else { return false }
        }
        XCTAssertFalse(ModelError.notIdentified("x").description.isEmpty)
    }
}
