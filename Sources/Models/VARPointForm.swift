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

    /// The regressors of the first forecast step, x = (1, y_T, ..., y_{T−p+1}): 1 + kp elements.
    var firstStepRegressors: [Double] { [1] + lastState }

    /// `count` screened draws whose first attempts come from one balanced set of inputs
    /// (`ScrambledSobol.paddedPoints`): draw i's point picks a sampler by inversion of its
    /// first uniform (`choose`, when there are several: the BVAR's hyperparameter grid) and
    /// feeds Φ⁻¹ of the others to it as normals (`NIWSampler.draw(normals:using:)`); a rejected
    /// (explosive) draw is redrawn by `attempt` from `generator`, independently of its point, so
    /// each draw is exact. With `count` 1 or no sampler, `attempt` alone. (Random shifts of the
    /// rejected draws' points, which would keep the replacements balanced, were measured on
    /// scenarios/china-2025.json: 131 k paths to the same SE against 135 k, within the stopping
    /// rule's noise; not kept.)
    func drawSystems(count: Int, samplers: [NIWSampler?], choose: ((Double) -> Int)?, using generator: inout Philox4x32,
                     _ attempt: (inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)?) -> [StateSpaceSystem] {
        guard count > 1, let normals = samplers.lazy.compactMap({ $0?.normalCount }).first else {
            return (0..<count).map { _ in drawSystem(using: &generator, attempt) }
        }
        let skip = choose == nil ? 0 : 1, inputs = skip + normals
        let u = ScrambledSobol.paddedPoints(count: count, dimensions: inputs, using: &generator)
        return (0..<count).map { i in
            let point = u[(i * inputs)..<((i + 1) * inputs)]
            return draws.draw(point: pointSystem(), initialState: lastState, using: &generator, first: { g in
                samplers[choose?(point[point.startIndex]) ?? 0]?.draw(normals: standardNormals(point.dropFirst(skip)), using: &g)
            }, attempt)
        }
    }
}
