import Linear
import Random

/// Per-indicator models joined by a shrunk residual correlation: joint probabilities without a VAR.
///
/// Each indicator is fitted on its own years (ragged histories are fine) with the chosen
/// univariate model. The one-step residuals of all indicators (a panel-years x k array with
/// NaN where a residual is undefined) give a pairwise-complete correlation, shrunk towards the
/// constant-correlation target by the Ledoit–Wolf (2004, "Honey, I shrunk ...") intensity
/// (`ledoitWolf(_:minimumOverlap:target:)`). Shrinking towards the identity instead biased
/// P(all met) towards independence by 3–8 pp on synthetic panels with known correlation
/// (bench/joint-correlation.md); the constant-correlation target keeps the average dependence. Pairs with fewer than `minimumOverlap` common years get
/// correlation 0 (stated in `notes`). Shock j of every indicator (the only shock, or level /
/// slope / irregular of a local linear trend) is correlated across indicators by R, so the
/// joint system's shocks are ordered by kind, then indicator, and their Cholesky factor is
/// blockdiag_j(D_j chol(R_j)), R_j the rows and columns of R of the indicators that have shock j.
/// If chol(R) fails (pairwise estimates can be indefinite) R is repaired with
/// `nearestPositiveDefinite` (Higham 1988), rescaled to unit diagonal, and the repair stated.
public struct IndependentModelsSpecification: ModelSpecification {
    public enum Kind: Sendable {
        case randomWalk, ar1, localLinearTrend, logLinearTrend
    }
    public var kind: Kind
    /// Fewest common years for a pairwise residual correlation (fewer: correlation 0).
    public var minimumOverlap: Int
    /// Settings of the AR(1) and local linear trend members.
    public var ar1: AR1Specification
    public var localLinearTrend: LocalLinearTrendSpecification

    public init(kind: Kind, minimumOverlap: Int = 3, ar1: AR1Specification = AR1Specification(),
                localLinearTrend: LocalLinearTrendSpecification = LocalLinearTrendSpecification()) {
        self.kind = kind
        self.minimumOverlap = minimumOverlap
        self.ar1 = ar1
        self.localLinearTrend = localLinearTrend
    }

    /// Fits every indicator of the panel and joins them.
    /// - Throws: `ModelError.invalidSpecification` for an empty panel; `.notIdentified` naming
    ///   an indicator with fewer pairs of consecutive observed years than `MinimumData`
    ///   requires; any member's other `ModelError`
    ///   (constant series, ...).
    public func fit(_ panel: Panel) throws -> any FittedModel {
        guard !panel.indicators.isEmpty, !panel.years.isEmpty else {
            throw ModelError.invalidSpecification("the panel has no indicators or no years")
        }
        let members: [any UnivariateModelFit] = try panel.indicators.indices.map { j in
            let pairs = MinimumData.pairs(in: panel.series(j))
            guard MinimumData.isEnough(pairs) else {
                throw ModelError.notIdentified(MinimumData.shortfall(panel.indicators[j], pairs: pairs)
                                               + " (give it a judgment distribution)")
            }
            let s = try ObservedSeries(indicator: panel.indicators[j], years: panel.years, values: panel.series(j))
            switch kind {
            case .randomWalk: return try RandomWalkSpecification().fitSeries(s)
            case .ar1: return try ar1.fitSeries(s)
            case .localLinearTrend: return try localLinearTrend.fitSeries(s)
            case .logLinearTrend: return try LogLinearTrendSpecification().fitSeries(s)
            }
        }
        return try IndependentModelsFit(members: members, minimumOverlap: minimumOverlap)
    }
}

/// Fitted per-indicator models with correlated shocks (see `IndependentModelsSpecification`).
///
/// `pointSystem()` stacks the members' blocks (block-diagonal F, c, G, H) at their estimates
/// with base-year states a_T; `drawSystem` draws each member's parameters and base-year state
/// (each member's notes say how) and keeps the shrunk correlation R fixed.
public struct IndependentModelsFit: FittedModel {
    /// The per-indicator fits, in panel order.
    public let members: [any UnivariateModelFit]
    /// The Ledoit–Wolf estimate from the members' residuals.
    public let shrinkage: LedoitWolfEstimate
    /// The correlation used (R, repaired if it had to be), `k x k`.
    public let correlation: Matrix
    let correlationRoots: [Matrix]
    let extraNotes: [String]
    /// The members' draws when every one is an AR(1) with an exact posterior (`AR1ScalarDraw`):
    /// then draws skip the blocks and, for a set of draws, use randomised quasi-Monte Carlo
    /// (`drawSystems(count:using:)`); nil otherwise.
    let scalarMembers: [AR1ScalarDraw]?

