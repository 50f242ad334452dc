// The scenario as a whole: reads every section, then checks what involves several sections
// (targets on declared indicators, years inside the horizon, ...), naming each JSON path.

extension Scenario: LenientDecodable {
    static var expectation: String { "a scenario object (see scenarios/scenario.schema.json)" }

    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let schema: String? = f.optional(.schema)
        let name: String? = f.required(.name), region: String? = f.required(.region)
        let history = f.file(.history, required: false)
        let historyProxy: HistoryProxy? = f.optional(.historyProxy)
        let baseYear = f.year(.baseYear, required: true), horizonEnd = f.year(.horizonEnd, required: true)
        let estimation: EstimationWindow? = f.required(.estimation)
        let model: ModelSettings? = f.required(.model)
        let shocks: ShockSettings? = f.required(.shocks)
        let simulation: SimulationSettings? = f.required(.simulation)
        let confidence = f.checked(f.required(.confidence, as: Double.self), .confidence,
                                   "a confidence in (0, 1)") { $0 > 0 && $0 < 1 }
        let indicatorEntries = f.list(.indicators, required: true, of: IndicatorEntry.self)
        let declaredIDs = Set((try? f.container.decode(IDList.self, forKey: AnyKey(CodingKeys.indicators.rawValue)))?.ids ?? [])
        // What each target, risk and adjustment names, read on its own: so that an element with
        // a problem of its own is still checked against the indicators and the horizon.
        let written = { (key: CodingKeys) in
            (try? f.container.decode(ReferenceList.self, forKey: AnyKey(key.rawValue)))?.elements ?? []
        }
        let entries = f.list(.targets, required: true, of: TargetEntry.self)
        let risks = f.list(.risks, required: false, of: Risk.self)
        let adjustments = f.list(.adjustments, required: false, of: Adjustment.self)
        let conditions = f.list(.conditionList, required: false, of: Condition.self)
        let backtest: BacktestSettings? = f.optional(.backtest)
        let calibration: CalibrationSettings? = f.optional(.calibration)

