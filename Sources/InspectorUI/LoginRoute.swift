import HTTPTypes
import Hummingbird

/// `GET /login?code=…`: the one-time link printed at start. A right code starts the session and
/// sends the browser to the case list under the session's own path; a wrong or spent one is refused.
enum LoginRoute {
    static let path = "/login"

    static func add(to router: Router<BasicRequestContext>, session: UISession) {
        router.get(RouterPath(path)) { request, _ in
            switch session.logIn(code: request.uri.queryParameters.get("code") ?? "") {
            case .started(let cookie, let paths):
                var headers = HTTPFields()
                // No Max-Age or Expires: a session cookie, gone when the browser closes. No
                // Secure flag: this is plain HTTP on loopback, which never leaves the machine.
                // `Path` is the session's secret path: browsers keep cookies apart by host and
                // path but not by port, so without it every other service on 127.0.0.1 the
                // browser visits would receive the cookie (issue 17, item 6).
                headers[.setCookie] = Cookie(name: UISession.cookieName, value: cookie, path: paths.base,
                                             httpOnly: true, sameSite: .strict).description
                return HTMLResponse.redirect(to: paths.home, headers: headers)
            case .refused:
                return Refusal.response(.forbidden, "This login link is wrong or was already used.",
                                        hint: "Each start of `safeintake inspector ui` prints a link that works once. Restart it for a new one.")
            }
        }
    }
}
