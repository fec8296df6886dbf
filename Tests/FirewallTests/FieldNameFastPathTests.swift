import Testing
@testable import Firewall

/// The ASCII fast path of field-name matching must decide exactly as the general Unicode path.
@Suite("Field names: ASCII fast path")
struct FieldNameFastPathTests {
    let policy = FirewallPolicy.makeDefault()

    /// Every ASCII stem of the default policy, plus every corpus field name that is ASCII.
    private func asciiNames() throws -> [String] {
        var names = policy.agencyVisible.values.flatMap { $0 } + policy.neverVisible.values.flatMap { $0 }
            + policy.custodyCues + policy.threatCues + policy.decoyNames
        names = names.map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
        if Corpus.directory != nil {
            for set in ["a", "b", "c"] { names += try Corpus.forms(set).flatMap { $0.fields.keys } }
        }
        return names.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// Spellings a form designer might use for the same name.
    private func spellings(of name: String) -> [String] {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "_" })
        let camel = words.enumerated().map { $0.offset == 0 ? $0.element.lowercased() : $0.element.capitalized }.joined()
        return [name, name.uppercased(), camel, words.joined(separator: "-"), "worker." + words.joined(separator: "."),
                camel + "ID", "HK" + camel.prefix(1).uppercased() + camel.dropFirst(), name + "2", " " + name + "  "]
    }

    @Test("words: the ASCII split agrees with the Unicode split")
    func wordsAgree() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aBcDxyzQRS0129_-. /:AZaz")
        var names = try asciiNames().flatMap(spellings)
        for _ in 0..<5_000 {
            names.append(String((0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for name in names {
            let fast = try #require(FieldNameNormaliser.asciiWords(name)).map { String(decoding: $0, as: UTF8.self) }
            #expect(fast == FieldNameNormaliser.unicodeWords(name), "\(name)")
        }
        #expect(FieldNameNormaliser.asciiWords("estado_migratório") == nil)
    }

    @Test("verdicts: the fast path decides as the general path for every ASCII name and spelling")
    func verdictsAgree() throws {
        let screener = FieldScreener(policy: policy)
        var decided: [FieldScreener.Verdict: Int] = [:]
        for name in try asciiNames().flatMap(spellings) {
            let fast = screener.verdict(forName: name)
            #expect(fast == screener.unicodeVerdict(forName: name), "\(name)")
            decided[fast, default: 0] += 1
        }
        // The names cover every outcome, so agreement is not agreement on one answer.
        #expect(decided[.keep, default: 0] > 0 && decided[.status, default: 0] > 0 && decided[.unlisted, default: 0] > 0)
    }
}
