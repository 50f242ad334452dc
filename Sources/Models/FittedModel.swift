import Linear
import Random

/// Annual observations of several indicators on consecutive years, missing values as NaN.
///
/// `values` is `years.count x indicators.count` (rows are years, ascending and consecutive;
/// columns are indicators), column-major. Units are the indicator's measure: growth and rates
/// in percent (8.2 means 8.2%), levels in their stated unit. Nothing is filled in: a model
/// that cannot handle a gap says so with a thrown error.
public struct Panel: Sendable, Equatable {
    /// Indicator ids, one per column.
    public var indicators: [String]
    /// Consecutive years, one per row, ascending.
    public var years: [Int]
    /// `years.count x indicators.count` observations; NaN marks a missing value.
    public var values: Matrix

    public init(indicators: [String], years: [Int], values: Matrix) {
        precondition(values.rows == years.count && values.columns == indicators.count,
                     "Panel values must be years x indicators")
        self.indicators = indicators
        self.years = years
        self.values = values
    }

    /// The column of indicator `j` (NaN where missing).
    public func series(_ j: Int) -> [Double] { values.column(j) }
}

/// A fitted model: what the simulation engine needs to carry paths forward.
///
/// Model specifications fit to a `Panel` and return a value conforming to this protocol
/// (the statsmodels Model -> Results split).
public protocol FittedModel: Sendable {
    /// Indicator ids in the order of `y_t` in the state-space form.
    var indicators: [String] { get }
    /// One line naming the model and its settings, e.g.
    /// "BVAR(1), Minnesota prior, overall tightness 0.21 (maximum marginal likelihood)".
    var summary: String { get }
    /// Regularisation applied, repairs, and how parameters are drawn, for the notes.
    var notes: [String] { get }
    /// What the fit or its parameter draws had to give up that changes what the bands mean
    /// (a sample shorter than the bands were checked on, parameters held at their estimates,
    /// draws that fell back to the point estimate). The report shows these in its header and
    /// the command line on stderr, not only in the notes. Draw counts are read after the run.
    var warnings: [String] { get }
    /// How the indicators' shocks are joined (what P(all met) rests on), for the joint table.
    var dependence: String { get }
    /// The state-space form at the point estimate (OLS, ML, or posterior mean).
    func pointSystem() -> StateSpaceSystem
    /// One draw of the parameters from their posterior (BVAR) or sampling (bootstrap / asymptotic)
    /// distribution, as a state-space form. A model without parameter uncertainty returns
    /// `pointSystem()`. Draws whose transition is explosive may be redrawn; say so in `notes`.
    func drawSystem(using generator: inout Philox4x32) -> StateSpaceSystem
    /// `count` parameter draws that are used together (one block of paths): independent
    /// `drawSystem` calls by default; a model may balance them within the set (stratified or
    /// randomised quasi-Monte Carlo draws), provided each draw is exactly a posterior or
    /// sampling draw and sets drawn from independent generators are independent, so that the
    /// spread of averages over sets stays an honest Monte Carlo standard error.
    func drawSystems(count: Int, using generator: inout Philox4x32) -> [StateSpaceSystem]
}

extension FittedModel {
    public func drawSystems(count: Int, using generator: inout Philox4x32) -> [StateSpaceSystem] {
        (0..<count).map { _ in drawSystem(using: &generator) }
    }
}

/// A model specification (settings, no data): fitting it to a `Panel` gives a `FittedModel`.
public protocol ModelSpecification: Sendable {
    /// Fits the model to the panel. Throws a `ModelError` (defined in Models) that says
    /// what could not be estimated and why (too few observations, gaps, singular design).
    func fit(_ panel: Panel) throws -> any FittedModel
}
