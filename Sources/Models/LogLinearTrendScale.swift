/// A fitted model some of whose indicators are modelled as y = 100 x log(level) rather than in
/// the panel's units (the log-linear trend). Consumers turn y back into a level with
/// exp(y / 100) and compare observations on the model's scale with 100 log(level).
public protocol LogScaledModel {
    /// One flag per indicator (in `indicators` order): true when y = 100 x log(level).
    var hundredLogIndicators: [Bool] { get }
}

extension LogLinearTrendFit: LogScaledModel {
    public var hundredLogIndicators: [Bool] { [true] }
}

extension IndependentModelsFit: LogScaledModel {
    public var hundredLogIndicators: [Bool] { members.map { $0 is LogLinearTrendFit } }
}
