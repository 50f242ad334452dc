import Scenario
import Simulation

/// report.html: one self-contained page (UTF-8, no external script, font or style sheet) with
/// the scenario's header (name, model, proxy statement), the P(target met) chart and one fan
/// chart per simulated indicator, as inline SVG.
///
/// Probabilities are fractions drawn as percentages, growth and rates in percent. The page
/// holds no date and formats every number with fixed decimals: the same run gives the same
/// bytes.
public enum FanChartPage {
    public static func render(_ run: ScenarioRun) -> String {
        let s = run.scenario
        let e = SVG.escape
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"zh-CN\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<title>\(e(s.name))</title>",
            "<style>" + style + "</style>",
            "</head>",
            "<body>",
            "<h1>\(e(s.name))</h1>",
            "<p class=\"meta\">Region: \(e(s.region)) · base year \(s.baseYear) · simulated \(run.origin + 1)-\(s.horizonEnd)"
                + " · confidence \(MarkdownReport.percentText(s.confidence)) · \(MarkdownReport.grouped(run.paths)) paths · seed \(run.seed)</p>",
            "<p>Model: \(e(run.modelSummary))</p>",
        ]
        if let proxy = s.historyProxy {
            html.append("<p class=\"proxy\"><strong>Proxy history.</strong> \(e(s.region))'s own history is not used: "
                + "\(e(proxy.region))'s stands in for it. \(e(proxy.note))</p>")
        }
        if !run.warnings.isEmpty {
            html.append("<div class=\"proxy\"><strong>Warnings.</strong> Read these before the numbers:<ul>"
                + run.warnings.map { "<li>\(e($0.path)): \(e($0.message))</li>" }.joined() + "</ul></div>")
        }
        html.append("<h2>P(target met)</h2>")
        html.append("<p class=\"meta\">Bar: P(met); black line: its 95% Monte Carlo interval; dashed red mark: the "
            + "scenario's confidence (green bars reach it). Hover a bar or a gap for details.</p>")
        html.append("<figure>" + FanChartBars.render(run) + "</figure>")
        html.append("<h2>Fan charts (percent)</h2>")
        for (v, id) in run.variables.enumerated() {
            html.append("<section class=\"fan\" id=\"fan-\(e(id))\">")
            let proxy = s.indicator(id).flatMap(s.proxyRegion(for:)).map { " (history: \($0)'s, a proxy)" } ?? ""
            html.append("<h3>\(e(id)) \(e(name(of: s.indicator(id))))\(e(proxy))</h3>")
            html.append("<figure>" + FanChartFan.render(run, variable: v) + "</figure>")
            html.append("</section>")
        }
        if !run.notes.isEmpty {
            html.append("<h2>Notes</h2>")
            html.append("<ul>" + run.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        }
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// The indicator's Chinese name, else its English name, else its id.
    static func name(of indicator: Indicator?) -> String {
        indicator?.name?.zh ?? indicator?.name?.en ?? indicator?.id ?? ""
    }

    static let style = "body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
        + ".meta{color:#555;font-size:.92em}.proxy{background:#fff6e0;border-left:4px solid #e0a020;padding:.6em .9em}"
        + "figure{margin:.5em 0 1.5em}svg{max-width:100%;height:auto}h3{margin-bottom:.2em}"
}
