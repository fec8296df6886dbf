import Foundation
import Testing
import Firewall

@Suite("Purity and the audit report")
struct PurityTests {
    let text = "My iqama number 2398475610 expired. Mrs. Tan in Bishan pays me 450 dollars. I am undocumented."

    @Test("deterministic: same input, same output, across instances and threads")
    func deterministic() async {
        let a = Firewall(policy: .makeDefault()).redact(text)
        let b = Firewall(policy: .makeDefault()).redact(text)
        #expect(a == b)
        let shared = Firewall(policy: .makeDefault())
        let results = await withTaskGroup(of: Redaction.self) { group in
            for _ in 0..<8 { group.addTask { shared.redact(self.text) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == a })
    }

    @Test("text outside removed spans is copied exactly")
    func verbatim() {
        let r = Firewall(policy: .makeDefault()).redact(text)
        #expect(r.text.contains("Mrs. Tan in Bishan pays me 450 dollars."))
        #expect(!r.text.contains("2398475610"))
        #expect(r.report.total >= 2)
    }

    @Test("the encoded report holds counts only")
    func reportHasNoContent() throws {
        let fw = Firewall(policy: .makeDefault())
        let c = fw.screen(language: "en", fields: ["passport_no": "P4829133", "employer": "Mrs. Tan", "notes": "overstayed since 2022"],
                          narrative: text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(c.report)
        let json = String(decoding: data, as: UTF8.self)
        // Structure: policy_version plus counts keyed by category raw values, integers only.
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(Set(object.keys) == ["counts", "policy_version"])
        let counts = object["counts"] as! [String: Any]
        let categories = Set(DisclosureCategory.allCases.map(\.rawValue))
        for (k, v) in counts { #expect(categories.contains(k)); #expect(v is Int) }
        // No fragment of the input (words, numbers, field values) appears in the encoding.
        let inputs = [text, "P4829133", "Mrs. Tan", "overstayed since 2022", "passport_no", "notes"]
        for input in inputs {
            for word in input.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.count >= 3 {
                #expect(!json.lowercased().contains(word.lowercased()) || categories.contains { $0.contains(word.lowercased()) },
                        "report contains \(word)")
            }
        }
        #expect(json == String(decoding: try encoder.encode(c.report), as: UTF8.self))
        #expect(try JSONDecoder().decode(FirewallReport.self, from: data) == c.report)
    }

    @Test("empty and marker-only inputs")
    func edges() {
        let fw = Firewall(policy: .makeDefault())
        #expect(fw.redact("").text == "")
        #expect(fw.redact("").report.total == 0)
        #expect(fw.redact(Firewall.marker).text == Firewall.marker)
        #expect(fw.screenFields([:]).kept.isEmpty)
    }
}