    init(members: [any UnivariateModelFit], minimumOverlap: Int) throws {
        self.members = members
        let k = members.count, years = members[0].innovations.count
        var residuals = Matrix(rows: years, columns: k)
        for (j, m) in members.enumerated() { for t in 0..<years { residuals[t, j] = m.innovations[t] } }
        var notes: [String] = []
        let estimate = try ledoitWolf(residuals, minimumOverlap: minimumOverlap, target: .constantCorrelation)
        shrinkage = estimate
        let names = members.map(\.indicator)
        if k > 1 {
            notes.append("residual correlation: pairwise-complete, Ledoit–Wolf shrinkage towards constant correlation r̄ = \(formatted(estimate.targetCorrelation)) with intensity \(formatted(estimate.intensity)) (shrinking towards the identity biased P(all met) towards independence: bench/joint-correlation.md); held fixed in parameter draws")
        }
        if !estimate.sparsePairs.isEmpty {
            let list = estimate.sparsePairs.map { "\(names[$0[0]])–\(names[$0[1]])" }.joined(separator: ", ")
            notes.append("fewer than \(minimumOverlap) common residual years, correlation set to 0: \(list)")
        }
        var r = estimate.correlation
        if (try? cholesky(r)) == nil {
            do {
                let repaired = try nearestPositiveDefinite(r, minimumEigenvalue: 1e-6)
                r = repaired.matrix
                let d = r.diagonalElements.map { $0.squareRoot() }
                for j in 0..<k { for i in 0..<k { r[i, j] /= d[i] * d[j] } }
                notes.append("the shrunk pairwise correlation was not positive definite: repaired to the nearest positive definite matrix (Higham 1988, Frobenius distance \(formatted(repaired.frobeniusDistance))) and rescaled to unit diagonal")
            } catch {
                throw ModelError.numericalFailure("residual correlation could not be repaired: \(error)")
            }
        }
        correlation = r
        let shockKinds = members.map(\.block.shockSD.count).max()!
        correlationRoots = try (0..<shockKinds).map { kind in
            let who = members.indices.filter { members[$0].block.shockSD.count > kind }
            var sub = Matrix(rows: who.count, columns: who.count)
            for (b, j) in who.enumerated() { for (a, i) in who.enumerated() { sub[a, b] = r[i, j] } }
            do { return try cholesky(sub).lower } catch {
                throw ModelError.numericalFailure("Cholesky factor of the residual correlation failed after repair: \(error)")
            }
        }
        extraNotes = notes
        let scalar = members.compactMap { ($0 as? AR1Fit)?.scalarDraw }
        scalarMembers = scalar.count == k ? scalar : nil
    }

    public var indicators: [String] { members.map(\.indicator) }
    public var summary: String {
        "Per-indicator models joined by a Ledoit–Wolf shrunk residual correlation (towards constant correlation \(formatted(shrinkage.targetCorrelation)), intensity \(formatted(shrinkage.intensity))): "
            + members.map(\.summary).joined(separator: "; ")
    }
    public var notes: [String] { members.flatMap(\.notes) + extraNotes }
    public var warnings: [String] { members.flatMap(\.warnings) }
    public var dependence: String {
        members.count < 2 ? "one modelled indicator"
            : "the per-indicator models' residual correlation, Ledoit–Wolf-shrunk towards a constant correlation (r̄ = \(formatted(shrinkage.targetCorrelation)), intensity \(formatted(shrinkage.intensity))) to keep the average dependence; held fixed in parameter draws"
    }

    public func pointSystem() -> StateSpaceSystem { joined(members.map(\.block)) }

