import Scenario
import Simulation

/// The words and cells of a what-if run's conditions, shared by the Markdown, CSV, JSON and
/// HTML renderings: which conditions hold, how they were imposed, and the unconditional P(met)
/// beside the conditional one.
enum ConditionText {
    /// "| conditions" after "P(met" in the Markdown headers (the bar escaped for the table).
    static let given = "\\| conditions"
    static let withoutHeader = "P(met) without conditions"

    /// A probability with the digits its standard error supports.
    static func percent(_ p: ProbabilityEstimate) -> String {
        NumberFormat.percent(p.value, standardError: p.standardError, paths: p.paths)
    }

    /// The unconditional P(met) of target `index`, or "" when it was not evaluated.
    static func unconditionalCell(_ c: ConditioningSummary, target index: Int) -> String {
        index < c.unconditional.count ? c.unconditional[index].map(percent) ?? "" : ""
    }

    static func unconditionalJointCell(_ c: ConditioningSummary, year: Int) -> String {
        c.unconditionalJoint.first { $0.year == year }.map { percent($0.all) } ?? ""
    }

    /// Whether and how each condition holds on the paths.
    static func status(_ condition: Condition, _ c: ConditioningSummary) -> String {
        if c.ignored.contains(condition) { return "ignored (not simulated)" }
        if condition.isHard {
            let moved = condition.shocks.map { "shocks of " + $0.joined(separator: ", ") } ?? "all shocks"
            return (c.failedDraws == 0 ? "holds on every path" : "holds on every path but those of \(c.failedDraws) parameter draws")
                + " (hard; \(moved) may move)"
        }
        return (c.failedDraws == 0 ? "holds on every path" : "holds on every path but those of \(c.failedDraws) parameter draws whose shocks could not reach the range")
            + " (soft" + (c.emptyBlocks == 0 ? ")"
            : "; \(c.emptyBlocks) blocks, whose parameter draw left no path inside, moved to the range's edge)")
    }

    /// The soft event's probability under the model and the effective sample size.
    static func softText(_ c: ConditioningSummary) -> String? {
        guard let p = c.eventProbability, let inside = c.softInside, let paths = c.softPaths else { return nil }
        return "the soft conditions hold on \(NumberFormat.fixed(100 * p, 1))% of the model's paths: effective sample size "
            + "\(MarkdownReport.grouped(inside)) of \(MarkdownReport.grouped(paths)) paths"
    }

    static let calibrationText = "the unconditional run's calibration shifts are applied to the conditional paths too (a condition changes the scenario, not the correction learned on past targets); a hard condition fixes its indicator-year after the shift"
    static let readingsText = "The model P(met), anchored P(met) and shifts in the readings table are the unconditional run's"

    /// The header lines of the Markdown tables.
    static func headerLines(_ c: ConditioningSummary, run: ScenarioRun) -> [String] {
        var lines = ["- **Conditions (what if)**: " + c.conditions.map { "\($0.text) — \(status($0, c))" }.joined(separator: "; ")
                     + ". Every number below is conditional on them; P(met) without them (the same scenario, seed and paths) is beside"]
        lines.append("- How: \(ConditioningSummary.method)" + (softText(c).map { "; \($0)" } ?? ""))
        if run.calibration != nil {
            lines.append("- Calibration with conditions: \(calibrationText). \(readingsText)")
        }
        return lines
    }

    /// The page's box of conditions (empty for an unconditional run): each condition, whether
    /// it holds, how it was imposed.
    static func page(_ run: ScenarioRun) -> String {
        guard let c = run.conditioning else { return "" }
        let items = c.conditions.map { d in
            PageHTML.element("li", html: PageHTML.element("strong", text: d.text) + " — " + PageHTML.escape(status(d, c))
                + (d.reason.map { " " + PageHTML.element("span", ["class": "small muted"], text: $0) } ?? ""))
        }.joined()
        var text = "<div class=\"proxy conditions\"><strong>假设条件 What if.</strong> Every number on this page is conditional on:<ul>"
            + items + "</ul>" + PageHTML.element("p", ["class": "small"], text: "P(met) without the conditions (same scenario, seed and paths) is in the table of targets. How: \(ConditioningSummary.method)" + (softText(c).map { "; \($0)" } ?? "") + ".")
        if run.calibration != nil {
            text += PageHTML.element("p", ["class": "small"], text: "Calibration with conditions: \(calibrationText). \(readingsText).")
        }
        return text + "</div>"
    }
}
