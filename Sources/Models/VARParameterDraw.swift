import Foundation
import Linear
import Random

/// A draw from the matrix-normal distribution MN(M, P Pᵀ, Q Qᵀ):
///
///     B = M + P Z Qᵀ,  Z_ij ~ N(0, 1) independent,  so  vec(B) ~ N(vec(M), Q Qᵀ ⊗ P Pᵀ)
///
/// (the form of vec(B) | Σ ~ N(vec(B_post), Σ ⊗ Ω_post) with Q the Cholesky factor of Σ
/// and P Pᵀ = Ω_post).
///
/// - Parameters:
///   - mean: M, m x k.
///   - rowFactor: P, m x r (any factor of the row covariance; r may be < m).
///   - columnFactor: Q, k x k (lower triangular Cholesky factor of the column covariance).
/// - Returns: B (m x k), or nil if a product failed (non-finite input).
func matrixNormalDraw(mean: Matrix, rowFactor p: Matrix, columnFactor q: Matrix,
                      using generator: inout Philox4x32) -> Matrix? {
    var z = Matrix(rows: p.columns, columns: q.rows)
    z.elements.withUnsafeMutableBufferPointer { generator.fillStandardNormal($0) }
    guard let pz = try? gemm(p, z), let pzq = try? gemm(pz, q, transposeB: true) else { return nil }
    return try? mean.adding(pzq)
}

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

    /// - Parameter attempt: one unscreened draw (coefficients (1 + kp) x k, shock Cholesky
    ///   factor k x k), or nil when the draw failed numerically (counted as rejected).
    func draw(point: @autoclosure () -> StateSpaceSystem, initialState: [Double], using generator: inout Philox4x32,
              _ attempt: (inout Philox4x32) -> (coefficients: Matrix, shockCholesky: Matrix)?) -> StateSpaceSystem {
        for tried in 0..<limit {
            guard let d = attempt(&generator) else { continue }
            let dynamics = VARDynamics(coefficients: d.coefficients, lags: lags)
            if !screen || dynamics.spectralRadius < 1 {
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