    public func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem {
        if scalarMembers != nil { return drawSystems(count: 1, using: &generator)[0] }
        var blocks: [StateBlock] = []
        for m in members { blocks.append(m.drawBlock(using: &generator)) }
        return joined(blocks)
    }

    /// `count` draws. With AR(1) members (`scalarMembers`) and `count >= 2`, randomised
    /// quasi-Monte Carlo: each member's (φ, χ², μ) of the `count` draws come from its own
    /// scrambled Sobol point set in its own random order (`ScrambledSobol`; Owen's padding by
    /// random permutation across members), through `AR1Posterior.draw(uniforms:using:)`. Each
    /// draw is exactly a posterior draw; what improves is the balance of the set over each
    /// member's parameters, on which its targets mostly depend. Sets from independent
    /// generators are independent. One draw, or other members: independent draws as in
    /// `drawSystem`.
    public func drawSystems(count: Int, using generator: inout Philox4x32) -> [StateSpaceSystem] {
        guard let scalar = scalarMembers else { return (0..<count).map { _ in drawSystem(using: &generator) } }
        let k = scalar.count, root = correlationRoots[0]
        let points = count > 1 ? scalar.map { _ in ScrambledSobol.points(count: count, using: &generator) } : nil
        return (0..<count).map { i in
            var intercept = [Double](repeating: 0, count: k), state = intercept
            var f = Matrix(rows: k, columns: k), l = Matrix(rows: k, columns: k)
            for j in 0..<k {
                let d = scalar[j].draw(uniforms: points?[j][i], using: &generator)
                intercept[j] = d.intercept
                state[j] = d.state
                f[j, j] = d.phi
                for c in 0...j { l[j, c] = d.sigma * root[j, c] }
            }
            return StateSpaceSystem(intercept: intercept, transition: f, shockLoading: .identity(k), shockCholesky: l,
                                    observation: .identity(k), initialState: state)
        }
    }

    /// Stacks the blocks: block-diagonal F, G, H; shocks ordered by kind then indicator, with
    /// Cholesky factor blockdiag_j(D_j chol(R_j)).
    func joined(_ blocks: [StateBlock]) -> StateSpaceSystem {
        let k = blocks.count
        let offsets = blocks.reduce(into: [0]) { $0.append($0.last! + $1.stateMean.count) }
        let n = offsets.last!
        var intercept = [Double](), state = [Double]()
        var f = Matrix(rows: n, columns: n), h = Matrix(rows: k, columns: n)
        for (b, block) in blocks.enumerated() {
            let o = offsets[b], size = block.stateMean.count
            intercept += block.intercept
            state += block.stateMean
            for j in 0..<size {
                h[b, o + j] = block.observation[j]
                for i in 0..<size { f[o + i, o + j] = block.transition[i, j] }
            }
        }
        var shockOwners: [(block: Int, kind: Int)] = []
        for kind in correlationRoots.indices {
            for b in 0..<k where blocks[b].shockSD.count > kind { shockOwners.append((b, kind)) }
        }
        let m = shockOwners.count
        var g = Matrix(rows: n, columns: m), l = Matrix(rows: m, columns: m)
        var start = 0
        for (kind, root) in correlationRoots.enumerated() {
            let size = root.rows
            for a in 0..<size {
                let (b, _) = shockOwners[start + a]
                let block = blocks[b]
                for i in 0..<block.stateMean.count { g[offsets[b] + i, start + a] = block.loading[i, kind] }
                for c in 0...a { l[start + a, start + c] = block.shockSD[kind] * root[a, c] }
            }
            start += size
        }
        return StateSpaceSystem(intercept: intercept, transition: f, shockLoading: g, shockCholesky: l,
                                observation: h, initialState: state)
    }
}

extension IndependentModelsFit: StateUncertainty {
    /// Block-diagonal: the members' base-year state covariances (taken as independent).
    public var initialStateCovariance: Matrix {
        let blocks = members.map(\.block.stateCovariance)
        let n = blocks.reduce(0) { $0 + $1.rows }
        var p = Matrix(rows: n, columns: n)
        var o = 0
        for b in blocks {
            for j in 0..<b.rows { for i in 0..<b.rows { p[o + i, o + j] = b[i, j] } }
            o += b.rows
        }
        return p
    }
}
