import Linear

/// A covariance matrix with its Cholesky factor, repaired when it is not (numerically)
/// positive definite, and the note saying so.
struct RepairedCovariance: Sendable {
    /// The covariance actually used (the input, or its nearest positive-definite repair).
    let matrix: Matrix
    /// Its Cholesky factor.
    let factor: CholeskyFactor
    /// Set when the input was repaired: what, why and how far it moved.
    let note: String?

    /// Factors `sigma` (k x k) by `dpotrf`. When that fails, or a pivot is tiny relative to
    /// its diagonal element (squared pivot < 1e-10 Σ_ii: numerically singular, e.g. two
    /// collinear indicators), Σ is replaced by the nearest symmetric matrix with eigenvalues
    /// >= 1e-8 · trace(Σ)/k (Higham 1988, `nearestPositiveDefinite`) and the note says so.
    ///
    /// - Parameter name: how the note names the matrix, e.g. "Σ_u".
    /// - Throws: `ModelError.numericalFailure` if Σ has non-finite elements or the repair
    ///   fails (an eigen-solver failure).
    init(_ sigma: Matrix, name: String) throws {
        let k = sigma.rows
        let reason: String
        do {
            let f = try cholesky(sigma)
            guard let i = (0..<k).first(where: { f.lower[$0, $0] * f.lower[$0, $0] < 1e-10 * sigma[$0, $0] }) else {
                matrix = sigma; factor = f; note = nil
                return
            }
            reason = "numerically singular (Cholesky pivot \(i + 1) is below 1e-5 of its scale)"
        } catch LinearAlgebraError.notPositiveDefinite(let order) {
            reason = "not positive definite (Cholesky failed at order \(order))"
        } catch {
            throw ModelError.numericalFailure("\(name): \(error)")
        }
        do {
            let trace = sigma.diagonalElements.reduce(0, +)
            let floor = Swift.max(1e-8 * trace / Double(Swift.max(k, 1)), Double.leastNormalMagnitude)
            let repaired = try nearestPositiveDefinite(sigma, minimumEigenvalue: floor)
            matrix = repaired.matrix
            factor = try cholesky(repaired.matrix)
            note = "warning: \(name) was \(reason); replaced by the nearest positive-definite matrix with eigenvalues >= \(floor) (Higham 1988), Frobenius distance \(repaired.frobeniusDistance)"
        } catch {
            throw ModelError.numericalFailure("\(name) could not be repaired: \(error)")
        }
    }
}
