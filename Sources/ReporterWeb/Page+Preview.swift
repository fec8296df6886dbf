import Intake

extension Page {
    /// The answer to the complaint form: what an inspector will read, before anything is stored.
    ///
    /// Her answers as the firewall left them (a dropped answer and each removed part of the story
    /// marked "removed" in her language), the story one sentence per tick box so she can take out
    /// more, and two buttons: send, or go back and change it. Her own words travel in hidden fields
    /// of this form (never in the address, never in a cookie), so nothing is stored until she sends
    /// and going back gives them all back; the server runs the firewall again on them when she sends.
    ///
    /// Files (issue 20) are chosen here, on the step that sends, so they are uploaded once and
    /// nothing is kept between steps: the form is `multipart/form-data`, the file input comes after
    /// her words (a body cut at the limit still gives them back), and "go back" sends urlencoded
    /// (`formenctype`), so the files stay on her phone. A browser without `formenctype` sends them
    /// anyway, and the edit step ignores them.
    func previewPage(_ preview: ComplaintPreview, answers: ComplaintForm.Answers, choice: ComplaintForm.Choice,
                     formToken: String, problem: Problem? = nil) -> HTML {
        let note: HTML = preview.removedParts > 0 ? "<p class=\"note\" id=\"removed-note\">\(removedNote())</p>\n" : ""
        let duress: HTML = answers.duressCode.trimmingWhitespace().isEmpty ? ""
            : "<p class=\"note\"><span aria-hidden=\"true\">🔒</span> \(text(.previewDuress))</p>\n"
        return document("""
            <h1><span aria-hidden="true">👀</span> \(text(.previewHeading))</h1>
            \(self.problem(problem))<p>\(text(.previewIntro))</p>
            \(note)<form method="post" action="/new" accept-charset="UTF-8" autocomplete="off" enctype="multipart/form-data">
            \(hiddenFields(formToken: formToken))
            \(carried(answers, digest: preview.digest))
            \(answerList(preview, answers: answers))<section aria-labelledby="story-heading">
            <h2 id="story-heading"><span aria-hidden="true">📝</span> \(text(.narrativeLabel))</h2>
            \(sentenceList(preview, choice: choice))</section>
            \(evidenceField())\(duress)<button type="submit" name="\(PageFields.step)" value="\(ComplaintForm.Step.send.rawValue)"><span aria-hidden="true">📨</span> \(text(.formSubmit))</button>
            <button type="submit" class="secondary" name="\(PageFields.step)" value="\(ComplaintForm.Step.edit.rawValue)" formenctype="application/x-www-form-urlencoded"><span aria-hidden="true">✏️</span> \(text(.previewBack))</button>
            </form>
            """)
    }

    /// The file input and what she should know before choosing: what helps, that photos are
    /// cleaned, that a photo of her papers is held back to protect her, the limits.
    ///
    /// `compact` (the status page's answer form) leaves out what helps and that photos are cleaned,
    /// which she read when she filed: every status page must fit the one padded size
    /// (`StatusAnswerPadding`) in every language, or its length would tell an observer the outcome.
    func evidenceField(compact: Bool = false) -> HTML {
        let more: HTML = compact ? "" : """
            <p class="hint" id="h-files">\(text(.filesHint))</p>
            <p class="hint" id="h-files-clean">\(text(.filesCleaned))</p>

            """
        let described = compact ? "h-files-papers h-files-limits" : "h-files h-files-clean h-files-papers h-files-limits"
        return """
            <section class="field" aria-labelledby="files-label">
            <h2><label id="files-label" for="f-evidence"><span aria-hidden="true">📎</span> \(text(.filesLabel))</label></h2>
            \(more)<p class="notice" id="h-files-papers"><span aria-hidden="true">🛡️</span> \(text(.filesPapers))</p>
            <p class="hint" id="h-files-limits">\(text(.filesLimits, ["count": String(limits.maxAttachments), "megabytes": String(limits.maxAttachmentBytes / (1024 * 1024))]))</p>
            <input type="file" id="f-evidence" name="\(ComplaintForm.evidence)" accept="\(ComplaintForm.evidenceAccept)" multiple aria-describedby="\(described)">
            </section>

            """
    }

