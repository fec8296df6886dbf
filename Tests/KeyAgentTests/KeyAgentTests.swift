#if canImport(Glibc)
import Glibc
#endif
import Envelope
import Foundation
@testable import KeyAgent
import Sodium
import Testing

/// The key agent over a real Unix socket in a private folder: who may ask (the uid check, with the
/// peer's uid injected, since a test cannot be a second user), what it answers, and that it goes
/// away with its socket at its lifetime and on `stop`.
@Suite("key agent: protocol, uid check, lifetime")
struct KeyAgentTests {
    static let passphrase = SecureBytes(copying: Array("a passphrase for this test only".utf8))

    /// A protected key file and its key, as `keys generate` writes them (cheapest Argon2id cost).
    static func keyFile(_ name: String = "inspector-1") throws -> (AgencyKeyPair, Data) {
        let keys = try AgencyKeyPair.generate(name: name, role: .inspector)
        return (keys, try keys.keyFile(passphrase: passphrase, cost: .minimum))
    }

    /// Runs an agent for `keys` on its own thread in a fresh private folder; stops it afterwards.
    static func withAgent(_ keys: AgencyKeyPair, lifetime: Int = 60, peerUID: ((KeyAgentServer.UnixSocketPeer) -> uid_t?)? = nil,
                          _ body: (KeyAgentServer, KeyAgentClient, String) throws -> Void) throws {
        let socket = try AgentSocketFolder.make(environment: ["TMPDIR": NSTemporaryDirectory()])
        let server = try peerUID.map { try KeyAgentServer(key: keys, socketPath: socket, lifetime: lifetime, peerUID: $0) }
            ?? KeyAgentServer(key: keys, socketPath: socket, lifetime: lifetime)
        let done = DispatchSemaphore(value: 0)
        Thread { server.run(); done.signal() }.start()
        defer {
            server.stop()
            done.wait()
        }
        try body(server, KeyAgentClient(socketPath: socket), socket)
    }

    @Test("a request names the protocol and a key id; anything else is not a request")
    func requests() {
        for request in [AgentProtocol.Request.key(keyID: String(repeating: "a1", count: 16)), .status, .stop] {
            #expect(AgentProtocol.Request(text: request.text) == request)
        }
        for text in ["", "status", "safeintake-agent/2 status", "safeintake-agent/1 key ABC", "safeintake-agent/1 key " + String(repeating: "A", count: 32),
                     "safeintake-agent/1  status", "safeintake-agent/1 status ", "safeintake-agent/1 dump"] {
            #expect(AgentProtocol.Request(text: text) == nil, "\(text)")
        }
        #expect(AgentProtocol.header(65) == [0, 0, 0, 65])
        #expect(throws: KeyAgentError.self) { try AgentProtocol.length([0, 0, 0x10, 0x01]) }
    }

    @Test("lifetimes: 30s, 15m, 8h or seconds, from 1 second to 24 hours")
    func lifetimes() {
        #expect(AgentLifetime.seconds("8h") == 8 * 3600)
        #expect(AgentLifetime.seconds("15m") == 900)
        #expect(AgentLifetime.seconds("30s") == 30)
        #expect(AgentLifetime.seconds("90") == 90)
        #expect(AgentLifetime.seconds("24h") == 86400)
        for bad in ["", "h", "0", "0h", "25h", "-5m", "+5m", "1d", "8 h", "٨h", "99999999"] {
            #expect(AgentLifetime.seconds(bad) == nil, "\(bad)")
        }
    }

