import ArgumentParser
import Envelope
import Foundation
import KeyAgent
import Server
import Sodium

extension InspectorCommand {
    /// `safeintake inspector agent`: unlock a key once per session, as ssh-agent does (issue 19 #6;
    /// Docs/operations.md "One unlock per session", Docs/threat-model.md, Docs/format.md §18).
    struct Agent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agent",
            abstract: "Unlock your key once per session: an agent holds it for the other inspector commands.",
            discussion: """
                eval "$(safeintake inspector agent start --key FILE)" asks for the passphrase once and starts an \
                agent that holds the unlocked key in locked memory for this user's processes only (8 hours by default, \
                --ttl). Inspector commands given the same key file then take it from the agent (SAFEINTAKE_AGENT) \
                instead of asking. While it runs, any program running as you can use the key, as with ssh-agent: stop \
                it when you are done (eval "$(safeintake inspector agent stop)").
                """,
            subcommands: [Start.self, Status.self, Stop.self, Serve.self])

        struct Start: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Unlock a key and start an agent for it; prints the shell lines that point the other commands at it.")
            @Option(help: "Your private key file (passphrase-protected).") var key: String
            @Option(help: ArgumentHelp("How long the agent keeps the key: 30s, 15m, 8h; at most 24h. It wipes the key and exits then.",
                                       valueName: "duration"))
            var ttl = "8h"
            @OptionGroup var passphrase: PassphraseOptions

            func validate() throws {
                guard AgentLifetime.seconds(ttl) != nil else {
                    throw ValidationError("--ttl takes a duration like 30s, 15m or 8h, at most \(AgentLifetime.maximumSeconds / 3600)h")
                }
            }

            func run() throws {
                let path = URL(fileURLWithPath: key).standardizedFileURL.path
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CLIFailure("cannot read the key file \(key)", hint: "check the path given to --key")
                }
                guard (try? AgencyKeyPair.needsPassphrase(keyFile: data)) == true else {
                    throw CLIFailure("\(key) has no passphrase: the inspector commands open it without one, so no agent is needed")
                }
                // Always from the passphrase: an agent is never started from another agent.
                let keys = try KeyFileOptions.load(path, passphrase: passphrase, agent: nil)
                let socket = try agentFailure { try AgentSocketFolder.make() }
                let pid = try AgentProcess.spawn(keys: keys, keyFile: path, seconds: AgentLifetime.seconds(ttl)!, socket: socket)
                print("\(KeyAgentClient.environmentVariable)=\(Self.shellQuoted(socket)); export \(KeyAgentClient.environmentVariable);")
                print("SAFEINTAKE_AGENT_PID=\(pid); export SAFEINTAKE_AGENT_PID;")
                FileHandle.standardError.write(Data("""
                    agent pid \(pid) holds \(keys.publicKey.name)'s key (key id \(keys.publicKey.keyID)) for \(ttl), for your user only.
                    Stop it when you are done: eval "$(safeintake inspector agent stop)"\n
                    """.utf8))
            }

            /// `'…'` for a POSIX shell: the path is inside single quotes, each `'` in it closed and escaped.
            static func shellQuoted(_ text: String) -> String {
                "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Which key the agent holds, and for how much longer (exit 1 when no agent answers).")
            @Option(help: "The agent's socket. Default: $SAFEINTAKE_AGENT.") var socket: String?
            @Option(help: "json or table. Default: table on a terminal, json otherwise.") var format: OutputFormat?

            func run() throws {
                let status = try agentFailure { try agentClient(socket).status() }
                CLIOutput.printObject(["key_id": status.keyID, "name": status.name, "role": status.role, "pid": status.pid,
                                       "expires_in": status.expiresIn], format: format)
            }
        }

        struct Stop: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Stop the agent: it wipes the key and exits. Prints the shell line that forgets it: eval \"$(safeintake inspector agent stop)\".")
            @Option(help: "The agent's socket. Default: $SAFEINTAKE_AGENT.") var socket: String?

            func run() throws {
                try agentFailure { try agentClient(socket).stop() }
                print("unset \(KeyAgentClient.environmentVariable) SAFEINTAKE_AGENT_PID;")
                FileHandle.standardError.write(Data("agent stopped: the key is wiped from its memory\n".utf8))
            }
        }

        /// The agent process itself, started by `start` (not for people: the key comes on stdin).
        struct Serve: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Run an agent: the key's secret on standard input; 'ready' on standard output once listening.",
                shouldDisplay: false)
            @Option var key: String
            @Option var seconds: Int
            @Option var socket: String

            func run() throws {
                // Its own session: the terminal's Ctrl-C and hang-up are not for it; `stop`, SIGTERM and the TTL are.
                _ = setsid()
                try ProcessHardening.apply()
                guard let data = FileManager.default.contents(atPath: key) else { throw CLIFailure("cannot read the key file \(key)") }
                var complete = false
                let secret = SecureBytes(count: 64, guarded: true) { (buffer: UnsafeMutableRawBufferPointer) -> Void in
                    var done = 0
                    while done < buffer.count {
                        let n = read(STDIN_FILENO, buffer.baseAddress! + done, buffer.count - done)
                        if n < 0 && errno == EINTR { continue }
                        guard n > 0 else { return }
                        done += n
                    }
                    complete = true
                }
                guard complete else { throw CLIFailure("the key's secret did not arrive on standard input") }
                let server = try agentFailure {
                    try KeyAgentServer(key: try AgencyKeyPair(keyFile: data, unlockedSecret: secret), socketPath: socket, lifetime: seconds)
                }
                server.stopOnSignals()
                FileHandle.standardOutput.write(Data("ready\n".utf8))
                // Nothing more to say to anyone: the starting command's pipes are let go.
                let null = open("/dev/null", O_RDWR)
                for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] { dup2(null, fd) }
                if null > 2 { close(null) }
                server.run()
            }
        }
    }
}

/// `--socket`, else `SAFEINTAKE_AGENT`.
private func agentClient(_ socket: String?) throws -> KeyAgentClient {
    if let socket { return KeyAgentClient(socketPath: socket) }
    guard let client = KeyAgentClient.fromEnvironment() else {
        throw CLIFailure("no agent: \(KeyAgentClient.environmentVariable) is not set", hint: "start one with eval \"$(safeintake inspector agent start --key FILE)\", or give --socket PATH")
    }
    return client
}

/// A `KeyAgentError` as the CLI's `error: …`.
private func agentFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as KeyAgentError {
        throw CLIFailure(error.reason)
    }
}
