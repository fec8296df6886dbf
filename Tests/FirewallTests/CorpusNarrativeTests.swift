import Testing
import Firewall

/// Issue 3's targets on the development corpus: removal ≥ 0.98 and preservation ≥ 0.97, per
/// language (all sets together, so each language has enough spans to measure) and overall per
/// set. Below the targets these tests fail and list every leaked or lost span.
@Suite("Development corpus: narratives")
struct CorpusNarrativeTests {
    static let removalTarget = 0.98
    static let preservationTarget = 0.97
    let firewall = Firewall(policy: .makeDefault())

    @Test("corpus is reachable", .enabled(if: Corpus.directory != nil))
    func corpusPresent() throws {
        #expect(try Corpus.narratives("a").count == 80)
    }

    @Test("overall per set", .enabled(if: Corpus.directory != nil), arguments: ["a", "b", "c"])
    func perSet(_ set: String) throws {
        var total = Corpus.Score()
        for n in try Corpus.narratives(set) { total.add(Corpus.score(n, firewall)) }
        #expect(total.removal >= Self.removalTarget, "set \(set) removal \(total.removal)\n\(total.failures.joined(separator: "\n"))")
        #expect(total.preservation >= Self.preservationTarget, "set \(set) preservation \(total.preservation)\n\(total.failures.joined(separator: "\n"))")
    }

    @Test("per language, sets a+b+c", .enabled(if: Corpus.directory != nil))
    func perLanguage() throws {
        var byLang: [String: Corpus.Score] = [:]
        for set in ["a", "b", "c"] {
            for n in try Corpus.narratives(set) { byLang[n.lang, default: .init()].add(Corpus.score(n, firewall)) }
        }
        #expect(byLang.count >= 10)
        for (lang, s) in byLang.sorted(by: { $0.key < $1.key }) {
            #expect(s.removal >= Self.removalTarget, "\(lang) removal \(s.removal)\n\(s.failures.joined(separator: "\n"))")
            #expect(s.preservation >= Self.preservationTarget, "\(lang) preservation \(s.preservation)\n\(s.failures.joined(separator: "\n"))")
        }
    }
}