        var horizon: ClosedRange<Int>?
        if let baseYear, let horizonEnd {
            if horizonEnd > baseYear, horizonEnd - baseYear <= PlausibleRange.longestHorizon {
                horizon = (baseYear + 1)...horizonEnd
            } else if horizonEnd > baseYear {
                f.problem(.horizonEnd, message: "expected at most \(PlausibleRange.longestHorizon) simulated years after base_year (\(baseYear)), found \(horizonEnd)")
            } else {
                f.problem(.horizonEnd, message: "expected a year after base_year (\(baseYear)), found \(horizonEnd)")
            }
            Self.checkWindows(f, baseYear: baseYear, horizonEnd: horizonEnd, estimation: estimation, backtest: backtest)
        }
        let indicators = Self.resolveJudgmentMeasures(f, indicatorEntries ?? [], targets: entries ?? [])
        let declared = Self.checkIndicators(f, indicators, history: history)
        let targets = Self.checkTargets(f, entries ?? [], declared: declared, ids: declaredIDs, horizon: horizon,
                                        written: written(.targets))
        Self.checkRisks(f, risks ?? [], ids: declaredIDs, horizon: horizon, written: written(.risks))
        Self.checkAdjustments(f, adjustments ?? [], ids: declaredIDs, horizon: horizon, written: written(.adjustments))
        Self.checkConditions(f, conditions ?? [], declared: declared, ids: declaredIDs, horizon: horizon,
                             written: written(.conditionList))
        try f.finish()
        self.init(schema: schema, name: name!, region: region!, history: history, historyProxy: historyProxy,
                  baseYear: baseYear!, horizonEnd: horizonEnd!, estimation: estimation!, model: model!,
                  shocks: shocks!, simulation: simulation!, confidence: confidence!,
                  indicators: indicators.compactMap { $0 }, targets: targets,
                  risks: risks?.compactMap { $0 } ?? [], adjustments: adjustments?.compactMap { $0 } ?? [],
                  conditions: conditions?.compactMap { $0 } ?? [], backtest: backtest, calibration: calibration)
    }

    /// Without a backtest, the model is fitted on data known at the base year (estimation.to <=
    /// base_year). A backtest's target years run inside the horizon, each origin fitted on data
    /// up to the year before its target year (estimation.to < backtest.to).
    private static func checkWindows(_ f: Fields<CodingKeys>, baseYear: Int, horizonEnd: Int,
                                     estimation: EstimationWindow?, backtest: BacktestSettings?) {
        guard let backtest else {
            if let estimation, estimation.to > baseYear {
                f.problem(.estimation, AnyKey("to"), message:
                    "expected a year <= base_year (\(baseYear)): a forecast uses only data known at the base year; found \(estimation.to)")
            }
            return
        }
        if backtest.from <= baseYear {
            f.problem(.backtest, AnyKey("from"), message: "expected a target year after base_year (\(baseYear)), found \(backtest.from)")
        }
        if backtest.to > horizonEnd {
            f.problem(.backtest, AnyKey("to"), message: "expected a target year <= horizon_end (\(horizonEnd)), found \(backtest.to)")
        }
        if let estimation, estimation.to >= backtest.to {
            f.problem(.estimation, AnyKey("to"), message:
                "expected a year before the last backtest year (\(backtest.to)): each origin uses data up to the year before its target; found \(estimation.to)")
        }
    }

    /// A judgmental indicator without `model_on` takes the `measure` its targets state (they
    /// must state one, the same).
    private static func resolveJudgmentMeasures(_ f: Fields<CodingKeys>, _ entries: [IndicatorEntry?],
                                                targets: [TargetEntry?]) -> [Indicator?] {
        entries.enumerated().map { i, entry in
            guard let entry else { return nil }
            var indicator = entry.indicator
            guard !entry.modelOnGiven else { return indicator }
            let stated = Set(targets.compactMap { $0 }.filter { $0.measureGiven && $0.target.indicator == indicator.id }
                .map(\.target.measure))
            guard stated.count == 1, let measure = stated.first, Measure.observable.contains(measure) else {
                f.problem(.indicators, AnyKey(index: i), message:
                    "missing key \"model_on\": the judgment's measure (\"growth_pct\", \"rate_pct\" or \"level\") is not "
                    + (stated.isEmpty ? "stated by a target's \"measure\" either" : "one measure of its targets (found "
                        + stated.map(\.rawValue).sorted().joined(separator: ", ") + ")"))
                return nil
            }
            indicator.modelOn = measure
            return indicator
        }
    }

    /// Ids are unique; an indicator with a model needs a history file. Returns the declared indicators by id.
    private static func checkIndicators(_ f: Fields<CodingKeys>, _ list: [Indicator?],
                                        history: FileReference?) -> [String: Indicator] {
        if list.isEmpty { f.problem(.indicators, message: "expected at least one indicator, found none") }
        var declared: [String: Indicator] = [:]
        for (i, indicator) in list.enumerated() {
            guard let indicator else { continue }
            if declared[indicator.id] != nil {
                f.problem(.indicators, AnyKey(index: i), AnyKey("id"), message: "duplicate indicator id \"\(indicator.id)\"")
            }
            declared[indicator.id] = indicator
            if let judgment = indicator.judgment {
                let measure = indicator.modelOn
                let unit = measure.isPercent ? "percent" : "the indicator's unit"
                if !PlausibleRange.value(of: measure).contains(judgment.mean) {
                    f.problem(.indicators, AnyKey(index: i), AnyKey("judgment"), AnyKey("mean"), message:
                        "expected a \(measure.rawValue) mean in \(PlausibleRange.value(of: measure)) (\(unit)), found \(formatNumber(judgment.mean))")
                }
                if !PlausibleRange.spread(of: measure).contains(judgment.sd) {
                    f.problem(.indicators, AnyKey(index: i), AnyKey("judgment"), AnyKey("sd"), message:
                        "expected a standard deviation in \(PlausibleRange.spread(of: measure)) (\(unit)), found \(formatNumber(judgment.sd))")
                }
            }
            if !indicator.isJudgmental, indicator.history == nil, history == nil {
                f.problem(.indicators, AnyKey(index: i), message:
                    "indicator \"\(indicator.id)\" has no history: give the scenario's \"history\", the indicator's \"history\", or a \"judgment\"")
            }
        }
        return declared
    }

    /// Targets name a declared indicator, a year in the horizon, and a measure the indicator's
    /// model can give, with a bound in the measure's plausible range. Fills in the default
    /// measure (the indicator's `model_on`). `ids` are all the ids written, so that an
    /// indicator with problems of its own is still "declared"; `written` is what each target
    /// names, read on its own, so that a target with a problem of its own is still checked
    /// against the indicators and the horizon.
    private static func checkTargets(_ f: Fields<CodingKeys>, _ entries: [TargetEntry?], declared: [String: Indicator],
                                     ids: Set<String>, horizon: ClosedRange<Int>?,
                                     written: [WrittenReference]) -> [Target] {
        var targets: [Target] = []
        var seen: [String: Int] = [:]   // indicator, years, measure, bound -> first index
        for (i, entry) in entries.enumerated() {
            let at = { (key: String) -> [any CodingKey] in f.decoder.codingPath + [AnyKey("targets"), AnyKey(index: i), AnyKey(key)] }
            guard let entry else {
                if i < written.count { checkReference(f, written[i], at: at, ids: ids, horizon: horizon) }
                continue
            }
            var target = entry.target
            if let horizon, !horizon.contains(target.year) {
                f.log.add(at: at(target.years.count > 1 ? "years" : "year"),
                          "expected a year in the horizon \(horizon.lowerBound)...\(horizon.upperBound) (base_year < year <= horizon_end), found \(target.year)")
            }
            if !ids.contains(target.indicator) {
                f.log.add(at: at("indicator"), undeclaredMessage(target.indicator, ids))
            }
            guard let indicator = declared[target.indicator] else { continue }
            if !entry.measureGiven { target.measure = indicator.modelOn }
            let identity = "\(target.indicator) \(target.years) \(target.measure.rawValue) \(target.bound)"
            if let first = seen[identity] {
                f.log.add(at: f.decoder.codingPath + [AnyKey("targets"), AnyKey(index: i)],
                          "duplicate of targets[\(first)] (same indicator, year, measure and bound): it would count twice in the joint probability")
                continue
            }
            seen[identity] = i
            let reachable = reachableMeasures(from: indicator.modelOn)
            if !reachable.contains(target.measure) {
                f.log.add(at: at("measure"),
                          "indicator \"\(indicator.id)\" is modelled on \(indicator.modelOn.rawValue), which gives "
                          + reachable.map(\.rawValue).joined(separator: " or ") + ", not \(target.measure.rawValue)")
            }
            for problem in PlausibleRange.problems(of: target) {
                f.log.add(at: at(problem.key), problem.message)
            }
            targets.append(target)
        }
        return targets
    }

    /// Conditions name a declared indicator, a year in the horizon, a value in the plausible
    /// range of the indicator's measure, and shocks of declared modelled indicators; on one
    /// indicator-year at most one hard condition and no soft one beside it, and soft ranges that
    /// overlap (else the event is impossible).
    private static func checkConditions(_ f: Fields<CodingKeys>, _ conditions: [Condition?], declared: [String: Indicator],
                                        ids: Set<String>, horizon: ClosedRange<Int>?, written: [WrittenReference]) {
        var seen: [String: (index: Int, lower: Double, upper: Double, hard: Bool)] = [:]
        for (i, condition) in conditions.enumerated() {
            let at = { (key: String) -> [any CodingKey] in f.decoder.codingPath + [AnyKey("conditions"), AnyKey(index: i), AnyKey(key)] }
            guard let condition else {
                if i < written.count { checkReference(f, written[i], at: at, ids: ids, horizon: horizon) }
                continue
            }
            checkReference(f, WrittenReference(indicator: condition.indicator, year: condition.year, impacted: []),
                           at: at, ids: ids, horizon: horizon)
            guard let indicator = declared[condition.indicator] else { continue }
            let range = PlausibleRange.value(of: indicator.modelOn)
            let (lower, upper) = condition.interval
            if let x = [lower, upper].first(where: { $0.isFinite && !range.contains($0) }) {
                f.log.add(at: at(condition.assumptionKey),
                          "expected a \(indicator.modelOn.rawValue) value in \(range) (the indicator's model_on measure), found \(formatNumber(x))")
            }
            for (j, id) in (condition.shocks ?? []).enumerated() {
                if !ids.contains(id) {
                    f.log.add(at: at("shocks") + [AnyKey(index: j)], undeclaredMessage(id, ids))
                } else if declared[id]?.isJudgmental == true {
                    f.log.add(at: at("shocks") + [AnyKey(index: j)],
                              "indicator \"\(id)\" has a judgment, not a model: it has no shocks that could move")
                }
            }
            if condition.isHard, indicator.isJudgmental, condition.shocks != nil {
                f.log.add(at: at("shocks"), "\"\(indicator.id)\" has a judgment, drawn independently of the model: a hard condition on it sets its value and moves no shock; remove \"shocks\"")
            }
            let key = "\(condition.indicator) \(condition.year)"
            if let first = seen[key] {
                let here = f.decoder.codingPath + [AnyKey("conditions"), AnyKey(index: i)]
                if first.hard || condition.isHard {
                    f.log.add(at: here, "conditions[\(first.index)] already conditions \(key): a hard condition must be the only one on its indicator and year")
                } else if max(first.lower, lower) > min(first.upper, upper) {
                    f.log.add(at: here, "contradicts conditions[\(first.index)]: the ranges on \(key) do not overlap, so no path could meet both")
                } else {
                    seen[key] = (first.index, max(first.lower, lower), min(first.upper, upper), false)
                }
                continue
            }
            seen[key] = (i, lower, upper, condition.isHard)
        }
    }

    /// The checks of an element that could not be read whole: a declared indicator, a year
    /// in the horizon, impacts on declared indicators.
    private static func checkReference(_ f: Fields<CodingKeys>, _ written: WrittenReference,
                                       at: (String) -> [any CodingKey], ids: Set<String>, horizon: ClosedRange<Int>?) {
        if let id = written.indicator, !ids.contains(id) {
            f.log.add(at: at("indicator"), undeclaredMessage(id, ids))
        }
        if let year = written.year, PlausibleRange.years.contains(year), let horizon, !horizon.contains(year) {
            f.log.add(at: at("year"), "expected a year in the horizon \(horizon.lowerBound)...\(horizon.upperBound), found \(year)")
        }
        for id in written.impacted where !ids.contains(id) {
            f.log.add(at: at("impact_pp") + [AnyKey(id)], undeclaredMessage(id, ids))
        }
    }

    /// Risk years in the horizon; impacts on declared indicators.
    private static func checkRisks(_ f: Fields<CodingKeys>, _ risks: [Risk?], ids: Set<String>,
                                   horizon: ClosedRange<Int>?, written: [WrittenReference]) {
        for (i, risk) in risks.enumerated() {
            let at = { (key: String) -> [any CodingKey] in f.decoder.codingPath + [AnyKey("risks"), AnyKey(index: i), AnyKey(key)] }
            guard let risk else {
                if i < written.count { checkReference(f, written[i], at: at, ids: ids, horizon: horizon) }
                continue
            }
            checkReference(f, WrittenReference(indicator: nil, year: risk.year, impacted: risk.impactPP.keys.sorted()),
                           at: at, ids: ids, horizon: horizon)
        }
    }

    /// Adjustments on declared indicators, in the horizon.
    private static func checkAdjustments(_ f: Fields<CodingKeys>, _ adjustments: [Adjustment?],
                                         ids: Set<String>, horizon: ClosedRange<Int>?, written: [WrittenReference]) {
        for (i, adjustment) in adjustments.enumerated() {
            let at = { (key: String) -> [any CodingKey] in f.decoder.codingPath + [AnyKey("adjustments"), AnyKey(index: i), AnyKey(key)] }
            let reference = adjustment.map { WrittenReference(indicator: $0.indicator, year: $0.year, impacted: []) }
                ?? (i < written.count ? written[i] : WrittenReference(indicator: nil, year: nil, impacted: []))
            checkReference(f, reference, at: at, ids: ids, horizon: horizon)
        }
    }
}

