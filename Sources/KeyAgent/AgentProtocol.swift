/// The key agent's protocol, version 1 (Docs/format.md §18): over a Unix stream socket, one
/// request and one reply per connection, each a frame of a 4-byte big-endian length and that many
/// bytes (at most `maxFrameBytes`).
///
/// - request: UTF-8 text, `safeintake-agent/1 key KEYID`, `safeintake-agent/1 status` or
///   `safeintake-agent/1 stop`;
/// - reply: one status byte (`Status`), then the body: for `key`, the key's 64-byte secret
///   (`box_secret_key || sign_seed`, §5.2); for `status`, a JSON object; for a refusal, a reason
///   in UTF-8; for `stop`, nothing.
public enum AgentProtocol {
    public static let prefix = "safeintake-agent/1"
    public static let maxFrameBytes = 4096
    /// Seconds either side waits for the other before it gives up on a connection.
    static let ioTimeoutSeconds = 5

    public enum Request: Equatable, Sendable {
        case key(keyID: String)
        case status
        case stop

        public var text: String {
            switch self {
            case .key(let keyID): "\(AgentProtocol.prefix) key \(keyID)"
            case .status: "\(AgentProtocol.prefix) status"
            case .stop: "\(AgentProtocol.prefix) stop"
            }
        }

        /// A request's text, or nil when it is not one this version knows.
        public init?(text: String) {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard words.first == AgentProtocol.prefix else { return nil }
            let rest = Array(words.dropFirst())
            if rest == ["status"] {
                self = .status
            } else if rest == ["stop"] {
                self = .stop
            } else if rest.count == 2, rest[0] == "key", rest[1].count == 32, rest[1].allSatisfy({ "0123456789abcdef".contains($0) }) {
                self = .key(keyID: rest[1])
            } else {
                return nil
            }
        }
    }

    public enum Status: UInt8, Sendable {
        case ok = 0
        /// Another user, an expired agent, or a request this version does not know.
        case refused = 1
        /// The agent holds a key, but not the one asked for.
        case notHeld = 2
    }

    /// The frame header for `count` bytes of payload.
    static func header(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= maxFrameBytes)
        return [UInt8(count >> 24 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
    }

    /// The payload length a header announces; refused above `maxFrameBytes`.
    static func length(_ header: [UInt8]) throws(KeyAgentError) -> Int {
        let count = header.reduce(0) { $0 << 8 | Int($1) }
        guard header.count == 4, count <= maxFrameBytes else {
            throw KeyAgentError(.protocolError, "a frame of \(count) bytes (at most \(maxFrameBytes))")
        }
        return count
    }
}
