import Envelope
import Sodium
import Synchronization

/// The one browser session of a running inspector UI.
///
/// At start there is only a login code: 32 random bytes, printed once in the terminal as part of
/// the login link. Following the link spends the code and creates the session secret (another 32
/// random bytes) that the browser keeps in an HttpOnly, SameSite=Strict cookie with no lifetime,
/// so it dies with the browser. A second use of the link is refused: the link left in the
/// browser's history or the terminal's scrollback is worth nothing. Every form carries a CSRF
/// token, a MAC of a fixed label under the session secret. All comparisons are constant-time.
///
/// Browsers do not separate cookies by port, so a cookie for 127.0.0.1 would also go to every
/// other service on 127.0.0.1. The session therefore lives under a path of its own,
/// `/s/PATH_SECRET/`, where the path secret is a 16-byte MAC of another fixed label under the
/// session secret, made at login (it is not in the printed link): the cookie is scoped to that
/// path (`Path=/s/PATH_SECRET/`), so a browser sends it to no other port unless asked for that
/// very path, and every page of the session is served only there.
public final class UISession: Sendable {
    /// The cookie that carries the session secret.
    static let cookieName = "safeintake_ui"
    /// The form field that carries the CSRF token.
    static let csrfField = "csrf"
    static let secretBytes = 32
    private static let csrfLabel = Array("safeintake/inspector-ui/csrf/v1".utf8)
    private static let pathLabel = Array("safeintake/inspector-ui/path/v1".utf8)
    /// Bytes of the path secret (128 bits: as unguessable as the case ids).
    static let pathSecretBytes = 16
    /// Every session path starts with this; then the path secret in hex, then `/`.
    static let pathPrefix = "/s/"

    private struct State {
        var loginCode: SecureBytes?
        var cookie: SecureBytes?
        var csrf: SecureBytes?
        var pathSecret: SecureBytes?
        var notice: Notice?
    }

    private let state: Mutex<State>
    /// The login code as printed; only meaningful until it is spent.
    public let loginCode: String

    public init() {
        let code = Self.hexSecret(SecureBytes(randomCount: Self.secretBytes))
        loginCode = String(decoding: code.copyBytes(), as: UTF8.self)
        state = Mutex(State(loginCode: code))
    }

    /// What happened to a login attempt.
    enum Login {
        /// The code was right: set this cookie value, scoped to `paths.base`, and go there.
        case started(cookie: String, paths: UIPaths)
        /// The code was wrong, or already used.
        case refused
    }

    /// Spends the login code if `code` is it, and starts the session.
    func logIn(code: String) -> Login {
        state.withLock { state in
            guard let expected = state.loginCode, Self.matches(code, expected) else { return .refused }
            let secret = SecureBytes(randomCount: Self.secretBytes)
            state.loginCode = nil
            state.cookie = Self.hexSecret(secret)
            state.csrf = Self.mac(Self.csrfLabel, under: secret, length: Self.secretBytes)
            state.pathSecret = Self.mac(Self.pathLabel, under: secret, length: Self.pathSecretBytes)
            return .started(cookie: String(decoding: state.cookie!.copyBytes(), as: UTF8.self), paths: Self.paths(state.pathSecret!))
        }
    }

    /// The session's paths, once logged in.
    var paths: UIPaths? {
        state.withLock { state in state.pathSecret.map(Self.paths) }
    }

    /// True when `path` lies under this session's base path (`/s/PATH_SECRET/…`), the secret
    /// compared in constant time. False before login.
    func isInScope(path: String) -> Bool {
        guard path.hasPrefix(Self.pathPrefix) else { return false }
        let rest = path.dropFirst(Self.pathPrefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return false }
        let presented = String(rest[..<slash])
        return state.withLock { state in state.pathSecret.map { Self.matches(presented, $0) } ?? false }
    }

    /// True when `cookie` is the session's secret.
    func isValid(cookie: String?) -> Bool {
        guard let cookie else { return false }
        return state.withLock { state in state.cookie.map { Self.matches(cookie, $0) } ?? false }
    }

    /// True when `token` is the session's CSRF token.
    func isValid(csrf token: String?) -> Bool {
        guard let token else { return false }
        return state.withLock { state in state.csrf.map { Self.matches(token, $0) } ?? false }
    }

    /// The CSRF token to put in this session's forms (empty before login: no form is served then).
    var csrfToken: String {
        state.withLock { state in state.csrf.map { String(decoding: $0.copyBytes(), as: UTF8.self) } ?? "" }
    }

    /// Keeps a notice to show on the next page (after a redirect).
    func post(_ notice: Notice) {
        state.withLock { $0.notice = notice }
    }

    /// The kept notice, once.
    func takeNotice() -> Notice? {
        state.withLock { state in
            defer { state.notice = nil }
            return state.notice
        }
    }

    private static func matches(_ presented: String, _ expected: SecureBytes) -> Bool {
        let bytes = Array(presented.utf8)
        return expected.withUnsafeBytes { e in bytes.withUnsafeBytes { ConstantTime.equals($0, e) } }
    }

    /// Lowercase hex of a secret, kept for the session in guarded memory.
    private static func hexSecret(_ secret: SecureBytes) -> SecureBytes {
        var raw = secret.copyBytes()
        defer { SecureBytes.wipe(&raw) }
        var hex = Array(Hex.encode(raw).utf8)
        defer { SecureBytes.wipe(&hex) }
        return SecureBytes(copying: hex, guarded: true)
    }

    /// Hex of keyed BLAKE2b of a fixed label under the session secret (one label per use).
    private static func mac(_ label: [UInt8], under secret: SecureBytes, length: Int) -> SecureBytes {
        // A 32-byte key is within BLAKE2b's key range, and 16 and 32 within its output range, so this cannot throw.
        let mac = label.withUnsafeBytes { try! GenericHash.keyedHash($0, key: secret, length: length) }
        return hexSecret(mac)
    }

    private static func paths(_ pathSecret: SecureBytes) -> UIPaths {
        UIPaths(base: pathPrefix + String(decoding: pathSecret.copyBytes(), as: UTF8.self) + "/")
    }
}

/// Where one session's pages are: all under `base` (`/s/PATH_SECRET/`), the cookie's `Path`.
struct UIPaths: Sendable, Equatable {
    let base: String

    /// The case list.
    var home: String { base }

    /// One case's page.
    func casePage(_ caseID: String) -> String { "\(base)cases/\(caseID)" }

    /// Where a case page's form posts.
    func action(_ caseID: String, _ name: String) -> String { "\(casePage(caseID))/\(name)" }
}

/// A one-line message shown at the top of the next page.
struct Notice: Error, Sendable, Equatable {
    enum Kind: Sendable { case done, failed }
    let kind: Kind
    let text: String
    let hint: String?

    init(_ kind: Kind, _ text: String, hint: String? = nil) {
        self.kind = kind
        self.text = text
        self.hint = hint
    }
}
