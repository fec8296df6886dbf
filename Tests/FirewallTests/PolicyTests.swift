import Testing
import Firewall

@Suite("Policy")
struct PolicyTests {
    @Test("the embedded default policy parses")
    func defaultParses() throws {
        let p = try FirewallPolicy(json: Array(FirewallPolicy.defaultJSON.utf8))
        #expect(p.version == 2)
        #expect(p.unlistedFields == .screen)
        #expect(p.bytes == Array(FirewallPolicy.defaultJSON.utf8))
        #expect(p == FirewallPolicy.makeDefault())
    }

    @Test("unknown versions are refused")
    func unknownVersion() {
        let json = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 3")
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

    @Test("a version 1 policy still parses, and drops unlisted fields; unlisted_fields needs version 2")
    func versionOne() throws {
        let v1 = FirewallPolicy.defaultJSON
            .replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1")
            .replacingOccurrences(of: "\"unlisted_fields\": \"screen\",", with: "")
        let p = try FirewallPolicy(json: Array(v1.utf8))
        #expect(p.version == 1 && p.unlistedFields == .drop)
        let r = Firewall(policy: p).screenFields(["zzz_qqq": "1", "employer": "Mr. Tan"])
        #expect(r.kept == ["employer": "Mr. Tan"])
        #expect(r.report.counts[.unlistedField] == 1)
        let mixed = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(mixed.utf8)) }
        let bad = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"unlisted_fields\": \"screen\"", with: "\"unlisted_fields\": \"keep\"")
        #expect(throws: FirewallPolicyError.self) { try FirewallPolicy(json: Array(bad.utf8)) }
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
