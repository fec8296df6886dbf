#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Sodium

/// Asks a running key agent (its socket: `SAFEINTAKE_AGENT`) for a key, its status, or to stop.
/// Each call is one connection: one request, one reply (`AgentProtocol`).
public struct KeyAgentClient: Sendable {
    public let socketPath: String

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// The socket named by `SAFEINTAKE_AGENT`, when it is set and not empty.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> KeyAgentClient? {
        guard let path = environment[environmentVariable], !path.isEmpty else { return nil }
        return KeyAgentClient(socketPath: path)
    }

    public static let environmentVariable = "SAFEINTAKE_AGENT"

    /// The 64-byte secret of the key `keyID`, read straight into guarded memory; nil when the
    /// agent holds another key. The caller checks it against the key file (Envelope does).
    public func secret(keyID: String) throws(KeyAgentError) -> SecureBytes? {
        let (socket, status, length) = try send(.key(keyID: keyID))
        switch status {
        case .ok:
            guard length == 1 + 64 else { throw KeyAgentError(.protocolError, "the agent sent a key of \(length - 1) bytes, not 64") }
            var failure: KeyAgentError?
            let secret = SecureBytes(count: 64, guarded: true) { (buffer: UnsafeMutableRawBufferPointer) -> Void in
                do throws(KeyAgentError) { try socket.read(into: buffer) } catch { failure = error }
            }
            if let failure { throw failure }
            return secret
        case .notHeld:
            _ = try? socket.read(count: length - 1)
            return nil
        case .refused:
            throw KeyAgentError(.refused, "the agent refused: \(String(decoding: try socket.read(count: length - 1), as: UTF8.self))")
        }
    }

    public func status() throws(KeyAgentError) -> AgentStatus {
        let body = try simple(.status)
        guard let status = try? JSONDecoder().decode(AgentStatus.self, from: Data(body)) else {
            throw KeyAgentError(.protocolError, "the agent's status is not the JSON of this version")
        }
        return status
    }

    /// Tells the agent to wipe its key and exit; it has done so once this returns.
    public func stop() throws(KeyAgentError) {
        _ = try simple(.stop)
    }

    private func simple(_ request: AgentProtocol.Request) throws(KeyAgentError) -> [UInt8] {
        let (socket, status, length) = try send(request)
        let body = try socket.read(count: length - 1)
        guard status == .ok else { throw KeyAgentError(.refused, "the agent refused: \(String(decoding: body, as: UTF8.self))") }
        return body
    }

    /// Sends `request` and reads the reply's length and status byte.
    private func send(_ request: AgentProtocol.Request) throws(KeyAgentError) -> (UnixSocket, AgentProtocol.Status, Int) {
        let socket = try UnixSocket.connect(to: socketPath, timeoutSeconds: AgentProtocol.ioTimeoutSeconds)
        // The other way round too: a socket someone else put in the way is not our agent.
        guard socket.peerUID == getuid() else {
            throw KeyAgentError(.refused, "the process at \(socketPath) does not run as this user: not asking it for anything")
        }
        let text = Array(request.text.utf8)
        try socket.write(AgentProtocol.header(text.count) + text)
        let length = try AgentProtocol.length(socket.read(count: 4))
        guard length >= 1, let status = AgentProtocol.Status(rawValue: try socket.read(count: 1)[0]) else {
            throw KeyAgentError(.protocolError, "the reply is not this protocol's (\(AgentProtocol.prefix))")
        }
        return (socket, status, length)
    }
}
