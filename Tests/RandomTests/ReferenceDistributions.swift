import RealModule

/// Exact distribution functions the samplers are tested against, written independently of
/// the samplers.
enum Reference {
    /// Standard normal CDF Φ(x) = erfc(-x/√2) / 2 (Abramowitz & Stegun 26.2.29).
    static func normalCDF(_ x: Double) -> Double { 0.5 * Double.erfc(-x / 2.0.squareRoot()) }

    /// Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a): the series for
    /// x < a + 1, else the Lentz continued fraction for Q = 1 - P (Abramowitz & Stegun 6.5.29
    /// and 6.5.31; Numerical Recipes 3rd ed., §6.2, `gser` / `gcf`).
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        let logPrefactor = -x + a * Double.log(x) - Double.logGamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return sum * Double.exp(logPrefactor)
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return 1 - Double.exp(logPrefactor) * h
    }

    /// Regularised incomplete beta I_x(a, b) by the continued fraction of Abramowitz &
    /// Stegun 26.5.8 (Numerical Recipes 3rd ed., §6.4, `betacf`), using the symmetry
    /// I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b)
            + a * Double.log(x) + b * Double.log(onePlus: -x)
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedBeta(1 - x, b, a) }
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let m = Double(m)
            var aa = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Double.exp(logFront) * h / a
    }

    /// Student-t CDF with ν degrees of freedom: for t ≥ 0, 1 - I_{ν/(ν+t²)}(ν/2, 1/2) / 2
    /// (Abramowitz & Stegun 26.7.1 with 26.5.27).
    static func studentTCDF(_ t: Double, _ nu: Double) -> Double {
        let tail = 0.5 * regularizedBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The Kolmogorov–Smirnov statistic D_n = sup |F_n - F| of a sample against a continuous
    /// `cdf`: D_n = max_i max(u_(i) - (i-1)/n, i/n - u_(i)) over the order statistics of
    /// u = F(x). The u are ordered by a bucket sort (n buckets on [0, 1], insertion sort
    /// inside each), linear time, which keeps the debug-mode test fast at n = 10⁶.
    static func kolmogorovSmirnov(_ sample: [Double], _ cdf: (Double) -> Double) -> Double {
        let n = sample.count
        var bucketStart = [Int](repeating: 0, count: n + 1)
        var u = [Double](repeating: 0, count: n)
        var bucket = [Int](repeating: 0, count: n)
        for i in 0..<n {
            u[i] = cdf(sample[i])
            bucket[i] = min(max(Int(u[i] * Double(n)), 0), n - 1)
            bucketStart[bucket[i] + 1] += 1
        }
        for b in 0..<n { bucketStart[b + 1] += bucketStart[b] }
        var next = bucketStart
        var sorted = [Double](repeating: 0, count: n)
        for i in 0..<n {
            sorted[next[bucket[i]]] = u[i]
            next[bucket[i]] += 1
        }
        for b in 0..<n where bucketStart[b + 1] - bucketStart[b] > 1 {
            for i in (bucketStart[b] + 1)..<bucketStart[b + 1] {
                let v = sorted[i]
                var j = i - 1
                while j >= bucketStart[b] && sorted[j] > v { sorted[j + 1] = sorted[j]; j -= 1 }
                sorted[j + 1] = v
            }
        }
        var d = 0.0
        let nd = Double(n)
        for i in 0..<n {
            d = max(d, sorted[i] - Double(i) / nd, Double(i + 1) / nd - sorted[i])
        }
        return d
    }

    /// Asymptotic 1% critical value of √n D_n (Kolmogorov distribution: P(K > 1.628) = 0.01).
    static let ksCritical1Percent = 1.628
}

/// Sample moments with their normal-theory standard errors.
struct Moments {
    let n: Double
    let mean: Double
    let variance: Double
    let skewness: Double
    let excessKurtosis: Double
    /// Central fourth moment, for the standard error of the variance.
    let m4: Double

    init(_ x: [Double]) {
        n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for v in x {
            let d = v - mean, d2 = d * d
            m2 += d2; m3 += d2 * d; m4 += d2 * d2
        }
        m2 /= n; m3 /= n; m4 /= n
        self.mean = mean
        self.variance = m2 * n / (n - 1)
        self.skewness = m3 / (m2 * m2.squareRoot())
        self.excessKurtosis = m4 / (m2 * m2) - 3
        self.m4 = m4
    }

    /// Standard error of the sample variance, √((μ4 - σ⁴) / n), with μ4 estimated.
    var varianceStandardError: Double { ((m4 - variance * variance) / n).squareRoot() }
}
