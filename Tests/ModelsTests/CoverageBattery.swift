import Foundation
import Linear
import Models
import Random

/// Coverage of central predictive bands on short synthetic histories with a known truth.
///
/// For each history (T years of the true process, then the h = 1...3 years that follow) the
/// model is fitted on the T years and its predictive distribution of the first indicator at
/// T + h is the mixture, over `draws` parameter draws (`drawSystem`, as the simulation uses
/// them), of the Gaussian h-step distributions of each drawn system (`forecastMoments`); with
/// parameter uncertainty off it is the point system's (with the base-year state covariance
/// when the model has one). The probability integral transform u = F(y_{T+h}) of the true
/// value is computed from the mixture exactly (no path sampling), and the central band of
/// level L covers y_{T+h} when |u − 1/2| <= L/2. Coverage is the fraction of histories
/// covered; its Monte Carlo SE the binomial sqrt(c(1 − c)/n).
///
/// Histories share their random numbers across models (stream = case and history index), so
/// differences between models and between versions are paired.
struct CoverageBattery {
    /// The true process of the synthetic histories (units: percent).
    enum Truth: Hashable, CustomStringConvertible {
        /// AR(1) around μ = 5 with σ = 1, started from its stationary distribution; `indicators`
        /// series whose shocks have correlation `correlation` (the first is scored).
        case ar1(phi: Double, indicators: Int = 1, correlation: Double = 0.5)
        /// Random walk with drift 0.5 and σ = 1, from 5.
        case randomWalk
        /// Local linear trend with σ_ε = 1, σ_η = 0.5, σ_ζ = 0.2 from level 5, slope 0.
        case localLinearTrend

        var description: String {
            switch self {
            case .ar1(let phi, let k, _): return k == 1 ? "AR(1) φ=\(phi)" : "AR(1) φ=\(phi), k=\(k)"
            case .randomWalk: return "random walk"
            case .localLinearTrend: return "local linear trend"
            }
        }

        var indicators: Int { if case .ar1(_, let k, _) = self { return k } else { return 1 } }

        /// A stable number for the random streams (`hashValue` changes between runs).
        var streamKey: UInt64 {
            switch self {
            case .ar1(let phi, let k, let rho): return UInt64((phi * 1000).rounded()) + 1000 * UInt64(k) + UInt64((rho * 100).rounded()) << 12
            case .randomWalk: return 0xFFF0
            case .localLinearTrend: return 0xFFF1
            }
        }

        /// `years + horizon` rows x `indicators` values.
        func simulate(years: Int, horizon: Int, using g: inout Philox4x32) -> [[Double]] {
            let n = years + horizon
            switch self {
            case .ar1(let phi, let k, let rho):
                let c = (1 - rho * rho).squareRoot()
                func shocks() -> [Double] {
                    let common = g.nextStandardNormal()
                    return (0..<k).map { j in j == 0 ? common : rho * common + c * g.nextStandardNormal() }
                }
                var y = shocks().map { 5 + $0 / (1 - phi * phi).squareRoot() }
                var rows = [y]
                for _ in 1..<n {
                    let e = shocks()
                    y = (0..<k).map { 5 + phi * (y[$0] - 5) + e[$0] }
                    rows.append(y)
                }
                return rows
            case .randomWalk:
                var y = 5.0
                return (0..<n).map { t in
                    if t > 0 { y += 0.5 + g.nextStandardNormal() }
                    return [y]
                }
            case .localLinearTrend:
                var level = 5.0, slope = 0.0
                return (0..<n).map { _ in
                    let y = level + g.nextStandardNormal()
                    level += slope + 0.5 * g.nextStandardNormal()
                    slope += 0.2 * g.nextStandardNormal()
                    return [y]
                }
            }
        }
    }

    /// A model of the battery (the first indicator is scored).
    struct Model {
        let name: String
        let specification: any ModelSpecification
    }

    static let models: [Model] = [
        Model(name: "random walk", specification: RandomWalkSpecification()),
        Model(name: "AR(1)", specification: AR1Specification()),
        Model(name: "local linear trend", specification: LocalLinearTrendSpecification()),
        Model(name: "VAR(1)", specification: VARSpecification(lags: 1)),
        Model(name: "BVAR(1)", specification: BVARSpecification(lags: 1)),
    ]

    /// Alternatives measured while choosing a method (bench/coverage.md), run only when named in
    /// FORECAST_COVERAGE_MODELS: the BVAR before issue 14's second round (Σ diffuse with T
    /// degrees of freedom, δ = 0) and with the kernel prior on Σ but δ fixed at 0; the AR(1)
    /// with its stationarity bound at 0.995 instead of 0.98.
    static let variants: [Model] = [
        Model(name: "BVAR(1) diffuse δ=0", specification: BVARSpecification(lags: 1, ownLagMean: 0, covariancePrior: .diffuse)),
        Model(name: "BVAR(1) δ=0", specification: BVARSpecification(lags: 1, ownLagMean: 0)),
        Model(name: "AR(1) |φ|<=0.995", specification: AR1Specification(stationarityBound: 0.995)),
    ]

