import AuditLog
import Envelope
import Firewall
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InspectorClient
@testable import InspectorUI
import Intake
import Logging
import NIOCore
import Server
import Sodium
import Storage
import Testing
import TestSupport

/// A real daemon (the `Server` module's router over a SQLite store in a temporary folder) with an
/// inspector and a supervisor registered, both receiving new cases, their registrations signed by
/// an operator key as the daemon requires. Built like ServerTests' ServerHarness, but served on a
/// loopback socket: the UI's client talks HTTP to it.
struct DaemonFixture {
    let deps: ServerDependencies
    let inspector: AgencyKeyPair
    let supervisor: AgencyKeyPair
    let bystander: AgencyKeyPair
    let operatorKey: OperatorKeyPair
    /// The daemon's store, for tests that act as someone who can write to the database.
    let store: SQLiteStore

    init() throws {
        let folder = try ScratchFolder.make("safeintake-ui")
        let store = try SQLiteStore(directory: folder)
        self.store = store
        operatorKey = OperatorKeyPair.generate(devOnly: true)
        let anchor = KeyDirectoryAnchor(store: store, operatorKey: operatorKey.publicKey)
        let agency = AgencyService(store: store, anchor: anchor)
        inspector = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        supervisor = try AgencyKeyPair.generate(name: "supervisor", role: .supervisor, devOnly: true)
        bystander = try AgencyKeyPair.generate(name: "inspector-2", role: .inspector, devOnly: true)
        for (key, newCases) in [(inspector, true), (supervisor, true), (bystander, false)] {
            try agency.register(operatorKey.sign(KeyRegistration(key: key.publicKey, team: "default", receivesNewCases: newCases)))
        }
        let intake = IntakeService(store: store, policy: .makeDefault(),
                                   tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum), anchor: anchor)
        deps = ServerDependencies(
            intake: intake, agency: agency, caseWork: CaseWorkService(store: store, anchor: anchor), authenticator: AgencyAuthenticator(agency: agency),
            audit: AuditPublisher(store: store, signer: try NoteSigner(name: "test.invalid/log", keyPair: SigningKeyPair())),
            work: BlockingWork.start(threads: 4))
    }

    /// Serves the daemon on a loopback port for the length of `body`, which gets its URL and a client for it.
    func serve(_ body: @escaping @Sendable (URL, any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: buildRouter(deps)).test(.live) { client in
            let port = try #require(client.port)
            try await body(try #require(URL(string: "http://localhost:\(port)")), client)
        }
    }
}

/// Talks to a running UI over a real socket, setting Host, cookies and forms by hand.
struct UIRequester: Sendable {
    let client: TestClient
    let port: Int

    var host: String { "127.0.0.1:\(port)" }

    func send(_ method: HTTPRequest.Method, _ path: String, cookie: String? = nil, host: String? = nil,
              headers: HTTPFields = [:], form: String? = nil) async throws -> TestClient.Response {
        var fields = headers
        fields[.connection] = "keep-alive"
        if let cookie { fields[.cookie] = "\(UISession.cookieName)=\(cookie)" }
        if let form {
            fields[.contentType] = "application/x-www-form-urlencoded"
            fields[.contentLength] = String(form.utf8.count)
        }
        return try await client.execute(.init(path, method: method, authority: host ?? self.host, headers: fields,
                                              body: form.map { ByteBuffer(string: $0) }))
    }

    /// Follows the one-time link and returns the session cookie's value; the session's pages are
    /// then under `ui.session.paths` (see `paths(_:)`).
    func logIn(_ ui: InspectorUIServer) async throws -> String {
        let response = try await send(.get, "/login?code=\(ui.session.loginCode)")
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[.setCookie])
        let value = try #require(setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
        return String(value)
    }

    /// The logged-in session's paths.
    func paths(_ ui: InspectorUIServer) throws -> UIPaths {
        try #require(ui.session.paths)
    }
}

extension TestClient.Response {
    var text: String { body.map { String(buffer: $0) } ?? "" }
}

/// Serves an inspector UI for `keys` on a loopback port, in front of `server`.
func withUI(server: URL, keys: AgencyKeyPair, operatorKey: OperatorPublicKey? = nil,
            _ body: @escaping @Sendable (UIRequester, InspectorUIServer) async throws -> Void) async throws {
    let index = CaseIndexStore(url: FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-ui-\(UUID().uuidString).cases"),
                               keys: keys)
    defer { try? FileManager.default.removeItem(at: index.url) }
    let ui = InspectorUIServer(client: AgencyClient(server: server, keys: keys, operatorKey: operatorKey), key: keys.publicKey, devOnly: keys.devOnly,
                               port: 0, caseIndex: index)
    var logger = Logger(label: "inspector-ui-test")
    logger.logLevel = .warning
    try await ui.application(logger: logger).test(.live) { live in
        let port = try #require(live.port)
        try await TestClient.withClient(host: "localhost", port: port) { client in
            try await body(UIRequester(client: client, port: port), ui)
        }
    }
}

/// The CSRF token a page's forms carry.
func csrfToken(in page: String) -> String? {
    guard let range = page.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
    return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
}

/// Percent-encodes form fields (application/x-www-form-urlencoded).
func formBody(_ fields: [(String, String)]) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
    return fields.map { name, value in
        "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }.joined(separator: "&")
}

/// A complaint whose reporter writes markup and discloses her immigration status.
let hostileComplaint = #"""
{"language": "en",
 "fields": {"employer_name": "Mrs. Lim <img src=x onerror=alert(1)>", "visa_status": "overstayed", "workplace_city": "Ipoh\"><script>x()</script>"},
 "narrative": "She pays me 300 dollars a month. <script>alert('pwned')</script> My visa expired last year."}
"""#
