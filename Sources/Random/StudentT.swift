extension Philox4x32 {
    /// A standard Student-t draw with ν = `degreesOfFreedom`: `z / √(χ²_ν / ν)` with `z` standard
    /// normal and `χ²_ν` an independent chi-square (e.g. Johnson, Kotz & Balakrishnan 1995,
    /// ch. 28). Location 0, scale 1: the variance is `ν / (ν - 2)` for ν > 2, not 1.
    /// Draws the normal first, then the chi-square.
    ///
    /// - Precondition: `degreesOfFreedom` is finite and positive.
    public mutating func nextStudentT(degreesOfFreedom: Double) -> Double {
        let z = nextStandardNormal()
        return z * (degreesOfFreedom / nextChiSquared(degreesOfFreedom: degreesOfFreedom)).squareRoot()
    }

    /// Fills `buffer` with independent standard Student-t draws (ν = `degreesOfFreedom`; see
    /// `nextStudentT`). The normals of the whole buffer are drawn first by the ziggurat fast
    /// path, then one chi-square per element (Philox words drawn in SIMD batches), so the stream order differs from repeated
    /// `nextStudentT` calls (the distribution is the same). No heap allocation.
    ///
    /// - Precondition: `degreesOfFreedom` is finite and positive.
    public mutating func fillStudentT(_ buffer: UnsafeMutableBufferPointer<Double>, degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
                     "fillStudentT: degrees of freedom must be finite and > 0, got \(degreesOfFreedom)")
        fillStandardNormal(buffer)
        let halfDof = degreesOfFreedom / 2
        let tables = ZigguratTables.shared
        withWordBatch { batch in
            for j in buffer.indices {
                // χ²_ν / ν = Gamma(ν/2) / (ν/2)
                let g = Self.gamma(shape: halfDof, &batch, tables)
                buffer[j] *= (halfDof / g).squareRoot()
            }
        }
    }
}
