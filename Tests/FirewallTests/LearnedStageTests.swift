import Foundation
import Testing
@testable import Firewall

/// The learned second stage against the Python reference (scripts/train-status-classifier):
/// hashes, tokens, normalised forms, exact integer sums, logits and outputs of hand-written
/// sentences (Resources/learned-*.jsonl, written by export_swift.py with the shipped model).
@Suite("Learned stage")
struct LearnedStageTests {
    static let resources = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("Resources")

    static func lines(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("FNV-1a and slot index match the reference")
    func hashes() throws {
        let model = LearnedModel.shipped
        for r in try Self.lines("learned-hashcheck.jsonl") {
            let tag = (r["group"] as! String).utf8.first!
            let gram = r["gram"] as! String
            let h = LearnedStage.fnv1a(Array(gram.utf8), from: LearnedStage.fnv1a([tag]))
            #expect(h == (r["fnv1a32"] as! NSNumber).uint32Value, "\(gram)")
            #expect(((h >> 18) ^ h) & model.mask == (r["index"] as! NSNumber).uint32Value, "\(gram)")
            let state = LearnedStage.tagStates[LearnedStage.tags.firstIndex(of: tag)!]
            #expect(LearnedStage.fnv1a(Array(gram.utf8), from: state) == h)
        }
    }

    @Test("tokens, sums, logits and outputs match the reference exactly")
    func vectors() throws {
        let model = LearnedModel.shipped
        var checkedWords = 0
        for r in try Self.lines("learned-vectors.jsonl") {
            let text = r["text"] as! String
            let p = r["policy"] as! [String: Any]
            let settings = FirewallPolicy.LearnedStageSettings(
                removeAt: (p["t"] as! NSNumber).doubleValue, keepVeto: (p["veto"] as! NSNumber).doubleValue,
                sureAt: (p["t_sure"] as! NSNumber).doubleValue, bridgeWords: (p["gap"] as! NSNumber).intValue,
                minWords: (p["min_run"] as! NSNumber).intValue)
            let stage = LearnedStage(model: model, settings: settings)
            let t = Array(text.unicodeScalars)
            let pieces = LearnedStage.pieces(t)
            let expected = r["pieces"] as! [[[String: Any]]]
            try #require(pieces.count == expected.count, "pieces of #\(r["n"]!)")
            for (piece, want) in zip(pieces, expected) {
                let got = stage.score(t, piece, trace: true)
                try #require(got.count == want.count, "tokens of #\(r["n"]!): \(got.map(\.token)) vs \(want.count)")
                for (g, w) in zip(got, want) {
                    #expect(g.token.start - piece.lowerBound == (w["s"] as! Int) && g.token.end - piece.lowerBound == (w["e"] as! Int))
                    #expect(g.token.isWord == (w["word"] as! Bool))
                    #expect(String(String.UnicodeScalarView(g.normalised)) == (w["norm"] as! String), "#\(r["n"]!) norm")
                    guard g.token.isWord else { continue }
                    #expect(g.counts == (w["counts"] as! [Int]), "#\(r["n"]!) counts")
                    #expect(g.accRemove == (w["acc_remove"] as! [Int]), "#\(r["n"]!) remove sums")
                    #expect(g.accKeep == (w["acc_keep"] as! [Int]), "#\(r["n"]!) keep sums")
                    #expect(abs(g.logitRemove - (w["logit_remove"] as! NSNumber).doubleValue) < 1e-9)
                    #expect(abs(g.logitKeep - (w["logit_keep"] as! NSNumber).doubleValue) < 1e-9)
                    checkedWords += 1
                }
            }
            // The classifier alone (no protection), as the reference applies it.
            var out = String.UnicodeScalarView()
            var cursor = 0
            for range in stage.removals(in: t, protected: { [] }) {
                out.append(contentsOf: t[cursor..<range.lowerBound])
                out.append(contentsOf: Firewall.marker.unicodeScalars)
                cursor = range.upperBound
            }
            out.append(contentsOf: t[cursor...])
            #expect(String(out) == (r["output"] as! String), "output of #\(r["n"]!)")
        }
        #expect(checkedWords > 300)
    }

    /// Expected values are anyascii's (Python, `fwfeat.transliterate`), not this code's.
    @Test("a word in another script is also read in Latin letters; Latin words and Han are not", arguments: [
        ("भिसा", "bhisa"), ("ቪዛ", "viza"), ("වීසා", "visa"), ("ວີຊາ", "vixa"), ("виза", "viza"), ("βιζα", "viza"),
        ("ویزا", "wyz"), ("visa", nil), ("签证", nil), ("0000", nil),
    ] as [(String, String?)])
    func transliteration(word: String, latin: String?) {
        #expect(LearnedModel.shipped.transliterates)
        let norm = LearnedStage.normalisedUTF8(ArraySlice(word.unicodeScalars))
        #expect(LearnedTransliteration.transliterate(utf8: norm).map { String(decoding: $0, as: UTF8.self) } == latin)
    }

    @Test("a model without transliteration (FWLM0002) reads each word's own n-grams only")
    func withoutTransliteration() throws {
        var bytes = Base64.decode(LearnedModel.shippedBase64)
        bytes.replaceSubrange(0..<8, with: Array("FWLM0002".utf8))
        let old = try LearnedModel(bytes: bytes)
        #expect(!old.transliterates)
        let settings = FirewallPolicy.LearnedStageSettings(removeAt: 0.6, keepVeto: 0.7, sureAt: 1.01, bridgeWords: 1, minWords: 2)
        let t = Array("मेरो भिसा सकियो".unicodeScalars)
        let with = LearnedStage(model: .shipped, settings: settings).score(t, 0..<t.count, trace: true)
        let without = LearnedStage(model: old, settings: settings).score(t, 0..<t.count, trace: true)
        // "भिसा" alone: its centre group counts its own n-grams, then "bhisa"'s too.
        #expect(without[1].counts[0] == 15 && with[1].counts[0] == 15 + 19)
    }

    /// A field's value goes to the stage when it holds two words or more; in a script written
    /// without spaces those are the pieces the stage cuts a run into (a whole Chinese remark was
    /// one run of letters, so it was never read).
    @Test("a field value in a script without spaces has words for the stage to read")
    func unspacedValues() {
        #expect(Firewall.hasWords("入境處已拒絕延期逗留申請", atLeast: 2))
        #expect(Firewall.hasWords("ข้ามแดนที่แม่สอดโดยไม่ผ่านด่าน", atLeast: 2))
        #expect(Firewall.hasWords("no salary", atLeast: 2))
        #expect(!Firewall.hasWords("陳太", atLeast: 2))
        #expect(!Firewall.hasWords("Maria 25", atLeast: 2))
        #expect(!Firewall.hasWords("+971 50 123 4567", atLeast: 2))
    }

    @Test("log-odds thresholds")
    func logOdds() {
        #expect(abs(LearnedStage.logOdds(0.5)) < 1e-15)
        #expect(abs(LearnedStage.logOdds(0.8) - 1.3862943611198906) < 1e-14)
        #expect(abs(LearnedStage.logOdds(0.7) - 0.8472978603872037) < 1e-14)
        #expect(abs(LearnedStage.logOdds(0.1) + 2.1972245773362196) < 1e-14)
        #expect(LearnedStage.logOdds(1.01) == .infinity)
    }

    @Test("the rules veto it: threats, custody of documents, decoys, labour words, money and hours stay")
    func protections() {
        let fw = Firewall(policy: .makeDefault())
        for text in [
            "Madam says she will phone the immigration office if I complain about unpaid wages",
            "my employer took my passport and keeps it in her safe",
            "I paid with my Visa card at the agency office",
            "I work 16 hrs a day and they pay me 450 dollars a month",
        ] {
            let r = fw.redact(text)
            #expect(r.report.counts[.learned] == nil, "\(text) → \(r.text)")
        }
    }

    /// The stage read romanised and run-on accounts of abuse as status (set s, 2026-12-07): the
    /// forced-labour indicator phrases are the inspector's case, and it may not take them.
    @Test("forced-labour indicator phrases are protected from the stage; abuse of vulnerability is not")
    func indicatorsProtected() throws {
        let redactor = NarrativeRedactor(detector: NarrativeDetector(), policyVersion: 3)
        let text = "madam kept me in the house for 2 years and I cannot go to the hospital"
        let shield = redactor.protectedScalars(text)
        let scalars = Array(text.unicodeScalars)
        func covered(_ phrase: String) throws -> Bool {
            let start = try #require(String(String.UnicodeScalarView(scalars)).range(of: phrase))
            let a = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: start.lowerBound)
            return (a..<(a + phrase.unicodeScalars.count)).allSatisfy { shield[$0] }
        }
        #expect(try covered("kept me in the house"))
        #expect(try !covered("cannot go to the hospital"))
    }

