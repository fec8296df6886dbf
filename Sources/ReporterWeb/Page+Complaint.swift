import Firewall
import Intake

extension Page {
    /// `GET /new` and a form sent back with a problem: every question optional, the reporter's
    /// earlier answers filled in again, nothing remembered by the browser (`autocomplete="off"`,
    /// no spell-check service that could send the text away).
    ///
    /// `ticked`: sentences she had ticked on a preview when Send was refused before any work (an
    /// expired form token, a busy daemon); they ride along hidden and are ticked again on the next preview.
    func complaintForm(formToken: String, answers: ComplaintForm.Answers = .init(), problem: Problem? = nil,
                       ticked: Set<Int> = []) -> HTML {
        let keptTicks = ticked.sorted().map { id -> HTML in "<input type=\"hidden\" name=\"\(PageFields.remove)\" value=\"\(id)\">\n" }
        let questions = ComplaintForm.questions.map { q -> HTML in
            """
            <div class="field">
            <label for="f-\(q.name)"><span aria-hidden="true">\(q.icon)</span> \(text(q.label))</label>
            <p class="hint" id="h-\(q.name)">\(text(q.hint))</p>
            <input type="text" id="f-\(q.name)" name="\(q.name)" aria-describedby="h-\(q.name)" maxlength="\(ComplaintForm.shortMaxLength)" autocomplete="off" spellcheck="false" value="\(answers.fields[q.name] ?? "")">
            </div>

            """
        }
        return document("""
            <h1>\(text(.formHeading))</h1>
            \(self.problem(problem))<p>\(text(.formIntro))</p>
            <form method="post" action="/new" accept-charset="UTF-8" autocomplete="off">
            \(hiddenFields(formToken: formToken))
            \(keptTicks)\(questions)<div class="field">
            <p class="notice" id="notice"><span aria-hidden="true">ℹ️</span> \(text(.narrativeNotice))</p>
            <label for="f-narrative"><span aria-hidden="true">📝</span> \(text(.narrativeLabel))</label>
            <p class="hint" id="h-narrative">\(text(.narrativeHint))</p>
            <textarea id="f-narrative" name="\(ComplaintForm.narrative)" rows="8" aria-describedby="notice h-narrative" maxlength="\(ComplaintForm.narrativeMaxLength)" autocomplete="off" spellcheck="false">\(answers.narrative)</textarea>
            </div>
            \(preferences(answers))<div class="field">
            <label for="f-safety"><span aria-hidden="true">🔒</span> \(text(.duressLabel))</label>
            <p class="hint" id="h-safety">\(text(.duressHint, ComplaintForm.duressRange))</p>
            <input type="text" id="f-safety" name="\(ComplaintForm.duressCode)" aria-describedby="h-safety" inputmode="numeric" maxlength="\(ComplaintForm.duressDigits.upperBound)" autocomplete="off" value="\(answers.duressCode)">
            </div>
            <button type="submit"><span aria-hidden="true">👀</span> \(text(.formNext))</button>
            </form>
            """)
    }

    /// What she would like, all optional: a woman inspector, an interpreter, how she may be contacted.
    private func preferences(_ answers: ComplaintForm.Answers) -> HTML {
        typealias P = ComplaintForm.Preference
        let checked = { (name: String, value: String) -> HTML in answers.fields[name] == value ? " checked" : "" }
        return """
            <fieldset class="field prefs">
            <legend><span aria-hidden="true">🙋</span> \(text(.prefHeading))</legend>
            <p><input type="checkbox" id="p-woman" name="\(P.womanInspector)" value="yes"\(checked(P.womanInspector, "yes"))> <label for="p-woman">\(text(.prefWoman))</label></p>
            <p><input type="checkbox" id="p-interp" name="\(P.interpreter)" value="yes"\(checked(P.interpreter, "yes"))> <label for="p-interp">\(text(.prefInterpreter))</label></p>
            <p class="hint">\(text(.prefContact))</p>
            <p><input type="radio" id="p-page" name="\(P.contact)" value="\(P.contactThisPage)"\(checked(P.contact, P.contactThisPage))> <label for="p-page">\(text(.prefContactPage))</label></p>
            <p><input type="radio" id="p-worker" name="\(P.contact)" value="\(P.contactCaseworker)"\(checked(P.contact, P.contactCaseworker))> <label for="p-worker">\(text(.prefContactCaseworker))</label></p>
            </fieldset>

            """
    }

    /// The answer to a stored complaint: the token, big, and how to keep it.
    ///
    /// With files (issue 20), what became of each: how many reach the inspector, and for each held
    /// back, that it was and why, in words that do not blame her, and that she can describe it in a
    /// message instead. Only here, once, to her: never on the status page, never in a log.
    func tokenPage(token: String, duressSet: Bool, evidence: [EvidenceOutcome] = []) -> HTML {
        let duress: HTML = duressSet ? "<p class=\"note\"><span aria-hidden=\"true\">🔒</span> \(text(.tokenDuressSet))</p>\n" : ""
        return document("""
            <h1><span aria-hidden="true">✅</span> \(text(.tokenHeading))</h1>
            <section class="token-box" aria-labelledby="token-label">
            <h2 id="token-label">\(text(.tokenLabel))</h2>
            \(self.token(token, id: "token"))
            </section>
            \(tokenAdvice())
            \(evidenceOutcomes(evidence))\(duress)\(helpSection())<p>\(bigLink(languageQuery("/check"), icon: "🔑", .menuCheck))</p>
            """)
    }

    /// What became of her files, in the order she chose them.
    func evidenceOutcomes(_ evidence: [EvidenceOutcome]) -> HTML {
        guard !evidence.isEmpty else { return "" }
        let delivered = evidence.filter { $0 == .delivered }.count
        let withheld = evidence.enumerated().compactMap { index, outcome -> HTML? in
            guard case .withheld(let reason) = outcome else { return nil }
            return """
                <li data-file="\(index + 1)" data-reason="\(reason.rawValue)">\(text(.fileWithheld, ["number": String(index + 1)])) \(text(Self.reasonMessage(reason)))</li>

                """
        }
        let held: HTML = withheld.isEmpty ? "" : """
            <ul class="withheld" id="files-withheld">
            \(withheld)</ul>
            <p class="hint" id="files-words">\(text(.fileWithheldWords))</p>

            """
        return """
            <section class="note" id="files" aria-labelledby="files-heading">
            <h2 id="files-heading"><span aria-hidden="true">📎</span> \(text(.filesHeading))</h2>
            <p id="files-delivered">\(text(.filesDelivered, ["delivered": String(delivered), "total": String(evidence.count)]))</p>
            \(held)</section>

            """
    }

    static func reasonMessage(_ reason: WithholdingReason) -> Msg {
        switch reason {
        case .immigrationDocument: .fileWithheldDocument
        case .statusDisclosed: .fileWithheldStatus
        case .unreadable: .fileWithheldUnreadable
        }
    }
}
