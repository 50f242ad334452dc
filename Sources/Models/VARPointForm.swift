import Linear
import Random

/// What a fitted VAR or BVAR hands to the simulation: the dynamics at its point estimate,
/// the shock covariance with its Cholesky factor (repaired if needed), the base-year state,
/// and the stability screen for parameter draws.
struct VARPointForm: Sendable {
    let dynamics: VARDynamics
    let shockCovariance: RepairedCovariance
    let lastState: [Double]
    /// Companion eigenvalues at the point estimate, by decreasing modulus.
    let companionEigenvalues: [ComplexValue]
    let draws: VARStableDraws

    /// - Parameters:
    ///   - coefficients: B, (1 + kp) x k.
    ///   - covariance: Σ_u at the point estimate, k x k (repaired if not positive definite).
    ///   - name: how notes name Σ_u.
    init(coefficients: Matrix, covariance: Matrix, name: String, design: VARDesign, drawLimit: Int) throws {
        dynamics = VARDynamics(coefficients: coefficients, lags: design.lags)
        companionEigenvalues = try dynamics.eigenvalues()
        shockCovariance = try RepairedCovariance(covariance, name: name)
        lastState = design.lastState
        draws = VARStableDraws(lags: design.lags, limit: drawLimit, screen: (companionEigenvalues.first?.modulus ?? 0) < 1)
    }

    var isStable: Bool { draws.screen }

    /// Notes on the point form: a covariance repair, an explosive point estimate.
    var notes: [String] {
        var notes: [String] = []
        if let repair = shockCovariance.note { notes.append(repair) }
        if !isStable {
            notes.append("warning: the VAR at the point estimate is not stable (largest companion eigenvalue modulus \(companionEigenvalues[0].modulus) >= 1); forecasts diverge")
        }
        return notes
    }

    /// Fewest usable years on which the VAR and BVAR bands were checked to cover at their
    /// nominal rate (the coverage battery, bench/coverage.md: T = 10, 15, 20).
    static let checkedYears = 10

    /// What the fit and the draws so far had to give up: a sample shorter than the bands were
    /// checked on, a repaired Σ_u, draws that fell back to the point estimate.
    func warnings(model: String, observations: Int) -> [String] {
        var w: [String] = []
        if observations < Self.checkedYears {
            w.append("\(model) fitted on only \(observations) usable years (fewer than \(Self.checkedYears)): the bands' coverage was checked from \(Self.checkedYears) years on; with so few the estimates, and so the bands, rest on very little")
        }
        if let repair = shockCovariance.note { w.append(repair) }
        if let fallback = draws.ledger.fallbackWarning(limit: draws.limit) { w.append(fallback) }
        return w
    }

    /// The notes on parameter draws: the method, the screening rule and the counts so far.
    func drawNotes(method: String) -> [String] {
        ["parameter uncertainty: \(method); explosive draws are redrawn up to \(draws.limit) times"] + [draws.note].compactMap { $0 }
    }

    func forecast(steps: Int) -> Matrix { dynamics.forecast(from: lastState, steps: steps) }

    func pointSystem() -> StateSpaceSystem {
        dynamics.stateSpace(shockCholesky: shockCovariance.factor.lower, initialState: lastState)
    }

    func drawSystem(using generator: inout Philox4x32,
                    _ attempt: (inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)?) -> StateSpaceSystem {
        draws.draw(point: pointSystem(), initialState: lastState, using: &generator, attempt)
    }
}
