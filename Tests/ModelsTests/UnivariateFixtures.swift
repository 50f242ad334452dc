import Foundation
import Linear
import Models

/// Loads the JSON fixtures written by the generator scripts beside them (null -> NaN).
enum UnivariateFixture {
    static func load(_ name: String) throws -> [String: Any] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name).json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static func numbers(_ any: Any?) -> [Double] {
        (any as! [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    static func rows(_ any: Any?) -> [[Double]] { (any as! [Any]).map { numbers($0) } }

    static func matrix(_ any: Any?) throws -> Matrix { try Matrix(rowMajor: rows(any)) }

    static func panel(_ name: String, years: [Int], values: [Double]) -> Panel {
        Panel(indicators: [name], years: years,
              values: try! Matrix(rows: values.count, columns: 1, columnMajor: values))
    }

    /// Fits `specification` to the one-indicator panel of `values` (public API) and returns
    /// the concrete fit, e.g. `AR1Fit`.
    static func fit<Fit: FittedModel>(_ specification: some ModelSpecification, _ name: String, years: [Int],
                                      values: [Double], as _: Fit.Type) throws -> Fit {
        try specification.fit(panel(name, years: years, values: values)) as! Fit
    }

    /// Relative difference |a − b| / max(1, |b|).
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(1, abs(b)) }
}
