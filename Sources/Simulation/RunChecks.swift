import Scenario

/// The checks of a fitted scenario that warn rather than refuse (see `RunWarning`), and the
/// notes on history rows that are kept apart.
enum RunChecks {
    /// Proxies (one warning per standing-in region, naming the fitted indicators), a VAR/BVAR that fell back, and indicators
    /// left out of the model that no target names (a target on one says so itself).
    static func fitWarnings(_ input: ScenarioInput, plan: ModelPlan) -> [RunWarning] {
        let scenario = input.scenario
        var warnings: [RunWarning] = []
        var byRegion: [(region: String, path: String, ids: [String])] = []
        let fitted = Set(plan.model.indicators)
        for (i, indicator) in scenario.indicators.enumerated() where fitted.contains(indicator.id) {
            guard let region = scenario.proxyRegion(for: indicator) else { continue }
            let path = indicator.historyRegion != nil ? "indicators[\(i)].history_region" : "history_proxy"
            if let k = byRegion.firstIndex(where: { $0.region == region && $0.path.hasPrefix("indicators") == path.hasPrefix("indicators") }) {
                byRegion[k].ids.append(indicator.id)
            } else {
                byRegion.append((region, path, [indicator.id]))
            }
        }
        for group in byRegion {
            warnings.append(RunWarning(.proxy, at: group.path,
                "proxy history: " + group.ids.joined(separator: ", ") + (group.ids.count == 1 ? " is" : " are")
                + " fitted on \(group.region)'s history, standing in for \(scenario.region)'s; fans and P(met) describe \(group.region)'s dynamics"))
        }
        if let fallback = plan.fallback {
            warnings.append(RunWarning(.fallback, at: "model.type", fallback))
        }
        if scenario.targets.isEmpty && scenario.backtest == nil {
            warnings.append(RunWarning(.notEvaluated, at: "targets", "no targets: the run gives fans only, no P(met)"))
        }
        // What the fit already knows (short samples, repairs), so validate says it too.
        warnings += ScenarioRunner.modelWarnings(plan, scenario: scenario)
        let targeted = Set(scenario.targets.map(\.indicator))
        for (i, indicator) in scenario.indicators.enumerated() where !targeted.contains(indicator.id) {
            if let reason = plan.leftOut[indicator.id] {
                warnings.append(RunWarning(.notModelled, at: "indicators[\(i)]", "not modelled: " + reason))
            }
        }
        return warnings
    }

    /// Money units of levels: a growth rate applied to them must be at current prices.
    static let moneyUnits: Set<String> = ["亿元", "万元", "元", "亿美元", "万美元", "美元"]

    /// A level target in money (亿元, ...) evaluated as last level x (1 + growth/100) on an
    /// indicator whose growth is not stated to be at current prices: a real growth rate (GDP
    /// and value added are published at comparable prices) leaves inflation out of the level.
    /// `evaluated[i]` says whether target i is evaluated (only those are warned about).
    static func priceWarnings(_ input: ScenarioInput, evaluated: [Bool]) -> [RunWarning] {
        let scenario = input.scenario
        var warnings: [RunWarning] = []
        for (i, target) in scenario.targets.enumerated() where target.measure == .level && evaluated[i] {
            guard let indicator = scenario.indicator(target.indicator), indicator.modelOn == .growthPct,
                  indicator.growthPrices != .current else { continue }
            let unit = ScenarioRunner.unit(of: target, input: input)
            guard moneyUnits.contains(unit) else { continue }
            let basis = indicator.growthPrices == .comparable
                ? "its growth is at comparable prices (growth_prices: comparable)"
                : "its growth may be real (GDP and value added are published at comparable prices; say which with \"growth_prices\": \"current\" or \"comparable\" on the indicator)"
            warnings.append(RunWarning(.prices, at: "targets[\(i)]",
                "the \(target.year) level of \(target.indicator) in \(unit) (current prices) is projected as last_level x (1 + growth/100), and "
                + basis + ": a real growth rate leaves inflation out of the level, so P(met) of this level target is too low"))
        }
        return warnings
    }

    /// Revised rows of the modelled indicators, which are never used: how many, and the
    /// years of the estimation window that have a revised value but no first-published one.
    static func revisedRowNotes(_ input: ScenarioInput) -> [String] {
        let window = input.scenario.estimation
        var notes: [String] = []
        for indicator in input.scenario.indicators where !indicator.isJudgmental {
            guard let revised = input.series(for: indicator, basis: .revised) else { continue }
            let first = input.series(for: indicator)
            let onlyRevised = revised.years.filter { (window.from...window.to).contains($0) && first?.value(in: $0) == nil }
            notes.append("\(indicator.id): \(revised.years.count) revised row(s) of \(indicator.modelOn.rawValue) in the history are not used "
                + "(models use first-published values only)"
                + (onlyRevised.isEmpty ? "" : "; " + onlyRevised.map(String.init).joined(separator: ", ")
                   + " ha" + (onlyRevised.count == 1 ? "s" : "ve") + " only a revised value and stay" + (onlyRevised.count == 1 ? "s" : "") + " missing"))
        }
        return notes
    }
}
