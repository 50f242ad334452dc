import CSV
import Foundation
import Report
import Scenario
import XCTest

/// `FitReport` on a 24-year panel of US macrodata growth rates: the numbers printed in the
/// tidy CSV, parsed back, must equal statsmodels' VAR(1) and ARIMA(1,0,0) fits
/// (Fixtures/make_fit_fixture.py) to the 4 significant digits printed.
final class FitReportTests: XCTestCase {
    struct Fixture: Decodable {
        struct VAR: Decodable {
            let nobs: Int
            let coefficients: [[Double]]
            let standardErrors: [[Double]]
            let sigmaU: [[Double]]
            let logLikelihood, aic, bic, hqic: Double
            let companionModuli: [Double]
        }
        struct AR1: Decodable { let mean, phi, sigma2, logLikelihood: Double }
        let indicators: [String]
        let years: [Int]
        let data: [[Double]]
        let var1: VAR
        let ar1_realgdp: AR1
    }

    /// (model, section, row, column) -> value, from the CSV output.
    typealias Cells = [String: String]

    static func fixture() throws -> Fixture {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/fit_macrodata", withExtension: "json"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// Writes the fixture's panel as a history CSV and a VAR(1) scenario, and runs the report.
    static func report(_ f: Fixture, modelType: String = "var") throws -> FitReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fit-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "indicator,year,value,measure,unit,source\n"
        for (i, year) in f.years.enumerated() {
            for (j, id) in f.indicators.enumerated() { csv += "\(id),\(year),\(f.data[i][j]),growth_pct,%,statsmodels macrodata\n" }
        }
        try csv.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let indicators = f.indicators.map { "{\"id\": \"\($0)\", \"model_on\": \"growth_pct\"}" }.joined(separator: ", ")
        let scenario = """
            {"name": "macrodata", "region": "US", "history": "history.csv", "base_year": \(f.years.last!),
             "horizon_end": \(f.years.last! + 1), "estimation": {"from": \(f.years.first!), "to": \(f.years.last!), "exclude": []},
             "model": {"type": "\(modelType)", \(modelType.hasSuffix("var") ? "\"lags\": 1," : "") "parameter_uncertainty": false},
             "shocks": {"distribution": "normal"}, "simulation": {"paths": 1000, "seed": 1}, "confidence": 0.8,
             "indicators": [\(indicators)], "targets": []}
            """
        let path = dir.appendingPathComponent("scenario.json")
        try scenario.write(to: path, atomically: true, encoding: .utf8)
        return try FitReport(ScenarioInput.load(contentsOf: path), backtest: false)
    }

    static func cells(_ csv: String) throws -> Cells {
        let reader = try CSVReader(string: csv, hasHeaderRow: true)
        XCTAssertEqual(reader.headerRow ?? [], ["model", "section", "row", "column", "value"])
        var out: Cells = [:]
        while let row = reader.next() {
            XCTAssertEqual(row.count, 5, "row \(row)")
            out[row[0..<4].joined(separator: "|")] = row[4]
        }
        return out
    }

    /// The printed number equals `expected` to the 4 significant digits printed.
    func assertPrinted(_ cells: Cells, _ key: [String], _ expected: Double, file: StaticString = #filePath, line: UInt = #line) {
        guard let text = cells[key.joined(separator: "|")], let value = Double(text) else {
            return XCTFail("no number at \(key)", file: file, line: line)
        }
        XCTAssertEqual(value, expected, accuracy: 5.01e-4 * abs(expected) + 1e-12, "\(key)", file: file, line: line)
    }

