import CLAPACK
#if canImport(Glibc)
import Glibc
#endif

/// `C = alpha op(A) op(B) + beta C` on raw column-major buffers (BLAS `dgemm`), for hot loops
/// that reuse their buffers (the simulation kernel). Shapes: op(A) is `m x k`, op(B) is
/// `k x n`, C is `m x n`; `lda`, `ldb`, `ldc` are the leading dimensions of the stored
/// (untransposed) arrays. Nothing is copied or checked beyond the preconditions below;
/// use `gemm(_:_:transposeA:transposeB:alpha:)` for checked, value-semantics products.
@inlinable
public func gemmUnchecked(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Double, a: UnsafePointer<Double>, lda: Int,
    b: UnsafePointer<Double>, ldb: Int,
    beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
) {
    precondition(m >= 0 && n >= 0 && k >= 0 && lda >= 1 && ldb >= 1 && ldc >= Swift.max(1, m))
    cblas_dgemm(CblasColMajor,
                transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
                beta, c, Int32(ldc))
}

/// Sets the number of threads OpenBLAS may use (`openblas_set_num_threads`). forecast runs
/// BLAS on one thread inside its own parallel blocks, so that results do not depend on
/// the machine's thread count.
public func setBLASThreads(_ n: Int) {
    openblas_set_num_threads(Int32(Swift.max(1, n)))
    if n <= 1 { _ = idleBLASThreadsStopped }
}

/// OpenBLAS (pthread build) starts its worker threads when the library loads, and an idle
/// worker spins (`sched_yield`) for about 2^28 cycles before it sleeps: on 2 cores that takes
/// one core from the simulation for the first ~0.1 s of every run. With one BLAS thread they
/// have nothing to do, so they are stopped (`blas_thread_shutdown_`, looked up with `dlsym`:
/// absent from serial builds, where there is nothing to stop). OpenBLAS restarts them by itself
/// if more threads are asked for later.
private let idleBLASThreadsStopped: Void = {
    guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
    _ = unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)()
}()
