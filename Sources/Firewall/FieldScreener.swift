/// Applies the policy's allowlist to structured fields.
///
/// A field survives only if its name maps to an agency-visible category AND its value does not
/// itself disclose status. Names that are status, immigration documents, entry route, asylum or
/// enforcement never pass, whatever else they contain — except two labour facts that *mention* a
/// document or immigration: who holds the worker's passport (confiscation) and threats of
/// denunciation, both of which an inspector needs.
struct FieldScreener: Sendable {
    enum Verdict: Equatable {
        case keep
        case status
        case unlisted
    }

    private let visible: NameStemSet
    private let never: NameStemSet
    private let custody: NameStemSet
    private let threat: NameStemSet
    private let decoys: NameStemSet
    /// Names under which a number is the point (phone, the employer's own ID): their values are
    /// not judged by their shape.
    private let numbered: NameStemSet
    /// Names whose value is a person's or an organisation's name (employer, agency, worker): not
    /// free text, so the learned stage, which reads sentences, does not judge them; the rules and
    /// the document-number shapes still do. It read "Crashmark Employer 000002" as a document's
    /// number and dropped the employer.
    private let naming: NameStemSet

    init(policy: FirewallPolicy) {
        visible = NameStemSet(policy.agencyVisible.keys.sorted().flatMap { policy.agencyVisible[$0]! })
        never = NameStemSet(policy.neverVisible.keys.sorted().flatMap { policy.neverVisible[$0]! })
        custody = NameStemSet(policy.custodyCues)
        threat = NameStemSet(policy.threatCues)
        decoys = NameStemSet(policy.decoyNames)
        numbered = NameStemSet((policy.agencyVisible["contact"] ?? []) + policy.decoyNames)
        naming = NameStemSet(["employer", "agency", "worker_identity"].flatMap { policy.agencyVisible[$0] ?? [] })
    }

    /// Whether a field of this name holds a name (of the employer, the agency, the worker).
    func holdsAName(_ name: String) -> Bool {
        let words = FieldNameNormaliser.words(name)
        return naming.matches(words, joined: words.joined())
    }

    /// What the policy says about a field name alone (values are screened by the caller).
    func verdict(forName name: String) -> Verdict {
        if let ascii = FieldNameNormaliser.asciiWords(name) {
            // The common case, and the fast one: compare bytes, skip stems in other scripts.
            return decide(nonEmpty: !ascii.isEmpty) { $0.matches(ascii: ascii) }
        }
        return unicodeVerdict(forName: name)
    }

    /// Whether a number is what a field of this name holds (a phone number, the employer's ID).
    func expectsNumber(_ name: String) -> Bool {
        let words = FieldNameNormaliser.words(name)
        return numbered.matches(words, joined: words.joined())
    }

    /// The general path, for any script (tests compare it with the ASCII fast path).
    func unicodeVerdict(forName name: String) -> Verdict {
        let words = FieldNameNormaliser.words(name)
        let joined = words.joined()
        return decide(nonEmpty: !words.isEmpty) { $0.matches(words, joined: joined) }
    }

    private func decide(nonEmpty: Bool, _ matches: (NameStemSet) -> Bool) -> Verdict {
        guard nonEmpty else { return .unlisted }
        if matches(threat) { return .keep }
        let sensitive = matches(never)
        if sensitive && matches(custody) { return .keep }
        if matches(decoys) { return .keep }
        if sensitive { return .status }
        return matches(visible) ? .keep : .unlisted
    }
}