    @Test("addresses stay whole: the inspector needs the house", arguments: [
        "Jalan Melati, number 12",
        "The house is on Jalan Mawar, number 12, in Cilandak.",
        "Jalan Mawar no 12",
        "Villa 23, Street 7, Al Barsha, Dubai.",
    ])
    func addressesStay(_ text: String) {
        #expect(Firewall(policy: .makeDefault()).redact(text).text == text)
    }

    @Test("policies without a learned stage redact by the rules alone; the default has one")
    func policyGate() throws {
        let v2 = FirewallPolicy.defaultJSON
            .replacingOccurrences(of: "\"version\": 3", with: "\"version\": 2")
            .replacingOccurrences(of: #""learned_stage": {"remove_at": 0.6, "keep_veto": 0.7, "bridge_words": 1, "min_words": 2},"#, with: "")
        let p2 = try FirewallPolicy(json: Array(v2.utf8))
        #expect(p2.learnedStage == nil)
        let text = "nobody ever did my papers from the day I landed, I work for madam in the house"
        let rules = Firewall(policy: p2).redact(text)
        #expect(rules.text == Firewall(policy: .makeDefault(), learnedModel: nil).redact(text).text)
        #expect(rules.report.counts[.learned] == nil)
        #expect(FirewallPolicy.makeDefault().learnedStage != nil)
    }

    @Test("the union removes at least what the rules remove, and is a fixed point")
    func union() {
        let fw = Firewall(policy: .makeDefault())
        let rules = Firewall(policy: .makeDefault(), learnedModel: nil)
        for text in [
            "I flew in as a tourist and never left when the stamp ran out, now I clean 14 hours a day for 900 dollars",
            "nobody ever did my papers from the day I landed, the agency kept 3 months salary as fee",
            "saya tidak ada permit kerja, majikan tidak bayar gaji 5 bulan",
            "my vizza expird since march, boss never renu it, i work 15 hrs daily no off day",
        ] {
            let u = fw.redact(text)
            #expect(u.report.total >= rules.redact(text).report.total)
            #expect(fw.redact(u.text).text == u.text, "\(u.text)")
        }
    }
}
