import Calibration
import Scenario

extension BacktestRun {
    /// The run with each forecast's target-anchored and calibrated P(met), when the scenario
    /// names a combination file; the run unchanged otherwise.
    ///
    /// Each target of year Y is pooled with the file's state for Y, learned from targets and
    /// outcomes of the years before Y only (`CalibrationContext`), so the calibrated forecast
    /// scored here is the one `forecast simulate` would have reported in January of Y with the
    /// model fitted on data up to Y − 1. The file was made from a calibration set that may hold
    /// this region's own earlier targets; it holds no outcome of Y or later in the state used.
    ///
    /// - Throws: `CalibrationRunError.file` when the combination file cannot be read.
    public func calibrated() throws -> BacktestRun {
        guard let settings = scenario.calibration else { return self }
        let context = try CalibrationContext(settings)
        var run = self
        run.calibration = settings
        run.forecasts = forecasts.map { f in
            guard f.status == .scored, let p = f.probability, let indicator = scenario.indicator(f.target.indicator) else { return f }
            let pooled = context.pooled(indicator: f.target.indicator, year: f.target.year, wording: f.target.wording,
                                        bound: f.target.bound, model: p.value,
                                        proxied: CalibrationContext.isProxied(indicator, in: scenario))
            var f = f
            f.anchored = pooled.anchored
            f.calibrated = pooled.pooled
            return f
        }
        return run
    }
}