    func testVARTablesMatchStatsmodels() throws {
        let f = try Self.fixture()
        let report = try Self.report(f)
        let cells = try Self.cells(report.csv())
        let model = "VAR(1)"
        XCTAssertEqual(cells["\(model)|summary||scenario_model"].map { !$0.isEmpty }, true, "the VAR is the scenario's model")
        let regressors = ["const"] + f.indicators.map { "L1.\($0)" }
        for (r, name) in regressors.enumerated() {
            for (j, equation) in f.indicators.enumerated() {
                assertPrinted(cells, [model, "coefficients", name, equation], f.var1.coefficients[r][j])
                assertPrinted(cells, [model, "standard_errors", name, equation], f.var1.standardErrors[r][j])
            }
        }
        for (i, a) in f.indicators.enumerated() {
            for (j, b) in f.indicators.enumerated() {
                let s = f.var1.sigmaU
                assertPrinted(cells, [model, "residual_covariance", a, b], s[i][j])
                assertPrinted(cells, [model, "residual_correlation", a, b], s[i][j] / (s[i][i] * s[j][j]).squareRoot())
            }
        }
        assertPrinted(cells, [model, "information_criteria", "VAR", "log L"], f.var1.logLikelihood)
        assertPrinted(cells, [model, "information_criteria", "VAR", "AIC"], f.var1.aic)
        assertPrinted(cells, [model, "information_criteria", "VAR", "BIC"], f.var1.bic)
        assertPrinted(cells, [model, "information_criteria", "VAR", "HQIC"], f.var1.hqic)
        assertPrinted(cells, [model, "information_criteria", "VAR", "T (years used)"], Double(f.var1.nobs))
        for (i, modulus) in f.var1.companionModuli.enumerated() {
            assertPrinted(cells, [model, "companion_eigenvalues", "λ\(i + 1)", "modulus"], modulus)
            XCTAssertEqual(cells["\(model)|companion_eigenvalues|λ\(i + 1)|stable"], modulus < 1 ? "yes" : "no")
        }
    }

    func testAR1ParametersMatchStatsmodelsARIMA() throws {
        let f = try Self.fixture()
        let cells = try Self.cells(Self.report(f, modelType: "ar1").csv())
        let ref = f.ar1_realgdp, n = Double(f.years.count)
        // Exact ML by Nelder–Mead agrees with statsmodels to ~1e-4 (ModelsTests); printed to 4 digits.
        func near(_ key: [String], _ expected: Double, _ tolerance: Double) {
            let value = cells[key.joined(separator: "|")].flatMap(Double.init)
            XCTAssertEqual(try XCTUnwrap(value), expected, accuracy: tolerance, "\(key)")
        }
        near(["AR(1)", "coefficients", "realgdp", "μ"], ref.mean, 1e-3 * abs(ref.mean))
        near(["AR(1)", "coefficients", "realgdp", "φ"], ref.phi, 2e-4)
        near(["AR(1)", "coefficients", "realgdp", "σ"], ref.sigma2.squareRoot(), 1e-3 * ref.sigma2.squareRoot())
        near(["AR(1)", "standard_errors", "realgdp", "φ"], ((1 - ref.phi * ref.phi) / n).squareRoot(), 1e-3)
        near(["AR(1)", "information_criteria", "realgdp", "log L"], ref.logLikelihood, 5.01e-4 * abs(ref.logLikelihood))
        near(["AR(1)", "information_criteria", "realgdp", "AIC"], -2 * ref.logLikelihood + 6, 5.01e-4 * abs(-2 * ref.logLikelihood + 6))
        XCTAssertEqual(cells["AR(1)|summary||scenario_model"].map { !$0.isEmpty }, true, "AR(1) is the scenario's model")
    }

    /// An exact AR(1) simulated with a fixed seed: the printed φ̂ is within 4 asymptotic
    /// standard errors sqrt((1 − φ²)/n) of the true φ (and the printed SE is that formula at φ̂).
    func testAR1RecoversKnownCoefficient() throws {
        var f = try Self.fixture()
        let phi = 0.6, mu = 5.0, sigma = 1.0, n = 400
        var state: UInt64 = 20_221
        func uniform() -> Double {   // SplitMix64 -> (0, 1)
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
        var y = mu + sigma / (1 - phi * phi).squareRoot() * normal()
        var series: [Double] = []
        for _ in 0..<n {
            series.append(y)
            y = mu + phi * (y - mu) + sigma * normal()
        }
        f = Fixture(indicators: ["x"], years: Array(1800..<(1800 + n)), data: series.map { [$0] }, var1: f.var1,
                    ar1_realgdp: f.ar1_realgdp)
        let cells = try Self.cells(Self.report(f, modelType: "ar1").csv())
        let printed = try XCTUnwrap(cells["AR(1)|coefficients|x|φ"].flatMap(Double.init))
        XCTAssertEqual(printed, phi, accuracy: 4 * ((1 - phi * phi) / Double(n)).squareRoot())
        let se = try XCTUnwrap(cells["AR(1)|standard_errors|x|φ"].flatMap(Double.init))
        XCTAssertEqual(se, ((1 - printed * printed) / Double(n)).squareRoot(), accuracy: 1e-3 * se)
    }
}
