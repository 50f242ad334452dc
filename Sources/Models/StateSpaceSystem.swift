import Linear
import Random

/// The linear state-space form every fitted model hands to the simulation engine.
///
///     x_t = c + F x_{t-1} + G u_t,    u_t = L e_t,    y_t = H x_t
///
/// - `x_t`: state, `n` elements (for a VAR(p): the stacked lags `[y_t; y_{t-1}; ...]`).
/// - `y_t`: the `k` modelled indicators, in percent (growth in percent, rates in percent;
///   a log-level model's state is 100 x log level, so that differences are growth in percent).
/// - `e_t`: `m` independent standard shocks (normal or scaled Student-t, chosen by the
///   simulation); `L` (`m x m`, lower triangular) is the Cholesky factor of the shock
///   covariance Σ_u, so Cov(u_t) = L Lᵀ for Gaussian shocks.
///
/// All matrices are column-major `Matrix` values.
public struct StateSpaceSystem: Sendable, Equatable {
    /// `c`, the intercept of the state equation: `n` elements.
    public var intercept: [Double]
    /// `F`, the `n x n` transition (companion) matrix.
    public var transition: Matrix
    /// `G`, the `n x m` loading of the shocks on the state.
    public var shockLoading: Matrix
    /// `L`, the `m x m` lower-triangular Cholesky factor of the shock covariance.
    public var shockCholesky: Matrix
    /// `H`, the `k x n` observation matrix that reads the indicators off the state.
    public var observation: Matrix
    /// `x_T`, the state at the last observed year (the base year): `n` elements.
    public var initialState: [Double]

    public init(intercept: [Double], transition: Matrix, shockLoading: Matrix,
                shockCholesky: Matrix, observation: Matrix, initialState: [Double]) {
        self.intercept = intercept
        self.transition = transition
        self.shockLoading = shockLoading
        self.shockCholesky = shockCholesky
        self.observation = observation
        self.initialState = initialState
    }

    /// Number of states `n`.
    public var stateCount: Int { transition.rows }
    /// Number of shocks `m`.
    public var shockCount: Int { shockCholesky.rows }
    /// Number of observed indicators `k`.
    public var indicatorCount: Int { observation.rows }
}
