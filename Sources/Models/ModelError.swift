/// Why a model could not be fitted, in words a user can act on.
///
/// Every case carries the counts or names needed to fix the input: which indicator, which
/// years, how many observations were needed and how many there were.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sample is shorter than the model needs (`needed` usable observations, `got` available).
    case tooFewObservations(needed: Int, got: Int)
    /// An indicator has gaps in years the model cannot skip.
    case missingValues(indicator: String, years: [Int])
    /// The parameters cannot be estimated from the data (more parameters than usable rows,
    /// a singular design that no stated regularisation repairs); the text gives the counts.
    case notIdentified(String)
    /// The specification itself is invalid (lags < 1, a non-positive tightness, an empty panel).
    case invalidSpecification(String)
    /// An indicator's history cannot carry the model (constant, or non-finite values).
    case degenerateSeries(indicator: String, reason: String)
    /// A linear-algebra step failed after every stated repair (the wrapped error's text).
    case numericalFailure(String)

    public var description: String {
        switch self {
        case .tooFewObservations(let needed, let got):
            return "too few observations: the model needs at least \(needed) usable observations, the sample has \(got)"
        case .missingValues(let indicator, let years):
            let list = years.map(String.init).joined(separator: ", ")
            return "missing values: indicator '\(indicator)' has no value in \(list), which this model cannot skip"
        case .notIdentified(let why):
            return "not identified: \(why)"
        case .invalidSpecification(let why):
            return "invalid model specification: \(why)"
        case .degenerateSeries(let indicator, let reason):
            return "indicator '\(indicator)' cannot be modelled: \(reason)"
        case .numericalFailure(let why):
            return "numerical failure: \(why)"
        }
    }
}
