/// The HTML of the report pages (report.html of `simulate`, `compare` and `backtest`): a page
/// shell with its style sheet inline, and escaped elements and tables.
///
/// Pages are self-contained (no script, font, image or style sheet is fetched: the only URLs
/// are SVG's namespace and sources cited as text) and written so that they are well-formed
/// XML as well as HTML5: every element is closed, void elements end in `/>`, attribute values
/// are quoted and escaped. Text and attribute values go through `SVG.escape`; a function whose
/// argument is named `html` takes markup that is already safe.
enum PageHTML {
    static func escape(_ text: String) -> String { SVG.escape(text) }

    /// A whole page: `<!DOCTYPE html>`, the head (UTF-8, title, style sheet), `body` (markup).
    static func document(title: String, body: [String]) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"zh-CN\" xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(escape(title))</title>",
            "<style>" + PageStyle.css + "</style>",
            "</head>",
            "<body>",
        ]
        lines += body
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `<name attributes>html</name>`.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], html: String) -> String {
        "<\(name)" + attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined() + ">" + html + "</\(name)>"
    }

    /// `<name attributes>text</name>`, the text escaped.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> String {
        element(name, attributes, html: escape(text))
    }

    /// A heading in Chinese with its English beside, e.g. "摘要 Summary".
    static func heading(_ level: Int, zh: String, en: String, id: String? = nil) -> String {
        let attributes: KeyValuePairs<String, String> = id.map { ["id": $0] } ?? [:]
        return element("h\(level)", attributes, html: escape(zh) + " " + element("span", ["class": "en"], text: en))
    }

    /// Bilingual text: Chinese, then English in a lighter span.
    static func bilingual(zh: String, en: String) -> String {
        escape(zh) + " " + element("span", ["class": "en"], text: en)
    }

    /// A table: header cells and rows of cells, each cell markup (`html`). `rowAttributes`
    /// gives each body row's attributes (class, data-*), by row index.
    static func table(headers: [String], rows: [[String]], class name: String = "data",
                      rowAttributes: (Int) -> [(String, String)] = { _ in [] }) -> String {
        var out = "<table class=\"\(escape(name))\"><thead><tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for (i, row) in rows.enumerated() {
            let attributes = rowAttributes(i).map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
            out += "\n<tr\(attributes)>" + row.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// A table cell (`td`) holding markup, with optional attributes (class, colspan, data-*).
    static func cell(html: String, _ attributes: KeyValuePairs<String, String> = [:]) -> String {
        element("td", attributes, html: html)
    }

    /// A table cell holding escaped text.
    static func cell(_ text: String, _ attributes: KeyValuePairs<String, String> = [:]) -> String {
        element("td", attributes, text: text)
    }

    /// The two-column summary of a page: each row Chinese markup, then English markup beside it.
    static func summary(_ rows: [(zh: String, en: String)]) -> String {
        "<table class=\"summary\"><tbody>\n" + rows.map { "<tr><td class=\"zh\">\($0.zh)</td><td class=\"en\">\($0.en)</td></tr>" }
            .joined(separator: "\n") + "\n</tbody></table>"
    }

    /// A bulleted list of escaped text items.
    static func list(_ items: [String], class name: String? = nil) -> String {
        let attributes: KeyValuePairs<String, String> = name.map { ["class": $0] } ?? [:]
        return element("ul", attributes, html: items.map { element("li", text: $0) }.joined())
    }

    /// Markdown bullet lines ("- text", with `**bold**`) as escaped list items: the pages
    /// repeat the Markdown header's details without a second copy of their wording.
    static func list(markdownBullets markdown: String) -> String {
        let items = markdown.split(separator: "\n").filter { $0.hasPrefix("- ") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "**", with: "") }
        return list(items)
    }
}
