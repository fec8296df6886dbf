import Testing
import Firewall

@Suite("Policy")
struct PolicyTests {
    @Test("the embedded default policy parses")
    func defaultParses() throws {
        let p = try FirewallPolicy(json: Array(FirewallPolicy.defaultJSON.utf8))
        #expect(p.version == 1)
        #expect(p.bytes == Array(FirewallPolicy.defaultJSON.utf8))
        #expect(p == FirewallPolicy.makeDefault())
    }

    @Test("unknown versions are refused")
    func unknownVersion() {
        let json = FirewallPolicy.defaultJSON.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
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
