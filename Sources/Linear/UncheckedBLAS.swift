import CLAPACK

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
}
