import HTTP

/// The web page for the seeker: `/` and its assets under `/app/`, the files of `Resources/app` as the build embeds
/// them. The page is a client of the REST API like any other; these routes only hand out its files, to anyone (the
/// page asks for the token itself), each from answers made once, revalidated by their tags.
enum PageRoutes {
    /// Content Security Policy (W3C CSP Level 3): scripts, styles, images and requests from this origin only, no
    /// inline script or style, no plug-ins or frames, forms sent nowhere else, no `<base>`, and no framing of the
    /// page by another (which also stops clickjacking, as `X-Frame-Options: DENY` would).
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The page itself, at `/`.
    static let page = PageAsset(PackageResources.index_html, type: "text/html; charset=utf-8")

    /// The assets by the name they have under `/app/`. Modules are `text/javascript` (RFC 9239): with `nosniff`
    /// the browser runs a script, or applies a style sheet, only when its type says it is one.
    static let assets: [String: PageAsset] = [
        "style.css": PageAsset(PackageResources.style_css, type: "text/css; charset=utf-8"),
        "icon.svg": PageAsset(PackageResources.icon_svg, type: "image/svg+xml"),
        "main.js": script(PackageResources.main_js),
        "api.js": script(PackageResources.api_js),
        "dom.js": script(PackageResources.dom_js),
        "dates.js": script(PackageResources.dates_js),
        "labels.js": script(PackageResources.labels_js),
        "today.js": script(PackageResources.today_js),
        "applications.js": script(PackageResources.applications_js),
        "application.js": script(PackageResources.application_js),
        "eventform.js": script(PackageResources.eventform_js),
        "verdict.js": script(PackageResources.verdict_js),
        "contacts.js": script(PackageResources.contacts_js),
        "settings.js": script(PackageResources.settings_js),
        "channels.js": script(PackageResources.channels_js),
    ]

    static func script(_ bytes: [UInt8]) -> PageAsset {
        PageAsset(bytes, type: "text/javascript; charset=utf-8")
    }

    static func register(_ router: inout Router) {
        router.add("GET", "/") { request in page.answer(request) }
        router.add("GET", "/app/:name") { request in
            guard let name = request.parameters["name"], let asset = assets[name] else {
                throw APIError.notFound("The page has no file named \(request.parameters["name"] ?? "").")
            }
            return asset.answer(request)
        }
    }
}
