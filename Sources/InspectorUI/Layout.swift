import Envelope

/// Who is using the UI, shown in every page's header.
struct Signer: Sendable {
    let name: String
    let role: AgencyRole
    let keyID: String
    let devOnly: Bool

    init(_ key: AgencyPublicKey, devOnly: Bool) {
        name = key.name
        role = key.role
        keyID = key.keyID
        self.devOnly = devOnly
    }
}

/// The page shell every screen shares: header, notice, content. No script, no inline style.
enum Layout {
    /// `home` is the session's case list; nil on pages shown without a session (refusals).
    static func page(title: String, signer: Signer?, home: String?, notice: Notice? = nil, _ content: HTML) -> HTML {
        let brand: HTML = home.map { home -> HTML in #"<a href="\#(home)">SafeIntake inspector</a>"# } ?? "<span>SafeIntake inspector</span>"
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="same-origin">
        <title>\(title) · SafeIntake inspector</title><link rel="stylesheet" href="\(Stylesheet.path)"></head>
        <body><header>\(brand)\(header(signer))</header>
        <main>\(notice.map(render) ?? .empty)\(content)</main></body></html>
        """
    }

    private static func header(_ signer: Signer?) -> HTML {
        guard let signer else { return .empty }
        let dev: HTML = signer.devOnly ? #"<span class="dev">development key: not for real cases</span>"# : .empty
        return #"<span class="who">\#(signer.name) · \#(signer.role.rawValue) · key <span class="id">\#(String(signer.keyID.prefix(12)))</span></span>\#(dev)"#
    }

    static func render(_ notice: Notice) -> HTML {
        let kind = notice.kind == .done ? "done" : "failed"
        let hint: HTML = notice.hint.map { hint -> HTML in #"<br><span class="hint">\#(hint)</span>"# } ?? .empty
        return #"<div class="notice \#(kind)" role="status">\#(notice.text)\#(hint)</div>"#
    }

    /// A page that only says something (errors, refusals), with a way back.
    static func message(title: String, signer: Signer?, home: String?, _ text: String, hint: String? = nil, back: String? = nil) -> HTML {
        let hintHTML: HTML = hint.map { hint -> HTML in #"<p class="hint">\#(hint)</p>"# } ?? .empty
        let backHTML: HTML = back.map { back -> HTML in #"<p><a href="\#(back)">Back</a></p>"# } ?? .empty
        return page(title: title, signer: signer, home: home, "<h1>\(title)</h1><p>\(text)</p>\(hintHTML)\(backHTML)")
    }
}
