import RealModule

extension Philox4x32 {
    /// A gamma draw with shape `a` and scale 1: density `x^(a-1) e^(-x) / Γ(a)` on x > 0,
    /// mean `a`, variance `a`.
    ///
    /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
    /// 26(3), 363–372: for `a ≥ 1`, with `d = a - 1/3`, `c = 1/√(9d)`, a normal `z` and
    /// `v = (1 + c z)³`, accept `d v` when `u < 1 - 0.0331 z⁴` (squeeze) or
    /// `log u < z²/2 + d (1 - v + log v)`. For `a < 1` the boost of their section 6:
    /// `Gamma(a) = Gamma(a + 1) · u^(1/a)`.
    ///
    /// - Precondition: `shape` is finite and positive (callers validate user input first).
    public mutating func nextGamma(shape: Double) -> Double {
        precondition(shape > 0 && shape.isFinite, "nextGamma: shape must be finite and > 0, got \(shape)")
        return Self.gamma(shape: shape, &self, ZigguratTables.shared)
    }

    /// Marsaglia–Tsang gamma from any word source (the generator itself or a word batch).
    @inline(__always)
    static func gamma<S: WordSource>(shape: Double, _ source: inout S, _ tables: ZigguratTables) -> Double {
        if shape < 1 {
            let g = gammaShapeAtLeastOne(shape + 1, &source, tables)
            return g * Double.exp(Double.log(uniform(&source)) / shape)
        }
        return gammaShapeAtLeastOne(shape, &source, tables)
    }

    /// The Marsaglia–Tsang rejection step for shape `a ≥ 1`; `firstNormal`, when given, is
    /// the first normal candidate (a standard normal drawn elsewhere, e.g. Φ⁻¹ of a
    /// quasi-random point), the later ones come from `source`.
    @inline(__always)
    static func gammaShapeAtLeastOne<S: WordSource>(_ a: Double, _ source: inout S,
                                                    _ tables: ZigguratTables, firstNormal: Double? = nil) -> Double {
        let d = a - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        var given = firstNormal
        while true {
            var z: Double
            var v: Double
            repeat {
                if let g = given { z = g; given = nil } else { z = ziggurat(&source, tables) }
                v = 1 + c * z
            } while v <= 0
            v = v * v * v
            let u = uniform(&source)
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 { return d * v }
            if Double.log(u) < 0.5 * z2 + d * (1 - v + Double.log(v)) { return d * v }
        }
    }

    /// A chi-square draw with `degreesOfFreedom` ν: `2 · Gamma(ν/2)`, mean ν, variance 2ν.
    /// ν need not be an integer.
    ///
    /// - Precondition: `degreesOfFreedom` is finite and positive.
    public mutating func nextChiSquared(degreesOfFreedom: Double) -> Double {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
                     "nextChiSquared: degrees of freedom must be finite and > 0, got \(degreesOfFreedom)")
        return 2 * nextGamma(shape: degreesOfFreedom / 2)
    }

    /// A chi-square draw with `degreesOfFreedom` ν >= 2 whose Marsaglia–Tsang rejection step
    /// takes `firstNormal` (a standard normal, independent of this generator) as its first
    /// candidate: exactly χ²_ν, and, since the first candidate is accepted with probability
    /// about 0.95 at ν = 2 and more above (0.996 at ν = 16), nearly a monotone function of
    /// `firstNormal` — what lets a
    /// stratified or quasi-random normal carry its balance into the χ² draw.
    ///
    /// - Precondition: `degreesOfFreedom` is finite and at least 2.
    public mutating func nextChiSquared(degreesOfFreedom: Double, firstNormal: Double) -> Double {
        precondition(degreesOfFreedom >= 2 && degreesOfFreedom.isFinite,
                     "nextChiSquared: degrees of freedom must be finite and >= 2, got \(degreesOfFreedom)")
        return 2 * Self.gammaShapeAtLeastOne(degreesOfFreedom / 2, &self, ZigguratTables.shared, firstNormal: firstNormal)
    }
}
