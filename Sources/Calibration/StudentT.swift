import Foundation
import RealModule

/// A location–scale Student-t distribution, `x = location + scale · T` with `T ~ t(ν)`.
///
/// The CDF uses the regularized incomplete beta function, `P(T <= t) = 1 − ½ I_x(ν/2, ½)` for
/// `t >= 0` with `x = ν / (ν + t²)` (Abramowitz & Stegun 26.7.1 and 26.5.27), evaluated by the
/// continued fraction of A&S 26.5.8 (modified Lentz; Press et al., Numerical Recipes, §6.4).
/// Accurate to about 1e-12 for ν in [0.5, 10^6].
public struct StudentT: Sendable, Equatable {
    public let location: Double
    /// Scale (> 0), in the unit of `location` (percent for growth).
    public let scale: Double
    /// Degrees of freedom ν (> 0).
    public let degreesOfFreedom: Double

    public init(location: Double, scale: Double, degreesOfFreedom: Double) {
        precondition(scale > 0 && degreesOfFreedom > 0, "a Student-t needs scale > 0 and ν > 0")
        self.location = location
        self.scale = scale
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// `P(X <= x)`.
    public func cdf(_ x: Double) -> Double {
        let t = (x - location) / scale
        let nu = degreesOfFreedom
        let tail = 0.5 * Self.regularizedBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// `log f(x)`, the log density.
    public func logDensity(_ x: Double) -> Double {
        let nu = degreesOfFreedom
        let t = (x - location) / scale
        return Double.logGamma((nu + 1) / 2) - Double.logGamma(nu / 2) - 0.5 * Foundation.log(nu * .pi)
            - Foundation.log(scale) - (nu + 1) / 2 * Foundation.log1p(t * t / nu)
    }

    /// `I_x(a, b)`, the regularized incomplete beta function, for x in [0, 1], a, b > 0.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b)
            + a * Foundation.log(x) + b * Foundation.log1p(-x)
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return Foundation.exp(logFront) * continuedFraction(x, a, b) / a
        }
        return 1 - Foundation.exp(logFront) * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
