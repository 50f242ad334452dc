import CLAPACK
#if canImport(Glibc)
import Glibc
#endif

// Internal plumbing shared by the BLAS/LAPACK wrappers: input checks done before any
// routine is called, conversion to LAPACK's 32-bit integers and characters, and the
// mapping of LAPACK's `info` to `LinearAlgebraError`.

/// `LAPACK_COL_MAJOR`, the only layout the wrappers use (leading dimension = `rows`).
let lapackColumnMajor = Int32(LAPACK_COL_MAJOR)

/// A LAPACK character argument (`'L'`, `'N'`, `'V'`, ...).
@inline(__always)
func lapackCharacter(_ c: Unicode.Scalar) -> CChar { CChar(truncatingIfNeeded: c.value) }

/// A dimension as LAPACK's 32-bit `lapack_int` / OpenBLAS `blasint`; callers pass only
/// dimensions that `checkInput` has accepted.
@inline(__always)
func lapackInt(_ n: Int) -> Int32 { Int32(n) }

/// True when every element is finite. Reads the buffer once, vectorised: `x - x` is 0 for a
/// finite `x` and NaN for NaN or ±infinity, and NaN survives the sums.
func allFinite(_ x: UnsafeBufferPointer<Double>) -> Bool {
    guard let base = x.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = x.count
    var s0 = SIMD4<Double>(), s1 = SIMD4<Double>(), s2 = SIMD4<Double>(), s3 = SIMD4<Double>()
    var i = 0
    while i + 16 <= n {
        let v0 = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
        let v1 = raw.loadUnaligned(fromByteOffset: (i + 4) * 8, as: SIMD4<Double>.self)
        let v2 = raw.loadUnaligned(fromByteOffset: (i + 8) * 8, as: SIMD4<Double>.self)
        let v3 = raw.loadUnaligned(fromByteOffset: (i + 12) * 8, as: SIMD4<Double>.self)
        s0 += v0 - v0
        s1 += v1 - v1
        s2 += v2 - v2
        s3 += v3 - v3
        i += 16
    }
    var tail = 0.0
    while i < n { tail += x[i] - x[i]; i += 1 }
    return ((s0 + s1) + (s2 + s3)).sum() + tail == 0
}

/// Rejects a matrix with a non-finite element or a dimension beyond LAPACK's 32-bit index.
///
/// - Parameter label: names the routine and operand in the error, e.g. `"gemm: A"`.
func checkInput(_ m: Matrix, _ label: String) throws {
    try checkDimensions(m, label)
    guard m.elements.withUnsafeBufferPointer(allFinite) else { throw nonFiniteError(m, label) }
}

/// Rejects a dimension beyond LAPACK's 32-bit index.
func checkDimensions(_ m: Matrix, _ label: String) throws {
    guard m.rows <= Int(Int32.max), m.columns <= Int(Int32.max) else {
        throw LinearAlgebraError.dimensionMismatch(
            "\(label) is \(m.rows) x \(m.columns), beyond LAPACK's 32-bit dimensions")
    }
}

/// The error for a matrix holding NaN or infinity.
func nonFiniteError(_ m: Matrix, _ label: String) -> LinearAlgebraError {
    .nonFinite("\(label) (\(m.rows) x \(m.columns)) contains NaN or infinity")
}

/// Rejects a vector with a non-finite element.
func checkInput(_ v: [Double], _ label: String) throws {
    guard v.count <= Int(Int32.max), v.withUnsafeBufferPointer(allFinite) else {
        throw LinearAlgebraError.nonFinite("\(label) (\(v.count) elements) contains NaN or infinity")
    }
}

/// Rejects a non-square matrix.
func checkSquare(_ m: Matrix, _ label: String) throws {
    guard m.isSquare else {
        throw LinearAlgebraError.dimensionMismatch("\(label) must be square, got \(m.rows) x \(m.columns)")
    }
}

/// Maps LAPACK's `info`: 0 passes, `info < 0` is an illegal argument (or LAPACKE's
/// workspace allocation failure, -1010/-1011), `info > 0` the routine-specific failure.
func checkInfo(_ info: Int32, _ routine: String, failure: (Int) -> LinearAlgebraError) throws {
    if info == 0 { return }
    if info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR {
        throw LinearAlgebraError.invalidArgument(routine: "\(routine) (LAPACKE could not allocate workspace)", position: 0)
    }
    if info < 0 { throw LinearAlgebraError.invalidArgument(routine: routine, position: Int(-info)) }
    throw failure(Int(info))
}

extension Matrix {
    /// A `rows x columns` matrix whose elements `body` writes, every one of them, without
    /// first zero-filling the storage (BLAS with beta = 0 and LAPACK outputs never read it).
    init(rows: Int, columns: Int, writing body: (UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows {
        let count = rows * columns
        self.rows = rows
        self.columns = columns
        self.elements = try [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(buffer)
            try body(buffer)
            initialized = count
        }
    }

    /// Copies the lower triangle onto the upper one (square matrices).
    mutating func mirrorLowerToUpper() {
        let n = rows
        elements.withUnsafeMutableBufferPointer { e in
            for j in 0..<n {
                for i in (j + 1)..<Swift.max(j + 1, n) { e[j + i * n] = e[i + j * n] }
            }
        }
    }

    /// Sets the strictly upper triangle to zero (square matrices).
    mutating func zeroStrictUpper() {
        let n = rows
        elements.withUnsafeMutableBufferPointer { e in
            for j in 0..<n {
                for i in 0..<j { e[i + j * n] = 0 }
            }
        }
    }
}

/// Asks Linux for transparent huge pages on a large, not yet touched output buffer (as numpy
/// does for arrays over 4 MiB): writing 80 MB of fresh memory then takes about 40 page
/// faults instead of 20,000. Only the page-aligned interior is advised; elsewhere a no-op.
private func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Double>) {
    #if os(Linux)
    let bytes = buffer.count * MemoryLayout<Double>.stride
    guard bytes >= 1 << 22, let base = buffer.baseAddress else { return }
    let page = 4096
    let start = (Int(bitPattern: base) + page - 1) / page * page
    let end = (Int(bitPattern: base) + bytes) / page * page
    if end > start {
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
    }
    #endif
}
