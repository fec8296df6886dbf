import ArgumentParser
import Envelope
import Foundation
import KeyAgent
import Sodium

/// Where a passphrase comes from: a file (first line), the `SAFEINTAKE_PASSPHRASE` environment
/// variable (for scripts and tests), or a prompt on the terminal that does not echo.
struct PassphraseOptions: ParsableArguments {
    @Option(help: "Read the key's passphrase from the first line of this file.") var passphraseFile: String?

    /// A passphrase for a *new* key: read as `read` does, then refused unless it meets
    /// `PassphrasePolicy` (agency and operator keys alike; existing key files still open).
    func readNew(prompt: String) throws -> SecureBytes {
        let secret = try read(prompt: prompt)
        if let problem = PassphrasePolicy.problem(with: secret) {
            throw CLIFailure(problem, hint: "choose a passphrase of \(PassphrasePolicy.minimumCharacters) characters or more, e.g. four unrelated words in your own language; nothing was written")
        }
        return secret
    }

    /// Whether a person can be asked: standard input is a terminal, or the process has one.
    static var hasTerminal: Bool {
        if isatty(STDIN_FILENO) == 1 { return true }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    func read(prompt: String) throws -> SecureBytes {
        if let passphraseFile {
            var bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: passphraseFile))) ?? Data())
            defer { SecureBytes.wipe(&bytes) }
            let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
            guard !line.isEmpty else { throw CLIFailure("the passphrase file \(passphraseFile) is missing or empty") }
            return SecureBytes(copying: line)
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["SAFEINTAKE_PASSPHRASE"], !fromEnvironment.isEmpty {
            return SecureBytes(copying: Array(fromEnvironment.utf8))
        }
        // getpass reads the controlling terminal, not standard input: a note piped in with
        // --stdin still lets the passphrase be typed at the terminal.
        guard Self.hasTerminal, let typed = getpass(prompt) else {
            throw CLIFailure("this key file is protected by a passphrase and none was given", hint: "use --passphrase-file FILE, set SAFEINTAKE_PASSPHRASE, or run in a terminal")
        }
        let length = strlen(typed)
        defer { memset(typed, 0, length) }
        guard length > 0 else { throw CLIFailure("the passphrase must not be empty") }
        return SecureBytes(copying: UnsafeRawBufferPointer(start: typed, count: length))
    }
}

/// Loading a private key file, asking for its passphrase only when it has one, and not even then
/// when the key agent (`SAFEINTAKE_AGENT`, `inspector agent start`) holds it unlocked.
enum KeyFileOptions {
    static func load(_ path: String, passphrase: PassphraseOptions,
                     agent: KeyAgentClient? = KeyAgentClient.fromEnvironment()) throws -> AgencyKeyPair {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure("cannot read the key file \(path)", hint: "check the path given to --key")
        }
        if let agent, (try? AgencyKeyPair.needsPassphrase(keyFile: data)) == true, let keys = fromAgent(agent, keyFile: data, path: path) {
            return keys
        }
        do {
            return try AgencyKeyPair(keyFile: data) { try passphrase.read(prompt: "Passphrase for \(path): ") }
        } catch let error as EnvelopeError {
            throw CLIFailure("the key file \(path) cannot be used: \(error.reason)")
        }
    }
}

extension KeyFileOptions {
    /// The key from the agent, matched by the key file's key id and checked against its public
    /// keys; nil, with a warning saying why, when the agent cannot give it (then the passphrase).
    private static func fromAgent(_ agent: KeyAgentClient, keyFile data: Data, path: String) -> AgencyKeyPair? {
        do {
            guard let secret = try agent.secret(keyID: AgencyKeyPair.keyID(ofKeyFile: data)) else {
                CLIOutput.warn("the key agent holds another key than \(path)'s; asking for its passphrase")
                return nil
            }
            return try AgencyKeyPair(keyFile: data, unlockedSecret: secret)
        } catch {
            CLIOutput.warn("the key agent at \(agent.socketPath) did not give \(path)'s key (\(error)); asking for its passphrase")
            return nil
        }
    }
}

/// A failure at run time (not a usage mistake): printed as `error: …` and `hint: …`, exit code 1,
/// without the usage text that ArgumentParser prints for `ValidationError`.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    let hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}
