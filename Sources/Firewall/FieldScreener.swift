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

    init(policy: FirewallPolicy) {
        visible = NameStemSet(policy.agencyVisible.keys.sorted().flatMap { policy.agencyVisible[$0]! })
        never = NameStemSet(policy.neverVisible.keys.sorted().flatMap { policy.neverVisible[$0]! })
        custody = NameStemSet(policy.custodyCues)
        threat = NameStemSet(policy.threatCues)
        decoys = NameStemSet(policy.decoyNames)
    }

    /// What the policy says about a field name alone (values are screened by the caller).
    func verdict(forName name: String) -> Verdict {
        let words = FieldNameNormaliser.words(name)
        guard !words.isEmpty else { return .unlisted }
        let joined = words.joined()
        if threat.matches(words, joined: joined) { return .keep }
        let sensitive = never.matches(words, joined: joined)
        if sensitive && custody.matches(words, joined: joined) { return .keep }
        if decoys.matches(words, joined: joined) { return .keep }
        if sensitive { return .status }
        return visible.matches(words, joined: joined) ? .keep : .unlisted
    }
}
