import Foundation

/// The pieces of the HTML pages that `topobench report` and `compare --html` write.
///
/// A page is one self-contained file: one inline `<style>` with the system font stack, no
/// script, no external stylesheet, font or image, so it opens offline and can be mailed or
/// attached to a CI run as it is. Every text taken from a file is escaped with ``escape(_:)``.
/// Nothing in a page depends on the clock or the machine: the same inputs give the same bytes.
enum HTMLPage {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element
    /// content and in attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
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

    /// An `id` attribute value made of `text`: letters, digits, `-` and `_`, others as `_`.
    static func anchor(_ text: String) -> String {
        "s-" + Plots.safeName(text).replacingOccurrences(of: ".", with: "_")
    }

    /// The page's only style sheet.
    static let style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
          margin: 0; padding: 0 2rem 3rem; color: #1d2329; background: #ffffff; line-height: 1.45; font-size: 15px; }
        main { max-width: 1240px; margin: 0 auto; }
        header { border-bottom: 3px solid #0072B2; margin-bottom: 1.5rem; padding-top: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.35rem; margin: 2.5rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d0d7de; }
        h3 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; color: #2f3a45; }
        p.lead { color: #4a5560; margin: 0 0 1rem; }
        nav.toc { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem 1.2rem; margin: 1rem 0 1.5rem; }
        nav.toc ol { margin: .3rem 0; padding-left: 1.4rem; columns: 2; }
        a { color: #0060a0; }
        .scroll { overflow-x: auto; margin: .4rem 0 1rem; }
        table { border-collapse: collapse; font-size: .82rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #d0d7de; padding: .22rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; font-weight: 600; vertical-align: bottom; }
        tbody tr:nth-child(even) td { background: #f8fafc; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        td.ok { color: #1a7f37; font-weight: 600; }
        td.fail { color: #b3261e; font-weight: 700; }
        td.weak { color: #9a6700; font-weight: 600; }
        td.na { color: #6e7781; }
        td.wide { min-width: 26em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; margin: .4rem 0 1rem; font-size: .92rem; }
        dl.facts dt { font-weight: 600; color: #2f3a45; }
        dl.facts dd { margin: 0; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .86rem; overflow-wrap: anywhere; }
        figure { margin: 1rem 0 1.6rem; }
        figure svg { display: block; width: 100%; max-width: 1000px; height: auto; border: 1px solid #e1e4e8; }
        figcaption { font-size: .88rem; color: #4a5560; margin-top: .3rem; }
        .note { background: #fff8e1; border-left: 4px solid #E69F00; padding: .5rem .8rem; margin: .8rem 0; }
        .verdict { font-size: 1.1rem; font-weight: 700; }
        .verdict.fail { color: #b3261e; } .verdict.ok { color: #1a7f37; } .verdict.weak { color: #9a6700; }
        details { margin: .5rem 0 1rem; } summary { cursor: pointer; color: #0060a0; }
        pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: .6rem; overflow-x: auto; font-size: .84rem; }
        footer { margin-top: 3rem; color: #6e7781; font-size: .82rem; border-top: 1px solid #d0d7de; padding-top: .6rem; }
        """

    /// A complete page: `<!DOCTYPE html>`, the head with `title` and the style, and `body`.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="topobench \(escape(TopoBenchVersion.string))">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// One cell: its text (escaped here) and an optional class (`n` right-aligns a number).
    struct Cell {
        var text: String
        var cls: String?
        init(_ text: String, _ cls: String? = nil) {
            self.text = text
            self.cls = cls
        }
    }

    /// A table in a horizontally scrolling box; `numeric` says which columns are right-aligned.
    static func table(header: [String], rows: [[Cell]], numeric: Set<Int> = []) -> String {
        var out = "<div class=\"scroll\"><table>\n<thead><tr>"
        for (i, h) in header.enumerated() {
            out += numeric.contains(i) ? "<th class=\"n\">\(escape(h))</th>" : "<th>\(escape(h))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let cls = cell.cls ?? (numeric.contains(i) ? "n" : nil)
                out += cls.map { "<td class=\"\($0)\">" } ?? "<td>"
                out += escape(cell.text) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// A table of plain strings.
    static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        table(header: header, rows: rows.map { $0.map { Cell($0) } }, numeric: numeric)
    }

    /// A definition list of facts (name, value), both escaped.
    static func facts(_ items: [(String, String)]) -> String {
        "<dl class=\"facts\">\n"
            + items.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>\n" }.joined() + "</dl>\n"
    }

    /// The `<svg>` element of an SVG file written by gnuplot, ready to inline: without the XML
    /// prolog and doctype, its `id`s and the references to them prefixed with `prefix` (so that
    /// two pictures of one page never share an id), its `<title>` replaced by `title`.
    static func inlineSVG(_ text: String, prefix: String, title: String) -> String? {
        guard let start = text.range(of: "<svg") else { return nil }
        var svg = String(text[start.lowerBound...])
        svg = svg.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)")
        svg = svg.replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
        svg = svg.replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
        svg = svg.replacingOccurrences(of: "<title>Gnuplot</title>", with: "<title>\(escape(title))</title>")
        // Scripts have no place in the page (gnuplot writes one only with `mouse`).
        guard !svg.contains("<script") else { return nil }
        while svg.hasSuffix("\n") { svg.removeLast() }
        return svg
    }
}
