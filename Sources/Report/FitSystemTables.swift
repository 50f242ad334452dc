import Foundation
import Linear
import Models

/// Tables of the VAR and BVAR fits: coefficients (row 0 the constant, then lag l of each
/// indicator, one column per equation), residual covariance and correlation, companion
/// eigenvalues, information criteria.
enum FitSystemTables {
    static func tables(_ v: VARResults) -> [FitTable] {
        let k = v.indicators.count
        return common(indicators: v.indicators, lags: v.lags,
                      coefficients: ("Coefficients (OLS)", "B̂", v.coefficients),
                      errors: ("Standard errors", "sqrt(diag((XᵀX)⁻¹) Σ_u,ii) (statsmodels `stderr`)", v.standardErrors),
                      covariance: (v.residualCovariance, "Σ_u = ÛᵀÛ / (T − 1 − kp), squared percent (statsmodels `sigma_u`)"),
                      eigenvalues: v.companionEigenvalues, stable: v.isStable)
            + [FitTable(section: "information_criteria", title: "Information criteria (per observation)",
                        caption: "statsmodels / Lütkepohl (2005, §4.3) definitions: log|Σ̃_u| + penalty / T, Σ̃_u = ÛᵀÛ / T, n = pk² + k parameters. Per observation, on the VAR's own years: not comparable with the per-indicator −2 log L + 2k of the other models",
                        rowHeading: "system", columns: ["log L", "AIC", "BIC", "HQIC", "T (years used)", "n (parameters)"],
                        rows: [("VAR", [criterion(v.logLikelihood), criterion(v.aic), criterion(v.bic), criterion(v.hqic),
                                        .number(Double(v.years.count)), .number(Double(v.lags * k * k + k))])])]
    }

    static func tables(_ b: BVARResults) -> [FitTable] {
        let undefined = FitCell.notAvailable("not defined for a Bayesian posterior")
        return common(indicators: b.indicators, lags: b.lags,
                      coefficients: ("Coefficients (posterior mean)", "E[B | Y]", b.coefficientMean),
                      errors: ("Posterior standard deviations", "sd[B | Y] under the Normal-inverse-Wishart posterior", b.coefficientStandardDeviations),
                      covariance: (b.covarianceMean, "E[Σ | Y] = S_post / (d_post − k − 1), squared percent"),
                      eigenvalues: b.companionEigenvalues, stable: b.isStable)
            + [FitTable(section: "information_criteria", title: "Information criteria",
                        caption: "AIC and BIC are not defined for a Bayesian posterior; the log marginal likelihood log p(Y | λ) chose the tightness λ (compare models by the backtest below)",
                        rowHeading: "system", columns: ["log marginal likelihood", "tightness λ", "AIC", "BIC", "T (years used)"],
                        rows: [("BVAR", [criterion(b.logMarginalLikelihood), .value(b.tightness, ifNotFinite: "not finite"),
                                         undefined, undefined, .number(Double(b.years.count))])])]
    }

    /// Coefficients, their standard errors (or posterior sd), covariance and correlation, and
    /// companion eigenvalues of a VAR-form system.
    static func common(indicators: [String], lags: Int, coefficients: (title: String, symbol: String, matrix: Matrix),
                       errors: (title: String, caption: String, matrix: Matrix), covariance: (matrix: Matrix, caption: String),
                       eigenvalues: [ComplexValue], stable: Bool) -> [FitTable] {
        let names = regressorNames(indicators, lags: lags)
        return [
            matrixTable("coefficients", coefficients.title, "\(coefficients.symbol): one column per equation, rows the constant and the lags; units of the panel (percent)",
                        rowHeading: "regressor", rows: names, columns: indicators, coefficients.matrix),
            matrixTable("standard_errors", errors.title, errors.caption, rowHeading: "regressor", rows: names,
                        columns: indicators, errors.matrix),
        ] + covarianceTables(covariance.matrix, indicators: indicators, caption: covariance.caption)
          + [eigenvalueTable(eigenvalues, stable: stable)]
    }

    /// "const", then "L1.gdp", "L1.cpi", ..., "L2.gdp", ...
    static func regressorNames(_ indicators: [String], lags: Int) -> [String] {
        ["const"] + (1...max(lags, 1)).flatMap { l in indicators.map { "L\(l).\($0)" } }
    }

    static func criterion(_ x: Double) -> FitCell {
        .value(x, ifNotFinite: "the residual covariance is singular, its log-determinant is not finite")
    }

    static func matrixTable(_ section: String, _ title: String, _ caption: String, rowHeading: String,
                            rows: [String], columns: [String], _ m: Matrix) -> FitTable {
        FitTable(section: section, title: title, caption: caption, rowHeading: rowHeading, columns: columns,
                 rows: rows.enumerated().map { i, name in
                     (name, columns.indices.map { j in FitCell.value(m[i, j], ifNotFinite: "not finite: the estimate is not identified") })
                 })
    }

    /// The covariance and the correlation D⁻¹ Σ D⁻¹ (D = sqrt(diag Σ)).
    static func covarianceTables(_ sigma: Matrix, indicators: [String], caption: String) -> [FitTable] {
        let k = indicators.count
        var r = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0..<k { r[i, j] = sigma[i, j] / (sigma[i, i] * sigma[j, j]).squareRoot() } }
        return [matrixTable("residual_covariance", "Residual covariance", caption, rowHeading: "indicator",
                            rows: indicators, columns: indicators, sigma),
                matrixTable("residual_correlation", "Residual correlation", "Σ_ij / sqrt(Σ_ii Σ_jj)", rowHeading: "indicator",
                            rows: indicators, columns: indicators, r)]
    }

    /// Eigenvalues by row, with modulus and "stable" (modulus < 1).
    static func eigenvalueTable(_ values: [ComplexValue], stable: Bool, labels: [String]? = nil,
                                caption: String? = nil) -> FitTable {
        FitTable(section: "companion_eigenvalues", title: "Companion eigenvalues",
                 caption: caption ?? "eigenvalues of the companion matrix at the point estimate (LAPACK dgeev), by decreasing modulus; the system is \(stable ? "stable (every modulus < 1)" : "NOT stable (a modulus >= 1: shocks do not die out)")",
                 rowHeading: "eigenvalue", columns: ["real", "imaginary", "modulus", "stable"],
                 rows: values.enumerated().map { i, z in
                     (labels?[i] ?? "λ\(i + 1)", [.value(z.real, ifNotFinite: "not finite"), .value(z.imaginary, ifNotFinite: "not finite"),
                                                 .value(z.modulus, ifNotFinite: "not finite"), .text(z.modulus < 1 ? "yes" : "no")])
                 })
    }
}
