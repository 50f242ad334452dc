/// True when every eigenvalue of A (n x n, column-major) has modulus < 1 (A is Schur stable:
/// a VAR is stable when its companion matrix is).
///
/// Decided first by Gelfand's bounds on the powers Aᵐ, m = 1, 2, 4, ..., 64 (repeated squaring
/// in plain loops): ρ(A)ᵐ ≤ ‖Aᵐ‖_∞, so ‖Aᵐ‖_∞ < 1 proves stability, and ρ(A)ᵐ ≥ |tr Aᵐ| / n
/// (the trace is the sum of the n eigenvalues of Aᵐ), so |tr Aᵐ| ≥ n proves ρ(A) ≥ 1 (Horn &
/// Johnson 2013, *Matrix Analysis*, 2nd ed., Theorem 5.6.9 and Corollary 5.6.14). Only when
/// neither settles it are the eigenvalues computed (`eigenvalues`, LAPACK `dgeev`). The same
/// answer as the largest modulus of `eigenvalues(a)` being < 1, at a fraction of the cost for
/// the companion matrices of a handful of indicators (the parameter draws' stability screen).
///
/// - Returns: false when A has a non-finite element or `dgeev` fails.
/// - Precondition: A is square.
public func isSchurStable(_ a: Matrix) -> Bool {
    let n = a.rows
    precondition(a.columns == n, "isSchurStable: the matrix must be square")
    guard n > 0 else { return true }
    guard a.elements.allSatisfy({ $0.isFinite }) else { return false }
    var buffers = a.elements + [Double](repeating: 0, count: n * n)
    let settled: Bool? = buffers.withUnsafeMutableBufferPointer { b in
        var power = b.baseAddress!, next = power + n * n
        for step in 0..<7 {
            var norm = 0.0, trace = 0.0
            for i in 0..<n {
                var row = 0.0
                for j in 0..<n { row += Swift.abs(power[i + j * n]) }
                norm = Swift.max(norm, row)
                trace += power[i + i * n]
            }
            guard norm.isFinite else { return nil }
            if norm < 1 { return true }
            if Swift.abs(trace) >= Double(n) { return false }
            if step == 6 || norm > 1e150 { return nil }
            for j in 0..<n {
                for i in 0..<n { next[i + j * n] = 0 }
                for l in 0..<n {
                    let alj = power[l + j * n]
                    for i in 0..<n { next[i + j * n] += power[i + l * n] * alj }
                }
            }
            swap(&power, &next)
        }
        return nil
    }
    if let settled { return settled }
    guard let values = try? eigenvalues(a) else { return false }
    return (values.first?.modulus ?? 0) < 1
}