/// The measures a target may use on an indicator modelled on `measure`: the measure itself;
/// from growth also the level (with the base-year level) and the average growth over years.
public func reachableMeasures(from measure: Measure) -> [Measure] {
    measure == .growthPct ? [.growthPct, .level, .averageGrowth] : [measure]
}

private func undeclaredMessage(_ id: String, _ ids: Set<String>) -> String {
    "indicator \"\(id)\" is not declared in \"indicators\""
        + (nearest(to: id, in: ids.sorted()).map { " (did you mean \"\($0)\"?)" } ?? "")
}

/// The ids written in `indicators`, read without judging anything else (an indicator with a
/// problem of its own is still declared: its targets must not be reported as well).
private struct IDList: Decodable {
    var ids: [String] = []
    init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        while !list.isAtEnd {
            let entry = try list.decode(OptionalID.self)
            if let id = entry.id { ids.append(id) }
        }
    }
    private struct OptionalID: Decodable {
        var id: String?
        init(from decoder: any Decoder) throws {
            id = try? decoder.container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey("id"))
        }
    }
}

/// What an element of `targets`, `risks` or `adjustments` names (its indicator, year and
/// impacted indicators), each read on its own and nil when it is not of the right type.
struct WrittenReference: Decodable {
    var indicator: String?
    var year: Int?
    var impacted: [String]

    init(indicator: String?, year: Int?, impacted: [String]) {
        self.indicator = indicator
        self.year = year
        self.impacted = impacted
    }

    init(from decoder: any Decoder) throws {
        let c = try? decoder.container(keyedBy: AnyKey.self)
        indicator = try? c?.decode(String.self, forKey: AnyKey("indicator"))
        year = try? c?.decode(Int.self, forKey: AnyKey("year"))
        impacted = ((try? c?.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("impact_pp")))?.allKeys ?? [])
            .map(\.stringValue).sorted()
    }
}

/// The elements of an array, each read as a `WrittenReference`.
private struct ReferenceList: Decodable {
    var elements: [WrittenReference] = []
    init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        while !list.isAtEnd {
            elements.append((try? list.decode(WrittenReference.self)) ?? WrittenReference(indicator: nil, year: nil, impacted: []))
        }
    }
}
