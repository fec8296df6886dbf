#if canImport(Glibc)
import Glibc
#endif
import Envelope
import Foundation
import Sodium

/// The key agent (`safeintake inspector agent`): holds one unlocked key and hands its secret to
/// processes of the same user that ask for it by key id, until its lifetime ends, it is told to
/// stop, or it gets SIGTERM, SIGINT or SIGHUP (Docs/operations.md, "One unlock per session").
///
/// The secret lives in the key's own `SecureBytes`: guarded (sodium_malloc, locked against swap)
/// and wiped when released; the agent never writes it anywhere but to a connection whose peer the
/// kernel says is this user (SO_PEERCRED). `run()` serves one connection at a time on one thread;
/// `stop()` may be called from another.
public final class KeyAgentServer: @unchecked Sendable {
    private let key: AgencyKeyPair
    private let socketPath: String
    private let deadline: Double
    private let ownUID: uid_t
    private let peerUID: (UnixSocketPeer) -> uid_t?
    private let wake: (read: Int32, write: Int32)
    private var listener: UnixSocket?

    /// What a connection's other end is, for the uid check (tests replace the check's answer).
    public struct UnixSocketPeer {
        let socket: UnixSocket
        public var kernelUID: uid_t? { socket.peerUID }
    }

    /// Listens at `socketPath` (which must not exist; its folder should be this user's, 0700)
    /// for `lifetime` seconds. `peerUID` tells who is connecting: SO_PEERCRED unless a test says.
    public init(key: AgencyKeyPair, socketPath: String, lifetime: Int, ownUID: uid_t = getuid(),
                peerUID: @escaping (UnixSocketPeer) -> uid_t? = { $0.kernelUID }) throws(KeyAgentError) {
        self.key = key
        self.socketPath = socketPath
        self.deadline = Self.now() + Double(lifetime)
        self.ownUID = ownUID
        self.peerUID = peerUID
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .system("pipe", errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)  // a signal handler's write never blocks
        }
        wake = (ends[0], ends[1])
        listener = try UnixSocket.listen(at: socketPath)
    }

    deinit {
        _ = close(wake.read)
        _ = close(wake.write)
    }

    /// Serves until the lifetime ends, a `stop` request, `stop()` or a signal handled by
    /// `stopOnSignals()`; then closes and removes the socket and its folder (when empty). The key
    /// is wiped when the last reference to it goes (the caller should hold none after this).
    public func run() {
        defer { shutDown() }
        while let listener, Self.now() < deadline {
            // poll's clock stops while the machine sleeps; the deadline's (CLOCK_BOOTTIME) does
            // not: wake at least once a minute to notice a lifetime that ended during a suspend.
            let waitMS = Int32(min(60_000, max(0, (deadline - Self.now()) * 1000)))
            var fds = [pollfd(fd: listener.fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, waitMS)
            if ready < 0 && errno != EINTR { return }
            if fds[1].revents != 0 { return }
            guard fds[0].revents != 0, let connection = listener.accept(timeoutSeconds: AgentProtocol.ioTimeoutSeconds) else { continue }
            if serve(connection) == .stop { return }
        }
    }

    /// Makes `run()` return (from any thread, or a signal handler through `stopOnSignals`).
    public func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// SIGTERM, SIGINT and SIGHUP stop this agent (one per process: the CLI's).
    public func stopOnSignals() {
        Self.signalWakeFD = wake.write
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(KeyAgentServer.signalWakeFD, &byte, 1)  // async-signal-safe
            }
        }
    }

    nonisolated(unsafe) private static var signalWakeFD: Int32 = -1

    /// What the agent answers to `request` from a process run by `peer` (nil: unknown), before
    /// any secret is touched. Internal so that tests check every refusal without a second user.
    func decide(_ request: AgentProtocol.Request?, peer: uid_t?) -> (AgentProtocol.Status, String) {
        guard let peer, peer == ownUID else {
            return (.refused, "this agent serves only the user who started it")
        }
        guard Self.now() < deadline else { return (.refused, "this agent's lifetime has ended") }
        switch request {
        case nil: return (.refused, "not a request this agent knows (\(AgentProtocol.prefix))")
        case .key(let keyID) where keyID != key.publicKey.keyID:
            return (.notHeld, "this agent holds key \(key.publicKey.keyID) (\(key.publicKey.name)), not \(keyID)")
        case .key, .status, .stop: return (.ok, "")
        }
    }

    private func serve(_ connection: UnixSocket) -> AgentProtocol.Request? {
        // Who is asking is settled before anything is read from them.
        let peer = peerUID(UnixSocketPeer(socket: connection))
        var request: AgentProtocol.Request?
        if peer == ownUID, let length = try? AgentProtocol.length(connection.read(count: 4)),
           let text = try? connection.read(count: length) {
            request = String(validating: text, as: UTF8.self).flatMap(AgentProtocol.Request.init(text:))
        }
        let (status, reason) = decide(request, peer: peer)
        guard status == .ok, let request else {
            try? reply(connection, status, Array(reason.utf8))
            return nil
        }
        switch request {
        case .key:
            let secret = key.unlockedSecret()
            try? connection.write(AgentProtocol.header(1 + secret.count) + [status.rawValue])
            try? secret.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws(KeyAgentError) in try connection.write(bytes) }
        case .status:
            let body = AgentStatus(keyID: key.publicKey.keyID, name: key.publicKey.name, role: key.publicKey.role.rawValue,
                                   pid: Int(getpid()), expiresIn: max(0, Int(deadline - Self.now())))
            try? reply(connection, .ok, Array((try? JSONEncoder().encode(body)) ?? Data()))
        case .stop:
            try? reply(connection, .ok, [])
        }
        return request
    }

    private func reply(_ connection: UnixSocket, _ status: AgentProtocol.Status, _ body: [UInt8]) throws(KeyAgentError) {
        let capped = Array(body.prefix(AgentProtocol.maxFrameBytes - 1))
        try connection.write(AgentProtocol.header(1 + capped.count) + [status.rawValue] + capped)
    }

    private func shutDown() {
        listener?.close()
        listener = nil
        unlink(socketPath)
        // The folder made for the socket (mkdtemp), if nothing else is in it.
        rmdir(URL(fileURLWithPath: socketPath).deletingLastPathComponent().path)
    }

    /// Seconds on a clock that counts time asleep too (CLOCK_BOOTTIME): an 8-hour agent is not
    /// still serving the key the morning after a laptop slept through the night.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_BOOTTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// What `safeintake inspector agent status` shows: which key, whose, and for how much longer.
public struct AgentStatus: Codable, Sendable, Equatable {
    public let keyID: String
    public let name: String
    public let role: String
    public let pid: Int
    /// Seconds until the agent wipes the key and exits.
    public let expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case keyID = "key_id", name, role, pid, expiresIn = "expires_in"
    }
}
