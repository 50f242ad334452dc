import RealModule

/// Tables of the 256-layer ziggurat for the standard normal density, computed once at first
/// use (Marsaglia & Tsang 2000, "The Ziggurat Method for Generating Random Variables",
/// J. Stat. Softw. 5(8), section 2 and the table-setup code of section 4).
///
/// With the unnormalised density `f(x) = exp(-x²/2)` on `x ≥ 0`, layers `i = 0 ..< 256` are
/// rectangles of equal area `v`: layer `i` spans heights `f(x[i]) ... f(x[i+1])` and width
/// `x[i]`, where `x[1] = r`, `x[i+1] = f⁻¹(v / x[i] + f(x[i]))`, `x[256] = 0`, and the base
/// layer 0 has pseudo-width `x[0] = v / f(r)` so that it also carries the tail beyond `r`.
/// `r = 3.6541528853610088` (the 256-layer value; numpy uses the same) and
/// `v = r f(r) + ∫_r^∞ f = r f(r) + √(π/2) erfc(r/√2)`.
///
/// For a 52-bit integer `u`, the candidate is `x = u · w[i]` with `w[i] = x[i] / 2⁵²`; it lies
/// inside layer `i + 1`'s width (and is accepted at once) when `u < k[i] = ⌊2⁵² x[i+1] / x[i]⌋`.
/// `f[i] = f(x[i])` for `i = 0 ... 256` (`f[256] = 1`) serves the wedge test.
final class ZigguratTables: @unchecked Sendable {
    // Immutable after init; the storage is never freed (one instance for the process).
    static let layers = 256
    static let r = 3.6541528853610088
    static let shared = ZigguratTables()

    let k: UnsafePointer<UInt64>
    let w: UnsafePointer<Double>
    let f: UnsafePointer<Double>
    /// Area of each layer, `v`.
    let area: Double

    private init() {
        let n = Self.layers
        let r = Self.r
        func density(_ x: Double) -> Double { Double.exp(-0.5 * x * x) }
        let v = r * density(r) + (Double.pi / 2).squareRoot() * Double.erfc(r / 2.0.squareRoot())
        var x = [Double](repeating: 0, count: n + 1)
        x[0] = v / density(r)
        x[1] = r
        for i in 1..<(n - 1) {
            x[i + 1] = (-2 * Double.log(v / x[i] + density(x[i]))).squareRoot()
        }
        x[n] = 0
        let k = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        let w = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let f = UnsafeMutablePointer<Double>.allocate(capacity: n + 1)
        for i in 0..<n {
            k[i] = UInt64((x[i + 1] / x[i]) * 0x1p52)
            w[i] = x[i] * 0x1p-52
        }
        for i in 0...n { f[i] = density(x[i]) }
        self.k = UnsafePointer(k)
        self.w = UnsafePointer(w)
        self.f = UnsafePointer(f)
        self.area = v
    }
}
