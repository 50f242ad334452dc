import Foundation

/// One cell of a `forecast fit` table: a number, a word, or a value that is not available
/// together with the reason (never a bare NaN or infinity).
public enum FitCell: Sendable, Equatable {
    case number(Double)
    case text(String)
    case notAvailable(String)

    /// `x` as a number when finite, else "n/a" with `reason`.
    public static func value(_ x: Double, ifNotFinite reason: String) -> FitCell {
        x.isFinite ? .number(x) : .notAvailable(reason)
    }

    /// The cell as printed: numbers with 4 significant digits ("%.4g", `-0` as `0`), a value
    /// that is not available as "n/a (reason)".
    public var text: String {
        switch self {
        case .number(let x):
            let s = String(format: "%.4g", x)
            return s == "-0" ? "0" : s
        case .text(let s): return s
        case .notAvailable(let reason): return "n/a (\(reason))"
        }
    }
}

/// A table of one section of a model's fit: named rows by named columns.
public struct FitTable: Sendable {
    /// Machine name of the section (the `section` column of the CSV), e.g. "coefficients".
    public var section: String
    /// Heading in the Markdown output.
    public var title: String
    /// What the numbers are (units, definitions), printed under the heading.
    public var caption: String
    /// Heading of the row labels, e.g. "regressor" or "indicator".
    public var rowHeading: String
    public var columns: [String]
    public var rows: [(name: String, cells: [FitCell])]

    public init(section: String, title: String, caption: String, rowHeading: String, columns: [String],
                rows: [(name: String, cells: [FitCell])]) {
        self.section = section
        self.title = title
        self.caption = caption
        self.rowHeading = rowHeading
        self.columns = columns
        self.rows = rows
    }
}

/// One candidate model's section of `forecast fit`: its tables, or why it could not be fitted.
public struct FitModelSection: Sendable {
    /// Short name, e.g. "BVAR(1)" (the `model` column of the CSV).
    public var name: String
    /// True for the model the scenario's simulation runs (after any fallback).
    public var isScenarioModel: Bool
    /// The fitted model's one-line summary, or nil when it could not be fitted.
    public var summary: String?
    /// Why the model could not be fitted on this panel (the `ModelError` text), or nil.
    public var failure: String?
    /// The model's notes (regularisation, repairs, warnings) and the backtest's skipped origins.
    public var notes: [String]
    public var tables: [FitTable]
}

/// Everything `forecast fit` prints: the scenario's plan and one section per candidate model.
public struct FitReport: Sendable {
    public var scenario: String
    public var region: String
    /// Summary of the model the scenario runs, or why it could not be fitted.
    public var scenarioModel: String
    /// The plan's notes: indicators left out, excluded years, the model chosen or the fallback.
    public var planNotes: [String]
    public var estimationWindow: String
    public var excludedYears: [Int]
    public var modelledIndicators: [String]
    /// The proxy-history statement, when the scenario uses another region's history.
    public var proxyHistory: String?
    public var models: [FitModelSection]
    /// True when the scenario's own model (and its fallback) could not be fitted.
    public var scenarioModelFailed: Bool
}
