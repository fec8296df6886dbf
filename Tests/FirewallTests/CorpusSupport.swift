import Foundation
import Firewall

/// Finds and scores the shared development corpus exactly as its README says: after NFC,
/// removal = share of `must_remove` strings absent from the output (a removed span's 4+-digit
/// runs must be gone too), preservation = share of `must_keep` strings present verbatim.
/// Substring tests are on Unicode scalars, as the corpus's own validator (Python) does, not on
/// Swift grapheme clusters, which differ for Burmese and Indic conjuncts.
enum Corpus {
    /// `<project root>/../shared/firewall-corpus`, found from this file's real location so the
    /// tests work from the package, from a scratch package that symlinks the test folder, and
    /// from a fresh clone where `shared/` sits beside the project folder.
    static let directory: URL? = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/firewall-corpus")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// `Tests/FirewallCorpus`: the project's own sets, written by helpers who never saw the
    /// lexicons (set f; `HeldOut/` holds e and g, kept out of tuning until their first looks).
    static let projectDirectory: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FirewallCorpus")

    /// The sets in the project rather than in `../shared`, by folder: f was tuned on; e and g were
    /// kept out of tuning until their first looks (Docs/firewall.md) and have been tuned on since.
    /// Sets i to p (2026-12-07) were each scored once before anyone tuned on them (their first
    /// looks are in Docs/firewall.md) and have been tuned on since. Sets q and r (2026-12-07, fourth
    /// session) are blind: scored, never read or tuned on. Set h is never read here.
    static let projectSets: [String: String] = [
        "f": "", "e": "HeldOut/", "g": "HeldOut/",
        "i": "", "j": "", "k": "", "l": "", "m": "", "n": "", "o": "", "p": "", "q": "", "r": "", "s": "", "t": "",
    ]

    struct Narrative { let id, lang, text, notes: String; let mustRemove, mustKeep: [String] }
    struct Form { let id: String; let fields: [String: String]; let visible, strip: [String] }

    static func lines(_ name: String) throws -> [[String: Any]] {
        let set = String(name.split(separator: "-").last!.split(separator: ".").first!)
        let sub = projectSets[set]
        guard let dir = sub != nil ? projectDirectory : directory else { throw CocoaError(.fileNoSuchFile) }
        let text = try String(contentsOf: dir.appendingPathComponent((sub ?? "") + name), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    static func narratives(_ set: String) throws -> [Narrative] {
        try lines("narratives-\(set).jsonl").map {
            Narrative(id: $0["id"] as! String, lang: String(($0["lang"] as! String).split(separator: "-")[0]),
                      text: $0["text"] as! String, notes: $0["notes"] as? String ?? "", mustRemove: $0["must_remove"] as! [String], mustKeep: $0["must_keep"] as! [String])
        }
    }

    static func forms(_ set: String) throws -> [Form] {
        try lines("forms-\(set).jsonl").map { r in
            var fields: [String: String] = [:]
            for (k, v) in r["fields"] as! [String: Any] { fields[k] = (v as? String) ?? "\(v)" }
            return Form(id: r["id"] as! String, fields: fields, visible: r["agency_visible"] as! [String], strip: r["must_strip"] as! [String])
        }
    }

    struct Score {
        var removed = 0, toRemove = 0, kept = 0, toKeep = 0
        var failures: [String] = []
        var removal: Double { toRemove == 0 ? 1 : Double(removed) / Double(toRemove) }
        var preservation: Double { toKeep == 0 ? 1 : Double(kept) / Double(toKeep) }
        mutating func add(_ o: Score) {
            removed += o.removed; toRemove += o.toRemove; kept += o.kept; toKeep += o.toKeep; failures += o.failures
        }
    }

    static func score(_ n: Narrative, _ firewall: Firewall) -> Score {
        let out = nfcScalars(firewall.redact(n.text, language: n.lang).text)
        var s = Score()
        for span in n.mustRemove {
            s.toRemove += 1
            var gone = !contains(out, nfcScalars(span))
            for run in digitRuns(span) where contains(out, Array(run.unicodeScalars)) { gone = false }
            if gone { s.removed += 1 } else { s.failures.append("\(n.id) leaked: \(span)") }
        }
        for span in n.mustKeep {
            s.toKeep += 1
            if contains(out, nfcScalars(span)) { s.kept += 1 } else { s.failures.append("\(n.id) lost: \(span)") }
        }
        return s
    }

    static func nfcScalars(_ s: String) -> [Unicode.Scalar] { Array(s.precomposedStringWithCanonicalMapping.unicodeScalars) }

    static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard hay.count >= needle.count else { return false }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<i + needle.count]) == needle { return true }
        }
        return false
    }

    /// Runs of 4 or more ASCII digits (the README's leak rule).
    static func digitRuns(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for u in s.unicodeScalars {
            if u.value >= 0x30 && u.value <= 0x39 { cur.unicodeScalars.append(u) } else {
                if cur.count >= 4 { out.append(cur) }
                cur = ""
            }
        }
        if cur.count >= 4 { out.append(cur) }
        return out
    }
}
