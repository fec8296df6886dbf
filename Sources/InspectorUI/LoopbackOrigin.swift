import Synchronization

/// The only address the UI answers to: 127.0.0.1 (or `localhost`) on its own port.
///
/// The server binds 127.0.0.1 alone, so no other machine can connect. The Host check defends
/// against DNS rebinding: a web page on `evil.example` whose name is made to resolve to
/// 127.0.0.1 would reach the socket, but its requests carry `Host: evil.example:PORT` and are
/// refused. The Origin check refuses form posts made by any other origin (other loopback ports
/// included), as a second lock behind the CSRF token.
public final class LoopbackOrigin: Sendable {
    /// The interface the UI listens on. Never anything else.
    public static let bindAddress = "127.0.0.1"

    private let port: Mutex<Int?>

    /// `port` is nil until the server has bound (when asked for port 0); requests are refused until then.
    public init(port: Int?) {
        self.port = Mutex(port)
    }

    /// Records the port the server actually bound.
    public func bound(to port: Int) {
        self.port.withLock { $0 = port }
    }

    /// The bound port, once known.
    public var boundPort: Int? { port.withLock { $0 } }

    /// The base URL the inspector opens.
    public var baseURL: String? { boundPort.map { "http://\(Self.bindAddress):\($0)" } }

    /// True for `127.0.0.1:PORT` and `localhost:PORT` (any letter case for the name).
    func acceptsHost(_ authority: String?) -> Bool {
        guard let authority, let port = boundPort else { return false }
        let lowered = authority.lowercased()
        return lowered == "\(Self.bindAddress):\(port)" || lowered == "localhost:\(port)"
    }

    /// True when an `Origin` header names this UI (`http://127.0.0.1:PORT` or `http://localhost:PORT`).
    func acceptsOrigin(_ origin: String) -> Bool {
        let prefix = "http://"
        guard origin.lowercased().hasPrefix(prefix) else { return false }
        return acceptsHost(String(origin.dropFirst(prefix.count)))
    }
}
