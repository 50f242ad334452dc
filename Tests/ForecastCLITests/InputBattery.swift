import Foundation

/// A battery of malformed and unusual inputs, each a case the built `forecast` must answer
/// with the right exit status and a message naming the file and the line or JSON path (or the
/// option), and after which nothing is written. Run by `InputBatteryTests`.
///
/// Every case starts from the clean inputs below (a scenario, its history and its past
/// targets, which validate without a warning) and changes one thing.
enum InputBattery {
    enum Category: String, CaseIterable {
        case scenarioJSON = "scenario JSON", historyCSV = "history CSV", targetsCSV = "targets CSV",
             flags = "command line", warnings = "warnings (--strict)"
    }

    /// Where the message must point.
    enum Place {
        /// `scenario.json:<path>: ` (a JSON path).
        case path(String)
        /// `<file>:<line>: ` in the named file.
        case line(String, Int)
        /// `<file>:<some line>: `.
        case someLine(String)
        /// `<file>: ` (the file as a whole).
        case file(String)
        /// The message names this text (an option, a directory).
        case names(String)
    }

    struct Case {
        let category: Category
        let name: String
        /// Arguments; `$S`, `$H`, `$T`, `$D`, `$OUT` stand for the scenario, history, targets
        /// files, the case's directory and an output directory that must not appear.
        let arguments: [String]
        /// Files of the case by name (scenario.json, history.csv, targets.csv, ...).
        var files: [String: String]
        let status: Int32
        let place: Place?
        /// Words the message must contain.
        let words: [String]
        /// Whether `validate $S` (or of the CSV) must give the same status and place.
        var validateAgrees: Bool
        /// Files written as raw bytes (not UTF-8 text).
        var binary: [String: [UInt8]] = [:]
        /// Further places the message must name (every problem is reported, not the first).
        var alsoPlaces: [Place] = []
    }

    // MARK: - Clean inputs

    static let historyHeader = "indicator,year,value,measure,unit,source"

    /// 2005–2021 of four indicators (smooth, deterministic values) and one 2021 level.
    static let cleanHistory: String = {
        var rows = [historyHeader]
        for y in 2005...2021 {
            let t = Double(y - 2005)
            rows.append("gdp,\(y),\(f(8 + 1.5 * sin(t))),growth_pct,%,https://example.org/gdp")
            rows.append("cpi,\(y),\(f(2 + 1.2 * cos(1.3 * t))),rate_pct,%,https://example.org/cpi")
            rows.append("retail,\(y),\(f(11 + 2.5 * sin(0.7 * t + 1))),growth_pct,%,https://example.org/retail")
            rows.append("industry_revenue,\(y),\(f(9 + 3 * cos(0.9 * t))),growth_pct,%,https://example.org/ir")
        }
        rows.append("industry_revenue,2021,301.2,level,亿元,https://example.org/ir-level")
        return rows.joined(separator: "\n") + "\n"
    }()

    private static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// The targets header (the lead may add columns: change it here).
    static let targetsHeader = "indicator,year,measure,bound,value,tolerance,quote,reading,source"

    static let cleanTargets = """
        \(targetsHeader)
        gdp,2019,growth_pct,at_least,6.5,,GDP增长6.5%以上,,https://example.org/2019
        gdp,2020,growth_pct,at_least,6,,GDP增长6%左右,floor,https://example.org/2020
        cpi,2020,rate_pct,at_most,3.5,,CPI涨幅3.5%左右,,https://example.org/2020
        retail,2021,growth_pct,around,10,0.5,社零增长10%左右,,https://example.org/2021

        """

    /// A clean scenario, one key a line so that a case can change one thing.
    static let cleanScenario = """
        {
          "name": "Battery city 2022",
          "region": "测试市",
          "history": "history.csv",
          "base_year": 2021,
          "horizon_end": 2023,
          "estimation": { "from": 2005, "to": 2021, "exclude": [2020] },
          "model": { "type": "ar1", "parameter_uncertainty": true },
          "shocks": { "distribution": "student-t", "dof": 6, "scale": 1.0 },
          "simulation": { "paths": 1024, "seed": 7 },
          "confidence": 0.8,
          "indicators": [
            { "id": "gdp", "name": { "zh": "地区生产总值", "en": "GDP" }, "model_on": "growth_pct" },
            { "id": "cpi", "model_on": "rate_pct" },
            { "id": "retail", "model_on": "growth_pct" },
            { "id": "industry_revenue", "model_on": "growth_pct", "unit": "亿元", "growth_prices": "current" },
            { "id": "unemployment", "model_on": "rate_pct",
              "judgment": { "distribution": "normal", "mean": 5.0, "sd": 0.3, "rationale": "stable", "source": "bureau" } }
          ],
          "targets": [
            { "indicator": "gdp", "year": 2022, "at_least": 8.2, "quote": "增长8.2%以上" },
            { "indicator": "cpi", "year": 2022, "at_most": 3.0, "quote": "涨幅3%左右" },
            { "indicator": "retail", "year": 2022, "around": 11.0, "tolerance": 0.5, "quote": "增长11%左右" },
            { "indicator": "industry_revenue", "year": 2022, "measure": "level", "at_least": 340, "quote": "突破340亿元", "last_level": 301.2 },
            { "indicator": "gdp", "years": [2022, 2023], "measure": "average_growth", "at_least": 7.0, "quote": "年均增长7%" },
            { "indicator": "unemployment", "year": 2023, "at_most": 5.5, "quote": "5.5%以内" }
          ],
          "risks": [
            { "name": "epidemic", "probability": 0.3, "year": 2022, "impact_pp": { "gdp": -1.5, "retail": -4.0 }, "persistence": 0.5 }
          ],
          "adjustments": [
            { "indicator": "gdp", "year": 2022, "shift_pp": 0.5, "reason": "key projects" }
          ]
        }

        """

