import Calibration
import Scenario

/// What a calibration-set backtest produced: every past target of every region with its
/// outcome and model probability, and the rolling forecasts of the other forecasters.
public struct CalibrationSetRun: Sendable {
    public let set: CalibrationSet
    /// Region id -> display name.
    public let regionNames: [String: String]
    public let rolling: RollingCalibration
    /// Paths simulated per year and region (the request rounded up to whole blocks).
    public let paths: Int
    /// Per region, the backtest years that could not be forecast, with the reason.
    public let skipped: [(region: String, year: Int, reason: String)]

    public var records: [TargetRecord] { rolling.records }

    /// The scores over the set's years (optionally a subset of regions).
    public func scores(regions: Set<String>? = nil) -> ForecasterScores {
        ForecasterScores(rolling, years: set.from...set.to, modelClip: ProbabilityScore.clip(paths: paths),
                         include: { regions?.contains($0.region) ?? true })
    }

    /// The scores over every region, and each region's own, as the combination file records them.
    public var trackRecord: TrackRecord {
        let s = scores()
        let regions = Set(s.targets.map { records[$0].region })
        return TrackRecord(s, regions: regions.count,
                           byRegion: Dictionary(uniqueKeysWithValues: regions.map { ($0, scores(regions: [$0])) }))
    }
}

/// The rolling-origin backtest of a calibration set: for each region, the model of its scenario
/// (`BacktestRunner`, data up to the year before each target), then the target-anchored and
/// calibrated forecasters over all regions together (`RollingCalibration`), each from the
/// records of the years before the target's.
public enum CalibrationSetRunner {
    /// - Throws: `BacktestError` when a region's scenario has no backtest section or targets table.
    public static func run(_ input: CalibrationSetInput, options: RunOptions = RunOptions(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> CalibrationSetRun {
        var records: [TargetRecord] = []
        var skipped: [(String, Int, String)] = []
        var paths = options.paths ?? 0
        for (m, member) in input.members.enumerated() {
            progress?(m, input.members.count)
            let region = member.region
            let run = try BacktestRunner.run(member.input, options: options)
            paths = run.paths
            var model: [String: Double] = [:]
            for f in run.forecasts {
                if let p = f.probability { model[key(f.target)] = p.value }
            }
            for y in run.years { if let reason = y.skipped, y.targets > 0 { skipped.append((region.id, y.year, reason)) } }
            for t in member.input.pastTargets {
                let outcome = member.outcomes.series(t.indicator, t.measure, basis: .firstPublished)?.value(in: t.year)
                records.append(TargetRecord(region: region.id, indicator: t.indicator, year: t.year, measure: t.measure,
                                            wording: t.wording, word: t.word, outcome: outcome, model: model[key(t)],
                                            proxied: region.proxy != nil))
            }
        }
        progress?(input.members.count, input.members.count)
        records.sort { ($0.year, $0.region, $0.indicator) < ($1.year, $1.region, $1.indicator) }
        return CalibrationSetRun(set: input.set,
                                 regionNames: Dictionary(uniqueKeysWithValues: input.set.regions.map { ($0.id, $0.name) }),
                                 rolling: RollingCalibration(records: records), paths: paths,
                                 skipped: skipped.map { (region: $0.0, year: $0.1, reason: $0.2) })
    }

    private static func key(_ t: PastTarget) -> String { "\(t.indicator)\u{1}\(t.year)\u{1}\(t.measure.rawValue)" }
}
