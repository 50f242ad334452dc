extension Philox4x32 {
    /// A uniform double in the open interval (0, 1).
    ///
    /// The top 53 bits `m` of the next 64-bit output give `(m + 1/2) · 2⁻⁵³`: the midpoints of
    /// the 2⁵³ equal cells of [0, 1), so neither 0 nor 1 can occur (safe for `log(u)` and
    /// `log(1 - u)`). Consumes one 64-bit word.
    @inlinable
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}
