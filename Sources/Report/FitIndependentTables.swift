import Foundation
import Linear
import Models

/// Tables of per-indicator models joined by a shrunk residual correlation: parameters with
/// standard errors, shock covariance and correlation, eigenvalues of each indicator's
/// transition, and the per-indicator information criteria.
enum FitIndependentTables {
    static func tables(_ fit: IndependentModelsFit) -> [FitTable] {
        let members = fit.members
        let names = members.map(\.indicator)
        let columns = parameterNames(members[0])
        let estimates = members.map { parameters($0) }
        var out = [
            FitTable(section: "coefficients", title: "Parameters", caption: caption(members[0]), rowHeading: "indicator",
                     columns: columns, rows: zip(names, estimates).map { ($0, $1.map(\.estimate)) }),
            FitTable(section: "standard_errors", title: "Standard errors", caption: standardErrorCaption(members[0]),
                     rowHeading: "indicator", columns: columns, rows: zip(names, estimates).map { ($0, $1.map(\.standardError)) }),
        ]
        let singleShock = members.allSatisfy { $0.block.shockSD.count == 1 }
        let r = fit.correlation
        if singleShock {
            let d = members.map { $0.block.shockSD[0] }
            var sigma = r
            for j in names.indices { for i in names.indices { sigma[i, j] = d[i] * r[i, j] * d[j] } }
            out.append(FitSystemTables.matrixTable("residual_covariance", "Shock covariance",
                "D R D, D = the members' shock sd, R the shrunk correlation below; squared units of y (percent, or log points)",
                rowHeading: "indicator", rows: names, columns: names, sigma))
        }
        out.append(FitSystemTables.matrixTable("residual_correlation", "Residual correlation (shrunk)",
            "pairwise-complete correlation of the one-step residuals\(singleShock ? "" : " (standardised one-step errors of the Kalman filter)"), Ledoit–Wolf intensity \(FitCell.number(fit.shrinkage.intensity).text) towards constant correlation \(FitCell.number(fit.shrinkage.targetCorrelation).text); correlates shock j of every indicator",
            rowHeading: "indicator", rows: names, columns: names, r))
        out.append(eigenvalues(members))
        out.append(criteria(fit))
        return out
    }

    /// Eigenvalues of each member's transition F (dgeev), labelled by indicator.
    static func eigenvalues(_ members: [any UnivariateModelFit]) -> FitTable {
        var values: [ComplexValue] = [], labels: [String] = []
        for m in members {
            let own = (try? Linear.eigenvalues(m.block.transition)) ?? []
            for (i, z) in own.enumerated() {
                values.append(z)
                labels.append(own.count == 1 ? m.indicator : "\(m.indicator) λ\(i + 1)")
            }
        }
        let stable = values.allSatisfy { $0.modulus < 1 }
        return FitSystemTables.eigenvalueTable(values, stable: stable, labels: labels,
            caption: "eigenvalues of each indicator's state transition F (dgeev); modulus 1 is a unit root (random walk, trend): \(stable ? "every modulus < 1, stable" : "NOT stable: shocks persist")")
    }

    static func criteria(_ fit: IndependentModelsFit) -> FitTable {
        let rows = informationCriteria(of: fit).map { c -> (name: String, cells: [FitCell]) in
            let why = "the log-likelihood is not finite (a zero shock variance)"
            return (c.name, [.value(c.logLikelihood, ifNotFinite: why), .number(Double(c.parameterCount)),
                             .number(Double(c.observationCount)), .value(c.aic, ifNotFinite: why), .value(c.bic, ifNotFinite: why)])
        }
        return FitTable(section: "information_criteria", title: "Information criteria (per indicator)",
                        caption: "AIC = −2 log L + 2k, BIC = −2 log L + k log n, per indicator on its own observations: not comparable with the VAR's per-observation criteria",
                        rowHeading: "indicator", columns: ["log L", "k", "n", "AIC", "BIC"], rows: rows)
    }

    static func parameterNames(_ m: any UnivariateModelFit) -> [String] {
        switch m {
        case is RandomWalkFit: return ["drift μ", "σ"]
        case is AR1Fit: return ["μ", "φ", "σ"]
        case let l as LocalLinearTrendFit: return l.variances.count == 3 ? ["σ²_ε", "σ²_η", "σ²_ζ"] : ["σ²_η", "σ²_ζ"]
        case is LogLinearTrendFit: return ["a", "b", "σ"]
        default: return []
        }
    }

    static func caption(_ m: any UnivariateModelFit) -> String {
        switch m {
        case is RandomWalkFit: return "random walk with drift y_t = y_{t−1} + μ + σ e_t; percent (growth and rates)"
        case is AR1Fit: return "AR(1) around a mean y_t − μ = φ (y_{t−1} − μ) + σ e_t, exact ML, |φ| ≤ 0.98; percent"
        case is LocalLinearTrendFit: return "local linear trend, exact diffuse ML: irregular, level and slope variances, squared percent"
        case is LogLinearTrendFit: return "log-linear trend y = 100 log level = a + b t + σ e_t (log points)"
        default: return ""
        }
    }

    static func standardErrorCaption(_ m: any UnivariateModelFit) -> String {
        switch m {
        case is RandomWalkFit: return "se(μ̂) = σ̂ / sqrt(years spanned) (exact given σ); se(σ̂) ≈ σ̂ / sqrt(2 n), asymptotic"
        case is AR1Fit: return "asymptotic, from √n (φ̂ − φ) → N(0, 1 − φ²) (Brockwell & Davis 1991, ch. 8): se(μ̂) ≈ σ̂ / ((1 − φ̂) sqrt n), se(φ̂) ≈ sqrt((1 − φ̂²) / n), se(σ̂) ≈ σ̂ / sqrt(2 n)"
        case is LocalLinearTrendFit: return "not computed: the variances are estimated on the log scale by Nelder–Mead; the information matrix is not reported"
        case is LogLinearTrendFit: return "OLS: sqrt(diag(s² (XᵀX)⁻¹)) for (a, b); se(σ̂) ≈ σ̂ / sqrt(2 n), asymptotic"
        default: return ""
        }
    }

    /// Estimates and standard errors in the order of `parameterNames`.
    static func parameters(_ m: any UnivariateModelFit) -> [(estimate: FitCell, standardError: FitCell)] {
        let nonFinite = "not finite"
        func pair(_ x: Double, _ se: Double) -> (FitCell, FitCell) {
            (.value(x, ifNotFinite: nonFinite), .value(se, ifNotFinite: "not finite: the parameter is at a bound or the sample too short"))
        }
        switch m {
        case let f as RandomWalkFit:
            let n = Double(f.differenceCount)
            return [pair(f.drift, f.sigma / f.span.squareRoot()), pair(f.sigma, f.sigma / (2 * n).squareRoot())]
        case let f as AR1Fit:
            let n = Double(f.observationCount)
            return [pair(f.mean, f.sigma / ((1 - f.phi) * n.squareRoot())),
                    pair(f.phi, ((1 - f.phi * f.phi) / n).squareRoot()),
                    pair(f.sigma, f.sigma / (2 * n).squareRoot())]
        case let f as LocalLinearTrendFit:
            return f.variances.map { (.value($0, ifNotFinite: nonFinite), .notAvailable("not computed")) }
        case let f as LogLinearTrendFit:
            let c = f.parameterCovariance, n = Double(f.observationCount)
            return [pair(f.intercept, c[0, 0].squareRoot()), pair(f.slope, c[1, 1].squareRoot()),
                    pair(f.sigma, f.sigma / (2 * n).squareRoot())]
        default:
            return []
        }
    }
}
