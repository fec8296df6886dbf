import Envelope
import Foundation
import Sodium

/// Starts the agent as a process of its own (this executable, `inspector agent serve`), detached
/// from the terminal, and hands it the unlocked key through a pipe: never through its arguments or
/// environment, which other processes can read, and never through a file.
enum AgentProcess {
    static let readySeconds: Int32 = 20

    /// The agent's pid, once it listens at `socket`.
    static func spawn(keys: AgencyKeyPair, keyFile: String, seconds: Int, socket: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["inspector", "agent", "serve", "--key", keyFile, "--seconds", String(seconds), "--socket", socket]
        // The passphrase stays with this process (an environment is readable in /proc while it runs).
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "SAFEINTAKE_PASSPHRASE" && $0.key != "SAFEINTAKE_AGENT" }
        let (input, output, errors) = (Pipe(), Pipe(), Pipe())
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        let folder = URL(fileURLWithPath: socket).deletingLastPathComponent().path
        do {
            try process.run()
        } catch {
            rmdir(folder)
            throw CLIFailure("cannot start the agent: \(error)")
        }
        // An agent that failed before reading is an error message below, not a SIGPIPE here.
        signal(SIGPIPE, SIG_IGN)
        keys.unlockedSecret().withUnsafeBytes { secret in
            var done = 0
            while done < secret.count {
                let n = write(input.fileHandleForWriting.fileDescriptor, secret.baseAddress! + done, secret.count - done)
                guard n > 0 else { break }
                done += n
            }
        }
        try? input.fileHandleForWriting.close()
        guard waitForReady(output.fileHandleForReading.fileDescriptor) else {
            process.terminate()
            process.waitUntilExit()
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            unlink(socket)
            rmdir(folder)
            throw CLIFailure("the agent did not start\(said.isEmpty ? "" : ": " + said)")
        }
        return process.processIdentifier
    }

    /// Whether "ready\n" arrives on `fd` in time.
    private static func waitForReady(_ fd: Int32) -> Bool {
        var received: [UInt8] = []
        while received.count < 6 {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, readySeconds * 1000) == 1 else { return false }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { return false }
            received.append(byte)
        }
        return received == Array("ready\n".utf8)
    }
}
