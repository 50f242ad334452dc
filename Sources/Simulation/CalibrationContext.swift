import Calibration
import Scenario

/// A scenario's combination file, read once, and the pooled P(met) it gives a target.
///
/// The state used for a target of year Y is the file's state for Y (`CombinationFile.state(for:)`):
/// learned from targets and outcomes of the years before Y only, so pooling a past target is a
/// forecast made before its year, as in the calibration-set backtest.
public struct CalibrationContext: Sendable {
    public let settings: CalibrationSettings
    public let file: CombinationFile
    public let records: [TargetRecord]
    let anchored: TargetAnchored

    /// The pooled forecast of one target (fractions).
    public struct Pooled: Sendable {
        /// The target-anchored forecaster's P(met) and predictive, or nil (too few earlier
        /// deviations for the indicator in the file).
        public let anchored: Double?
        public let anchoredPredictive: StudentT?
        /// The calibrated P(met): `LogisticPool` of the model's, the anchored and the base rate.
        public let pooled: Double
    }

    /// Reads the scenario's combination file.
    ///
    /// - Throws: `CalibrationRunError.file` naming the file when it cannot be read or a record
    ///   is invalid.
    public init(_ settings: CalibrationSettings) throws {
        self.settings = settings
        do {
            file = try CombinationFile.load(contentsOf: settings.file.url)
            records = try file.targetRecords()
        } catch {
            throw CalibrationRunError.file("\(settings.file.written): \(error)")
        }
        anchored = TargetAnchored(records: records)
    }

    /// Whether a scenario's model of `indicator` runs on another region's history.
    public static func isProxied(_ indicator: Indicator, in scenario: Scenario) -> Bool {
        scenario.historyProxy != nil || indicator.historyRegion != nil || indicator.history != nil
    }

    /// The pooled P(met) of a target of `year` on `indicator`, read by `wording` with `bound`,
    /// given the model's P(met) (nil when the model has none).
    public func pooled(indicator: String, year: Int, wording: Wording, bound: Bound, model: Double?,
                       proxied: Bool) -> Pooled {
        let state = file.state(for: year)
        let predictive = anchored.predictive(region: settings.region, indicator: indicator, year: year,
                                             wording: wording, settings: state.anchored)
        let pA = predictive.map { bound.probability(under: $0) }
        let pool = LogisticPool(coefficients: state.coefficients)
        let p = pool.probability(LogisticPool.features(model: model, proxied: proxied, anchored: pA,
                                                       baseRate: RollingCalibration.baseRate(records, indicator: indicator, before: year),
                                                       ceiling: bound.isCeiling))
        return Pooled(anchored: pA, anchoredPredictive: predictive, pooled: p)
    }
}
