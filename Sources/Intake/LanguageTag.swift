/// Language tags a complaint may carry: a language SafeIntake reads, with at most a script and a
/// region ("tl", "ne-Latn", "ar-SA", "zh-Hant-HK").
///
/// The tag reaches the inspector in the agency view, so it is reporter-chosen text like any
/// other: a free-form tag carried status straight past the firewall ("en-x-noVisa", found by the
/// December 2026 review). So only known languages, scripts and region codes pass; private-use
/// and extension subtags never do, and the firewall still treats the language as a hint only.
public enum LanguageTag {
    /// The reporter pages' sixteen languages, and the others the firewall's lexicons read.
    public static let languages: Set<String> = [
        "am", "ar", "bn", "en", "es", "hi", "id", "km", "my", "ne", "si", "sw", "ta", "tl", "ur", "vi",
        "fil", "ms", "pt", "fr", "it", "th", "zh", "ko", "ti", "om", "so", "lo", "mn", "ky", "uz", "ru",
    ]

    /// ISO 15924 scripts the languages above are written in.
    public static let scripts: Set<String> = [
        "latn", "arab", "deva", "beng", "sinh", "taml", "ethi", "mymr", "khmr", "thai", "hans", "hant", "hang", "laoo", "cyrl",
    ]

    public static func isValid(_ tag: String) -> Bool {
        guard tag.utf8.count <= 16 else { return false }
        let parts = tag.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let primary = parts.first, languages.contains(primary), parts.count <= 3 else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4 {
            guard scripts.contains(script) else { return false }
            rest = rest.dropFirst()
        }
        if let region = rest.first {
            let isRegion = (region.count == 2 && region.allSatisfy { $0 >= "a" && $0 <= "z" })
                || (region.count == 3 && region.allSatisfy { $0 >= "0" && $0 <= "9" })
            guard isRegion else { return false }
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }
}
