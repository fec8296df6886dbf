#if canImport(Glibc)
import Glibc
#endif

/// Why the agent, or a client talking to it, could not do what was asked. A stable code for tests
/// and callers, a reason for people; never a secret.
public struct KeyAgentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No agent answers at the socket (gone, never started, or a stale `SAFEINTAKE_AGENT`).
        case unreachable
        /// The other end is not this user (SO_PEERCRED), or the agent refused the request.
        case refused
        /// A frame that is not this protocol, or a connection that ended early.
        case protocolError = "protocol_error"
        /// A system call failed while setting up (a folder, a socket).
        case system
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    static func system(_ what: String, _ number: Int32) -> KeyAgentError {
        KeyAgentError(.system, "\(what): \(String(cString: strerror(number)))")
    }

    public var description: String { reason }
}