    /// A clean backtest scenario on the same history: target years 2019–2021 of targets.csv.
    static let cleanBacktestScenario = """
        {
          "name": "Battery city backtest",
          "region": "测试市",
          "history": "history.csv",
          "base_year": 2018,
          "horizon_end": 2021,
          "estimation": { "from": 2005, "to": 2020, "exclude": [] },
          "model": { "type": "ar1" },
          "shocks": { "distribution": "normal" },
          "simulation": { "paths": 1024, "seed": 7 },
          "confidence": 0.8,
          "indicators": [
            { "id": "gdp", "model_on": "growth_pct" },
            { "id": "cpi", "model_on": "rate_pct" },
            { "id": "retail", "model_on": "growth_pct" }
          ],
          "targets": [],
          "backtest": { "from": 2019, "to": 2021, "targets": "targets.csv" }
        }

        """

    /// The clean scenario with each `old` (found exactly once) replaced by its `new`.
    static func scenario(_ changes: [(String, String)]) -> String {
        var text = cleanScenario
        for (old, new) in changes {
            let parts = text.components(separatedBy: old)
            precondition(parts.count == 2, "the clean scenario must contain \(old) exactly once")
            text = parts.joined(separator: new)
        }
        return text
    }

    static func history(replacingLine n: Int, with row: String) -> String {
        var lines = cleanHistory.components(separatedBy: "\n")
        lines[n - 1] = row
        return lines.joined(separator: "\n")
    }

    static func history(appending rows: [String]) -> String { cleanHistory + rows.joined(separator: "\n") + "\n" }

    static func targets(replacingLine n: Int, with row: String) -> String {
        var lines = cleanTargets.components(separatedBy: "\n")
        lines[n - 1] = row
        return lines.joined(separator: "\n")
    }

    static let simulate = ["simulate", "$S", "--out", "$OUT"]
    static let backtest = ["backtest", "$S", "--paths", "1024", "--out", "$OUT"]

    /// A scenario case: `simulate --out` must exit `status` naming the place, write nothing,
    /// and `validate` must agree.
    static func json(_ name: String, _ changes: [(String, String)], _ place: Place?, _ words: [String] = [],
                     status: Int32 = 2, files: [String: String] = [:]) -> Case {
        Case(category: .scenarioJSON, name: name, arguments: simulate,
             files: ["scenario.json": scenario(changes), "history.csv": cleanHistory, "targets.csv": cleanTargets]
                .merging(files) { $1 },
             status: status, place: place, words: words, validateAgrees: true)
    }

    /// A scenario file given whole (broken JSON).
    static func rawJSON(_ name: String, _ text: String, _ place: Place?, _ words: [String] = []) -> Case {
        Case(category: .scenarioJSON, name: name, arguments: simulate,
             files: ["scenario.json": text, "history.csv": cleanHistory, "targets.csv": cleanTargets],
             status: 2, place: place, words: words, validateAgrees: true)
    }

    /// A history case: simulating the clean scenario on it exits 2 naming the CSV line, and
    /// `validate history.csv` agrees.
    static func csv(_ name: String, _ text: String, _ place: Place?, _ words: [String] = []) -> Case {
        Case(category: .historyCSV, name: name, arguments: simulate,
             files: ["scenario.json": cleanScenario, "history.csv": text, "targets.csv": cleanTargets],
             status: 2, place: place, words: words, validateAgrees: true)
    }

    /// A targets case: the backtest exits 2 naming the CSV line, and `validate` agrees.
    static func targetsCSV(_ name: String, _ text: String, _ place: Place?, _ words: [String] = []) -> Case {
        Case(category: .targetsCSV, name: name, arguments: backtest,
             files: ["scenario.json": cleanBacktestScenario, "history.csv": cleanHistory, "targets.csv": text],
             status: 2, place: place, words: words, validateAgrees: true)
    }

    /// A command-line case on the clean files.
    static func flags(_ name: String, _ arguments: [String], status: Int32, _ place: Place?, _ words: [String] = [],
                      files: [String: String] = [:]) -> Case {
        Case(category: .flags, name: name, arguments: arguments,
             files: ["scenario.json": cleanScenario, "history.csv": cleanHistory, "targets.csv": cleanTargets]
                .merging(files) { $1 },
             status: status, place: place, words: words, validateAgrees: false)
    }

    /// A scenario that runs with a warning: `simulate --strict` exits 2 at the warning's path
    /// and writes nothing; `validate --strict` agrees.
    static func warning(_ name: String, _ changes: [(String, String)], _ place: Place, _ words: [String],
                        history: String = cleanHistory) -> Case {
        Case(category: .warnings, name: name, arguments: simulate + ["--strict"],
             files: ["scenario.json": scenario(changes), "history.csv": history, "targets.csv": cleanTargets],
             status: 2, place: place, words: words, validateAgrees: true)
    }
}
