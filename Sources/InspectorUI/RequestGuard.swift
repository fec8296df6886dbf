import Foundation
import HTTPTypes
import Hummingbird

/// Lets a request through only if it comes to this UI's own address, from the inspector's own
/// browser session, and (for a form post) carries the session's CSRF token.
///
/// In order: the Host must be `127.0.0.1:PORT` or `localhost:PORT` (DNS rebinding); a browser's
/// fetch metadata must not say the request was started by another site or another local port, and
/// an `Origin`, on any request, must be this one; apart from the login link and the stylesheet,
/// the path must lie under the session's secret path (`/s/PATH_SECRET/`, 404 otherwise) and the
/// session cookie must be presented; a POST must carry the CSRF token.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    let session: UISession
    let origin: LoopbackOrigin
    /// Largest form accepted (a note or a message, well under the daemon's own limits).
    static var maxFormBytes: Int { 64 * 1024 }
    static var publicPaths: Set<String> { [LoginRoute.path, Stylesheet.path] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard origin.acceptsHost(request.head.authority) else {
            return Refusal.response(.misdirectedRequest, "This is not the address of the inspector UI.",
                                    hint: "Open the link printed in the terminal where you started it.")
        }
        if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" {
            return Refusal.response(.forbidden, "Requests started by another site are refused.")
        }
        if let from = request.headers[.origin], !origin.acceptsOrigin(from) {
            return Refusal.response(.forbidden, "Requests from another origin are refused.")
        }
        if Self.publicPaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        guard session.isInScope(path: request.uri.path) else {
            return Refusal.response(.notFound, "There is no such page.", hint: Self.startHint)
        }
        guard Self.sessionCookies(request).contains(where: { session.isValid(cookie: $0) }) else {
            return Refusal.response(.unauthorized, "No session.", hint: Self.startHint)
        }
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxFormBytes)
        let form = FormFields(body: String(buffer: body))
        guard session.isValid(csrf: form?.value(UISession.csrfField)) else {
            return Refusal.response(.forbidden, "This form is not from your session (missing or wrong CSRF token): nothing was changed.",
                                    hint: "Go back, reload the page and try again.")
        }
        return try await next(request, context)
    }
}

extension RequestGuard {
    static var startHint: String {
        "Open the one-time link printed in the terminal where you started `safeintake inspector ui`. "
            + "If it was already used, stop the UI (Ctrl-C) and start it again."
    }

    /// Every value sent under the session cookie's name (at most a few). Another local service can
    /// set a cookie of the same name for 127.0.0.1 on a wider path; the browser then sends both,
    /// so taking only the first would let it log the inspector out. Any one that matches counts.
    static func sessionCookies(_ request: Request) -> [String] {
        let prefix = UISession.cookieName + "="
        let pairs = request.headers[values: .cookie].lazy.flatMap { $0.split(separator: ";") }
            .map { $0.drop { $0.isWhitespace } }.filter { $0.hasPrefix(prefix) }
        return pairs.prefix(8).map { String($0.dropFirst(prefix.count)) }
    }
}

extension HTTPField.Name {
    static var secFetchSite: Self { Self("Sec-Fetch-Site")! }
}

/// The pages for refused requests: they say why, and show nothing of any case.
enum Refusal {
    static func response(_ status: HTTPResponse.Status, _ text: String, hint: String? = nil) -> Response {
        let page = Layout.message(title: status.reasonPhrase, signer: nil, home: nil, text, hint: hint)
        return HTMLResponse.make(status, page)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body, looked up by name.
struct FormFields {
    private let pairs: [(String, String)]

    /// nil when the body is not form-encoded text.
    init?(body: String) {
        var pairs: [(String, String)] = []
        for item in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The value of the only field called `name`; nil when it is missing or given twice.
    func value(_ name: String) -> String? {
        let values = pairs.filter { $0.0 == name }
        return values.count == 1 ? values[0].1 : nil
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
