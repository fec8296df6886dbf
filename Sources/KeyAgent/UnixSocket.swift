#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A connected or listening Unix stream socket: the few calls the key agent and its clients make,
/// with the descriptor closed on `close()` or release. Blocking, with send and receive time-outs.
final class UnixSocket {
    private(set) var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close() }

    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    /// Listens at `path`, which must not exist, as a socket only its owner can connect to (0600).
    static func listen(at path: String) throws(KeyAgentError) -> UnixSocket {
        var address = try Self.address(path)
        let socket = UnixSocket(fd: Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0))
        guard socket.fd >= 0 else { throw .system("socket", errno) }
        // Created 0600 (umask 0177 during bind) inside a 0700 folder: two walls against other users.
        let previous = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket.fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        umask(previous)
        guard bound == 0 else { throw .system("bind \(path)", errno) }
        guard chmod(path, 0o600) == 0, Glibc.listen(socket.fd, 16) == 0 else { throw .system("listen on \(path)", errno) }
        // Not blocking: a client that connects and goes away before accept() must not hang the agent.
        _ = fcntl(socket.fd, F_SETFL, fcntl(socket.fd, F_GETFL) | O_NONBLOCK)
        return socket
    }

    /// The next waiting connection, or nil when there is none.
    func accept(timeoutSeconds: Int) -> UnixSocket? {
        // The connection does not inherit O_NONBLOCK on Linux: it blocks, within the time-outs.
        let client = Glibc.accept(fd, nil, nil)
        guard client >= 0 else { return nil }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        let connection = UnixSocket(fd: client)
        connection.setTimeouts(seconds: timeoutSeconds)
        return connection
    }

    static func connect(to path: String, timeoutSeconds: Int) throws(KeyAgentError) -> UnixSocket {
        var address = try Self.address(path)
        let socket = UnixSocket(fd: Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0))
        guard socket.fd >= 0 else { throw .system("socket", errno) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket.fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { throw KeyAgentError(.unreachable, "cannot reach the agent at \(path): \(String(cString: strerror(errno)))") }
        socket.setTimeouts(seconds: timeoutSeconds)
        return socket
    }

    /// The user id of the process at the other end, from the kernel (SO_PEERCRED), or nil.
    var peerUID: uid_t? {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } (Linux): Swift's Glibc does not import
        // it (it needs _GNU_SOURCE), so the same three 32-bit fields as a tuple.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              length == socklen_t(MemoryLayout.size(ofValue: credentials)) else { return nil }
        return credentials.uid
    }

    /// Reads exactly `buffer.count` bytes into `buffer` (a secret goes straight into its own memory).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(KeyAgentError) {
        var done = 0
        while done < buffer.count {
            let n = recv(fd, buffer.baseAddress! + done, buffer.count - done, 0)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw KeyAgentError(.protocolError, n == 0 ? "the connection closed early" : "cannot read: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    func read(count: Int) throws(KeyAgentError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let failure = bytes.withUnsafeMutableBytes { buffer -> KeyAgentError? in
            do throws(KeyAgentError) { try read(into: buffer) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        return bytes
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(KeyAgentError) {
        var done = 0
        while done < bytes.count {
            // MSG_NOSIGNAL: a client gone away is an error here, not a SIGPIPE that ends the agent.
            let n = send(fd, bytes.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw KeyAgentError(.protocolError, "cannot write: \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    func write(_ bytes: [UInt8]) throws(KeyAgentError) {
        let failure = bytes.withUnsafeBytes { buffer -> KeyAgentError? in
            do throws(KeyAgentError) { try write(buffer) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    private func setTimeouts(seconds: Int) {
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func address(_ path: String) throws(KeyAgentError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity, !bytes.contains(0) else {
            throw KeyAgentError(.unreachable, "the agent's socket path must be 1 to \(capacity - 1) bytes: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return address
    }
}
