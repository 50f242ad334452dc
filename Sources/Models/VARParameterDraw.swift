import Foundation
import Linear
import Random

/// Counts of the parameter draws made by a fitted model and its copies (thread-safe: the
/// simulation calls `drawSystem` from several threads).
final class VARDrawLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var draws = 0
    private var rejected = 0
    private var fallbacks = 0

    func record(rejected r: Int, fellBack: Bool) {
        lock.lock(); defer { lock.unlock() }
        draws += 1
        rejected += r
        if fellBack { fallbacks += 1 }
    }

    /// The warning when some draws fell back to the point estimate (all `limit` attempts
    /// explosive or numerically failed), or nil.
    func fallbackWarning(limit: Int) -> String? {
        lock.lock(); defer { lock.unlock() }
        guard fallbacks > 0 else { return nil }
        let share = fallbacks == draws ? "all \(draws)" : "\(fallbacks) of \(draws)"
        return "parameter draws: \(share) parameter draws failed \(limit) attempts (explosive or numerically singular) and used the point estimate instead; "
            + (fallbacks == draws ? "in effect parameter uncertainty is off and the bands ignore estimation error" : "those blocks' bands ignore estimation error")
    }

    /// The note on explosive draws so far, or nil before the first draw.
    func note(limit: Int) -> String? {
        lock.lock(); defer { lock.unlock() }
        guard draws > 0 else { return nil }
        var s = "parameter draws: \(draws) accepted systems, \(rejected) explosive or numerically failed draws (companion spectral radius >= 1, a singular Σ) rejected and redrawn"
        if fallbacks > 0 {
            s += "; \(fallbacks) time(s) all \(limit) attempts were explosive and the point estimate was used instead"
        }
        return s
    }
}

/// Draws parameters until the VAR is stable (spectral radius of the companion matrix < 1),
/// at most `limit` attempts; after that the point system is returned. The counts go to the
/// ledger (and from there to the model's `notes`).
struct VARStableDraws: Sendable {
    let lags: Int
    let limit: Int
    /// False when the point estimate itself is explosive: draws are then not screened.
    let screen: Bool
    let ledger = VARDrawLedger()

    /// - Parameters:
    ///   - attempt: one unscreened draw (coefficients (1 + kp) x k, shock Cholesky factor
    ///     k x k), or nil when the draw failed numerically (counted as rejected).
    ///   - first: the first attempt, when it differs (a balanced set's point); the later ones
    ///     come from `attempt`. A draw that passes the screen is exactly a draw of the posterior
    ///     restricted to stable systems as long as each attempt is an exact unscreened draw
    ///     independent of the draw's earlier attempts.
    func draw(point: @autoclosure () -> StateSpaceSystem, initialState: [Double], using generator: inout Philox4x32,
              first: ((inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)?)? = nil,
              _ attempt: (inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)?) -> StateSpaceSystem {
        for tried in 0..<limit {
            let drawn = if tried == 0, let first { first(&generator) } else { attempt(&generator) }
            guard let d = drawn else { continue }
            let dynamics = VARDynamics(coefficients: d.coefficients, lags: lags)
            if !screen || isSchurStable(dynamics.companion) {
                ledger.record(rejected: tried, fellBack: false)
                return dynamics.stateSpace(shockCholesky: d.shockCholesky, initialState: initialState)
            }
        }
        ledger.record(rejected: limit, fellBack: true)
        return point()
    }

    /// The note on draws, including the screening rule.
    var note: String? {
        guard let counts = ledger.note(limit: limit) else { return nil }
        return screen ? counts : counts + " (not screened: the point estimate is itself explosive)"
    }
}
