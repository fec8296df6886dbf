import Envelope
import Foundation
import InspectorClient

/// `GET /s/PATH_SECRET/cases/ID`: one case as this key decrypts it, then the forms to work it.
///
/// Everything shown from the case (fields, narrative, notes, answers) was written by a reporter
/// or a colleague and is escaped by `HTML`; reporters' text is also isolated for bidirectional
/// layout (`dir="auto"`, `<bdi>`), so a right-to-left override in it cannot reorder the page.
enum CasePage {
    static func render(_ sheet: CaseSheet, signer: Signer, paths: UIPaths, csrf: String, notice: Notice?, draft: CaseForms.Draft = .init()) -> HTML {
        let id = sheet.view.caseID.rawValue
        let duress: HTML = sheet.duressFlagged ? """
            <div class="alarm" role="alert">DURESS: the reporter checked in with her duress code. \
            Do not contact her through SafeIntake: her status page now shows an ordinary "no news" answer \
            and replies are stopped. Act on the case by other means and with care.</div>
            """ : .empty
        let forms = CaseForms(caseID: id, paths: paths, csrf: csrf, sheet: sheet, signer: signer, draft: draft)
        return Layout.page(title: "Case \(id.prefix(8))", signer: signer, home: paths.home, notice: notice, """
            <p><a href="\(paths.home)">All cases</a></p>
            <h1>Case <span class="id">\(id)</span></h1>\(duress)
            <p>Status: <span class="status">\(CaseStatus.label(sheet.status))</span></p>\(handovers(sheet.transfers))
            <h2>Complaint</h2>\(complaint(sheet.view))\(attachments(sheet, paths: paths))\(received(sheet.received))
            <h2>Thread</h2>\(thread(sheet.thread))\(unopened(sheet.unopened, .note))\(unopened(sheet.unopened, .answer))
            <h2>Key holders</h2>\(holders(sheet.holders))
            <h2>Work the case</h2>\(forms.all)
            """)
    }

    static func complaint(_ view: AgencyView) -> HTML {
        let fields = view.fields.sorted { $0.key < $1.key }.map { name, value -> HTML in
            "<dt>\(name.replacingOccurrences(of: "_", with: " "))</dt><dd><bdi>\(value)</bdi></dd>"
        }
        let fieldList: HTML = fields.isEmpty ? #"<p class="hint">No structured fields passed the firewall.</p>"# : "<dl>\(fields)</dl>"
        return """
            <section><dl><dt>language</dt><dd>\(view.language)</dd>\(indicators(view))</dl></section>
            <section>\(fieldList)</section>
            <section><div class="narrative" dir="auto">\(view.narrative)</div></section>
            """
    }

    /// Her evidence, each with the text read from it (after the firewall) beside it, and how many
    /// the document firewall held back (never why: the reason would hint at her status).
    static func attachments(_ sheet: CaseSheet, paths: UIPaths) -> HTML {
        let entries = sheet.attachments
        let withheld = sheet.withheldAttachments
        guard !entries.isEmpty || withheld > 0 else { return .empty }
        let base = paths.casePage(sheet.view.caseID.rawValue)
        let items = entries.enumerated().map { index, entry -> HTML in
            let link = "\(base)/attachments/\(index + 1)"
            let preview: HTML = entry.mediaType.hasPrefix("image/")
                ? "<a href=\"\(link)\"><img class=\"evidence\" src=\"\(link)\" alt=\"Attachment \(index + 1)\"></a>" : .empty
            let pages: HTML = entry.pages > 1 ? " · \(entry.pages) pages" : .empty
            let text: HTML = entry.text.isEmpty ? #"<p class="hint">No text was read from it.</p>"#
                : "<div class=\"narrative\" dir=\"auto\">\(entry.text)</div>"
            return """
                <li><p>Attachment \(index + 1) (\(entry.mediaType)\(pages)) · <a href="\(link)?download=1">Download</a></p>\(preview)\(text)</li>
                """
        }
        let held: HTML = withheld > 0 ? "<p class=\"hint\">\(withheld) attachment(s) were held back by the firewall and are not part of this case.</p>" : .empty
        return "<h2>Attachments</h2><section><ol class=\"evidence\">\(items)</ol>\(held)</section>"
    }

