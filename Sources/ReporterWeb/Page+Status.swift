import Envelope
import Intake

extension Page {
    /// `GET /check` and a status check that found nothing: one box for the number. When the daemon
    /// was too busy to check, the form comes back with what she typed (`typed`, and the answer to the
    /// inspectors she was sending, `reply`), so she only has to press the button again.
    func checkForm(formToken: String, typed: String = "", reply: String = "", problem: Problem? = nil) -> HTML {
        let replyBox: HTML = reply.isEmpty ? "" : """
            <div class="field">
            <label for="f-reply"><span aria-hidden="true">✍️</span> \(text(.replyLabel))</label>
            <p class="hint" id="h-reply">\(text(.replyHint))</p>
            <textarea id="f-reply" name="\(PageFields.reply)" rows="5" aria-describedby="h-reply" maxlength="\(TextRules.maxMessageCharacters)" autocomplete="off" spellcheck="false">\(reply)</textarea>
            </div>

            """
        return document("""
            <h1><span aria-hidden="true">🔑</span> \(text(.checkHeading))</h1>
            \(self.problem(problem))<form method="post" action="/check" accept-charset="UTF-8" autocomplete="off">
            \(hiddenFields(formToken: formToken))
            <div class="field">
            <label for="f-token">\(text(.checkLabel))</label>
            <p class="hint" id="h-token">\(text(.checkHint, ["digits": String(StatusToken.totalDigits)]))</p>
            <input type="text" id="f-token" name="\(PageFields.statusToken)" aria-describedby="h-token" inputmode="numeric" maxlength="40" autocomplete="off" spellcheck="false" dir="ltr" value="\(typed)">
            </div>
            \(replyBox)<button type="submit"><span aria-hidden="true">🔎</span> \(text(.checkSubmit))</button>
            </form>
            """)
    }

    /// One visit's page: the case's progress, the outcome once it is closed, her dated thread, the
    /// one number she leaves with, and a box to answer. The form carries the visit's pass (never the
    /// number), so answering or reading again keeps the same number (issue 18 #2).
    func statusPage(_ answer: StatusAnswer, formToken: String, replySent: Bool, receipt: String? = nil, offersReceipt: Bool = false) -> HTML {
        let (icon, words) = Self.describe(answer.state)
        let sent: HTML = replySent && !answer.answerRefused ? "<p class=\"done\" role=\"status\"><span aria-hidden=\"true\">✅</span> \(text(.replySent))</p>\n" : ""
        let outcome: HTML = answer.outcome.map { text in
            "<section class=\"outcome\" aria-labelledby=\"outcome-heading\">\n<h2 id=\"outcome-heading\"><span aria-hidden=\"true\">📄</span> \(self.text(.outcomeHeading))</h2>\n<p class=\"text\" dir=\"auto\">\(text)</p>\n</section>\n"
        } ?? ""
        return document("""
            <h1>\(text(.statusHeading))</h1>
            \(sent)\(evidenceOutcomes(answer.evidence))\(stateLine(answer, icon: icon, words: words))
            \(promise(answer))\(outcome)<section aria-labelledby="messages-heading">
            <h2 id="messages-heading"><span aria-hidden="true">💬</span> \(text(.messagesHeading))</h2>
            \(messages(answer.messages))
            </section>
            <section class="token-box" aria-labelledby="token-label">
            <h2 id="token-label">\(text(.newTokenLabel))</h2>
            \(token(answer.nextToken, id: "token"))
            <p>\(text(.newTokenOld)) \(text(.sameTokenNote))</p>
            </section>
            \(tokenAdvice())
            \(helpSection())\(answer.movedTo.map { $0.keptCopy } ?? true ? replyForm(answer, formToken: formToken) : "")
            <form method="post" action="/check" accept-charset="UTF-8" autocomplete="off">
            \(hiddenFields(formToken: formToken))
            <input type="hidden" name="\(PageFields.visit)" value="\(answer.visitPass)">
            <button type="submit" class="secondary"><span aria-hidden="true">🔄</span> \(text(.readAgain))</button>
            </form>
            \(offersReceipt ? receiptSection(receipt, visit: answer.visitPass, formToken: formToken) : "")
            """)
    }

    /// Her case's progress. Handed to another organisation, it names that organisation and the day;
    /// when she answered and nobody here could read it any more, the same words come as a warning,
    /// and nothing was stored.
    private func stateLine(_ answer: StatusAnswer, icon: String, words: Msg) -> HTML {
        guard let moved = answer.movedTo else {
            return "<p class=\"status\"><span aria-hidden=\"true\">\(icon)</span> \(text(words))</p>"
        }
        let line = text(.statusTransferred, ["organisation": moved.organisation, "day": "\u{2066}\(moved.day)\u{2069}"])
        return answer.answerRefused
            ? "<p class=\"problem\" role=\"alert\"><span aria-hidden=\"true\">⚠️</span> \(line)</p>"
            : "<p class=\"status\"><span aria-hidden=\"true\">🏢</span> \(line)</p>"
    }

