import Testing
import Firewall

@Suite("Policy")
struct PolicyTests {
    @Test("the embedded default policy parses")
    func defaultParses() throws {
        let p = try FirewallPolicy(json: Array(FirewallPolicy.defaultJSON.utf8))
        #expect(p.version == 3)
        #expect(p.unlistedFields == .screen)
        #expect(p.learnedStage == FirewallPolicy.LearnedStageSettings(removeAt: 0.6, keepVeto: 0.7, bridgeWords: 1, minWords: 2))
        #expect(p.bytes == Array(FirewallPolicy.defaultJSON.utf8))
        #expect(p == FirewallPolicy.makeDefault())
    }

    @Test("unknown versions are refused")
    func unknownVersion() {
        let json = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"version\": 3", with: "\"version\": 4")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(json.utf8)) }
        do { _ = try FirewallPolicy(json: Array(json.utf8)) } catch { #expect(error.code == "policy.unsupported_version") }
    }

    @Test("bad shapes are refused with a stable code", arguments: [
        ("not json", "policy.not_json"),
        ("[]", "policy.not_json"),
        (#"{"format": "safeintake-firewall-policy", "version": 1, "extra": true}"#, "policy.bad_shape"),
        (#"{"format": "other", "version": 1}"#, "policy.bad_shape"),
        (#"{"format": "safeintake-firewall-policy", "version": "1"}"#, "policy.bad_shape"),
    ])
    func badShape(_ input: (String, String)) {
        do {
            _ = try FirewallPolicy(json: Array(input.0.utf8))
            Issue.record("accepted \(input.0)")
        } catch {
            #expect(error.code == input.1)
            #expect(!error.reason.isEmpty)
        }
    }

    static let learnedLine = #""learned_stage": {"remove_at": 0.6, "keep_veto": 0.7, "bridge_words": 1, "min_words": 2},"#

    @Test("a version 1 policy still parses, and drops unlisted fields; unlisted_fields needs version 2")
    func versionOne() throws {
        let v1 = FirewallPolicy.defaultJSON
            .replacingOccurrences(of: "\"version\": 3", with: "\"version\": 1")
            .replacingOccurrences(of: "\"unlisted_fields\": \"screen\",", with: "")
            .replacingOccurrences(of: Self.learnedLine, with: "")
        let p = try FirewallPolicy(json: Array(v1.utf8))
        #expect(p.version == 1 && p.unlistedFields == .drop)
        let r = Firewall(policy: p).screenFields(["zzz_qqq": "1", "employer": "Mr. Tan"])
        #expect(r.kept == ["employer": "Mr. Tan"])
        #expect(r.report.counts[.unlistedField] == 1)
        let mixed = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"version\": 3", with: "\"version\": 1")
            .replacingOccurrences(of: Self.learnedLine, with: "")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(mixed.utf8)) }
        let bad = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"unlisted_fields\": \"screen\"", with: "\"unlisted_fields\": \"keep\"")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(bad.utf8)) }
    }

    @Test("a version 2 policy parses as before, with no learned stage; learned_stage needs version 3")
    func versionTwo() throws {
        let v2 = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"version\": 3", with: "\"version\": 2")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(v2.utf8)) }
        let p = try FirewallPolicy(json: Array(v2.replacingOccurrences(of: Self.learnedLine, with: "").utf8))
        #expect(p.version == 2 && p.unlistedFields == .screen && p.learnedStage == nil)
        let v3off = FirewallPolicy.defaultJSON.replacingOccurrences(of: Self.learnedLine, with: "")
        #expect(try FirewallPolicy(json: Array(v3off.utf8)).learnedStage == nil)
    }

    @Test("learned_stage is strict", arguments: [
        #""learned_stage": {"remove_at": 0.8, "keep_veto": 0.7, "bridge_words": 1},"#,
        #""learned_stage": {"remove_at": 0, "keep_veto": 0.7, "bridge_words": 1, "min_words": 2},"#,
        #""learned_stage": {"remove_at": 1.5, "keep_veto": 0.7, "bridge_words": 1, "min_words": 2},"#,
        #""learned_stage": {"remove_at": "0.8", "keep_veto": 0.7, "bridge_words": 1, "min_words": 2},"#,
        #""learned_stage": {"remove_at": 0.8, "keep_veto": 0.7, "bridge_words": 1.5, "min_words": 2},"#,
        #""learned_stage": {"remove_at": 0.8, "keep_veto": 0.7, "bridge_words": 9, "min_words": 2},"#,
        #""learned_stage": {"remove_at": 0.8, "keep_veto": 0.7, "bridge_words": 1, "min_words": 2, "off": true},"#,
        #""learned_stage": true,"#,
    ])
    func learnedStageShape(_ line: String) {
        let json = FirewallPolicy.defaultJSON.replacingOccurrences(of: Self.learnedLine, with: line)
        do {
            _ = try FirewallPolicy(json: Array(json.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.code == "policy.bad_shape")
        }
    }

    @Test("an unknown key anywhere at the top level is an error, not ignored")
    func unknownKey() {
        let json = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"screen_values\": true,", with: "\"screen_values\": true, \"allow_all\": true,")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(json.utf8)) }
    }
}

private extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
