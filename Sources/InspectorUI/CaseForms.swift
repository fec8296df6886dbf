import Envelope

/// The forms on a case page. Each posts to `/s/PATH_SECRET/cases/ID/ACTION` with the session's CSRF token; the
/// UI then acts through `AgencyClient`, which does all the signing and sealing.
struct CaseForms {
    /// What the inspector had typed when an action failed, put back into the forms.
    struct Draft: Sendable, Equatable {
        var status: String?
        var outcome = ""
        var note = ""
        var reply = ""
        var replyKind = "reply"
    }

    let caseID: String
    let paths: UIPaths
    let csrf: String
    let sheet: CaseSheet
    let signer: Signer
    let draft: Draft

    var all: HTML {
        let supervisor: HTML = signer.role == .supervisor ? "\(assign)\(unassign)" : .empty
        // A case handed to another organisation keeps its state and hears nothing more from here;
        // one received from another organisation has no reporter here to write to (issue 19 #5).
        let handedOn = sheet.status == "transferred"
        let received = sheet.transfers.contains { $0.receiverCaseID == sheet.view.caseID }
        let work: HTML = handedOn ? .empty : status
        let writing: HTML = handedOn || received ? .empty : reply
        return "\(work)\(note)\(writing)\(supervisor)\(export)"
    }

    private func form(_ action: String, _ fields: HTML) -> HTML {
        """
        <section><form method="post" action="\(paths.action(caseID, action))">\
        <input type="hidden" name="\(UISession.csrfField)" value="\(csrf)">\(fields)</form></section>
        """
    }

    var status: HTML {
        let current = draft.status ?? sheet.status
        let options = CaseStatus.all.map { value -> HTML in
            let selected: HTML = value == current ? " selected" : .empty
            return #"<option value="\#(value)"\#(selected)>\#(CaseStatus.label(value))</option>"#
        }
        return form("status", """
            <label for="status">Status</label><select id="status" name="status">\(options)</select>
            <label for="outcome">Outcome <span class="hint">(required to close: how the case ended; sealed as a note)</span></label>
            <textarea id="outcome" name="outcome" dir="auto">\(draft.outcome)</textarea>
            <button type="submit">Set status</button>
            """)
    }

    /// Export on this machine (logged on the server: case, key, format, day).
    var export: HTML {
        let button = { (format: String, label: String) -> HTML in
            let target = paths.action(caseID, "export/" + format)
            return #"<button type="submit" class="secondary" formaction="\#(target)">\#(label)</button>"#
        }
        return form("export/json", """
            <p>Export this case <span class="hint">(the agency view and the thread only; each export is logged)</span></p>
            \(button("json", "JSON"))\(button("csv", "CSV"))\(button("print", "Print view"))
            """)
    }

    var note: HTML {
        form("notes", """
            <label for="note">Internal note <span class="hint">(encrypted here to the case key; the reporter never sees it)</span></label>
            <textarea id="note" name="text" dir="auto" required>\(draft.note)</textarea>
            <button type="submit">Add note</button>
            """)
    }

    var reply: HTML {
        let requestInfo = draft.replyKind == InspectorMessage.Kind.requestInfo.rawValue
        let fields: HTML = """
            <label for="reply">Message to the reporter <span class="hint">(signed with your key and sealed to hers here; \
            she reads it with her status token; nobody else can read it, you included)</span></label>
            <textarea id="reply" name="text" dir="auto" required>\(draft.reply)</textarea>
            <div class="choices"><label><input type="radio" name="kind" value="reply"\(requestInfo ? HTML.empty : " checked")> Reply</label>\
            <label><input type="radio" name="kind" value="request_info"\(requestInfo ? " checked" : HTML.empty)> Request for information</label></div>
            <button type="submit">Send to the reporter</button>
            """
        guard sheet.duressFlagged else { return form("reply", fields) }
        return """
            <section><p class="alarm">Replies are disabled: the reporter checked in under duress. \
            Anything sent now could be read by whoever is with her.</p><fieldset disabled>\(fields)</fieldset></section>
            """
    }

    var assign: HTML {
        guard !sheet.assignable.isEmpty else {
            return #"<section><p class="hint">Every active key in the directory already holds this case.</p></section>"#
        }
        let options = sheet.assignable.map { person -> HTML in
            #"<option value="\#(person.keyID)">\#(person.label) (\#(person.role?.rawValue ?? "?"))</option>"#
        }
        return form("assign", """
            <label for="assignee">Assign to <span class="hint">(supervisors: the case key is wrapped to them here and the assignment signed)</span></label>
            <select id="assignee" name="to">\(options)</select>
            <button type="submit">Assign</button>
            """)
    }

    var unassign: HTML {
        let others = sheet.holders.filter { $0.keyID != signer.keyID }
        guard !others.isEmpty else { return .empty }
        let options = others.map { person -> HTML in #"<option value="\#(person.keyID)">\#(person.label)</option>"# }
        return form("unassign", """
            <label for="removed">Take the case away from <span class="hint">(their key wraps are deleted; later records use a new case key)</span></label>
            <select id="removed" name="remove">\(options)</select>
            <button type="submit">Unassign</button>
            """)
    }
}
