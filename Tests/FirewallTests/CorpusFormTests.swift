import Testing
import Firewall

/// Forms: must_strip fields dropped ≥ 0.99, agency_visible fields kept with their exact value
/// ≥ 0.97, per set.
@Suite("Development corpus: forms")
struct CorpusFormTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("forms per set", .enabled(if: Corpus.directory != nil), arguments: ["a", "b", "c"])
    func forms(_ set: String) throws {
        var stripped = 0, toStrip = 0, kept = 0, toKeep = 0
        var failures: [String] = []
        for form in try Corpus.forms(set) {
            let out = firewall.screenFields(form.fields).kept
            for name in form.strip {
                toStrip += 1
                if out[name] == nil { stripped += 1 } else { failures.append("\(form.id) leaked field \(name)") }
            }
            for name in form.visible {
                toKeep += 1
                if out[name] == form.fields[name] { kept += 1 } else { failures.append("\(form.id) lost field \(name)") }
            }
            // Kept fields keep their original names and exact values, and nothing else appears.
            for (name, value) in out { #expect(form.fields[name] == value) }
        }
        let s = Double(stripped) / Double(toStrip), k = Double(kept) / Double(toKeep)
        #expect(s >= 0.99, "forms-\(set) stripped \(s)\n\(failures.joined(separator: "\n"))")
        #expect(k >= 0.97, "forms-\(set) kept \(k)\n\(failures.joined(separator: "\n"))")
    }
}
