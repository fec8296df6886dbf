import Intake
/// The frame every page shares: language and direction, a neutral title, the quick-exit link
/// first of all, one same-origin stylesheet and one optional same-origin script.
///
/// Nothing inline (the content-security policy forbids inline styles and scripts), nothing from
/// another origin, no favicon fetch, no cookies. The pages work without the script; it only
/// makes the exit replace this page in the history.
struct Page: Sendable {
    let language: UILanguage
    let exitURL: String
    var service = ServiceDescription()
    var deadlines = ResponseDeadlines.standard
    /// The operator's help directory for this page's language, if there is one.
    var help: HelpDirectory?
    /// How many files, how large, for the preview's file input.
    var limits = ComplaintLimits()

    func text(_ key: Msg, _ values: [String: String] = [:]) -> String {
        language.text(key, values)
    }

    /// A whole document around `main`.
    func document(_ main: HTML, showLanguageLink: Bool = true) -> HTML {
        let footer: HTML = showLanguageLink
            ? "<footer><a class=\"plain\" href=\"/\"><span aria-hidden=\"true\">🌐</span> \(text(.navLanguage))</a></footer>"
            : ""
        return """
            <!doctype html>
            <html lang="\(language.code)" dir="\(language.direction.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex, nofollow">
            <title>\(text(.pageTitle))</title>
            <link rel="stylesheet" href="\(StaticAssets.stylesheetPath)">
            <script src="\(StaticAssets.scriptPath)" defer></script>
            </head>
            <body>
            <header class="bar"><a class="exit" href="\(exitURL)" rel="noreferrer"><span aria-hidden="true">✕</span> \(text(.exitLink))</a></header>
            <main>
            \(main)
            </main>
            \(footer)
            </body>
            </html>

            """
    }

    /// A banner for something the reporter must read first; `role="alert"` makes screen readers say it.
    func problem(_ problem: Problem?) -> HTML {
        guard let problem else { return "" }
        return "<p class=\"problem\" role=\"alert\"><span aria-hidden=\"true\">⚠️</span> \(text(problem.message, problem.values))</p>\n"
    }

    /// The hidden fields every form carries: the page language and the anti-forgery token.
    func hiddenFields(formToken: String) -> HTML {
        """
        <input type="hidden" name="\(PageFields.language)" value="\(language.code)">
        <input type="hidden" name="\(PageFields.formToken)" value="\(formToken)">
        """
    }

    /// A link that looks like a big button, with its icon hidden from screen readers.
    func bigLink(_ href: String, icon: String, _ label: Msg) -> HTML {
        "<a class=\"button\" href=\"\(href)\"><span aria-hidden=\"true\">\(icon)</span> \(text(label))</a>"
    }

    /// The token in digit groups, large, always left to right (digits read that way in every
    /// script here), on a line of its own so it copies as one piece.
    func token(_ token: String, id: String) -> HTML {
        let groups = token.split(separator: "-").map { "<span>\(String($0))</span>" as HTML }
        return "<p class=\"token\" id=\"\(id)\" dir=\"ltr\" translate=\"no\">\(HTML(interleave(groups)))</p>"
    }

    private func interleave(_ groups: [HTML]) -> [HTML] {
        var out: [HTML] = []
        for (i, g) in groups.enumerated() {
            if i > 0 { out.append(" ") }
            out.append(g)
        }
        return out
    }

    /// Advice on keeping a token, shown with every token.
    func tokenAdvice() -> HTML {
        """
        <ul class="advice">
        <li><span aria-hidden="true">📇</span> \(text(.tokenKeep))</li>
        <li><span aria-hidden="true">🔁</span> \(text(.tokenOnce))</li>
        <li><span aria-hidden="true">🙈</span> \(text(.tokenSecret))</li>
        </ul>
        """
    }

    func languageQuery(_ path: String) -> String {
        "\(path)?\(PageFields.language)=\(language.code)"
    }
}
