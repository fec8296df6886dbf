import Intake

/// The complaint form: what it asks, under which field names, and how an answer becomes a
/// `Complaint`.
///
/// It asks only labour facts, under names the firewall policy keeps (employer, location, work,
/// wages, hours, rest; see Docs/firewall.md), and never immigration status, nationality or
/// document numbers: what is never asked is never typed, so never at risk. A test renders the
/// form and checks that the firewall keeps every field it sends.
enum ComplaintForm {
    /// One question: a short input with its label and hint.
    struct Question: Sendable {
        let name: String
        let icon: String
        let label: Msg
        let hint: Msg
    }

    static let questions: [Question] = [
        Question(name: "employer", icon: "🏠", label: .employerLabel, hint: .employerHint),
        Question(name: "district", icon: "📍", label: .districtLabel, hint: .districtHint),
        Question(name: "job", icon: "🧹", label: .jobLabel, hint: .jobHint),
        Question(name: "wages", icon: "💵", label: .wagesLabel, hint: .wagesHint),
        Question(name: "hours", icon: "⏰", label: .hoursLabel, hint: .hoursHint),
        Question(name: "rest_days", icon: "🛌", label: .restLabel, hint: .restHint),
    ]

    /// What she would like (issue 18 #12, gender-sensitive as the UN texts ask): the form's
    /// names, and the complaint fields they become, in words an inspector reads whatever the page's
    /// language. The field names fall under the policy's `preferred*` names, so the firewall keeps
    /// them (and screens their values like every field); routing rules can match them.
    enum Preference {
        static let womanInspector = "prefer_woman_inspector"
        static let interpreter = "needs_interpreter"
        static let contact = "contact_by"
        static let contactThisPage = "this_page"
        static let contactCaseworker = "caseworker"
        static let names = [womanInspector, interpreter, contact]

        /// The complaint fields for her choices. The interpreter's language is the complaint's own
        /// `language`, which the inspector sees beside it; naming it here ("an interpreter in
        /// Bengali") gave the value screen a nationality word to drop the whole field on.
        static func fields(_ answers: [String: String]) -> [String: String] {
            var fields: [String: String] = [:]
            if answers[womanInspector] == "yes" { fields["preferred_inspector"] = "a woman inspector" }
            if answers[interpreter] == "yes" { fields["preferred_interpreter"] = "an interpreter in her language" }
            switch answers[contact] {
            case contactThisPage: fields["preferred_contact"] = "only through the status page"
            case contactCaseworker: fields["preferred_contact"] = "through her caseworker or an organisation helping her"
            default: break
            }
            return fields
        }
    }

    static let narrative = "narrative"
    /// The preview's file input (issue 20): photos and PDFs, sent once, with Send.
    static let evidence = "evidence"
    /// What the file input offers; the type is read from the bytes all the same (`EvidenceType`).
    static let evidenceAccept = "image/jpeg,image/png,image/heic,image/webp,application/pdf"
    static let duressCode = "safety_code"
    static let duressDigits = DuressCode.digitRange
    /// Characters per short answer; at most 3 UTF-8 bytes per UTF-16 unit keeps it under the
    /// intake's per-field byte limit. The server checks bytes anyway.
    static let shortMaxLength = 500
    static let narrativeMaxLength = 10_000

    /// Every name the form and its preview post (the preview's tick boxes: `repeatableNames`).
    static var acceptedNames: Set<String> {
        Set(questions.map(\.name) + Preference.names + [narrative, duressCode, PageFields.language, PageFields.formToken, PageFields.step,
                                                         PageFields.digest])
    }

    static let repeatableNames: Set<String> = [PageFields.remove]

    /// Where a sent complaint form goes next (`step`): the form itself sends none and gets the preview.
    enum Step: String {
        case preview
        /// "Go back and change it": the form again, with every word she typed.
        case edit
        /// "Send": the firewall runs again on her words, then her ticked sentences go too.
        case send
    }

