#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where an agent's socket goes: a fresh folder of its own (mkdtemp: 0700, a random name) under
/// `$XDG_RUNTIME_DIR` when that is this user's private runtime folder (a tmpfs that the login
/// session removes), else under `$TMPDIR` or /tmp.
public enum AgentSocketFolder {
    public static let socketName = "agent.sock"

    /// Makes the folder and returns the socket's path in it (the socket is not yet there).
    public static func make(environment: [String: String] = ProcessInfo.processInfo.environment) throws(KeyAgentError) -> String {
        let base = runtimeFolder(environment) ?? environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/safeintake-agent.XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw .system("cannot make a private folder in \(base) for the agent's socket", errno) }
        let folder = String(cString: template.map { UInt8(bitPattern: $0) } )
        return folder + "/" + socketName
    }

    /// `$XDG_RUNTIME_DIR`, when it is a folder this user owns that nobody else may enter.
    static func runtimeFolder(_ environment: [String: String]) -> String? {
        guard let path = environment["XDG_RUNTIME_DIR"], path.hasPrefix("/") else { return nil }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else { return nil }
        return path
    }
}

/// How long an agent keeps a key: `30s`, `15m`, `8h`, or plain seconds; 1 second to 24 hours.
public enum AgentLifetime {
    public static let maximumSeconds = 24 * 3600

    /// Seconds, or nil when `text` is not a lifetime in range.
    public static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        let (digits, unit) = text.last.flatMap { units[$0] }.map { (text.dropLast(), $0) } ?? (Substring(text), 1)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ ("0"..."9").contains($0) }), let count = Int(digits), count > 0 else { return nil }
        let seconds = count * unit
        return seconds <= maximumSeconds ? seconds : nil
    }
}
