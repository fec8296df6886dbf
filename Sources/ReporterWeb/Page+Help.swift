extension Page {
    /// "Help you can reach now": the operator's signed directory for this language, if there is one.
    func helpSection() -> HTML {
        guard let help, !help.entries.isEmpty else { return "" }
        let items = help.entries.map { "<li>\(helpEntry($0))</li>\n" as HTML }
        return """
            <section class="help" aria-labelledby="help-heading">
            <h2 id="help-heading"><span aria-hidden="true">🤝</span> \(text(.helpHeading))</h2>
            <p class="hint">\(text(.helpIntro))</p>
            <ul class="help-list">
            \(HTML(items))</ul>
            </section>

            """
    }

    /// The entries an inspector's message points to (`[help:ID]`), shown under it.
    func pointedHelp(in message: String) -> HTML {
        guard let entries = help?.pointed(in: message), !entries.isEmpty else { return "" }
        let cards = entries.map { "<div class=\"help-card\">\(helpEntry($0))</div>" as HTML }
        return "<p class=\"ask\">\(text(.helpPointed))</p>\(HTML(cards))"
    }

    private func helpEntry(_ entry: HelpDirectory.Entry) -> HTML {
        let phone: HTML = entry.phone.map { number in
            let dial = number.filter { $0.isNumber || $0 == "+" }
            return "<p><span aria-hidden=\"true\">📞</span> <a href=\"tel:\(dial)\" dir=\"ltr\">\(number)</a></p>"
        } ?? ""
        let lines = [entry.address.map { ("📍", $0) }, entry.hours.map { ("🕒", $0) }, entry.note.map { ("ℹ️", $0) }].compactMap { $0 }
        let details = lines.map { icon, value -> HTML in "<p><span aria-hidden=\"true\">\(icon)</span> <bdi>\(value)</bdi></p>" }
        return """
            <p class="from"><bdi>\(entry.name)</bdi> · \(text(Self.kindLabel(entry.kind)))</p>\(phone)\(HTML(details))
            """
    }

    static func kindLabel(_ kind: HelpDirectory.Entry.Kind) -> Msg {
        switch kind {
        case .shelter: .helpKindShelter
        case .legalAid: .helpKindLegalAid
        case .union: .helpKindUnion
        case .hotline: .helpKindHotline
        case .embassy: .helpKindEmbassy
        case .labourAttache: .helpKindLabourAttache
        case .other: .helpKindOther
        }
    }
}
