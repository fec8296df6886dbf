import Foundation
import Testing
import Firewall

/// Issue 16: the firewall on text as workers really write it — without punctuation, misspelled,
/// with numbers in many shapes. The examples are the issue's own (written for it, taken from no
/// corpus); the corpus floors below are the figures measured when this was written
/// (Docs/firewall.md), so a change that loses ground fails here.
@Suite("Real writing")
struct RealWritingTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("an unpunctuated message loses only its status, never the labour facts beside it")
    func unpunctuatedMessage() {
        let text = "tlg sy blm dibyr 5bln majikan pukul sy visa sy mati udh lama sy takut keluar"
        let out = firewall.redact(text).text
        #expect(!out.contains("visa sy mati udh lama"))
        #expect(!out.contains("visa"))
        for fact in ["tlg sy blm dibyr 5bln", "majikan pukul sy", "sy takut keluar"] {
            #expect(out.contains(fact), "lost \"\(fact)\" in \(out)")
        }
    }

    @Test("a long run-on message keeps its wage, its hours and its beating", arguments: [
        ("hi maam my employer dont pay my salary 4 months 😭 my viza expaired last june i still work 16 hrs everyday no day off she hit me",
         ["my employer dont pay my salary 4 months", "i still work 16 hrs everyday", "no day off", "she hit me"],
         ["viza", "last june"]),
        ("good evening sir i clean 3 houses for madam lim she pay only 450 not 600 i am overstayd 2 years agency take my passport",
         ["i clean 3 houses for madam lim", "she pay only 450 not 600", "agency take my passport"],
         ["overstayd", "2 years"]),
    ])
    func runOn(_ example: (String, [String], [String])) {
        let out = firewall.redact(example.0).text
        for fact in example.1 { #expect(out.contains(fact), "lost \"\(fact)\" in \(out)") }
        for status in example.2 { #expect(!out.contains(status), "kept \"\(status)\" in \(out)") }
    }

    @Test("misspelled and abbreviated status words are read as what they stand for", arguments: [
        "my vissa expird last year", "i am overstayd", "no docoments", "i am iligal now", "my viza expaired",
        "sy overstey sejak agustus", "she never renew my permet and now no permet",
    ])
    func misspellings(_ text: String) {
        let out = firewall.redact(text).text
        #expect(out.contains(Firewall.marker), "nothing removed from \(text)")
        let statusWords = ["vissa", "overstayd", "docoments", "iligal", "viza", "overstey", "permet"]
        for w in statusWords { #expect(!out.contains(w), "kept \(w) in \(out)") }
    }

    @Test("ordinary words near status words are never rewritten", arguments: [
        "the employer departed to Dubai", "I struggled with the work", "she stated the rules", "I expected my salary",
    ])
    func nearMisses(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    @Test("document numbers in the shapes people type them", arguments: [
        ("my passport is the one ending in 5512", "5512"),
        ("passport no. AB-1234567-C and she keeps it", "-C"),
        ("ana pasipoti namba AK 0 4 4 7 1 9 2 lakini mama ameichukua", "0 4 4 7"),
        ("पासपोर्ट संख्या Z४४७१०९३ मालिक के पास है", "४४७१०९३"),
        ("ပတ်စပို့ နံပါတ် MC၄၈၂၉၁၇ ပါ", "၄၈၂၉၁၇"),
        ("passport ko ay P 4 8 2 9 1 3 3 hawak ng amo", "4 8 2 9"),
    ])
    func documentNumbers(_ example: (String, String)) {
        let out = firewall.redact(example.0).text
        #expect(!out.contains(example.1), "kept \(example.1) in \(out)")
    }

    @Test("threats and confiscation stay", arguments: [
        "she threatens to report me to immigration", "the office holds my passport",
        "madam says she will cancel my visa and deport me", "my employer keeps my passport in her drawer",
    ])
    func labourFactsStay(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    /// Measured 2026-12-07 with the learned stage (Docs/firewall.md, indirect disclosures): set d
    /// 0.991 / 0.981, set f 0.956 / 0.962, set e 0.942 / 0.969, set g 0.939 / 0.952 (e and g were
    /// tuned on since their first looks); forms d 1.00 / 0.99, f 0.96 / 0.98, e 0.97 / 0.97, g 0.86 /
    /// 0.96. The floors sit a little below, so noise in a lexicon edit does not fail the suite but a
    /// real loss does.
    /// Sets i to p, measured 2026-12-07 (third session) with the model trained on a–p, after
    /// tuning on them (upper bounds; their first looks are in Docs/firewall.md): i 0.955 / 0.980,
    /// j 0.923 / 0.989, k 0.980 / 0.954, l 0.979 / 0.984, m 0.963 / 0.975, n 0.995 / 0.949, o 0.933 /
    /// 0.963, p 0.951 / 0.952.
    @Test("sets d to t do not lose ground", .enabled(if: Corpus.directory != nil), arguments: [
        ("d", 0.97, 0.96), ("f", 0.93, 0.94), ("e", 0.92, 0.95), ("g", 0.92, 0.93),
        ("i", 0.93, 0.96), ("j", 0.90, 0.97), ("k", 0.96, 0.93), ("l", 0.96, 0.96),
        ("m", 0.94, 0.95), ("n", 0.97, 0.93), ("o", 0.91, 0.94), ("p", 0.93, 0.93),
        // q and r are blind (never read, never tuned on; Docs/firewall.md): 0.822 / 0.973 and
        // 0.907 / 0.927 at the end of the session that wrote them.
        ("q", 0.80, 0.96), ("r", 0.89, 0.91),
        // s was tuned on after its first look (0.884 / 0.921): 0.945 / 0.951 at the end of the
        // fifth session.
        ("s", 0.93, 0.94),
        // t is blind (never read); scored at its first look and once more to find a regression
        // (Docs/firewall.md, "Set s"): 0.913 / 0.921.
        ("t", 0.89, 0.90),
    ])
    func realWritingFloors(_ floor: (String, Double, Double)) throws {
        var total = Corpus.Score()
        for n in try Corpus.narratives(floor.0) { total.add(Corpus.score(n, firewall)) }
        #expect(total.removal >= floor.1, "set \(floor.0) removal \(total.removal)\n\(total.failures.joined(separator: "\n"))")
        #expect(total.preservation >= floor.2, "set \(floor.0) preservation \(total.preservation)")
    }

    @Test("no message of sets d and f comes out as nothing but a marker", .enabled(if: Corpus.directory != nil),
          arguments: ["d", "f"])
    func noMessageWipedWhole(_ set: String) throws {
        for n in try Corpus.narratives(set) where !n.mustKeep.isEmpty {
            let out = firewall.redact(n.text).text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(out != Firewall.marker, "\(n.id) wiped whole")
        }
    }

    @Test("forms d to t do not lose ground", .enabled(if: Corpus.directory != nil), arguments: [
        ("d", 0.99, 0.98), ("f", 0.95, 0.97), ("e", 0.95, 0.95), ("g", 0.83, 0.94),
        ("i", 0.91, 0.97), ("j", 0.91, 0.93), ("k", 0.94, 0.97), ("l", 0.84, 0.94),
        ("m", 0.96, 0.96), ("n", 0.93, 0.95), ("o", 0.86, 0.95), ("p", 0.93, 0.96),
        ("q", 0.85, 0.96), ("r", 0.95, 0.93), ("s", 0.98, 0.97), ("t", 0.85, 0.98),
    ])
    func formFloors(_ floor: (String, Double, Double)) throws {
        var stripped = 0, toStrip = 0, kept = 0, toKeep = 0
        for form in try Corpus.forms(floor.0) {
            let out = firewall.screenFields(form.fields).kept
            for name in form.strip { toStrip += 1; if out[name] == nil { stripped += 1 } }
            for name in form.visible { toKeep += 1; if out[name] == form.fields[name] { kept += 1 } }
        }
        #expect(Double(stripped) / Double(toStrip) >= floor.1)
        #expect(Double(kept) / Double(toKeep) >= floor.2)
    }

    /// Every word of the system's English word list (Debian `wamerican`, which
    /// `scripts/install-deps --for-tests` installs) that the spelling normaliser would rewrite
    /// must be in `SpellingExclusions`: a lexicon change that brings a status word near a common
    /// word fails here, with the words to add.
    @Test("no English word is taken for a misspelled status word")
    func dictionaryWordsStay() throws {
        let path = "/usr/share/dict/words"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("\(path) is missing: run scripts/install-deps --for-tests (Debian package wamerican)")
            return
        }
        let rewritten = text.split(separator: "\n")
            .filter { $0.allSatisfy { $0 >= "a" && $0 <= "z" } }
            .compactMap { w in Firewall.spellingCorrection(of: String(w)).map { "\"\(w)\" (→ \($0))" } }
        #expect(rewritten.isEmpty, "add to SpellingExclusions: \(rewritten.joined(separator: ", "))")
    }
}
