import Foundation

/// A scenario with the tables it references, all validated: what `fit` and `simulate` start from.
public struct ScenarioInput: Sendable {
    public var scenario: Scenario
    /// History tables by resolved file URL.
    public var histories: [URL: History]
    /// Past targets for backtests (empty when the scenario names no targets table).
    public var pastTargets: [PastTarget]

    /// Loads a scenario, every history file its indicators use, and its backtest targets table.
    ///
    /// Besides the checks of `Scenario.load` and `History.load` (problems of a referenced file
    /// name that file and say where the scenario refers to it), every modelled indicator must
    /// have first-published rows in its `model_on` measure in its history file.
    ///
    /// - Throws: `ValidationFailure` with the problems of all the files.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> ScenarioInput {
        let scenario = try Scenario.load(contentsOf: url)
        var problems: [ValidationProblem] = []
        var histories: [URL: History] = [:]
        var failed: Set<URL> = []
        func referenced(_ ref: FileReference, at path: String, load: (URL) throws(ValidationFailure) -> Void) {
            guard !failed.contains(ref.url) else { return }
            do throws(ValidationFailure) {
                try load(ref.url)
            } catch {
                failed.insert(ref.url)
                problems += error.problems.map { problem in
                    var p = problem
                    if p.location == .file { p.message += " (named at \(url.relativePath):\(path))" }
                    return p
                }
            }
        }
        for (i, indicator) in scenario.indicators.enumerated() where !indicator.isJudgmental {
            guard let ref = scenario.historyFile(for: indicator) else { continue }
            let path = indicator.history != nil ? "indicators[\(i)].history" : "history"
            if histories[ref.url] == nil {
                referenced(ref, at: path) { u throws(ValidationFailure) in histories[u] = try History.load(contentsOf: u) }
            }
            if let history = histories[ref.url], history.series(indicator.id, indicator.modelOn) == nil {
                problems.append(ValidationProblem(file: url.relativePath, location: .jsonPath("indicators[\(i)].model_on"), message:
                    "\(history.file) has no first-published rows for \(indicator.id) \(indicator.modelOn.rawValue)"
                    + " (found: " + history.keys.filter { $0.indicator == indicator.id }.map(\.measure.rawValue).joined(separator: ", ") + ")"))
            }
        }
        var pastTargets: [PastTarget] = []
        if let ref = scenario.backtest?.targets {
            referenced(ref, at: "backtest.targets") { u throws(ValidationFailure) in pastTargets = try PastTarget.load(contentsOf: u) }
        }
        if let c = scenario.calibration, !FileManager.default.fileExists(atPath: c.file.url.path) {
            problems.append(ValidationProblem(file: url.relativePath, location: .jsonPath("calibration.file"), message:
                "file not found: \(c.file.written) (write it with `forecast calibrate CALIBRATION-SET --out FILE`)"))
        }
        if !problems.isEmpty { throw ValidationFailure(problems: problems) }
        return ScenarioInput(scenario: scenario, histories: histories, pastTargets: pastTargets)
    }

    public init(scenario: Scenario, histories: [URL: History], pastTargets: [PastTarget] = []) {
        self.scenario = scenario
        self.histories = histories
        self.pastTargets = pastTargets
    }

    /// The history table an indicator is fitted on (nil for a judgmental indicator).
    public func history(for indicator: Indicator) -> History? {
        scenario.historyFile(for: indicator).flatMap { histories[$0.url] }
    }

    /// The indicator's series in its `model_on` measure, first-published by default.
    public func series(for indicator: Indicator, basis: Basis = .firstPublished) -> Series? {
        history(for: indicator)?.series(indicator.id, indicator.modelOn, basis: basis)
    }

    /// The base-year level for a level target on an indicator modelled in growth: the target's
    /// `last_level`, else the first-published level row of the base year, else nil (the target
    /// cannot be evaluated; say so in the output).
    public func baseLevel(for target: Target) -> Double? {
        if let level = target.lastLevel { return level }
        guard let indicator = scenario.indicator(target.indicator) else { return nil }
        return history(for: indicator)?.series(indicator.id, .level)?.value(in: scenario.baseYear)
    }
}
