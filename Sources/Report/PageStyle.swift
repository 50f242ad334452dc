/// The style sheet of the report pages, inline in each page: a readable column on screen, and
/// for print an A4 page (15 mm margins, 180 mm of text width) where tables, charts and
/// sections are not split across pages when they fit on one, and nothing depends on hover
/// (every number a tooltip gives is also in a table).
///
/// Fonts are the system's: CJK text falls back to whatever font covers it (Noto Sans CJK on
/// Linux, PingFang or Microsoft YaHei elsewhere); no font is fetched.
enum PageStyle {
    /// Colours shared by the charts and the page: likely, borderline, at risk, not evaluated.
    static let likely = "#2e7d4f", borderline = "#9a6b00", atRisk = "#b5541c", muted = "#777"

    static let css = [
        "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;",
        "max-width:900px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.45;font-size:15px}",
        "h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc;padding-bottom:.15em}",
        "h3{font-size:1.02em;margin:.6em 0 .2em}.en{color:#555;font-weight:normal}h1 .en,h2 .en{font-size:.8em}",
        ".meta{color:#555;font-size:.9em}.small{font-size:.85em}.muted{color:#777}",
        ".proxy{background:#fff6e0;border-left:4px solid #e0a020;padding:.5em .8em;margin:.6em 0}",
        ".summary{width:100%;border-collapse:collapse;margin:.4em 0}",
        ".summary td{vertical-align:top;padding:.35em .6em;border-top:1px solid #e4e4e4;width:50%}",
        ".summary td.en{color:#333}.summary tr:first-child td{border-top:none}",
        "table.data{border-collapse:collapse;width:100%;font-size:.86em;margin:.4em 0 1em}",
        "table.data th{background:#f2f2f2;text-align:left;font-weight:600;padding:.3em .4em;border-bottom:1px solid #bbb;vertical-align:bottom}",
        "table.data td{padding:.3em .4em;border-bottom:1px solid #e4e4e4;vertical-align:top}td.wrap{overflow-wrap:anywhere}table.data th{min-width:3.2em}",
        "table.targets td:nth-child(2){min-width:9em}table.risks td:first-child{min-width:7em}",
        ".scroll{overflow-x:auto}.scroll table.data th{min-width:4.5em}",
        "td.num,th.num{text-align:right;white-space:nowrap}.p{font-weight:600;font-size:1.08em}",
        ".likely{color:\(likely)}.borderline{color:\(borderline)}.at-risk{color:\(atRisk)}.not-evaluated{color:\(muted)}",
        ".verdict{font-weight:600;white-space:nowrap}.reason{color:#555;font-style:italic}",
        "figure{margin:.4em 0 1em}svg{max-width:100%;height:auto}",
        ".fans{display:grid;grid-template-columns:1fr 1fr;gap:.4em 1.2em}.fan h3{font-size:.95em}",
        ".fan .meta{margin:0;font-size:.8em}.legend{font-size:.82em;color:#333;margin:.2em 0 .6em}",
        ".legend .key{white-space:nowrap;margin-right:1em}.legend svg{vertical-align:middle}",
        "ul{padding-left:1.3em}li{margin:.15em 0}.details li{font-size:.88em}",
        "@page{size:A4;margin:15mm}",
        "@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt}",
        "h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid}",
        "figure,.fan,tr,.proxy{break-inside:avoid;page-break-inside:avoid}.legend{break-after:avoid}",
        "table.data{font-size:8.5pt}.details li{font-size:8.5pt}.scroll{overflow:visible}",
        "a{color:inherit;text-decoration:none}}",
    ].joined()
}