    /// The ILO indicators tagged at intake, and the urgent mark a supervisor triages by.
    static func indicators(_ view: AgencyView) -> HTML {
        guard let tags = view.indicators, !tags.isEmpty else { return .empty }
        let urgent: HTML = view.isUrgent ? #"<strong class="urgent">URGENT</strong> · "# : .empty
        return "<dt>indicators</dt><dd>\(urgent)\(tags.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", "))</dd>"
    }

    /// Notes, messages to the reporter and her answers in one list, by day, each with its day and
    /// who wrote it (issue 19 #2).
    static func thread(_ entries: [CaseSheet.Note]) -> HTML {
        guard !entries.isEmpty else { return #"<p class="hint">No notes and no answers from the reporter yet.</p>"# }
        let items = entries.map { note -> HTML in
            let day: HTML = note.day.map { day -> HTML in #"<time datetime="\#(day)">\#(day)</time> · "# } ?? #"<span>undated</span> · "#
            let kind: HTML = note.author == nil ? #"<span class="outcome">Her answer</span> · the reporter"#
                : note.isOutcome ? #"<span class="outcome">Outcome</span> · "#
                : note.toReporter ? #"<span class="outcome">To the reporter</span> · "# : "Note · "
            let author: HTML = note.author.map { author -> HTML in "\(author.label)" } ?? .empty
            let unsigned: HTML = note.signed ? .empty
                : #" · <span class="unsigned">unsigned (written before notes were signed; attributed by the server only)</span>"#
            let from = note.author == nil ? "answer" : "note"
            return """
                <li class="\(from)"><div class="meta">\(day)\(kind)\(author)\(unsigned)</div><div class="text" dir="auto">\(note.text)</div></li>
                """
        }
        return #"<section><ul class="plain thread">\#(items)</ul></section>"#
    }

    /// "1 note could not be opened", and for each: who sent it and why. Its content is never shown.
    static func unopened(_ all: [CaseSheet.Unopened], _ kind: UnopenedItem.Kind) -> HTML {
        let items = all.filter { $0.kind == kind }
        guard !items.isEmpty else { return .empty }
        let noun = kind == .note ? "note" : "answer"
        let summary = "\(items.count) \(noun)\(items.count == 1 ? "" : "s") could not be opened"
        let details = items.map { item -> HTML in
            let from: HTML = item.sender.map { sender -> HTML in "Sent by \(sender.label): " } ?? .empty
            return #"<li>\#(from)\#(item.reason)</li>"#
        }
        return """
            <section class="unopened" role="note"><p><strong>\(summary)</strong> \
            <span class="hint">(skipped: the rest of the case is shown as usual)</span></p><ul class="plain meta">\(details)</ul></section>
            """
    }

    /// Where the case came from and where it went (issue 19 #5), from the signed statements.
    static func handovers(_ transfers: [CaseTransfer]) -> HTML {
        let items = transfers.map { t -> HTML in
            let copy: HTML = t.keepCopy ? " (a copy kept)" : .empty
            return #"<li>\#(t.day): from <bdi>\#(t.fromName)</bdi> to <bdi>\#(t.toName)</bdi>\#(copy) <span class="meta id">operators \#(t.fromOperator.prefix(12)) → \#(t.toOperator.prefix(12))</span></li>"#
        }
        return items.isEmpty ? .empty : #"<section><ul class="plain">\#(items)</ul></section>"#
    }

    /// The thread a case received from another organisation brought with it: every entry with its
    /// original day and author key id, marked with the organisation it was written at.
    static func received(_ entries: [ThreadEntry]) -> HTML {
        guard !entries.isEmpty else { return .empty }
        let items = entries.map { entry -> HTML in
            let who = entry.author == "reporter" ? "the reporter" : "key \(entry.author.prefix(12))"
            return """
                <li><div class="meta">\(entry.day ?? "undated") · \(entry.kind.replacingOccurrences(of: "_", with: " ")) · \(who) · from <bdi>\(entry.organisation ?? "")</bdi></div><div class="text" dir="auto">\(entry.text)</div></li>
                """
        }
        return #"<h2>Thread from the sending organisation</h2><section><ul class="plain">\#(items)</ul></section>"#
    }

    static func holders(_ holders: [CaseSheet.Person]) -> HTML {
        let items = holders.map { person -> HTML in
            let role: HTML = person.role.map { role -> HTML in " (\(role.rawValue))" } ?? .empty
            return #"<li>\#(person.label)\#(role) <span class="meta id">\#(person.keyID)</span></li>"#
        }
        return #"<section><ul class="plain">\#(items)</ul></section>"#
    }
}