    @Test("the agent hands this user the key the key file names, in a 0600 socket in a 0700 folder; another key id gets nothing")
    func handsOverTheKey() throws {
        let (keys, file) = try Self.keyFile()
        try Self.withAgent(keys) { _, client, socket in
            var info = stat()
            #expect(lstat(socket, &info) == 0 && info.st_mode & 0o777 == 0o600)
            #expect(lstat((socket as NSString).deletingLastPathComponent, &info) == 0 && info.st_mode & 0o777 == 0o700)

            let secret = try #require(try client.secret(keyID: AgencyKeyPair.keyID(ofKeyFile: file)))
            #expect(secret.isGuarded)
            #expect(secret.constantTimeEquals(keys.unlockedSecret()))
            let rebuilt = try AgencyKeyPair(keyFile: file, unlockedSecret: secret)
            #expect(rebuilt.publicKey.keyID == keys.publicKey.keyID)

            let (other, otherFile) = try Self.keyFile("inspector-2")
            #expect(try client.secret(keyID: other.publicKey.keyID) == nil)
            #expect(throws: EnvelopeError.self, "a secret is accepted for its own key file only") {
                try AgencyKeyPair(keyFile: otherFile, unlockedSecret: secret)
            }

            let status = try client.status()
            #expect(status.keyID == keys.publicKey.keyID && status.name == "inspector-1" && status.role == "inspector")
            #expect(status.pid == Int(getpid()) && (55...60).contains(status.expiresIn))
        }
    }

    @Test("another user (the peer's uid, injected) is refused before its request is read, and gets no key")
    func otherUserRefused() throws {
        let (keys, _) = try Self.keyFile()
        try Self.withAgent(keys, peerUID: { _ in getuid() + 1 }) { server, client, _ in
            let error = try #require(throws: KeyAgentError.self) { try client.secret(keyID: keys.publicKey.keyID) }
            #expect(error.code == .refused && error.reason.contains("only the user who started it"))
            #expect(throws: KeyAgentError.self) { try client.stop() }
            #expect(throws: KeyAgentError.self) { try client.status() }
            // The decision itself, for a peer the kernel could not name, too.
            #expect(server.decide(.status, peer: nil).0 == .refused)
            #expect(server.decide(.key(keyID: keys.publicKey.keyID), peer: getuid() + 1).0 == .refused)
        }
        // And the real SO_PEERCRED says this test is this user.
        try Self.withAgent(keys, peerUID: { $0.kernelUID }) { _, client, _ in
            let secret = try client.secret(keyID: keys.publicKey.keyID)
            #expect(secret != nil)
        }
    }

    @Test("a malformed request is refused and the agent goes on serving")
    func junkRequest() throws {
        let (keys, _) = try Self.keyFile()
        try Self.withAgent(keys) { _, client, socket in
            let raw = try UnixSocket.connect(to: socket, timeoutSeconds: 5)
            let junk = Array("safeintake-agent/1 give me everything".utf8)
            try raw.write(AgentProtocol.header(junk.count) + junk)
            let length = try AgentProtocol.length(raw.read(count: 4))
            let reply = try raw.read(count: length)
            #expect(reply.first == AgentProtocol.Status.refused.rawValue)
            let huge = try UnixSocket.connect(to: socket, timeoutSeconds: 5)
            try huge.write([0xFF, 0xFF, 0xFF, 0xFF])
            #expect(try huge.read(count: 5)[4] == AgentProtocol.Status.refused.rawValue)
            #expect(try client.status().keyID == keys.publicKey.keyID)
        }
    }

    @Test("stop and the lifetime end the agent and remove its socket and folder")
    func endsAndCleansUp() throws {
        let (keys, _) = try Self.keyFile()
        var path = ""
        try Self.withAgent(keys) { _, client, socket in
            path = socket
            try client.stop()
            var info = stat()
            for _ in 0..<50 where lstat(socket, &info) == 0 { usleep(20_000) }
            #expect(lstat(socket, &info) != 0, "the socket is gone once stop is answered")
        }
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))

        let socket = try AgentSocketFolder.make(environment: ["TMPDIR": NSTemporaryDirectory()])
        let server = try KeyAgentServer(key: keys, socketPath: socket, lifetime: 1)
        let started = Date()
        server.run()
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!FileManager.default.fileExists(atPath: socket) && !FileManager.default.fileExists(atPath: (socket as NSString).deletingLastPathComponent))
        let gone = try #require(throws: KeyAgentError.self) { try KeyAgentClient(socketPath: socket).status() }
        #expect(gone.code == .unreachable)
    }

    @Test("the socket folder is under XDG_RUNTIME_DIR only when that folder is this user's and private")
    func folderChoice() throws {
        let base = NSTemporaryDirectory() + "agent-xdg-\(getpid())"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(AgentSocketFolder.runtimeFolder(["XDG_RUNTIME_DIR": base]) == base)
        chmod(base, 0o755)
        #expect(AgentSocketFolder.runtimeFolder(["XDG_RUNTIME_DIR": base]) == nil, "readable by others: not used")
        #expect(AgentSocketFolder.runtimeFolder(["XDG_RUNTIME_DIR": "relative"]) == nil)
        chmod(base, 0o700)
        let socket = try AgentSocketFolder.make(environment: ["XDG_RUNTIME_DIR": base])
        #expect(socket.hasPrefix(base + "/safeintake-agent.") && socket.hasSuffix("/agent.sock"))
        rmdir((socket as NSString).deletingLastPathComponent)
    }
}
