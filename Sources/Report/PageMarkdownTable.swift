extension PageHTML {
    /// The Markdown table of the section whose heading starts with `section`, as an HTML table;
    /// one of more than eight columns scrolls sideways on a screen instead of being cut off.
    static func table(markdown: String, section: String) -> String {
        guard let part = markdown.components(separatedBy: "\n## ").first(where: { $0.hasPrefix(section) }) else { return "" }
        let lines = part.split(separator: "\n").filter { $0.hasPrefix("|") }
        guard lines.count > 2 else { return "" }
        let split = { (line: Substring) -> [String] in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\|", with: "|") }
        }
        let headers = split(lines[0]).map(PageHTML.escape)
        // The first column names the row (left-aligned); the others hold numbers.
        let rows = lines.dropFirst(2).map { split($0).enumerated().map { k, v in k == 0 ? PageHTML.cell(v) : PageHTML.cell(v, ["class": "num"]) } }
        let html = table(headers: headers, rows: Array(rows), class: "data from-markdown")
        return headers.count > 8 ? "<div class=\"scroll\">" + html + "</div>" : html
    }
}
