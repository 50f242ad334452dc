import Linear
import Random

/// One indicator's model in state-space form, with its state distribution at the base year.
///
///     x_t = c + F x_{t-1} + G D e_t,    y_t = h x_t,    x_T ~ N(stateMean, stateCovariance)
///
/// `n` states, `m` independent shocks with standard deviations `D = diag(shockSD)` (in the
/// units of `y`: percent, or 100 x log level). Shock `j` of every indicator is of the same kind
/// (level, slope, irregular), which is how `IndependentModelsSpecification` correlates them.
public struct StateBlock: Sendable, Equatable {
    /// `c`: `n` elements.
    public var intercept: [Double]
    /// `F`: `n x n`.
    public var transition: Matrix
    /// `G`: `n x m`.
    public var loading: Matrix
    /// Standard deviations of the `m` shocks.
    public var shockSD: [Double]
    /// `h`: the `n` loadings of the indicator on the state.
    public var observation: [Double]
    /// Mean of x_T given the history (equals x_T when the last year is observed and exact).
    public var stateMean: [Double]
    /// Covariance of x_T given the history (`n x n`; zero when x_T is known).
    public var stateCovariance: Matrix

    /// The block's state-space form, `L = diag(shockSD)` and x_T = `stateMean`.
    public func system() -> StateSpaceSystem {
        StateSpaceSystem(intercept: intercept, transition: transition, shockLoading: loading,
                         shockCholesky: .diagonal(shockSD),
                         observation: Matrix(rows: 1, columns: observation.count, repeating: 0).with(row: observation),
                         initialState: stateMean)
    }

    /// The block carried `steps` years forward without observations:
    /// mean ← c + F mean, covariance ← F P Fᵀ + G D² Gᵀ.
    func advanced(steps: Int) -> StateBlock {
        guard steps > 0 else { return self }
        var copy = self
        let moments = system().stateMoments(horizon: steps, initialCovariance: stateCovariance)
        copy.stateMean = moments.means[steps - 1]
        copy.stateCovariance = moments.covariances[steps - 1]
        return copy
    }

    /// The block with x_T drawn from N(stateMean, stateCovariance) (covariance then zero).
    func drawingState(using generator: inout Philox4x32) -> StateBlock {
        var copy = self
        let n = stateMean.count
        guard stateCovariance.elements.contains(where: { $0 != 0 }),
              let root = semidefiniteCholesky(stateCovariance) else { return self }
        let e = (0..<n).map { _ in generator.nextStandardNormal() }
        for i in 0..<n {
            for j in 0...i { copy.stateMean[i] += root[i, j] * e[j] }
        }
        copy.stateCovariance = Matrix(rows: n, columns: n)
        return copy
    }
}

extension Matrix {
    /// A copy with row `i` (default 0) replaced by `values`.
    func with(row values: [Double], at i: Int = 0) -> Matrix {
        var m = self
        for j in values.indices { m[i, j] = values[j] }
        return m
    }
}

/// A per-indicator model fitted to one series: what `IndependentModelsSpecification` joins.
///
/// `block` is the state-space block at the point estimate, at the panel's last year (a
/// series that ends earlier is carried forward, its state covariance growing).
/// `drawBlock` draws the parameters from their sampling distribution (each model says how in
/// its notes) and then x_T from its distribution. `innovations` are the one-step residuals by
/// panel year (NaN where undefined) from which the cross-indicator correlation is estimated.
public protocol UnivariateModelFit: FittedModel, LikelihoodBased, StateUncertainty {
    /// The indicator id.
    var indicator: String { get }
    /// The state-space block at the point estimate.
    var block: StateBlock { get }
    /// One-step residuals by panel year (in the units of `y`, or standardised when their
    /// variance changes over time, as the Kalman filter's do); NaN where undefined.
    var innovations: [Double] { get }
    /// A block with parameters drawn from their sampling distribution and x_T drawn.
    func drawBlock(using generator: inout Philox4x32) -> StateBlock
}

extension UnivariateModelFit {
    public var indicators: [String] { [indicator] }
    public var dependence: String { "one modelled indicator" }
    public func pointSystem() -> StateSpaceSystem { block.system() }
    public func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem {
        drawBlock(using: &generator).system()
    }
}

/// A fitted model that knows the uncertainty of its base-year state x_T (a Kalman filter's
/// P_{T|T}, or a series that ended before the base year): `n x n`, zero when x_T is observed.
/// Forecast moments that include it: `pointSystem().forecastMoments(horizon:initialCovariance:)`.
public protocol StateUncertainty {
    var initialStateCovariance: Matrix { get }
}

extension UnivariateModelFit {
    public var initialStateCovariance: Matrix { block.stateCovariance }
}
