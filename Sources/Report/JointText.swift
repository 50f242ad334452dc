import Simulation

extension JointOutcome {
    /// The standard error of P(at least `k` met) (a fraction): the joint probability's batch-means
    /// SE, or the binomial SE of the proportion when that is larger (the batch-means SE of the
    /// k < n counts is not accumulated).
    func atLeastStandardError(_ k: Int) -> Double {
        let p = atLeast[k]
        return max(all.standardError, (p * (1 - p) / Double(all.paths)).squareRoot())
    }

    /// P(at least `k` met) as a percentage with the digits its SE supports.
    func atLeastText(_ k: Int) -> String {
        NumberFormat.percent(atLeast[k], standardError: atLeastStandardError(k), paths: all.paths)
    }

    /// P(all met) as a percentage with the digits its SE supports.
    var allText: String { NumberFormat.percent(all.value, standardError: all.standardError, paths: all.paths) }

    /// The largest k with P(at least k met) >= `confidence` (0 when even one target is not
    /// that likely).
    func targetsReachable(confidence: Double) -> Int {
        (1...max(1, targets.count)).last { $0 < atLeast.count && atLeast[$0] >= confidence } ?? 0
    }
}
