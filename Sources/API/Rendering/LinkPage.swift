import HTTP
import JSON

/// The answers of the one-tap links: a small HTML page for a person who tapped one in a browser, or JSON for a
/// client that asks for it (a push app's action button). Every text is escaped; the page runs no script and
/// loads nothing, and its only form posts back to the link itself.
enum LinkPage {
    /// What the page may do (a Content Security Policy, W3C CSP Level 3): nothing but post its form to this
    /// site, and be shown in no frame.
    static let policy = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Whether the request asks for JSON rather than a page (RFC 9110 §12.5.1): `application/json` (or
    /// `application/problem+json`) weighed higher than `text/html`. A browser's `*/*` and no `Accept` at all get
    /// the page.
    static func prefersJSON(_ request: Request) -> Bool {
        var json = 0.0
        var html = 0.0
        for field in request.headers.values("Accept") {
            for range in field.split(separator: ",") {
                let parts = range.split(separator: ";")
                guard let type = parts.first?.trimmingSpaces.lowercased() else { continue }
                var weight = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.trimmingSpaces.lowercased()
                    if pair.hasPrefix("q=") { weight = Double(pair.dropFirst(2)).map { min(1, max(0, $0)) } ?? 0 }
                }
                switch type {
                case "application/json", "application/problem+json": json = max(json, weight)
                case "text/html": html = max(html, weight)
                default: break
                }
            }
        }
        return json > html
    }

    /// A page: a heading, paragraphs, a list (the guidance's findings), and a button that posts the link, or a
    /// link onwards.
    static func html(
        status: Int, heading: String, paragraphs: [String], list: [String] = [], button: String? = nil,
        link: (text: String, href: String)? = nil
    ) -> Response {
        var page = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>\(escape(heading)) · NotAPest</title>
            </head>
            <body>
            <main>
            <h1>\(escape(heading))</h1>

            """
        for paragraph in paragraphs { page += "<p>\(escape(paragraph))</p>\n" }
        if !list.isEmpty { page += "<ul>\n" + list.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n" }
        if let button { page += "<form method=\"post\"><button type=\"submit\">\(escape(button))</button></form>\n" }
        if let link { page += "<p><a href=\"\(escape(link.href))\">\(escape(link.text))</a></p>\n" }
        page += "</main>\n</body>\n</html>\n"
        var response = Response(status: status, contentType: "text/html; charset=utf-8", body: Array(page.utf8))
        secure(&response)
        response.headers.add(name: "Content-Security-Policy", value: policy)
        return response
    }

    /// A JSON answer of a link, never stored.
    static func json(_ value: JSON, status: Int = 200, contentType: String = "application/json") -> Response {
        var bytes: [UInt8] = []
        value.write(into: &bytes)
        var response = Response(status: status, contentType: contentType, body: bytes)
        secure(&response)
        return response
    }

    /// What every answer of a link carries: the link is a credential in its URL, so nothing keeps the answer
    /// (RFC 9111 §5.2.2.5) and nothing is told where it came from.
    static func secure(_ response: inout Response) {
        response.headers.add(name: "Cache-Control", value: "no-store")
        response.headers.add(name: "Referrer-Policy", value: "no-referrer")
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
    }

    /// `text` with the five characters HTML gives meaning to escaped, for both text and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
