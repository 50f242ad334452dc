import Foundation

/// A small writer of inline SVG: rectangles, lines, polygons and text with presentation
/// attributes (no CSS), so that each `<svg>` element stands alone (it renders the same inside
/// the page and extracted into a file).
///
/// Coordinates are in pixels from the top-left corner, written with 2 decimals; text and
/// attribute values are escaped (`&`, `<`, `>`, `"`, `'`). The same calls give the same bytes.
struct SVG {
    typealias Attributes = KeyValuePairs<String, String>

    var width: Double
    var height: Double
    private var parts: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The `<svg>` element, with `label` as its accessible name and first `<title>`.
    func markup(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-label=\"\(Self.escape(label))\" "
            + "font-family=\"sans-serif\"><title>\(Self.escape(label))</title>\n" + parts.joined(separator: "\n") + "\n</svg>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, _ attributes: Attributes = [:], title: String? = nil) {
        element("rect", [("x", x), ("y", y), ("width", width), ("height", height)], attributes, title: title)
    }

    mutating func circle(cx: Double, cy: Double, r: Double, _ attributes: Attributes = [:], title: String? = nil) {
        element("circle", [("cx", cx), ("cy", cy), ("r", r)], attributes, title: title)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, _ attributes: Attributes = [:]) {
        element("line", [("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)], attributes)
    }

    /// A closed polygon (`fill` it) or, with `closed: false`, a polyline (`stroke` it).
    mutating func polygon(_ points: [(x: Double, y: Double)], closed: Bool = true, _ attributes: Attributes = [:],
                          title: String? = nil) {
        let list = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        let fill: Attributes = closed ? [:] : ["fill": "none"]
        parts.append("<\(closed ? "polygon" : "polyline") points=\"\(list)\"" + Self.attributes(fill)
            + Self.attributes(attributes) + Self.close(closed ? "polygon" : "polyline", title: title))
    }

    /// Text at (x, y) (the baseline); `anchor` is start, middle or end.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       _ attributes: Attributes = [:], title: String? = nil) {
        let body = Self.escape(content) + (title.map { "<title>\(Self.escape($0))</title>" } ?? "")
        parts.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.number(size))\""
            + Self.attributes(attributes) + ">" + body + "</text>")
    }

    /// A group whose tooltip is `title` (its first child), holding what `draw` adds.
    mutating func group(title: String, _ attributes: Attributes = [:], _ draw: (inout SVG) -> Void) {
        parts.append("<g" + Self.attributes(attributes) + "><title>\(Self.escape(title))</title>")
        draw(&self)
        parts.append("</g>")
    }

    private mutating func element(_ name: String, _ geometry: [(String, Double)], _ attributes: Attributes, title: String? = nil) {
        let coordinates = geometry.map { " \($0.0)=\"\(Self.number($0.1))\"" }.joined()
        parts.append("<\(name)" + coordinates + Self.attributes(attributes) + Self.close(name, title: title))
    }

    private static func close(_ name: String, title: String?) -> String {
        title.map { "><title>\(escape($0))</title></\(name)>" } ?? "/>"
    }

    private static func attributes(_ a: Attributes) -> String {
        a.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// A coordinate with 2 decimals (`-0.00` written `0.00`).
    static func number(_ x: Double) -> String { NumberFormat.fixed(x, 2) }

    /// Text safe inside an element or a quoted attribute of HTML and XML.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// A linear map from data values to pixels, with round tick values for its axis.
struct LinearScale {
    let domain: ClosedRange<Double>
    let range: ClosedRange<Double>
    /// True when larger values map to smaller pixels (a y axis).
    let flipped: Bool

    func callAsFunction(_ x: Double) -> Double {
        let t = (x - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return flipped ? range.upperBound - t * (range.upperBound - range.lowerBound)
                       : range.lowerBound + t * (range.upperBound - range.lowerBound)
    }

    /// Tick step from 1, 2, 2.5 or 5 times a power of ten giving at most `count` intervals.
    static func step(spanning span: Double, count: Int = 6) -> Double {
        let raw = max(span, 1) / Double(count)
        let power = pow(10, (log10(raw)).rounded(.down))
        return [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
    }

    /// A domain widened to multiples of `step` around `low...high`.
    static func niceDomain(_ low: Double, _ high: Double, step: Double) -> ClosedRange<Double> {
        let lo = (low / step).rounded(.down) * step
        let hi = (high / step).rounded(.up) * step
        return lo < hi ? lo...hi : (lo - step)...(hi + step)
    }
}