    /// What she chose on the preview: the sentences ticked and the preview they were ticked on.
    struct Choice: Sendable, Equatable {
        var remove: Set<Int> = []
        var digest = ""

        init() {}

        /// Ids that are not whole numbers are ignored here; ids that name no sentence are refused
        /// when the firewall has run again.
        init(_ body: FormBody) {
            remove = Set(body.all(PageFields.remove).compactMap { Int($0) }.filter { $0 >= 1 })
            digest = body[PageFields.digest]
        }
    }

    /// What the reporter typed, kept to show the form again after a problem.
    struct Answers: Sendable, Equatable {
        var fields: [String: String] = [:]
        var narrative = ""
        var duressCode = ""

        init() {}

        init(_ body: FormBody) {
            for q in ComplaintForm.questions { fields[q.name] = body[q.name] }
            for name in Preference.names where !body[name].isEmpty { fields[name] = body[name] }
            narrative = body[ComplaintForm.narrative]
            duressCode = body[ComplaintForm.duressCode]
        }
    }

    /// The complaint, or the message that tells the reporter what to change.
    static func complaint(from answers: Answers, language: String, limits: ComplaintLimits) -> Result<Complaint, Problem> {
        var fields: [String: String] = [:]
        for q in questions {
            let value = (answers.fields[q.name] ?? "").trimmingWhitespace()
            if !value.isEmpty { fields[q.name] = value }
        }
        let narrative = answers.narrative.trimmingWhitespace()
        let code = answers.duressCode.trimmingWhitespace()
        let texts = Array(fields.values) + [narrative]
        guard !texts.allSatisfy(\.isEmpty) else { return .failure(Problem(.errorEmpty)) }
        // Preferences alone are no complaint: they join one.
        fields.merge(Preference.fields(answers.fields)) { typed, _ in typed }
        guard fields.values.allSatisfy({ $0.unicodeScalars.count <= limits.maxFieldValueCharacters }),
              narrative.unicodeScalars.count <= limits.maxNarrativeCharacters else { return .failure(Problem(.errorTooLong)) }
        guard texts.allSatisfy(TextRules.isAcceptable) else { return .failure(Problem(.errorInvalidText)) }
        guard code.isEmpty || (duressDigits.contains(code.count) && code.utf8.allSatisfy { (0x30...0x39).contains($0) }) else {
            return .failure(Problem(.errorDuress, duressRange))
        }
        return .success(makeComplaint(language: language, fields: fields, narrative: narrative, duressCode: code.isEmpty ? nil : code))
    }

    /// The one place a `Complaint` is made from the form.
    static func makeComplaint(language: String, fields: [String: String], narrative: String, duressCode: String?) -> Complaint {
        Complaint(language: language, fields: fields, narrative: narrative, duressCode: duressCode)
    }

    static var duressRange: [String: String] {
        ["min": String(duressDigits.lowerBound), "max": String(duressDigits.upperBound), "locator": String(StatusToken.locatorDigits)]
    }
}

/// Something the reporter should know about her submission: the message and its placeholders.
struct Problem: Error, Sendable, Equatable {
    let message: Msg
    let values: [String: String]

    init(_ message: Msg, _ values: [String: String] = [:]) {
        self.message = message
        self.values = values
    }
}

/// Names of the hidden fields every form carries.
enum PageFields {
    static let language = "lang"
    static let formToken = "form_token"
    static let statusToken = "token"
    static let reply = "reply"
    /// A visit going on (`VisitPass`): read, answer, read again with one number.
    static let visit = "visit"
    /// A receipt asked for on a visit: `day`, or `employer` (issue 18 #11).
    static let receipt = "receipt"
    /// The preview's buttons: `ComplaintForm.Step`.
    static let step = "step"
    /// One tick box per sentence of the preview, its value the sentence id.
    static let remove = "remove"
    /// The preview's digest (`ComplaintPreview.digest`), so a send never removes a sentence she did not see.
    static let digest = "preview"
}
