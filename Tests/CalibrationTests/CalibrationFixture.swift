import Foundation

/// calibration_reference.json, written by Fixtures/calibration_generate.py (scipy, statsmodels).
struct CalibrationReference: Decodable {
    struct TCase: Decodable { let location, scale, nu, x, cdf, logpdf: Double }
    struct NIGCase: Decodable {
        let prior: [Double]
        let x, w: [Double]
        let mean, weight, nu, variance: Double
        let pred_scale: Double
        let p_above_half: Double
    }
    struct Pool: Decodable {
        struct Fit: Decodable {
            let lambda: Double; let statsmodels: [Double]; let scipy: [Double]
            /// How far statsmodels' solver stopped from scipy's optimum (max over coefficients).
            let statsmodelsError: Double
            enum CodingKeys: String, CodingKey { case lambda, statsmodels, scipy, statsmodelsError = "statsmodels_error" }
        }
        let model, anchored, base: [Double]
        let proxied, ceiling, met: [Bool]
        let fits: [Fit]
        /// The centre of the ridge penalty.
        let prior: [Double]
    }
    let student_t: [TCase]
    let nig: [NIGCase]
    let pool: Pool

    static func load() throws -> CalibrationReference {
        let url = Bundle.module.url(forResource: "calibration_reference", withExtension: "json", subdirectory: "Fixtures")!
        return try JSONDecoder().decode(CalibrationReference.self, from: Data(contentsOf: url))
    }
}
