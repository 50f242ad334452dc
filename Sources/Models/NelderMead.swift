/// Nelder–Mead simplex minimisation for the few (1–3) parameters of the univariate models.
///
/// Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead
/// 1965, *Computer Journal* 7, 308–313, as in Lagarias et al. 1998). Box bounds are imposed by
/// clamping every trial point into `[lower, upper]`. Stops when the simplex's spread of function
/// values and of points are both below `tolerance`, or after `maxEvaluations`. Non-finite
/// objective values count as +infinity, so the search never stops on a NaN.
struct NelderMead {
    var lower: [Double]
    var upper: [Double]
    var tolerance = 1e-9
    var maxEvaluations = 4000

    struct Minimum { var point: [Double]; var value: Double; var converged: Bool }

    /// Minimises `f` from `start`, restarting from the best point until a restart no longer
    /// improves (guards against a collapsed simplex).
    func minimize(_ f: ([Double]) -> Double, start: [Double], step: [Double]) -> Minimum {
        var best = run(f, start: clamp(start), step: step)
        for _ in 0..<4 {
            let again = run(f, start: best.point, step: step.map { $0 * 0.5 })
            let improved = again.value < best.value - tolerance * (1 + abs(best.value))
            if again.value <= best.value { best = again }
            if !improved { break }
        }
        return best
    }

    private func clamp(_ x: [Double]) -> [Double] {
        x.indices.map { min(max(x[$0], lower[$0]), upper[$0]) }
    }

    private func run(_ f: ([Double]) -> Double, start: [Double], step: [Double]) -> Minimum {
        let n = start.count
        func value(_ x: [Double]) -> Double { let v = f(x); return v.isFinite ? v : .infinity }
        var points = [start]
        for i in 0..<n {
            var p = start
            p[i] += (p[i] + step[i] > upper[i]) ? -step[i] : step[i]
            points.append(clamp(p))
        }
        var values = points.map(value)
        var evaluations = n + 1
        func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
            clamp((0..<n).map { a[$0] + t * (b[$0] - a[$0]) })
        }
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spread = values[n] - values[0]
            var size = 0.0
            for p in points.dropFirst() { for i in 0..<n { size = max(size, abs(p[i] - points[0][i])) } }
            if spread.isFinite && spread <= tolerance * (1 + abs(values[0])) && size <= tolerance.squareRoot() {
                return Minimum(point: points[0], value: values[0], converged: true)
            }
            var centroid = [Double](repeating: 0, count: n)
            for p in points.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            let reflected = combine(centroid, points[n], -1)
            let fr = value(reflected); evaluations += 1
            if fr < values[0] {
                let expanded = combine(centroid, points[n], -2)
                let fe = value(expanded); evaluations += 1
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (points[n], values[n]) = (reflected, fr)
            } else {
                let outside = fr < values[n]
                let contracted = combine(centroid, outside ? reflected : points[n], 0.5)
                let fc = value(contracted); evaluations += 1
                if fc < (outside ? fr : values[n]) {
                    (points[n], values[n]) = (contracted, fc)
                } else {
                    for k in 1...n {
                        points[k] = combine(points[0], points[k], 0.5)
                        values[k] = value(points[k])
                    }
                    evaluations += n
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] }!
        return Minimum(point: points[i], value: values[i], converged: false)
    }
}
