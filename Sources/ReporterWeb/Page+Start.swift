import Intake

extension Page {
    /// `GET /`: every language by its own name, each marked with its code and direction so
    /// browsers and screen readers pronounce it right. The only page shown before a choice, so
    /// its words are English; the names and the globe carry it.
    static func languageChoice(_ catalog: Catalog, exitURL: String) -> HTML {
        let english = catalog.language("en") ?? catalog.languages[0]
        let page = Page(language: english, exitURL: exitURL)
        let items = catalog.languages.map { l -> HTML in
            "<li><a class=\"button\" href=\"/?\(PageFields.language)=\(l.code)\" lang=\"\(l.code)\" dir=\"\(l.direction.rawValue)\">\(l.nativeName)</a></li>\n"
        }
        return page.document("""
            <h1><span aria-hidden="true">🌐</span> \(page.text(.languageChoose))</h1>
            <ul class="languages">
            \(items)</ul>
            """, showLanguageLink: false)
    }

    /// `GET /?lang=CODE`: the two things a reporter can do, who runs the service, what happens
    /// after she files and how soon, and that nobody comes to her door unasked (issue 18 #8).
    func menu() -> HTML {
        let runBy: HTML = service.organisation(for: language.code).map { name in
            "<p class=\"note\"><span aria-hidden=\"true\">🏢</span> \(text(.menuOperator, ["organisation": name]))</p>\n"
        } ?? ""
        return document("""
            <h1>\(text(.menuHeading))</h1>
            <p>\(text(.menuIntro))</p>
            <ul class="choices">
            <li>\(bigLink(languageQuery("/new"), icon: "✍️", .menuReport))</li>
            <li>\(bigLink(languageQuery("/check"), icon: "🔑", .menuCheck))</li>
            </ul>
            \(runBy)<p class="note"><span aria-hidden="true">⏳</span> \(text(.menuNext, ["days": String(deadlines.acknowledgeDays)]))</p>
            <p class="note"><span aria-hidden="true">🚪</span> \(text(.menuNoVisit))</p>
            <p class="note"><span aria-hidden="true">🛡️</span> \(text(.menuSafety))</p>
            """)
    }
}
