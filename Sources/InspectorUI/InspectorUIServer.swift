import Envelope
import Hummingbird
import InspectorClient
import Logging

/// The local inspector UI: a small server-rendered web app on 127.0.0.1 that works cases through
/// `AgencyClient`, for inspectors who do not live in a terminal. It runs on the inspector's own
/// machine, holds the private key in this process only, and talks to the daemon like the CLI does.
///
/// Security of a local web app (Docs/inspector-ui.md): it binds loopback only; it answers only to
/// its own Host (DNS rebinding); one browser session, started by a one-time link printed in the
/// terminal and kept in an HttpOnly, SameSite=Strict session cookie; a CSRF token in every form;
/// no script, a strict content-security policy, nothing cached; all case content escaped.
public struct InspectorUIServer: Sendable {
    public let session: UISession
    public let origin: LoopbackOrigin
    let client: AgencyClient
    let signer: Signer
    let afterFirstOpen: RunOnce
    let requestedPort: Int
    /// Whether a case is past its acknowledgement or feedback deadline (the operator's, given to
    /// `inspector ui`), judged on this machine from its filing day and status.
    let isOverdue: @Sendable (AgencyClient.CaseSummary) -> Bool
    /// The case index the list reads language, district, employer and text from (`KEYFILE.cases`).
    let caseIndex: CaseIndexStore?

    /// - Parameters:
    ///   - client: the inspector's client, normally one that verifies releases against a pinned log key.
    ///   - key: the public half of the client's key (name and role for the header and the forms).
    ///   - devOnly: the key is from the daemon's development set (shown as a warning on every page).
    ///   - port: the loopback port; 0 picks a free one.
    ///   - caseIndex: what this machine remembers of the cases (shared with the CLI); nil: the list
    ///     shows only what the daemon's list says, and search finds nothing.
    ///   - afterFirstVerifiedOpen: run once, after the first case was opened and verified.
    public init(client: AgencyClient, key: AgencyPublicKey, devOnly: Bool, port: Int, caseIndex: CaseIndexStore? = nil,
                afterFirstVerifiedOpen: (@Sendable () throws -> Void)? = nil,
                isOverdue: @escaping @Sendable (AgencyClient.CaseSummary) -> Bool = { _ in false }) {
        self.isOverdue = isOverdue
        self.caseIndex = caseIndex
        self.client = client
        self.signer = Signer(key, devOnly: devOnly)
        self.session = UISession()
        self.origin = LoopbackOrigin(port: port == 0 ? nil : port)
        self.afterFirstOpen = RunOnce(afterFirstVerifiedOpen)
        self.requestedPort = port
    }

    /// The routes behind the headers and the request guard.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: UIHeadersMiddleware())
        router.add(middleware: RequestGuard(session: session, origin: origin))
        LoginRoute.add(to: router, session: session)
        router.get(RouterPath(Stylesheet.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        CaseRoutes(client: client, signer: signer, session: session, afterFirstOpen: afterFirstOpen, isOverdue: isOverdue,
                   caseIndex: caseIndex).add(to: router)
        return router
    }

    /// The one-time login link, once the port is known.
    public var loginURL: String? {
        origin.baseURL.map { "\($0)\(LoginRoute.path)?code=\(session.loginCode)" }
    }

    /// The application on 127.0.0.1; `onReady` gets the login link once the port is bound.
    public func application(logger: Logger, onReady: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(LoopbackOrigin.bindAddress, port: requestedPort), serverName: nil),
            onServerRunning: { channel in
                origin.bound(to: channel.localAddress?.port ?? 0)
                if let url = loginURL { onReady(url) }
            },
            logger: logger)
    }

    /// Serves on 127.0.0.1 until SIGINT or SIGTERM.
    public func run(logger: Logger, onReady: @escaping @Sendable (String) -> Void) async throws {
        try await application(logger: logger, onReady: onReady).runService()
    }
}
