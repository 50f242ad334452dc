import Foundation
import Models
import Scenario
import Simulation

extension FitReport {
    /// Fits the scenario's model (`ModelPlan`, with its stated fallback) and, for comparison,
    /// every candidate on the same estimation panel: random walk, AR(1) and local linear trend
    /// per indicator (joined by the shrunk residual correlation), VAR(p) and BVAR(p) with the
    /// scenario's lags (and the log-linear trend when the scenario asks for it). Each gets its
    /// tables and a rolling-origin one-step backtest; a model that cannot be fitted gets its
    /// `ModelError` text instead. `backtest: false` skips the backtests (they refit every model
    /// once per origin: long histories take time).
    ///
    /// - Throws: `RunError.modelFailed` when no estimation panel can be built (empty window,
    ///   no indicator with enough years).
    public init(_ input: ScenarioInput, backtest: Bool = true) throws {
        let s = input.scenario
        let estimation = try ModelPlan.panel(input)
        let panel = estimation.panel
        var runs: String?
        do {
            let plan = try ModelPlan(input)
            runs = Self.name(of: plan.model)
            scenarioModel = plan.model.summary
            planNotes = plan.notes
            scenarioModelFailed = false
        } catch {
            scenarioModel = "could not be fitted: \((error as? RunError)?.reason ?? "\(error)")"
            planNotes = estimation.notes
            scenarioModelFailed = true
        }
        scenario = s.name
        region = s.region
        estimationWindow = "\(panel.years.first!)-\(panel.years.last!)"
        excludedYears = s.estimation.exclude.sorted()
        modelledIndicators = panel.indicators
        proxyHistory = s.historyProxy.map { "\(s.region)'s own history is not used: \($0.region)'s stands in for it. \($0.note)" }
        models = Self.candidates(s.model).map { name, specification in
            Self.section(name: name, specification: specification, panel: panel, isScenarioModel: name == runs,
                         backtest: backtest)
        }
    }

    /// The candidate models, named as in the output.
    static func candidates(_ settings: ModelSettings) -> [(String, any ModelSpecification)] {
        var list: [(String, any ModelSpecification)] = [
            ("random walk", IndependentModelsSpecification(kind: .randomWalk)),
            ("AR(1)", IndependentModelsSpecification(kind: .ar1)),
            ("local linear trend", IndependentModelsSpecification(kind: .localLinearTrend)),
            ("VAR(\(settings.lags))", VARSpecification(lags: settings.lags)),
            ("BVAR(\(settings.lags))", BVARSpecification(lags: settings.lags)),
        ]
        if settings.type == .logLinearTrend {
            list.insert(("log-linear trend", IndependentModelsSpecification(kind: .logLinearTrend)), at: 3)
        }
        return list
    }

    /// The candidate name of a fitted model.
    static func name(of model: any FittedModel) -> String? {
        switch model {
        case let v as VARResults: return "VAR(\(v.lags))"
        case let b as BVARResults: return "BVAR(\(b.lags))"
        case let j as IndependentModelsFit:
            switch j.members.first {
            case is RandomWalkFit: return "random walk"
            case is AR1Fit: return "AR(1)"
            case is LocalLinearTrendFit: return "local linear trend"
            case is LogLinearTrendFit: return "log-linear trend"
            default: return nil
            }
        default: return nil
        }
    }

    static func section(name: String, specification: any ModelSpecification, panel: Panel,
                        isScenarioModel: Bool, backtest: Bool) -> FitModelSection {
        let model: any FittedModel
        do {
            model = try specification.fit(panel)
        } catch {
            return FitModelSection(name: name, isScenarioModel: isScenarioModel, summary: nil,
                                   failure: "\(error)", notes: [], tables: [])
        }
        var tables: [FitTable]
        switch model {
        case let v as VARResults: tables = FitSystemTables.tables(v)
        case let b as BVARResults: tables = FitSystemTables.tables(b)
        case let j as IndependentModelsFit: tables = FitIndependentTables.tables(j)
        default: tables = []
        }
        // Warnings first: what the fit gave up changes what its bands mean.
        var notes = model.warnings.map { "warning: \($0)" } + model.notes
        if backtest {
            let scores = FitBacktestTable.make(specification, panel: panel)
            if let table = scores.table { tables.append(table) }
            notes += scores.notes
        } else {
            notes.append("backtest not run (--no-backtest)")
        }
        return FitModelSection(name: name, isScenarioModel: isScenarioModel, summary: model.summary, failure: nil,
                               notes: notes, tables: tables)
    }
}
