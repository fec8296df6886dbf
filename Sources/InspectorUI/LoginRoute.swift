import HTTPTypes
import Hummingbird

/// `GET /login?code=…`: the one-time link printed at start. A right code starts the session
/// (cookie) and sends the browser to the case list; a wrong or spent one is refused.
enum LoginRoute {
    static let path = "/login"

    static func add(to router: Router<BasicRequestContext>, session: UISession) {
        router.get(RouterPath(path)) { request, _ in
            // A reload of the link from the browser that already followed it: nothing to do.
            if session.isValid(cookie: request.cookies[UISession.cookieName]?.value) {
                return HTMLResponse.redirect(to: "/")
            }
            switch session.logIn(code: request.uri.queryParameters.get("code") ?? "") {
            case .started(let cookie):
                var headers = HTTPFields()
                // No Max-Age or Expires: a session cookie, gone when the browser closes. No
                // Secure flag: this is plain HTTP on loopback, which never leaves the machine.
                headers[.setCookie] = Cookie(name: UISession.cookieName, value: cookie, path: "/", httpOnly: true, sameSite: .strict).description
                return HTMLResponse.redirect(to: "/", headers: headers)
            case .refused:
                return Refusal.response(.forbidden, "This login link is wrong or was already used.",
                                        hint: "Each start of `safeintake inspector ui` prints a link that works once. Restart it for a new one.")
            }
        }
    }
}
