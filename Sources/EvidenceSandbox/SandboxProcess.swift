import CEvidenceSpawn
import Foundation
import Intake
import Sodium

#if canImport(Glibc)
import Glibc
#endif

/// What one sandbox run left behind. Owns its buffers and wipes them when released.
final class SandboxRun: @unchecked Sendable {
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var status: Int32 = 0
    var killedBySignal = false
    var timedOut = false
    var overflowed = false

    deinit {
        SecureBytes.wipe(&stdout)
        SecureBytes.wipe(&stderr)
    }
}

/// Runs one program with `input` on its standard input and both outputs read to the end, at the
/// same time, on threads of their own (a child blocked writing a full buffer while we wait for it
/// would deadlock). Spawned with every descriptor but 0, 1, 2 closed (`evidence_spawn`; Foundation's
/// Process passes on descriptors opened without close-on-exec). Standard input is one end of a
/// Unix socket pair written with `MSG_NOSIGNAL`, so a child that exits early gives an error here,
/// never a SIGPIPE that kills the daemon. Killed (SIGKILL) after `timeout` seconds, or as soon as
/// it writes more than `maxOutput` bytes.
enum SandboxProcess {
    static func run(executable: String, arguments: [String], input: [UInt8], timeout: Int, maxOutput: Int)
        throws(EvidenceError) -> SandboxRun {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw .readerUnavailable("\(executable) not found")
        }
        var pair: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw .readerUnavailable("socketpair failed (errno \(errno))")
        }
        // Socket pairs for the outputs too: close-on-exec from birth (pipe2 does not import), so
        // a spawn elsewhere in the daemon at the same moment cannot inherit them either.
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &outPipe) == 0 else {
            close(pair[0]); close(pair[1])
            throw .readerUnavailable("socketpair failed (errno \(errno))")
        }
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &errPipe) == 0 else {
            close(pair[0]); close(pair[1]); close(outPipe[0]); close(outPipe[1])
            throw .readerUnavailable("socketpair failed (errno \(errno))")
        }
        var child: pid_t = 0
        let spawned = withCStrings([executable] + arguments) { argv in
            withCStrings(["PATH=/usr/bin:/bin"]) { envp in
                evidence_spawn(&child, executable, argv, envp, pair[1], outPipe[1], errPipe[1])
            }
        }
        close(pair[1]); close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(pair[0]); close(outPipe[0]); close(errPipe[0])
            throw .readerUnavailable("\(executable) could not start (errno \(spawned))")
        }

        let pid = child
        let result = SandboxRun()
        let done = DispatchGroup()
        let outputs = OutputCounter(limit: maxOutput) { kill(pid, SIGKILL) }
        let (ours, outFD, errFD) = (pair[0], outPipe[0], errPipe[0])
        spawn(done) {
            input.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = send(ours, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    offset += n
                }
            }
            shutdown(ours, Int32(SHUT_WR))
            close(ours)
        }
        spawn(done) { result.stdout = drain(outFD, counter: outputs); close(outFD) }
        spawn(done) { result.stderr = drain(errFD, counter: outputs, keep: 4096); close(errFD) }

        let exited = DispatchSemaphore(value: 0)
        let waitStatus = WaitStatus()
        Thread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            waitStatus.value = status
            exited.signal()
        }.start()
        if exited.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            result.timedOut = true
            kill(pid, SIGKILL)
            exited.wait()
        }
        // The sandbox dies with bubblewrap (--die-with-parent, and its PID namespace ends with
        // its first process), which closes the pipes; the wait is bounded all the same.
        if done.wait(timeout: .now() + .seconds(10)) == .timedOut {
            result.timedOut = true
        }
        let status = waitStatus.value
        // WIFSIGNALED / WEXITSTATUS, which Swift does not import (macros).
        result.killedBySignal = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        result.status = result.killedBySignal ? 128 + (status & 0x7F) : (status >> 8) & 0xFF
        result.overflowed = outputs.overflowed
        return result
    }

    /// `strings` as a NULL-terminated C array, valid inside `body`.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    private static func spawn(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        Thread {
            body()
            group.leave()
        }.start()
    }

    /// Reads `fd` to its end; keeps at most `keep` bytes (and the shared total under the limit),
    /// discarding the rest so the writer never blocks.
    private static func drain(_ fd: Int32, counter: OutputCounter, keep: Int = .max) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            if counter.add(n), out.count + n <= keep {
                if out.capacity < out.count + n {
                    // Grow by copying into a larger buffer and wiping the old one (an Array's own
                    // growth would leave the old copy unwiped).
                    var larger: [UInt8] = []
                    larger.reserveCapacity(max(out.count * 2, out.count + n, 1 << 20))
                    larger.append(contentsOf: out)
                    SecureBytes.wipe(&out)
                    out = larger
                }
                out.append(contentsOf: chunk[0..<n])
            }
        }
        SecureBytes.wipe(&chunk)
        return out
    }
}

private final class WaitStatus: @unchecked Sendable {
    var value: Int32 = 0
}

/// The running total of bytes both outputs wrote, and the kill when it passes the limit.
private final class OutputCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    private let limit: Int
    private let onOverflow: @Sendable () -> Void
    private(set) var overflowed = false

    init(limit: Int, onOverflow: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.onOverflow = onOverflow
    }

    /// False once over the limit (and kills the child the first time).
    func add(_ n: Int) -> Bool {
        lock.lock()
        total += n
        let over = total > limit
        let first = over && !overflowed
        if over { overflowed = true }
        lock.unlock()
        if first { onOverflow() }
        return !over
    }
}