    /// Her words exactly as she typed them, to send again or to put back in the form.
    private func carried(_ answers: ComplaintForm.Answers, digest: String) -> HTML {
        var out: [HTML] = ComplaintForm.questions.map { q in
            "<input type=\"hidden\" name=\"\(q.name)\" value=\"\(answers.fields[q.name] ?? "")\">\n"
        }
        for name in ComplaintForm.Preference.names where !(answers.fields[name] ?? "").isEmpty {
            out.append("<input type=\"hidden\" name=\"\(name)\" value=\"\(answers.fields[name] ?? "")\">\n")
        }
        out.append("<input type=\"hidden\" name=\"\(ComplaintForm.narrative)\" value=\"\(answers.narrative)\">\n")
        out.append("<input type=\"hidden\" name=\"\(ComplaintForm.duressCode)\" value=\"\(answers.duressCode)\">\n")
        out.append("<input type=\"hidden\" name=\"\(PageFields.digest)\" value=\"\(digest)\">")
        return HTML(out)
    }

    /// The short answers she gave: each kept one as the inspector reads it, each dropped one marked.
    private func answerList(_ preview: ComplaintPreview, answers: ComplaintForm.Answers) -> HTML {
        let items = ComplaintForm.questions.compactMap { q -> HTML? in
            guard !(answers.fields[q.name] ?? "").trimmingWhitespace().isEmpty else { return nil }
            let value: HTML = preview.fields[q.name].map { "<dd dir=\"auto\">\(marked($0))</dd>" } ?? "<dd>\(removed())</dd>"
            return "<dt><span aria-hidden=\"true\">\(q.icon)</span> \(text(q.label))</dt>\(value)\n"
        }
        guard !items.isEmpty else { return "" }
        return """
            <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">\(text(.previewAnswers))</h2>
            <dl class="answers" id="answers">
            \(items)</dl>
            </section>

            """
    }

    /// One tick box per sentence she may take out; a sentence the firewall took out whole has none.
    private func sentenceList(_ preview: ComplaintPreview, choice: ComplaintForm.Choice) -> HTML {
        let sentences = preview.sentences.sentences
        guard !sentences.isEmpty else { return "<p>\(text(.previewNoStory))</p>\n" }
        let items = sentences.map { s -> HTML in
            if s.removedWhole {
                return "<li class=\"gone\" data-sentence=\"\(s.id)\"><span dir=\"auto\">\(marked(s.text))</span></li>\n"
            }
            let checked: HTML = choice.remove.contains(s.id) ? " checked" : ""
            return """
                <li data-sentence="\(s.id)"><input type="checkbox" id="s-\(s.id)" name="\(PageFields.remove)" value="\(s.id)" aria-describedby="h-story"\(checked)><label for="s-\(s.id)" dir="auto">\(marked(s.text))</label></li>

                """
        }
        return """
            <p class="hint" id="h-story">\(text(.previewStoryHint))</p>
            <ul class="sentences" id="sentences">
            \(items)</ul>

            """
    }

    /// Text with every removal marker shown as the "removed" badge in her language.
    private func marked(_ text: String) -> HTML {
        let parts = text.split(separator: ComplaintPreview.marker, omittingEmptySubsequences: false)
        var out: [HTML] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(removed()) }
            out.append("\(String(part))")
        }
        return HTML(out)
    }

    /// "Parts marked {removed} were taken out …", with the badge itself in place of `{removed}`.
    private func removedNote() -> HTML {
        let slot = "\u{E000}"
        let escaped = HTML.escape(text(.previewRemovedNote, ["removed": slot]))
        return HTML(stringLiteral: escaped.replacing(slot, with: removed().rendered))
    }

    /// The mark of a removed part: a badge with a word in her language, never the removed text.
    private func removed() -> HTML {
        "<mark class=\"removed\"><span aria-hidden=\"true\">🚫</span> \(text(.previewRemoved))</mark>"
    }
}
