import Simulation

/// The data provenance table of the scenario page: per indicator, whose history it is (the
/// region's own or a named proxy), the file, the first-published years it holds up to the
/// origin, the years the estimation used and those it left out (stated in the scenario or by
/// its outlier rule), and the run's notes about that indicator's data (gaps, a state carried
/// forward, why it is not modelled).
enum PageProvenance {
    static func render(_ run: ScenarioRun, histories: [IndicatorHistory]) -> String {
        let rows = histories.map { h -> [String] in
            let indicator = run.scenario.indicator(h.id)
            let name = PageHTML.element("strong", text: indicator?.name?.zh ?? h.id) + " "
                + PageHTML.element("span", ["class": "small muted"], text: h.id)
            guard h.judgment == nil else {
                return [PageHTML.cell(html: name), PageHTML.cell("judgment (no usable history; see above)", ["colspan": "6"])]
            }
            let region = h.isProxy
                ? PageHTML.element("strong", text: h.region) + "<br/>" + PageHTML.element("span", ["class": "small"], html: PageHTML.bilingual(zh: "代理", en: "proxy"))
                : PageHTML.escape(h.region) + "<br/>" + PageHTML.element("span", ["class": "small"], html: PageHTML.bilingual(zh: "本地", en: "own"))
            let notes = run.notes.filter { ($0.hasPrefix(h.id + ": ") || $0.hasPrefix(h.id + " ")) && !$0.contains("parameter draws") }
                .map { String($0.dropFirst($0.hasPrefix(h.id + ": ") ? h.id.count + 2 : 0)) }
            return [PageHTML.cell(html: name), PageHTML.cell(html: region), PageHTML.cell(h.file ?? "", ["class": "small wrap"]),
                    PageHTML.cell(IndicatorHistory.spans(h.observed.map(\.year))), PageHTML.cell(IndicatorHistory.spans(h.used)),
                    PageHTML.cell(IndicatorHistory.spans(h.excluded)), PageHTML.cell(notes.joined(separator: "; "), ["class": "small"])]
        }
        return PageHTML.table(headers: ["指标 <span class=\"en\">Indicator</span>", "历史 <span class=\"en\">History of</span>",
                                        "文件 <span class=\"en\">File</span>", "首次公布年份 <span class=\"en\">First-published years</span>",
                                        "用于估计 <span class=\"en\">Years used</span>", "排除 <span class=\"en\">Left out</span>",
                                        "说明 <span class=\"en\">Notes</span>"],
                              rows: rows, class: "data provenance")
    }
}
