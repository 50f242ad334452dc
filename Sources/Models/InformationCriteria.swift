import Foundation

/// A model fitted by maximum likelihood (or OLS with Gaussian errors), for which the Akaike
/// and Schwarz information criteria are defined.
public protocol LikelihoodBased {
    /// The maximised log-likelihood (natural log; for the local linear trend the exact diffuse
    /// log-likelihood, Durbin & Koopman 2012 eq. 7.4).
    var logLikelihood: Double { get }
    /// Number of estimated parameters `k` (means, coefficients and variances).
    var parameterCount: Int { get }
    /// Effective number of observations `n` (diffuse periods excluded).
    var observationCount: Int { get }
}

extension LikelihoodBased {
    /// AIC = −2 log L + 2k (Akaike 1974).
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
    /// BIC = −2 log L + k log n (Schwarz 1978).
    public var bic: Double { -2 * logLikelihood + Double(parameterCount) * log(Double(max(observationCount, 1))) }
}

/// Information criteria of one indicator's (or one system's) likelihood-based fit.
public struct InformationCriteria: Sendable, Equatable {
    /// The indicator, or all of them joined by "+" for a system.
    public var name: String
    public var logLikelihood: Double
    public var parameterCount: Int
    public var observationCount: Int
    public var aic: Double
    public var bic: Double
}

/// The information criteria of `model` where defined: its own when it is `LikelihoodBased`,
/// each member's for `IndependentModelsFit`; empty otherwise.
public func informationCriteria(of model: any FittedModel) -> [InformationCriteria] {
    func make(_ name: String, _ m: any LikelihoodBased) -> InformationCriteria {
        InformationCriteria(name: name, logLikelihood: m.logLikelihood, parameterCount: m.parameterCount,
                            observationCount: m.observationCount, aic: m.aic, bic: m.bic)
    }
    if let joint = model as? IndependentModelsFit { return joint.members.map { make($0.indicator, $0) } }
    if let single = model as? any LikelihoodBased { return [make(model.indicators.joined(separator: "+"), single)] }
    return []
}
