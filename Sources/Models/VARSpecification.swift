import Linear

/// A VAR(p) with constant, estimated equation by equation by ordinary least squares.
///
///     y_t = ν + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t,   u_t ~ N(0, Σ_u)
///
/// Estimation (Lütkepohl 2005, §3.2; statsmodels `VAR.fit(p, trend="c")`): B̂ minimises
/// ‖Y − X B‖_F on the usable years (see the design: a year is used when its value and all
/// p lags are observed for every indicator), solved by QR (LAPACK `dgels`) — never the
/// normal equations. When X is rank-deficient (collinear indicators; rank from the singular
/// values of X, `dgesvd`, threshold max(T, 1 + kp) ε σ₁), the minimum-norm solution
/// (`dgelsd`) is used and `notes` says so.
///
/// Units are those of the panel (growth and rates in percent).
public struct VARSpecification: ModelSpecification {
    /// p >= 1.
    public var lags: Int
    /// Attempts per `drawSystem` call before an all-explosive run falls back to the point
    /// estimate.
    public var explosiveDrawLimit: Int

    public init(lags: Int, explosiveDrawLimit: Int = 100) {
        self.lags = lags
        self.explosiveDrawLimit = explosiveDrawLimit
    }

    public func fit(_ panel: Panel) throws -> any FittedModel { try estimate(panel) }

    /// Fits the VAR and returns the typed results.
    ///
    /// - Throws: `ModelError.notIdentified` when the usable years T are fewer than
    ///   `MinimumData.consecutivePairs` or do not exceed the 1 + kp coefficients of an equation (the message gives both counts); the
    ///   `ModelError`s of the design (bad lags, a constant or infinite series, a gap in the
    ///   last p years); `.numericalFailure` if LAPACK fails.
    public func estimate(_ panel: Panel) throws -> VARResults {
        let design = try VARDesign(panel: panel, lags: lags)
        guard MinimumData.isEnough(design.observationCount) else {
            throw ModelError.notIdentified(MinimumData.shortfall(lags: lags, usableYears: design.observationCount))
        }
        let t = design.observationCount, m = design.regressorCount, k = design.indicatorCount
        guard t > m else {
            throw ModelError.notIdentified(
                "an unrestricted VAR(\(lags)) on \(k) indicators has \(m) coefficients per equation (1 + \(k) x \(lags)) but only \(t) usable years; OLS needs at least \(m + 1) (one residual degree of freedom). Use the BVAR (its prior identifies the model), fewer lags or fewer indicators")
        }
        do {
            return try VARResults(design: design, drawLimit: explosiveDrawLimit)
        } catch let error as ModelError {
            throw error
        } catch {
            throw ModelError.numericalFailure("VAR(\(lags)) estimation: \(error)")
        }
    }
}
