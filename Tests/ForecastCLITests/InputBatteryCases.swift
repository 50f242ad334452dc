import Foundation

extension InputBattery {
    /// Every case of the battery.
    static var cases: [Case] { scenarioCases + historyCases + targetsCases + flagCases + warningCases }

    // MARK: - Scenario JSON

    static var scenarioCases: [Case] {
        let t0 = "{ \"indicator\": \"gdp\", \"year\": 2022, \"at_least\": 8.2, \"quote\": \"增长8.2%以上\" }"
        let risk = "\"impact_pp\": { \"gdp\": -1.5, \"retail\": -4.0 }"
        let judgment = "\"mean\": 5.0, \"sd\": 0.3"
        return [
            // Syntax and encoding.
            rawJSON("truncated", String(cleanScenario.prefix(400)), .someLine("scenario.json"), ["not valid JSON"]),
            json("trailing comma", [("\"seed\": 7 },", "\"seed\": 7, },")], .someLine("scenario.json"), ["not valid JSON"]),
            json("missing colon", [("\"confidence\": 0.8", "\"confidence\" 0.8")], .someLine("scenario.json"), ["not valid JSON"]),
            json("unquoted key", [("\"confidence\": 0.8", "confidence: 0.8")], .someLine("scenario.json"), ["not valid JSON"]),
            json("comment", [("\"confidence\": 0.8,", "\"confidence\": 0.8, // eighty")], .someLine("scenario.json"), ["not valid JSON"]),
            json("NaN literal", [("\"confidence\": 0.8", "\"confidence\": NaN")], .someLine("scenario.json"), ["not valid JSON"]),
            json("number too large", [("\"at_least\": 8.2", "\"at_least\": 1e400")], .someLine("scenario.json"), ["not representable"]),
            json("single quotes", [("\"name\": \"Battery city 2022\"", "'name': 'x'")], .someLine("scenario.json"), ["not valid JSON"]),
            rawJSON("empty file", "", .file("scenario.json"), ["empty"]),
            rawJSON("blank file", "  \n\t\n", .file("scenario.json"), ["empty"]),
            binary(.scenarioJSON, "not UTF-8 (GBK)", "scenario.json", Array("{\n  \"name\": \"".utf8) + [0xC4, 0xE3] + Array("\"\n}\n".utf8),
                   .line("scenario.json", 2), ["not UTF-8"]),
            binary(.scenarioJSON, "UTF-16 with BOM", "scenario.json", [0xFF, 0xFE] + Array("{}".utf8).flatMap { [$0, 0] },
                   .line("scenario.json", 1), ["not UTF-8"]),
            rawJSON("top-level array", "[1, 2, 3]\n", .path("$"), ["expected a scenario object"]),
            rawJSON("top-level string", "\"scenario\"\n", .path("$"), ["expected a scenario object"]),
            rawJSON("top-level null", "null\n", .path("$"), ["expected a scenario object"]),
            rawJSON("empty object", "{}\n", .path("$"), ["missing required key \"name\""]),
            // Duplicate keys.
            json("duplicate base_year", [("\"base_year\": 2021,", "\"base_year\": 2021, \"base_year\": 2020,")], .path("base_year"), ["duplicate key"]),
            json("duplicate at_least", [("\"at_least\": 8.2", "\"at_least\": 8, \"at_least\": 80")], .path("targets[0].at_least"), ["duplicate key"]),
            json("duplicate escaped key", [("\"at_least\": 8.2", "\"at_least\": 8.2, \"a\\u0074_least\": 80")], .path("targets[0].at_least"), ["duplicate key"]),
            json("duplicate judgment mean", [(judgment, judgment + ", \"mean\": 9")], .path("indicators[4].judgment.mean"), ["duplicate key"]),
            json("duplicate indicators array", [("\"risks\": [", "\"indicators\": [], \"risks\": [")], .path("indicators"), ["duplicate key"]),
            // Types.
            json("name is a number", [("\"name\": \"Battery city 2022\"", "\"name\": 2022")], .path("name"), ["expected a string"]),
            json("base_year is a string", [("\"base_year\": 2021", "\"base_year\": \"2021\"")], .path("base_year"), ["expected an integer"]),
            json("base_year fractional", [("\"base_year\": 2021", "\"base_year\": 2021.5")], .path("base_year"), ["expected an integer", "2021.5"]),
            json("paths as words", [("\"paths\": 1024", "\"paths\": \"many\"")], .path("simulation.paths"), ["expected an integer"]),
            json("confidence as percent text", [("\"confidence\": 0.8", "\"confidence\": \"80%\"")], .path("confidence"), ["expected a number"]),
            json("indicators is an object", [("\"indicators\": [", "\"indicators\": {\"x\": ["), ("\n  ],\n  \"targets\"", "\n  ]},\n  \"targets\"")],
                 .path("indicators"), ["expected an array"]),
            json("targets is null", [("\"targets\": [", "\"targets\": null, \"unused\": [")], nil, ["targets"]),
            json("at_least with percent sign", [("\"at_least\": 8.2", "\"at_least\": \"8.2%\"")], .path("targets[0].at_least"), ["expected a number", "8.2%"]),
            json("tolerance as text", [("\"tolerance\": 0.5", "\"tolerance\": \"half\"")], .path("targets[2].tolerance"), ["expected a number"]),
            json("risk is a string", [("{ \"name\": \"epidemic\", \"probability\": 0.3, \"year\": 2022, \(risk), \"persistence\": 0.5 }", "\"epidemic\"")],
                 .path("risks[0]"), ["expected an object"]),
            json("exclude holds text", [("\"exclude\": [2020]", "\"exclude\": [\"2020\"]")], .path("estimation.exclude[0]"), ["expected an integer"]),
            json("parameter_uncertainty as text", [("\"parameter_uncertainty\": true", "\"parameter_uncertainty\": \"yes\"")],
                 .path("model.parameter_uncertainty"), ["true or false"]),
            json("id is a number", [("{ \"id\": \"cpi\",", "{ \"id\": 7,")], .path("indicators[1].id"), ["expected a string"]),
            json("impact is text", [("\"gdp\": -1.5, \"retail\"", "\"gdp\": \"-1.5\", \"retail\"")], .path("risks[0].impact_pp.gdp"), ["expected a number"]),
            json("years of one element", [("\"years\": [2022, 2023]", "\"years\": [2023]")], .path("targets[4].years"), ["[first, last]"]),
            // Missing keys.
            json("no name", [("\"name\": \"Battery city 2022\",", "")], .path("$"), ["missing required key \"name\""]),
            json("no region", [("\"region\": \"测试市\",", "")], .path("$"), ["missing required key \"region\""]),
            json("no base_year", [("\"base_year\": 2021,", "")], .path("$"), ["missing required key \"base_year\""]),
            json("no horizon_end", [("\"horizon_end\": 2023,", "")], .path("$"), ["missing required key \"horizon_end\""]),
            json("no model", [("\"model\": { \"type\": \"ar1\", \"parameter_uncertainty\": true },", "")], .path("$"), ["missing required key \"model\""]),
            json("no simulation", [("\"simulation\": { \"paths\": 1024, \"seed\": 7 },", "")], .path("$"), ["missing required key \"simulation\""]),
            json("no confidence", [("\"confidence\": 0.8,", "")], .path("$"), ["missing required key \"confidence\""]),
            json("no target year", [("\"year\": 2022, \"at_least\": 8.2", "\"at_least\": 8.2")], .path("targets[0]"), ["missing required key \"year\""]),
            json("no bound", [("\"at_least\": 8.2, ", "")], .path("targets[0]"), ["missing the bound"]),
            json("two bounds", [("\"at_least\": 8.2", "\"at_least\": 8.2, \"at_most\": 9")], .path("targets[0]"), ["expected one bound"]),
            json("around without tolerance", [("\"around\": 11.0, \"tolerance\": 0.5", "\"around\": 11.0")], .path("targets[2]"), ["tolerance"]),
            json("judgment without sd", [(judgment, "\"mean\": 5.0")], .path("indicators[4].judgment"), ["missing required key \"sd\""]),
            json("indicator without model_on", [("{ \"id\": \"cpi\", \"model_on\": \"rate_pct\" }", "{ \"id\": \"cpi\" }")],
                 .path("indicators[1]"), ["model_on"]),
            json("seed missing", [("\"paths\": 1024, \"seed\": 7", "\"paths\": 1024")], .path("simulation"), ["missing required key \"seed\""]),
            // Unknown keys.
            json("top-level typo", [("\"confidence\": 0.8,", "\"confidance\": 0.8,")], .path("confidance"), ["did you mean \"confidence\""]),
            json("target key typo", [("\"at_least\": 8.2", "\"atleast\": 8.2")], .path("targets[0].atleast"), ["did you mean \"at_least\""]),
            json("model key typo", [("\"type\": \"ar1\",", "\"type\": \"ar1\", \"lag\": 2,")], .path("model.lag"), ["did you mean"]),
            json("risk key typo", [("\"probability\": 0.3", "\"probabilty\": 0.3")], .path("risks[0].probabilty"), ["did you mean \"probability\""]),
            // Values out of range.
            json("confidence 0", [("\"confidence\": 0.8", "\"confidence\": 0")], .path("confidence"), ["confidence in (0, 1)"]),
            json("confidence 1", [("\"confidence\": 0.8", "\"confidence\": 1")], .path("confidence"), ["confidence in (0, 1)"]),
            json("confidence 80", [("\"confidence\": 0.8", "\"confidence\": 80")], .path("confidence"), ["confidence in (0, 1)"]),
            json("probability negative", [("\"probability\": 0.3", "\"probability\": -0.1")], .path("risks[0].probability"), ["[0, 1]"]),
            json("probability 1.3", [("\"probability\": 0.3", "\"probability\": 1.3")], .path("risks[0].probability"), ["[0, 1]"]),
            json("persistence 2", [("\"persistence\": 0.5", "\"persistence\": 2")], .path("risks[0].persistence"), ["[0, 1]"]),
            json("sd zero", [(judgment, "\"mean\": 5.0, \"sd\": 0")], .path("indicators[4].judgment.sd"), ["> 0"]),
            json("sd negative", [(judgment, "\"mean\": 5.0, \"sd\": -1")], .path("indicators[4].judgment.sd"), ["> 0"]),
            json("dof 2", [("\"dof\": 6", "\"dof\": 2")], .path("shocks.dof"), ["(2, 1000]"]),
            json("dof 1e6", [("\"dof\": 6", "\"dof\": 1000000")], .path("shocks.dof"), ["(2, 1000]"]),
            json("scale zero", [("\"scale\": 1.0", "\"scale\": 0")], .path("shocks.scale"), ["(0, 10]"]),
            json("scale 1e6", [("\"scale\": 1.0", "\"scale\": 1000000")], .path("shocks.scale"), ["(0, 10]"]),
            json("paths zero", [("\"paths\": 1024", "\"paths\": 0")], .path("simulation.paths"), ["1...10^12"]),
            json("paths 1e13", [("\"paths\": 1024", "\"paths\": 10000000000000")], .path("simulation.paths"), ["1...10^12"]),
            json("seed negative", [("\"seed\": 7", "\"seed\": -1")], .path("simulation.seed"), [">= 0"]),
            json("lags zero", [("\"type\": \"ar1\", \"parameter_uncertainty\": true", "\"type\": \"var\", \"lags\": 0")], .path("model.lags"), [">= 1"]),
            json("horizon before base", [("\"horizon_end\": 2023", "\"horizon_end\": 2021")], .path("horizon_end"), ["after base_year"]),
            json("horizon of 100 years", [("\"horizon_end\": 2023", "\"horizon_end\": 2121")], .path("horizon_end"), ["at most 50"]),
            json("base_year 99999", [("\"base_year\": 2021", "\"base_year\": 99999")], .path("base_year"), ["calendar year"]),
            json("estimation from after to", [("\"from\": 2005, \"to\": 2021", "\"from\": 2021, \"to\": 2005")], .path("estimation.to"), [">= from"]),
            json("exclude outside window", [("\"exclude\": [2020]", "\"exclude\": [1999]")], .path("estimation.exclude[0]"), ["inside the window"]),
            json("estimation after base year", [("\"to\": 2021, \"exclude\"", "\"to\": 2022, \"exclude\"")], .path("estimation.to"), ["<= base_year"]),
            json("risk year outside horizon", [("\"year\": 2022, \"impact_pp\"", "\"year\": 2030, \"impact_pp\"")], .path("risks[0].year"), ["horizon"]),
            json("target year outside horizon", [(t0, t0.replacingOccurrences(of: "2022", with: "2021"))], .path("targets[0].year"), ["horizon"]),
            json("adjustment year outside", [("\"year\": 2022, \"shift_pp\"", "\"year\": 2025, \"shift_pp\"")], .path("adjustments[0].year"), ["horizon"]),
            // Conditions (what if).
            json("condition year outside", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"gdp\", \"year\": 2030, \"value\": 5 }], \"adjustments\": [")],
                 .path("conditions[0].year"), ["horizon"]),
            json("condition undeclared", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"gdq\", \"year\": 2022, \"value\": 5 }], \"adjustments\": [")],
                 .path("conditions[0].indicator"), ["not declared", "did you mean \"gdp\""]),
            json("condition between reversed", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"gdp\", \"year\": 2022, \"between\": [9, 3] }], \"adjustments\": [")],
                 .path("conditions[0].between"), ["lower < upper"]),
            json("condition without assumption", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"gdp\", \"year\": 2022 }], \"adjustments\": [")],
                 .path("conditions[0]"), ["missing the assumption"]),
            json("condition value 1e9", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"cpi\", \"year\": 2022, \"value\": 1e9 }], \"adjustments\": [")],
                 .path("conditions[0].value"), ["[-100, 100]"]),
            json("conditions disjoint", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"gdp\", \"year\": 2022, \"at_least\": 9 }, { \"indicator\": \"gdp\", \"year\": 2022, \"at_most\": 3 }], \"adjustments\": [")],
                 .path("conditions[1]"), ["do not overlap"]),
            json("condition shocks on judgment", [("\"adjustments\": [", "\"conditions\": [{ \"indicator\": \"gdp\", \"year\": 2022, \"value\": 5, \"shocks\": [\"unemployment\"] }], \"adjustments\": [")],
                 .path("conditions[0].shocks[0]"), ["no shocks"]),
            // Absurd magnitudes.
            json("impact -1e6 pp", [("\"gdp\": -1.5, \"retail\"", "\"gdp\": -1000000, \"retail\"")], .path("risks[0].impact_pp.gdp"), ["[-100, 100]"]),
            json("impacts summing to 2e300", [("\"gdp\": -1.5, \"retail\": -4.0", "\"gdp\": 1e300, \"retail\": 1e300")],
                 .path("risks[0].impact_pp.gdp"), ["[-100, 100]"]),
            json("shift 5e11", [("\"shift_pp\": 0.5", "\"shift_pp\": 500000000000")], .path("adjustments[0].shift_pp"), ["[-100, 100]"]),
            json("bound 1e308", [("\"at_least\": 8.2", "\"at_least\": 1e308")], .path("targets[0].at_least"), ["(-100, 1000]"]),
            json("growth bound -150", [("\"at_least\": 8.2", "\"at_least\": -150")], .path("targets[0].at_least"), ["(-100, 1000]"]),
            json("rate bound 500", [("\"at_most\": 3.0", "\"at_most\": 500")], .path("targets[1].at_most"), ["[-100, 100]"]),
            json("tolerance 1e9", [("\"tolerance\": 0.5", "\"tolerance\": 1000000000")], .path("targets[2].tolerance"), ["[0, 100]"]),
            json("level bound 1e13", [("\"at_least\": 340", "\"at_least\": 10000000000000")], .path("targets[3].at_least"), ["[0, 1000000000000]"]),
            json("last_level 1e20", [("\"last_level\": 301.2", "\"last_level\": 1e20")], .path("targets[3].last_level"), ["(0, 1000000000000]"]),
            json("judgment sd 1e11", [(judgment, "\"mean\": 5.0, \"sd\": 100000000000")], .path("indicators[4].judgment.sd"), ["[0, 100]"]),
            json("judgment mean 1e9", [(judgment, "\"mean\": 1000000000, \"sd\": 0.3")], .path("indicators[4].judgment.mean"), ["[-100, 100]"]),
            // References and combinations.
            json("undeclared target indicator", [(t0, t0.replacingOccurrences(of: "\"gdp\"", with: "\"gdq\""))], .path("targets[0].indicator"),
                 ["not declared", "did you mean \"gdp\""]),
            json("undeclared impact", [(risk, "\"impact_pp\": { \"gdp\": -1.5, \"fai\": -4.0 }")], .path("risks[0].impact_pp.fai"), ["not declared"]),
            json("undeclared adjustment", [("{ \"indicator\": \"gdp\", \"year\": 2022, \"shift_pp\"", "{ \"indicator\": \"exports\", \"year\": 2022, \"shift_pp\"")],
                 .path("adjustments[0].indicator"), ["not declared"]),
            json("duplicate indicator id", [("{ \"id\": \"cpi\",", "{ \"id\": \"gdp\",")], .path("indicators[1].id"), ["duplicate indicator id"]),
            json("upper-case id", [("{ \"id\": \"cpi\",", "{ \"id\": \"CPI\",")], .path("indicators[1].id"), ["lower-case"]),
            json("model_on average_growth", [("{ \"id\": \"retail\", \"model_on\": \"growth_pct\" }", "{ \"id\": \"retail\", \"model_on\": \"average_growth\" }")],
                 .path("indicators[2].model_on"), ["the measure modelled"]),
            json("unknown measure", [("\"measure\": \"level\"", "\"measure\": \"levels\"")], .path("targets[3].measure"), ["did you mean \"level\""]),
            json("unknown unit", [("\"unit\": \"亿元\"", "\"unit\": \"billion\"")], .path("indicators[3].unit"), ["billion"]),
            json("level target without unit", [("\"unit\": \"亿元\", ", "")], .path("indicators[3]"), ["missing key \"unit\""],
                 files: ["history.csv": cleanHistory.replacingOccurrences(of: "industry_revenue,2021,301.2,level,亿元,https://example.org/ir-level\n", with: "")]),
            json("percent unit on a level target", [("\"unit\": \"亿元\"", "\"unit\": \"%\"")], .path("indicators[3].unit"), ["not the unit of a level"]),
            json("unit differs from rows", [("\"unit\": \"亿元\"", "\"unit\": \"万元\"")], .path("indicators[3].unit"), ["亿元"]),
            json("lags on ar1", [("\"type\": \"ar1\",", "\"type\": \"ar1\", \"lags\": 2,")], .path("model.lags"), ["var and bvar only"]),
            json("prior on var", [("\"type\": \"ar1\",", "\"type\": \"var\", \"prior\": \"minnesota\",")], .path("model.prior"), ["bvar only"]),
            json("dof on normal", [("\"distribution\": \"student-t\", \"dof\": 6", "\"distribution\": \"normal\", \"dof\": 6")], .path("shocks.dof"), ["student-t only"]),
            json("student-t without dof", [("\"distribution\": \"student-t\", \"dof\": 6", "\"distribution\": \"student-t\"")], .path("shocks"), ["dof"]),
            json("unknown distribution", [("\"distribution\": \"student-t\"", "\"distribution\": \"cauchy\"")], .path("shocks.distribution"), ["unknown distribution"]),
            json("unknown model type", [("\"type\": \"ar1\"", "\"type\": \"arima\"")], .path("model.type"), ["unknown model type"]),
            json("log_linear_trend on growth", [("\"type\": \"ar1\"", "\"type\": \"log_linear_trend\"")], .path("model.type"), ["logarithm of a level"]),
            json("years without average_growth", [("\"measure\": \"average_growth\", ", "")], .path("targets[4].years"), ["average_growth"]),
            json("average_growth with year", [("\"years\": [2022, 2023]", "\"year\": 2023")], .path("targets[4].year"), ["years"]),
            json("last_level on a growth target", [("\"at_least\": 8.2, \"quote\": \"增长8.2%以上\"", "\"at_least\": 8.2, \"quote\": \"x\", \"last_level\": 5")],
                 .path("targets[0].last_level"), ["level"]),
            json("duplicate target", [(t0, t0 + ", " + t0)], .path("targets[1]"), ["duplicate of targets[0]"]),
            json("no history anywhere", [("\"history\": \"history.csv\",", "")], .path("indicators[0]"), ["has no history"]),
            json("history file missing", [("\"history\": \"history.csv\"", "\"history\": \"nope.csv\"")], .file("nope.csv"), ["file not found", "named at"]),
            json("history is a directory", [("\"history\": \"history.csv\"", "\"history\": \".\"")], nil, ["expected a file, found a directory"]),
            json("history path empty", [("\"history\": \"history.csv\"", "\"history\": \"\"")], .path("history"), ["expected a file path"]),
            json("indicator absent from history", [("{ \"id\": \"cpi\", \"model_on\": \"rate_pct\" }", "{ \"id\": \"ppi\", \"model_on\": \"rate_pct\" }"),
                                                  ("\"indicator\": \"cpi\"", "\"indicator\": \"ppi\"")],
                 .path("indicators[1].model_on"), ["no first-published rows for ppi"]),
            json("bad target and undeclared indicator both said", [(t0, "{ \"indicator\": \"gpd\", \"year\": 2022, \"at_least\": \"8.2%\", \"quote\": \"x\" }")],
                 .path("targets[0].indicator"), ["not declared"]),
            json("target without quote, undeclared and outside the horizon: all said",
                 [(t0, "{ \"indicator\": \"fai\", \"year\": 2025, \"at_least\": 8.2 }")], .path("targets[0].indicator"),
                 ["not declared"]).and(.path("targets[0].year")),
            json("broken scenario, broken history both said", [("\"confidence\": 0.8", "\"confidence\": 2")], .line("history.csv", 10), ["expected a finite number"],
                 files: ["history.csv": history(replacingLine: 10, with: "gdp,2007,abc,growth_pct,%,https://example.org/gdp")]),
        ]
    }

    // MARK: - History CSV

    static var historyCases: [Case] {
        [
            csv("missing value column", cleanHistory.replacingOccurrences(of: historyHeader, with: "indicator,year,measure,unit,source"),
                .line("history.csv", 1), ["missing required column \"value\""]),
            csv("unknown column", cleanHistory.replacingOccurrences(of: historyHeader, with: historyHeader + ",note"), .line("history.csv", 1), ["unknown column"]),
            csv("misspelt column", cleanHistory.replacingOccurrences(of: "measure,unit", with: "measur,unit"), .line("history.csv", 1), ["did you mean \"measure\""]),
            csv("column twice", cleanHistory.replacingOccurrences(of: historyHeader, with: historyHeader + ",year"), .line("history.csv", 1), ["appears twice"]),
            csv("empty file", "", .file("history.csv"), ["empty"]),
            csv("header only", historyHeader + "\n", .file("history.csv"), ["no data rows"]),
            csv("too many fields", history(replacingLine: 10, with: "gdp,2007,8,8,growth_pct,%,src"), .line("history.csv", 10), ["expected 6 fields"]),
            csv("too few fields", history(replacingLine: 10, with: "gdp,2007,8.8,growth_pct"), .line("history.csv", 10), ["expected 6 fields"]),
            csv("unterminated quote", history(replacingLine: 10, with: "gdp,2007,\"8.8,growth_pct,%,src"), .someLine("history.csv"), ["unterminated"]),
            csv("year not a number", history(replacingLine: 10, with: "gdp,20x7,8.8,growth_pct,%,src"), .line("history.csv", 10), ["expected an integer"]),
            csv("year with decimals", history(replacingLine: 10, with: "gdp,2007.0,8.8,growth_pct,%,src"), .line("history.csv", 10), ["expected an integer"]),
            csv("year 1700", history(replacingLine: 10, with: "gdp,1700,8.8,growth_pct,%,src"), .line("history.csv", 10), ["calendar year"]),
            csv("value with percent", history(replacingLine: 10, with: "gdp,2007,8.8%,growth_pct,%,src"), .line("history.csv", 10), ["finite number"]),
            csv("decimal comma", history(replacingLine: 10, with: "gdp,2007,\"8,8\",growth_pct,%,src"), .line("history.csv", 10), ["finite number"]),
            csv("value nan", history(replacingLine: 10, with: "gdp,2007,nan,growth_pct,%,src"), .line("history.csv", 10), ["finite number"]),
            csv("value inf", history(replacingLine: 10, with: "gdp,2007,inf,growth_pct,%,src"), .line("history.csv", 10), ["finite number"]),
            csv("value 1e308", history(replacingLine: 10, with: "gdp,2007,1e308,growth_pct,%,src"), .line("history.csv", 10), ["(-100, 1000]"]),
            csv("growth 1,000,000%", history(replacingLine: 10, with: "gdp,2007,1000000,growth_pct,%,src"), .line("history.csv", 10), ["(-100, 1000]"]),
            csv("growth -150%", history(replacingLine: 10, with: "gdp,2007,-150,growth_pct,%,src"), .line("history.csv", 10), ["(-100, 1000]"]),
            csv("rate 150%", history(replacingLine: 11, with: "cpi,2007,150,rate_pct,%,src"), .line("history.csv", 11), ["[-100, 100]"]),
            csv("negative level", history(appending: ["industry_revenue,2020,-5,level,亿元,src"]), .line("history.csv", 71), ["[0, 1000000000000]"]),
            csv("unknown measure", history(replacingLine: 10, with: "gdp,2007,8.8,growth,%,src"), .line("history.csv", 10), ["unknown measure"]),
            csv("average_growth in history", history(replacingLine: 10, with: "gdp,2007,8.8,average_growth,%,src"), .line("history.csv", 10), ["measure"]),
            csv("money unit on growth", history(replacingLine: 10, with: "gdp,2007,8.8,growth_pct,亿元,src"), .line("history.csv", 10), ["expected \"%\""]),
            csv("unknown level unit", history(appending: ["industry_revenue,2020,290,level,billion,src"]), .line("history.csv", 71), ["unknown unit"]),
            csv("unknown basis", cleanHistory.replacingOccurrences(of: historyHeader, with: historyHeader + ",basis")
                    .replacingOccurrences(of: "https://example.org/gdp\n", with: "https://example.org/gdp,\n")
                    .replacingOccurrences(of: "https://example.org/cpi\n", with: "https://example.org/cpi,\n")
                    .replacingOccurrences(of: "https://example.org/retail\n", with: "https://example.org/retail,\n")
                    .replacingOccurrences(of: "https://example.org/ir\n", with: "https://example.org/ir,\n")
                    .replacingOccurrences(of: "https://example.org/ir-level\n", with: "https://example.org/ir-level,final\n"),
                .line("history.csv", 70), ["unknown basis"]),
            csv("duplicate row", history(appending: ["gdp,2007,9.9,growth_pct,%,src"]), .line("history.csv", 71), ["duplicate row"]),
            csv("unit changes", history(appending: ["industry_revenue,2020,290,level,万元,src"]), .line("history.csv", 71), ["亿元"]),
            csv("upper-case indicator", history(replacingLine: 10, with: "GDP,2007,8.8,growth_pct,%,src"), .line("history.csv", 10), ["indicator id"]),
            csv("empty indicator", history(replacingLine: 10, with: ",2007,8.8,growth_pct,%,src"), .line("history.csv", 10), ["empty field"]),
            csv("empty source", history(replacingLine: 10, with: "gdp,2007,8.8,growth_pct,%,"), .line("history.csv", 10), ["empty field"]),
            csv("empty value", history(replacingLine: 10, with: "gdp,2007,,growth_pct,%,src"), .line("history.csv", 10), ["empty field"]),
            csv("thousands separator", history(appending: ["industry_revenue,2020,\"1,290\",level,亿元,src"]), .line("history.csv", 71), ["thousands separator"]),
            binary(.historyCSV, "not UTF-8 (GBK)", "history.csv",
                   Array((historyHeader + "\ngdp,2007,8.8,growth_pct,%,").utf8) + [0xB9, 0xFA, 0xBC, 0xD2] + [0x0A],
                   .line("history.csv", 2), ["not UTF-8"]),
            csv("revised rows only", cleanHistory.replacingOccurrences(of: historyHeader, with: historyHeader + ",basis")
                    .replacingOccurrences(of: "https://example.org/gdp\n", with: "https://example.org/gdp,revised\n")
                    .replacingOccurrences(of: "https://example.org/cpi\n", with: "https://example.org/cpi,\n")
                    .replacingOccurrences(of: "https://example.org/retail\n", with: "https://example.org/retail,\n")
                    .replacingOccurrences(of: "https://example.org/ir\n", with: "https://example.org/ir,\n")
                    .replacingOccurrences(of: "https://example.org/ir-level\n", with: "https://example.org/ir-level,\n"),
                .path("indicators[0].model_on"), ["revised", "first-published"]).scenarioProblem(),
            csv("a second header", history(appending: [historyHeader]), .line("history.csv", 71), ["expected an integer"]),
            csv("tab separated", cleanHistory.replacingOccurrences(of: ",", with: "\t"), .line("history.csv", 1), ["missing required column"]),
            csv("semicolon separated", cleanHistory.replacingOccurrences(of: ",", with: ";"), .line("history.csv", 1), ["missing required column"]),
        ]
    }

    // MARK: - Targets CSV

    static var targetsCases: [Case] {
        [
            targetsCSV("unknown bound", targets(replacingLine: 2, with: "gdp,2019,growth_pct,above,6.5,,q,,s"), .line("targets.csv", 2), ["unknown bound"]),
            targetsCSV("around without tolerance", targets(replacingLine: 5, with: "retail,2021,growth_pct,around,10,,q,,s"), .line("targets.csv", 5), ["tolerance"]),
            targetsCSV("negative tolerance", targets(replacingLine: 5, with: "retail,2021,growth_pct,around,10,-1,q,,s"), .line("targets.csv", 5), [">= 0"]),
            targetsCSV("tolerance on at_least", targets(replacingLine: 2, with: "gdp,2019,growth_pct,at_least,6.5,0.5,q,,s"), .line("targets.csv", 2), ["around"]),
            targetsCSV("value with percent", targets(replacingLine: 2, with: "gdp,2019,growth_pct,at_least,6.5%,,q,,s"), .line("targets.csv", 2), ["finite number"]),
            targetsCSV("duplicate row", targets(replacingLine: 3, with: "gdp,2019,growth_pct,at_least,7,,q,,s"), .line("targets.csv", 3), ["duplicate row"]),
            targetsCSV("year not a number", targets(replacingLine: 2, with: "gdp,twenty,growth_pct,at_least,6.5,,q,,s"), .line("targets.csv", 2), ["integer"]),
            targetsCSV("year 3000", targets(replacingLine: 2, with: "gdp,3000,growth_pct,at_least,6.5,,q,,s"), .line("targets.csv", 2), ["calendar year"]),
            targetsCSV("unknown measure", targets(replacingLine: 2, with: "gdp,2019,growth,at_least,6.5,,q,,s"), .line("targets.csv", 2), ["unknown measure"]),
            targetsCSV("growth bound 1e9", targets(replacingLine: 2, with: "gdp,2019,growth_pct,at_least,1000000000,,q,,s"), .line("targets.csv", 2), ["(-100, 1000]"]),
            targetsCSV("rate bound -500", targets(replacingLine: 4, with: "cpi,2020,rate_pct,at_most,-500,,q,,s"), .line("targets.csv", 4), ["[-100, 100]"]),
            targetsCSV("tolerance 1e6", targets(replacingLine: 5, with: "retail,2021,growth_pct,around,10,1000000,q,,s"), .line("targets.csv", 5), ["[0, 100]"]),
            targetsCSV("missing column", cleanTargets.replacingOccurrences(of: ",reading,source", with: ",source")
                    .replacingOccurrences(of: ",,https", with: ",https"), .line("targets.csv", 1), ["reading"]),
            targetsCSV("too many fields", targets(replacingLine: 2, with: "gdp,2019,growth_pct,at_least,6.5,,q,,s,extra"), .line("targets.csv", 2), ["fields"]),
            targetsCSV("empty file", "", .file("targets.csv"), ["empty"]),
            targetsCSV("empty indicator", targets(replacingLine: 2, with: ",2019,growth_pct,at_least,6.5,,q,,s"), .line("targets.csv", 2), ["empty field"]),
        ]
    }

    // MARK: - Command line

    static var flagCases: [Case] {
        [
            flags("paths -1", ["simulate", "$S", "--paths", "-1", "--out", "$OUT"], status: 64, .names("--paths"), ["-1"]),
            flags("paths 0", ["simulate", "$S", "--paths", "0", "--out", "$OUT"], status: 64, .names("--paths"), ["10^12"]),
            flags("paths abc", ["simulate", "$S", "--paths", "abc", "--out", "$OUT"], status: 64, .names("--paths"), ["abc"]),
            flags("paths 1e13 in exponent form", ["simulate", "$S", "--paths", "1e13", "--out", "$OUT"], status: 64, .names("--paths"), ["10^12", "1e13"]),
            flags("paths 2.5 (not whole)", ["simulate", "$S", "--paths", "2.5", "--out", "$OUT"], status: 64, .names("--paths"), ["2.5"]),
            flags("paths 1e400", ["simulate", "$S", "--paths", "1e400", "--out", "$OUT"], status: 64, .names("--paths"), ["1e400"]),
            flags("paths beyond 10^12", ["simulate", "$S", "--paths", "10000000000000", "--out", "$OUT"], status: 64, .names("--paths"), ["10^12"]),
            flags("paths Int.max", ["simulate", "$S", "--paths", "9223372036854775807", "--out", "$OUT"], status: 64, .names("--paths"), ["10^12"]),
            flags("paths missing its value", ["simulate", "$S", "--out", "$OUT", "--paths"], status: 64, .names("--paths"), []),
            flags("threads 0", ["simulate", "$S", "--threads", "0", "--out", "$OUT"], status: 64, .names("--threads"), ["0"]),
            flags("threads -1", ["simulate", "$S", "--threads", "-1", "--out", "$OUT"], status: 64, .names("--threads"), ["-1"]),
            flags("threads 5000", ["simulate", "$S", "--threads", "5000", "--out", "$OUT"], status: 64, .names("--threads"), ["5000"]),
            flags("seed -1", ["simulate", "$S", "--seed", "-1", "--out", "$OUT"], status: 64, .names("--seed"), ["-1"]),
            flags("seed abc", ["simulate", "$S", "--seed", "abc", "--out", "$OUT"], status: 64, .names("--seed"), ["abc"]),
            flags("seed 2^64", ["simulate", "$S", "--seed", "18446744073709551616", "--out", "$OUT"], status: 64, .names("--seed"), []),
            flags("unknown option", ["simulate", "$S", "--path", "1024", "--out", "$OUT"], status: 64, .names("--path"), []),
            flags("no scenario", ["simulate", "--out", "$OUT"], status: 64, .names("scenario"), []),
            flags("unknown command", ["simulat", "$S"], status: 64, .names("simulat"), []),
            flags("compare with one scenario", ["compare", "$S"], status: 64, .names("two scenario"), []),
            flags("validate with no file", ["validate"], status: 64, .names("files"), []),
            flags("fit format xml", ["fit", "$S", "--format", "xml"], status: 64, .names("--format"), ["xml"]),
            flags("out is empty", ["simulate", "$S", "--out", ""], status: 64, .names("--out"), []),
            flags("out below a file", ["simulate", "$S", "--out", "$D/history.csv/out"], status: 73, .names("history.csv/out"), ["cannot write"]),
            flags("out is a file", ["simulate", "$S", "--out", "$D/history.csv"], status: 73, .names("history.csv"), ["cannot write"]),
            flags("scenario missing", ["simulate", "$D/none.json", "--out", "$OUT"], status: 2, .file("none.json"), ["file not found"]),
            flags("scenario is a CSV", ["simulate", "$H", "--out", "$OUT"], status: 2, .someLine("history.csv"), ["not valid JSON"]),
            flags("scenario is a directory", ["simulate", "$D", "--out", "$OUT"], status: 2, .names("directory"), []),
            flags("validate a .txt", ["validate", "$D/notes.txt"], status: 2, .file("notes.txt"), [".txt"], files: ["notes.txt": "hello\n"]),
            flags("backtest without backtest section", ["backtest", "$S", "--out", "$OUT"], status: 2, .file("scenario.json"), ["no \"backtest\" section"]),
            flags("no indicator can be fitted", ["simulate", "$S", "--out", "$OUT"], status: 1, .file("scenario.json"), ["could not be fitted", fitNeeds],
                  files: ["scenario.json": scenario([("\"from\": 2005, \"to\": 2021, \"exclude\": [2020]", "\"from\": 2018, \"to\": 2021, \"exclude\": [2020]")])]),
        ]
    }

    // MARK: - Warnings

    static var warningCases: [Case] {
        let twoYears = cleanHistory.components(separatedBy: "\n").filter { !$0.hasPrefix("retail,") || $0.hasPrefix("retail,2019") || $0.hasPrefix("retail,2021") }
            .joined(separator: "\n")
        return [
            warning("target on an indicator with too little history", [], .path("targets[2]"), ["will not be evaluated", "retail has 0 pairs", fitNeeds],
                    history: twoYears),
            warning("indicator without target with too little history",
                    [("{ \"indicator\": \"retail\", \"year\": 2022, \"around\": 11.0, \"tolerance\": 0.5, \"quote\": \"增长11%左右\" },", ""),
                     ("\"gdp\": -1.5, \"retail\": -4.0", "\"gdp\": -1.5")],
                    .path("indicators[2]"), ["not modelled"], history: twoYears),
            warning("proxy through history_region", [("{ \"id\": \"cpi\", \"model_on\": \"rate_pct\" }", "{ \"id\": \"cpi\", \"model_on\": \"rate_pct\", \"history_region\": \"测试省\" }")],
                    .path("indicators[1].history_region"), ["proxy", "测试省"]),
            warning("proxy through history_proxy", [("\"history\": \"history.csv\",", "\"history\": \"history.csv\", \"history_proxy\": { \"region\": \"测试省\", \"note\": \"n\" },")],
                    .path("history_proxy"), ["proxy", "测试省"]),
            warning("proxy through an indicator's history file",
                    [("{ \"id\": \"cpi\", \"model_on\": \"rate_pct\" }", "{ \"id\": \"cpi\", \"model_on\": \"rate_pct\", \"history\": \"other.csv\", \"history_region\": \"全国\" }")],
                    .path("indicators[1].history_region"), ["全国"]).with(file: "other.csv", cleanHistory),
            warning("VAR with 10 lags falls back", [("\"type\": \"ar1\",", "\"type\": \"var\", \"lags\": 10,")], .path("model.type"), ["fell back"]),
            warning("real growth on a nominal level", [("\"unit\": \"亿元\", \"growth_prices\": \"current\"", "\"unit\": \"亿元\"")], .path("targets[3]"), ["growth_prices"]),
            warning("comparable prices on a nominal level", [("\"growth_prices\": \"current\"", "\"growth_prices\": \"comparable\"")], .path("targets[3]"), ["comparable prices"]),
            warning("level target without a base level", [(", \"last_level\": 301.2", "")],
                    .path("targets[3]"), ["not in its history"]).with(file: "history.csv",
                        cleanHistory.replacingOccurrences(of: "industry_revenue,2021,301.2,level,亿元,https://example.org/ir-level\n", with: "")),
            warning("level only revised", [(", \"last_level\": 301.2", "")], .path("targets[3]"), ["only as a revised figure"]).with(file: "history.csv",
                cleanHistory.replacingOccurrences(of: historyHeader, with: historyHeader + ",basis")
                    .replacingOccurrences(of: "\n", with: ",\n").replacingOccurrences(of: historyHeader + ",basis,", with: historyHeader + ",basis")
                    .replacingOccurrences(of: "ir-level,\n", with: "ir-level,revised\n")),
            warning("risk impact on a level-modelled indicator",
                    [("{ \"id\": \"retail\", \"model_on\": \"growth_pct\" }", "{ \"id\": \"retail\", \"model_on\": \"level\", \"unit\": \"亿元\" }"),
                     ("\"around\": 11.0, \"tolerance\": 0.5", "\"measure\": \"level\", \"around\": 11.0, \"tolerance\": 0.5")],
                    .path("risks[0].impact_pp.retail"), ["ignored"]).with(file: "history.csv", history(appending: ["retail,2020,4000,level,亿元,src"])),
            warning("adjustment on an unmodelled indicator",
                    [("{ \"indicator\": \"gdp\", \"year\": 2022, \"shift_pp\"", "{ \"indicator\": \"retail\", \"year\": 2022, \"shift_pp\""),
                     ("\"around\": 11.0, \"tolerance\": 0.5, \"quote\": \"增长11%左右\" },", "\"around\": 11.0, \"tolerance\": 0.5, \"quote\": \"增长11%左右\" },")],
                    .path("adjustments[0]"), ["ignored"], history: twoYears),
        ]
    }
}

extension InputBattery {
    /// The README's minimum of data, as every message states it.
    static let fitNeeds = "a fit needs at least 4 pairs of consecutive observed years (README: Minimum data)"

    /// A case whose file `name` holds raw bytes (not UTF-8).
    static func binary(_ category: Category, _ caseName: String, _ name: String, _ bytes: [UInt8], _ place: Place, _ words: [String]) -> Case {
        var files = ["scenario.json": cleanScenario, "history.csv": cleanHistory, "targets.csv": cleanTargets]
        files[name] = nil
        return Case(category: category, name: caseName, arguments: simulate, files: files, status: 2, place: place, words: words,
                    validateAgrees: true, binary: [name: bytes])
    }
}

extension InputBattery.Case {
    /// The same case with one more (or another) file.
    func with(file name: String, _ text: String) -> Self {
        var c = self
        c.files[name] = text
        return c
    }

    /// The same case, whose message must also name `place`.
    func and(_ place: InputBattery.Place) -> Self {
        var c = self
        c.alsoPlaces.append(place)
        return c
    }

    /// A history case whose problem is reported on the scenario (validating the CSV alone is clean).
    func scenarioProblem() -> Self {
        var c = self
        c.validateAgrees = false
        return c
    }
}
