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
    /// have first-published rows in its `model_on` measure in its history file, and every
    /// level target a unit (the indicator's `unit`, or its level rows'). When the scenario
    /// itself has problems, the tables it names are still checked and their problems listed.
    ///
    /// - Throws: `ValidationFailure` with the problems of all the files.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> ScenarioInput {
        let scenario: Scenario
        do throws(ValidationFailure) {
            scenario = try Scenario.load(contentsOf: url)
        } catch {
            // Report the tables' problems too, not only the scenario's first ones.
            throw ValidationFailure(problems: error.problems + tableProblems(namedIn: url))
        }
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
                problems.append(ValidationProblem(file: url.relativePath, location: .jsonPath("indicators[\(i)].model_on"),
                                                  message: missingSeriesMessage(indicator, in: history)))
            }
        }
        problems += unitProblems(scenario, histories: histories, file: url.relativePath)
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

    /// "history.csv has no first-published rows for gdp growth_pct (found: level; growth_pct,
    /// revised only: models use first-published values, ...)".
    static func missingSeriesMessage(_ indicator: Indicator, in history: History) -> String {
        let rows = history.observations.filter { $0.indicator == indicator.id }
        let revised = rows.filter { $0.measure == indicator.modelOn && $0.basis == .revised }
        var message = "\(history.file) has no first-published rows for \(indicator.id) \(indicator.modelOn.rawValue)"
        let others = Set(rows.filter { $0.measure != indicator.modelOn }.map(\.measure.rawValue)).sorted()
        if !revised.isEmpty {
            message += ": its \(revised.count) row(s) of \(indicator.modelOn.rawValue) (lines "
                + revised.map { String($0.line) }.prefix(5).joined(separator: ", ") + (revised.count > 5 ? ", ..." : "")
                + ") have basis \"revised\", and models use first-published values only (basis first-published, or an empty basis)"
        } else if rows.isEmpty {
            message += " (no row of \(indicator.id) at all: check the id, or give the indicator a judgment)"
        }
        if !others.isEmpty { message += " (other measures found: " + others.joined(separator: ", ") + ")" }
        return message
    }

    /// A level target needs the level's unit: the indicator's `unit` (not "%"), or the unit of
    /// its level rows (and the two agree).
    static func unitProblems(_ scenario: Scenario, histories: [URL: History], file: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        var reported: Set<String> = []
        for (j, target) in scenario.targets.enumerated() where target.measure == .level {
            guard let i = scenario.indicators.firstIndex(where: { $0.id == target.indicator }), !reported.contains(target.indicator) else { continue }
            let indicator = scenario.indicators[i]
            let history = scenario.historyFile(for: indicator).flatMap { histories[$0.url] }
            let rowsUnit = history?.series(indicator.id, .level)?.unit
            let path = "indicators[\(i)]"
            if indicator.unit == Units.percent {
                problems.append(ValidationProblem(file: file, location: .jsonPath(path + ".unit"), message:
                    "\"%\" is not the unit of a level: targets[\(j)] is a level target; expected " + Units.expectation(for: .level)))
            } else if let unit = indicator.unit, let rowsUnit, unit != rowsUnit {
                problems.append(ValidationProblem(file: file, location: .jsonPath(path + ".unit"), message:
                    "expected the unit of \(indicator.id)'s level rows in its history, \"\(rowsUnit)\", found \"\(unit)\""))
            } else if indicator.unit == nil, rowsUnit == nil, history != nil || scenario.historyFile(for: indicator) == nil {
                // (A history that failed to load has its own problems; its rows are unknown.)
                problems.append(ValidationProblem(file: file, location: .jsonPath(path), message:
                    "missing key \"unit\": targets[\(j)] is a level target and the history has no level rows of \(indicator.id) to take it from; expected "
                    + Units.expectation(for: .level)))
            } else {
                continue
            }
            reported.insert(target.indicator)
        }
        return problems
    }

    /// The problems of the tables a scenario names (`history`, `indicators[].history`,
    /// `backtest.targets`), found by reading its JSON loosely: for a scenario that does not
    /// decode, so that every problem is reported at once.
    static func tableProblems(namedIn url: URL) -> [ValidationProblem] {
        guard let text = try? TextFile.read(url),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        var histories: [String] = []
        if let h = object["history"] as? String { histories.append(h) }
        for case let indicator as [String: Any] in (object["indicators"] as? [Any]) ?? [] {
            if let h = indicator["history"] as? String { histories.append(h) }
        }
        let targets = ((object["backtest"] as? [String: Any])?["targets"] as? String).map { [$0] } ?? []
        var problems: [ValidationProblem] = []
        var seen: Set<URL> = []
        let directory = url.deletingLastPathComponent()
        for (written, isTargets) in histories.map({ ($0, false) }) + targets.map({ ($0, true) }) where !written.isEmpty {
            let ref = FileReference(written: written, relativeTo: directory)
            guard seen.insert(ref.url).inserted else { continue }
            do throws(ValidationFailure) {
                if isTargets { _ = try PastTarget.load(contentsOf: ref.url) } else { _ = try History.load(contentsOf: ref.url) }
            } catch {
                problems += error.problems
            }
        }
        return problems
    }
}
