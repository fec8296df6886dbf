/// The firewall between a worker's complaint and the labour inspectorate.
///
/// Labour inspection and immigration enforcement must stay administratively separate: a worker
/// can only report abuse safely if what she reports cannot be used to find and remove her. The
/// firewall enforces that separation in the data itself — every structured field not on the
/// policy's allowlist is dropped, and every disclosure of immigration status in the narrative is
/// replaced by one uniform marker — while every labour fact reaches the inspector verbatim.
///
/// Pure and deterministic: no I/O, no mutable state; the same input and policy always give the
/// same output and report. Safe to share across threads.
public struct Firewall: Sendable {
    /// The one replacement for every removed span. It deliberately does not say what kind of
    /// thing was removed ("[visa number removed]" would itself tell the inspector there is a visa).
    public static let marker: String = "[removed]"

    public let policy: FirewallPolicy
    private let redactor: NarrativeRedactor
    private let screener: FieldScreener

    /// The firewall of `policy`, with the shipped learned model when the policy enables the
    /// learned stage.
    public init(policy: FirewallPolicy) {
        self.init(policy: policy, learnedModel: policy.learnedStage == nil ? nil : .shipped)
    }

    /// For development and evaluation: `learnedModel` instead of the shipped one (a fold model of
    /// the leave-one-set-out evaluation), or nil for the rules alone whatever the policy says.
    public init(policy: FirewallPolicy, learnedModel: LearnedModel?) {
        self.policy = policy
        var redactor = NarrativeRedactor(detector: NarrativeDetector(), policyVersion: policy.version)
        if let settings = policy.learnedStage, let learnedModel {
            redactor.learned = LearnedStage(model: learnedModel, settings: settings)
        }
        self.redactor = redactor
        self.screener = FieldScreener(policy: policy)
    }

    /// Removes every status disclosure from `text`. `language` is a hint only and does not narrow
    /// detection: people mix languages, so every lexicon is always applied.
    public func redact(_ text: String, language: String? = nil) -> Redaction {
        redactor.redact(text)
    }

    /// Keeps only fields whose names the policy marks agency-visible (or, under a version 2
    /// policy, that no stem names but that say nothing about status) and whose values disclose
    /// nothing; kept fields keep their original names and exact values.
    ///
    /// A field's *name* is the reporter's text as much as its value is (NGO systems use questions
    /// as keys; anyone can send `employer_knows_i_have_no_papers`), so it goes through the
    /// narrative detector too, before any rule that could keep it: a name that discloses drops
    /// its field whatever threat, custody or decoy word it also holds.
    public func screenFields(_ fields: [String: String]) -> FieldScreening {
        var kept: [String: String] = [:]
        var report = FirewallReport(policyVersion: policy.version)
        for name in fields.keys.sorted() {
            let value = fields[name]!
            if discloses(FieldNameNormaliser.words(name).joined(separator: " ")) {
                report.record(.statusField)
                continue
            }
            let screened = policy.unlistedFields == .screen
            switch screener.verdict(forName: name) {
            case .status:
                // "passport: kinuha ni amo", "الجواز: عند صاحب العمل": a document field whose
                // answer is who holds it is confiscation, a labour fact (version 2).
                if screened, redactor.detector.mentionsCustody(value), passesScreen(value) {
                    kept[name] = value
                } else {
                    report.record(.statusField)
                }
            case .unlisted:
                if screened, passesScreen(value) {
                    kept[name] = value
                } else {
                    report.record(.unlistedField)
                }
            case .keep:
                if policy.screenValues && valueDiscloses(value, readsSentences: !screener.holdsAName(name)) {
                    report.record(.statusField)
                } else if screened && DocumentNumberShape.isDocumentNumber(value) && !screener.expectsNumber(name) {
                    // A passport or FIN number under "Reference" or "worker.id": fail closed.
                    report.record(.statusField)
                } else {
                    kept[name] = value
                }
            }
        }
        return FieldScreening(kept: kept, report: report)
    }

    /// Screens fields and narrative together, with one merged report.
    public func screen(language: String, fields: [String: String], narrative: String) -> ScreenedComplaint {
        let f = screenFields(fields)
        let n = redact(narrative, language: language)
        return ScreenedComplaint(language: language, fields: f.kept, narrative: n.text, report: f.report.merged(with: n.report))
    }

    /// For developers tuning lexicons: each clause of `text` with its cues and verdict. Never used
    /// on a complaint's path.
    public func explain(_ text: String) -> [String] {
        redactor.detector.explain(text)
    }

    /// For developers and tests: the status word the firewall reads `word` as (a folded, lower-case
    /// Latin word), when it takes it for a misspelling of one, or nil.
    public static func spellingCorrection(of word: String) -> String? {
        SpellingNormaliser.shared.correction(Array(word.unicodeScalars)).map { String(String.UnicodeScalarView($0)) }
    }

    /// The content screen of a field no stem keeps (policy version 2): its value says nothing
    /// about status and is not numbered like an identifier.
    private func passesScreen(_ value: String) -> Bool {
        !DocumentNumberShape.looksLikeIdentifier(value) && !valueDiscloses(value)
    }

    /// Whether a field's value discloses status: what the rules would remove, or (under a policy
    /// with a learned stage) a run the learned stage would remove. A value is the worker's words
    /// as much as a narrative is ("reported missing by the broker", "came on a visit visa, never
    /// changed"), and the whole field goes, so fail closed on either.
    /// Only words go to the learned stage: a phone, an amount or a date has no words for it to
    /// read, and the rules and the document-number shapes already judge those.
    func valueDiscloses(_ value: String, readsSentences: Bool = true) -> Bool {
        discloses(value) || (readsSentences && Self.hasWords(value, atLeast: 2) && redactor.learnedStageFinds(value))
    }

    /// Whether `value` holds at least `count` words as the learned stage reads them: runs of
    /// letters and digits, and in a script written without spaces (Chinese, Japanese, Thai, Lao,
    /// Burmese, Khmer) the pieces it cuts a run into. Counting runs of letters alone, a whole
    /// remark such as "入境處已拒絕延期逗留申請" was one word and never read.
    static func hasWords(_ value: String, atLeast count: Int) -> Bool {
        let t = Array(value.unicodeScalars)
        var words = 0
        for token in LearnedStage.tokenize(t, 0..<t.count) where token.isWord
            && t[token.start..<token.end].contains(where: \.properties.isAlphabetic) {
            words += 1
            if words >= count { return true }
        }
        return false
    }

    /// Whether a field value says anything the narrative redactor would remove.
    func discloses(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        return !redactor.detector.findings(in: FoldedText(value).folded).isEmpty
    }
}