    /// The box to answer the inspectors, with photos or documents; absent once her case went to
    /// another organisation without a copy here (nobody here could read an answer).
    private func replyForm(_ answer: StatusAnswer, formToken: String) -> HTML {
        """
        <form method="post" action="/check" accept-charset="UTF-8" autocomplete="off" enctype="multipart/form-data">
        \(hiddenFields(formToken: formToken))
        <input type="hidden" name="\(PageFields.visit)" value="\(answer.visitPass)">
        <div class="field">
        <label for="f-reply"><span aria-hidden="true">✍️</span> \(text(.replyLabel))</label>
        <p class="hint" id="h-reply">\(text(.replyHint))</p>
        <textarea id="f-reply" name="\(PageFields.reply)" rows="5" aria-describedby="h-reply" maxlength="\(TextRules.maxMessageCharacters)" autocomplete="off" spellcheck="false"></textarea>
        </div>
        \(evidenceField(compact: true))
        <button type="submit"><span aria-hidden="true">📨</span> \(text(.replySubmit))</button>
        </form>

        """
    }

    /// Proof that she complained (issue 18 #11): two buttons on the visit, and the receipt itself
    /// once asked for, as text to copy or print; it is signed now and kept nowhere.
    private func receiptSection(_ receipt: String?, visit: String, formToken: String) -> HTML {
        // What a receipt says comes with the receipt: on every other status page the two buttons
        // alone, so the page fits the one padded size in every language.
        let shown: HTML = receipt.map { note in
            "<p>\(text(.receiptIntro))</p>\n<p class=\"note\" role=\"status\">\(text(.receiptShown))</p>\n<pre class=\"receipt\" id=\"receipt\" dir=\"ltr\">\(note)</pre>\n"
        } ?? ""
        return """
            <section class="receipt-box" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading"><span aria-hidden="true">🧾</span> \(text(.receiptHeading))</h2>
            \(shown)<form method="post" action="/check" accept-charset="UTF-8" autocomplete="off">
            \(hiddenFields(formToken: formToken))
            <input type="hidden" name="\(PageFields.visit)" value="\(visit)">
            <button type="submit" class="secondary" name="\(PageFields.receipt)" value="day">\(text(.receiptDay))</button>
            <button type="submit" class="secondary" name="\(PageFields.receipt)" value="employer">\(text(.receiptEmployer))</button>
            </form>
            </section>
            """
    }

    /// "We received your report on DAY" and the day she should hear back by (issue 18 #9).
    private func promise(_ answer: StatusAnswer) -> HTML {
        guard let received = answer.receivedOn else { return "" }
        // Days are ISO digits and dashes; a left-to-right mark keeps them whole in right-to-left text.
        let day: (String) -> String = { "\u{2066}\($0)\u{2069}" }
        var lines = [text(.statusReceivedOn, ["day": day(received)])]
        if let by = answer.replyBy {
            lines.append(text(answer.state == .received ? .statusReplyBy : .statusFeedbackBy, ["day": day(by)]))
        }
        return "<p class=\"promise\"><span aria-hidden=\"true\">📅</span> \(lines.joined(separator: " "))</p>\n"
    }

    /// Her thread, oldest first: each entry with its day, who wrote it, and marks for what is new
    /// since her last visit and for a question she is asked to answer.
    private func messages(_ messages: [ReporterMessage]) -> HTML {
        guard !messages.isEmpty else { return "<p>\(text(.messagesNone))</p>" }
        let items = messages.map { m -> HTML in
            let mine = m.from == "reporter"
            let classes = ["message", mine ? "mine" : nil, m.isNew ? "new" : nil, m.kind == .requestInfo ? "question" : nil].compactMap { $0 }
            let day: HTML = m.day.map { " <time datetime=\"\($0)\" dir=\"ltr\">\($0)</time>" } ?? ""
            let new: HTML = m.isNew ? " <strong class=\"badge\">\(text(.messageNew))</strong>" : ""
            let question: HTML = m.kind == .requestInfo ? "<p class=\"ask\"><span aria-hidden=\"true\">❓</span> \(text(.messageQuestion))</p>" : ""
            let pointed: HTML = mine ? "" : pointedHelp(in: m.text)
            return "<li class=\"\(classes.joined(separator: " "))\"><p class=\"from\">\(text(mine ? .messageFromYou : .messageFromInspector))\(day)\(new)</p>\(question)<p class=\"text\" dir=\"auto\">\(m.text)</p>\(pointed)</li>\n"
        }
        return "<ul class=\"messages\">\n\(items)</ul>"
    }

    static func describe(_ state: CaseState) -> (icon: String, words: Msg) {
        switch state {
        case .received: ("📥", .statusReceived)
        case .assigned: ("👤", .statusAssigned)
        case .investigating: ("🔍", .statusInvestigating)
        case .actionTaken: ("⚖️", .statusActionTaken)
        case .closed: ("📁", .statusClosed)
        case .transferred: ("🏢", .statusTransferred)
        }
    }

    /// A page with only a problem on it and a way back to the start, for refusals that have no
    /// form to show again (a request from another site, an unreadable body).
    func problemPage(_ problem: Problem) -> HTML {
        document("""
            <h1>\(text(.errorHeading))</h1>
            \(self.problem(problem))<p>\(bigLink(languageQuery("/"), icon: "🏠", .navStart))</p>
            """)
    }
}
