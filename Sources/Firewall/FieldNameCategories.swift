/// Which of the policy's agency-visible categories a field name falls under, matched as the
/// firewall matches names (`FieldNameNormaliser`, `NameStem`): in every script the policy has stems
/// for. An inspector's machine uses it to pick the employer and the place out of whatever names a
/// complaint's fields carry ("employer_name", "majikan", "صاحب العمل"; "district", "जिल्ला"), for
/// the case list's columns (issue 19 #1). It decides nothing about what is kept.
public struct FieldNameCategories: Sendable {
    private let categories: [(name: String, stems: NameStemSet)]

    public init(policy: FirewallPolicy = .makeDefault()) {
        categories = policy.agencyVisible.keys.sorted().map { ($0, NameStemSet(policy.agencyVisible[$0]!)) }
    }

    /// The categories whose stems match `name`, sorted; empty when none does.
    public func categories(of name: String) -> [String] {
        let words = FieldNameNormaliser.words(name)
        guard !words.isEmpty else { return [] }
        let joined = words.joined()
        return categories.filter { $0.stems.matches(words, joined: joined) }.map(\.name)
    }

    /// Whether `name` matches `stem` as a policy stem would (`employer*`, `origin*`, `जिल्ला`).
    public static func name(_ name: String, matches stem: String) -> Bool {
        let words = FieldNameNormaliser.words(name)
        return !words.isEmpty && NameStem(stem).matches(words, joined: words.joined())
    }
}
