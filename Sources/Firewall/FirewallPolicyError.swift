/// Why a policy document was refused. `code` is stable (tests and callers compare it); `reason`
/// is for people. Neither ever quotes complaint content — a policy is not complaint data, but the
/// habit keeps errors safe to log.
public struct FirewallPolicyError: Error, Sendable, CustomStringConvertible, Equatable {
    public let code: String
    public let reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "firewall policy error \(code): \(reason)" }

    static func notJSON(_ detail: String) -> Self { .init(code: "policy.not_json", reason: "the policy is not a JSON object (\(detail))") }
    static func badShape(_ detail: String) -> Self { .init(code: "policy.bad_shape", reason: detail) }
    static func unsupportedVersion(_ v: Int) -> Self {
        .init(code: "policy.unsupported_version", reason: "policy version \(v) is not supported by this build (supported: \(FirewallPolicy.supportedVersions.map(String.init).joined(separator: ", ")))")
    }
}