    static let horizons = [1, 3]
    static let levels = [0.5, 0.8]

    /// One cell of the table: coverage of the `level` band at horizon `h`.
    struct Cell {
        let model: String
        let truth: Truth
        let years: Int
        let horizon: Int
        let level: Double
        let covered: Int
        let histories: Int
        /// Histories the model could not be fitted to (not counted in `histories`).
        let failures: Int

        var coverage: Double { Double(covered) / Double(max(histories, 1)) }
        var standardError: Double { (coverage * (1 - coverage) / Double(max(histories, 1))).squareRoot() }
    }

    var histories: Int
    var draws: Int
    var parameterUncertainty: Bool
    var seed: UInt64 = 2024

    /// Coverage of `model` on `histories` histories of `years` years of `truth`, for every
    /// horizon and level.
    func run(_ model: Model, truth: Truth, years: Int) -> [Cell] {
        let horizon = Self.horizons.max()!
        let caseStream = truth.streamKey << 40 ^ UInt64(years) << 32
        var covered = [[Int]](repeating: [Int](repeating: 0, count: Self.levels.count), count: Self.horizons.count)
        var fitted = 0, failures = 0
        let names = (0..<truth.indicators).map { "x\($0)" }
        for i in 0..<histories {
            var g = Philox4x32(seed: seed, stream: caseStream | UInt64(i))
            let rows = truth.simulate(years: years, horizon: horizon, using: &g)
            let panel = Panel(indicators: names, years: Array(1..<(years + 1)),
                              values: try! Matrix(rowMajor: Array(rows.prefix(years))))
            guard let fit = try? model.specification.fit(panel) else { failures += 1; continue }
            var d = Philox4x32(seed: seed ^ 0xD2A3, stream: caseStream | UInt64(i))
            guard let pit = try? Self.transforms(fit, truth: Self.horizons.map { rows[years + $0 - 1][0] },
                                                 draws: parameterUncertainty ? draws : 0, using: &d) else {
                failures += 1; continue
            }
            fitted += 1
            for (a, u) in pit.enumerated() {
                for (b, level) in Self.levels.enumerated() where abs(u - 0.5) <= level / 2 { covered[a][b] += 1 }
            }
        }
        return Self.horizons.enumerated().flatMap { a, h in
            Self.levels.enumerated().map { b, level in
                Cell(model: model.name, truth: truth, years: years, horizon: h, level: level,
                     covered: covered[a][b], histories: fitted, failures: failures)
            }
        }
    }

    /// u = F(y_{T+h}) of the first indicator for each of `Self.horizons`: the mixture over
    /// `draws` drawn systems, or the point system's distribution when `draws` is 0.
    static func transforms(_ fit: any FittedModel, truth: [Double], draws: Int,
                           using g: inout Philox4x32) throws -> [Double] {
        let horizon = horizons.max()!
        func cdfs(_ m: ForecastMoments) -> [Double] {
            horizons.enumerated().map { a, h in
                let sd = max(m.covariances[h - 1][0, 0], 0).squareRoot()
                return 0.5 * erfc(-(truth[a] - m.means[h - 1][0]) / (sd * 2.0.squareRoot()))
            }
        }
        guard draws > 0 else {
            let p0 = (fit as? StateUncertainty)?.initialStateCovariance
            return cdfs(try fit.pointSystem().forecastMoments(horizon: horizon, initialCovariance: p0))
        }
        var sum = [Double](repeating: 0, count: horizons.count)
        for _ in 0..<draws {
            let u = cdfs(try fit.drawSystem(using: &g).forecastMoments(horizon: horizon))
            for a in sum.indices { sum[a] += u[a] }
        }
        return sum.map { $0 / Double(draws) }
    }

    /// The Markdown table of `cells`: one row per model, truth and T; one column per horizon
    /// and level ("coverage ± SE" in percent).
    static func table(_ cells: [Cell]) -> String {
        var out = "| Model | Truth | T | " + horizons.flatMap { h in levels.map { "h=\(h) \(Int(100 * $0))%" } }.joined(separator: " | ") + " | fits failed |\n"
        out += "|---|---|---|" + String(repeating: "---|", count: horizons.count * levels.count + 1) + "\n"
        var keys: [String] = []
        var rows: [String: [Cell]] = [:]
        for c in cells {
            let key = "\(c.model) | \(c.truth) | \(c.years)"
            if rows[key] == nil { keys.append(key) }
            rows[key, default: []].append(c)
        }
        for key in keys {
            let row = rows[key]!
            let values = horizons.flatMap { h in levels.map { l in
                row.first { $0.horizon == h && $0.level == l }.map { String(format: "%.1f ± %.1f", 100 * $0.coverage, 100 * $0.standardError) } ?? ""
            } }
            out += "| \(key) | " + values.joined(separator: " | ") + " | \(row[0].failures) |\n"
        }
        return out
    }
}
