import Envelope
import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import InspectorUI
import Testing

/// The UI's locks, over a real socket. The daemon behind it is deliberately unreachable: every
/// request refused here is refused before the UI would talk to it, and one that gets through
/// shows the client's error as words on the page.
@Suite("inspector UI: session, Host, CSRF and headers")
struct SessionGuardTests {
    static let nowhere = URL(string: "http://127.0.0.1:1")!
    static let someCase = "0123456789abcdef0123456789abcdef"

    @Test("the login link works once and sets an HttpOnly, SameSite=Strict session cookie without a lifetime, scoped to a fresh secret path")
    func loginOnce() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            #expect(server.session.paths == nil, "no session path exists before the link is followed")
            let wrong = try await ui.send(.get, "/login?code=" + String(repeating: "0", count: 64))
            #expect(wrong.status == .forbidden)
            #expect(wrong.headers[.setCookie] == nil)

            let first = try await ui.send(.get, "/login?code=\(server.session.loginCode)")
            #expect(first.status == .seeOther)
            let paths = try ui.paths(server)
            #expect(first.headers[.location] == paths.base)
            #expect(paths.base.wholeMatch(of: /\/s\/[0-9a-f]{32}\//) != nil, "128 random-looking bits: \(paths.base)")
            #expect(!paths.base.contains(server.session.loginCode.prefix(32)), "the path is not taken from the printed link")
            let cookie = try #require(first.headers[.setCookie])
            let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            #expect(attributes.first?.hasPrefix("\(UISession.cookieName)=") == true)
            #expect(attributes.contains("httponly"))
            #expect(attributes.contains("samesite=strict"))
            #expect(attributes.contains("path=\(paths.base)"), "\(attributes)")
            #expect(!attributes.contains("path=/"), "a cookie for / would go to every service on 127.0.0.1")
            #expect(!attributes.contains { $0.hasPrefix("max-age") || $0.hasPrefix("expires") || $0.hasPrefix("domain") })
            let value = String(attributes[0].dropFirst(UISession.cookieName.count + 1))
            #expect(value.count == 64)
            #expect(value != server.session.loginCode, "the cookie is a fresh secret, not the printed code")
            #expect(!paths.base.contains(value.prefix(32)) && !value.contains(paths.base.dropFirst(3).prefix(32)),
                    "the path secret and the cookie are different values")

            let again = try await ui.send(.get, "/login?code=\(server.session.loginCode)")
            #expect(again.status == .forbidden, "the printed link is spent")
            #expect(again.headers[.setCookie] == nil)
            #expect(try await ui.send(.get, "/login?code=\(server.session.loginCode)", cookie: value).status == .forbidden,
                    "the link is spent for everyone, the browser that followed it included")
            #expect(try ui.paths(server) == paths, "a refused login does not move the session")
        }
    }

    @Test("issue 17 #6: the cookie opens nothing outside the session's secret path, and the path nothing without the cookie")
    func sessionScopedToSecretPath() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let paths = try ui.paths(server)
            // With the cookie (as another local service that received it would replay it) but
            // without the path secret: the pages of the old layout, other secrets, near misses.
            let secret = String(paths.base.dropFirst(3).dropLast())
            let flipped = String(secret.dropLast()) + (secret.hasSuffix("0") ? "1" : "0")
            for path in ["/", "/cases/\(Self.someCase)", "/s/", "/s//", "/s/\(flipped)/", "/s/\(secret.prefix(31))/",
                         "/s/\(secret)", "/s/\(secret.uppercased())/", "/s/\(secret)0/", "/x/\(secret)/", "/S/\(secret)/"] {
                let response = try await ui.send(.get, path, cookie: cookie)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("could not reach"), "nothing was attempted for \(path)")
            }
            let post = try await ui.send(.post, "/cases/\(Self.someCase)/notes", cookie: cookie, form: "text=x&csrf=\(server.session.csrfToken)")
            #expect(post.status == .notFound)
            #expect(!post.text.contains("could not reach"))
            // The path without the cookie, or with another one.
            #expect(try await ui.send(.get, paths.home).status == .unauthorized)
            #expect(try await ui.send(.get, paths.casePage(Self.someCase), cookie: String(repeating: "a", count: 64)).status == .unauthorized)
            // A page on another local port that makes the browser ask (it cannot know the path,
            // but if it did): refused by fetch metadata and by Origin, on a GET too.
            for headers: HTTPFields in [[.secFetchSite: "same-site"], [.secFetchSite: "cross-site"], [.origin: "http://127.0.0.1:\(ui.port + 1)"],
                                        [.origin: "null"]] {
                let response = try await ui.send(.get, paths.home, cookie: cookie, headers: headers)
                #expect(response.status == .forbidden, "\(headers)")
            }
            // Both: through to the client (which cannot reach the daemon here).
            #expect(try await ui.send(.get, paths.home, cookie: cookie).status == .badGateway)
            #expect(try await ui.send(.get, paths.casePage(Self.someCase), cookie: cookie).status == .badGateway)
        }
    }

    @Test("a cookie of the same name tossed in by another local service neither opens the UI nor logs the inspector out")
    func tossedCookie() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let home = try ui.paths(server).home
            let junk = String(repeating: "b", count: 64)
            let both: HTTPFields = [.cookie: "\(UISession.cookieName)=\(junk); \(UISession.cookieName)=\(cookie)"]
            #expect(try await ui.send(.get, home, headers: both).status == .badGateway)
            #expect(try await ui.send(.get, home, headers: [.cookie: "\(UISession.cookieName)=\(junk)"]).status == .unauthorized)
            #expect(try await ui.send(.get, home, headers: [.cookie: "other_\(UISession.cookieName)=\(cookie)"]).status == .unauthorized)
        }
    }

    @Test("without the session only the login link and the stylesheet answer")
    func noSession() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            #expect(try await ui.send(.get, "/").status == .notFound)
            #expect(try await ui.send(.get, "/cases/\(Self.someCase)").status == .notFound)
            #expect(try await ui.send(.post, "/cases/\(Self.someCase)/notes", form: "text=hi").status == .notFound)
            _ = try await ui.logIn(server)
            let paths = try ui.paths(server)
            let forged = String(repeating: "a", count: 64)
            #expect(try await ui.send(.get, paths.home, cookie: forged).status == .unauthorized)
            #expect(try await ui.send(.post, paths.action(Self.someCase, "notes"), form: "text=hi").status == .unauthorized)
            let page = try await ui.send(.get, paths.home)
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("one-time link"))
            #expect(!page.text.contains(paths.base), "a refusal does not name the session's path")
            let css = try await ui.send(.get, "/style.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("a Host other than 127.0.0.1:PORT or localhost:PORT is refused, session or not (DNS rebinding)")
    func hostCheck() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let home = try ui.paths(server).home
            for host in ["evil.example:\(ui.port)", "evil.example", "127.0.0.1:\(ui.port + 1)", "127.0.0.1", "[::1]:\(ui.port)",
                         "localhost.evil.example:\(ui.port)", "127.0.0.1:\(ui.port)@evil.example"] {
                let response = try await ui.send(.get, home, cookie: cookie, host: host)
                #expect(response.status == .misdirectedRequest, "Host \(host)")
                #expect(!response.text.contains("could not reach"), "nothing was attempted for Host \(host)")
            }
            #expect(try await ui.send(.get, "/login?code=\(server.session.loginCode)", host: "evil.example:\(ui.port)").status == .misdirectedRequest)
            #expect(try await ui.send(.get, home, cookie: cookie, host: "localhost:\(ui.port)").status == .badGateway)
            #expect(try await ui.send(.get, home, cookie: cookie, host: "LOCALHOST:\(ui.port)").status == .badGateway)
        }
    }

    @Test("an error from the client is shown as a readable message, with its hint")
    func clientErrorShown() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let page = try await ui.send(.get, try ui.paths(server).home, cookie: cookie)
            #expect(page.status == .badGateway)
            #expect(page.text.contains("could not reach the SafeIntake server at http://127.0.0.1:1"))
            #expect(page.text.contains("check --server and that the daemon is running"))
        }
    }

    @Test("a form post needs this session's CSRF token, from this origin; refused posts change nothing")
    func csrf() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let token = server.session.csrfToken
            #expect(token.count == 64)
            let path = try ui.paths(server).action(Self.someCase, "notes")
            let refusals: [(String, HTTPFields)] = [
                ("text=hello", [:]),
                ("text=hello&csrf=" + String(repeating: "0", count: 64), [:]),
                ("text=hello&csrf=\(token.prefix(63))", [:]),
                ("text=hello&csrf=\(token)&csrf=\(token)", [:]),
                ("text=hello&csrf=\(token)", [.origin: "http://evil.example"]),
                ("text=hello&csrf=\(token)", [.origin: "http://127.0.0.1:\(ui.port + 1)"]),
                ("text=hello&csrf=\(token)", [.origin: "null"]),
                ("text=hello&csrf=\(token)", [.secFetchSite: "cross-site"]),
                ("text=hello&csrf=\(token)", [.secFetchSite: "same-site"]),
            ]
            for (form, headers) in refusals {
                let response = try await ui.send(.post, path, cookie: cookie, headers: headers, form: form)
                #expect(response.status == .forbidden, "\(form) \(headers)")
                #expect(!response.text.contains("could not reach"), "refused before any call to the daemon: \(form) \(headers)")
            }
            // The right token from this origin gets through to the client (which cannot reach the daemon here).
            let accepted = try await ui.send(.post, path, cookie: cookie, headers: [.origin: "http://127.0.0.1:\(ui.port)", .secFetchSite: "same-origin"],
                                             form: "text=hello&csrf=\(token)")
            #expect(accepted.status == .badGateway)
            #expect(accepted.text.contains("could not reach"))
        }
    }

    @Test("every answer carries the no-store, no-script, no-framing headers")
    func headers() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let paths = try ui.paths(server)
            let answers = [
                try await ui.send(.get, "/style.css"),
                try await ui.send(.get, paths.home),
                try await ui.send(.get, "/", host: "evil.example"),
                try await ui.send(.get, "/nowhere", cookie: cookie),
                try await ui.send(.get, "\(paths.base)nowhere", cookie: cookie),
                try await ui.send(.get, paths.casePage("not-a-case"), cookie: cookie),
                try await ui.send(.get, paths.home, cookie: cookie),
            ]
            #expect(answers.map(\.status) == [.ok, .unauthorized, .misdirectedRequest, .notFound, .notFound, .notFound, .badGateway])
            for answer in answers {
                #expect(answer.headers[.cacheControl] == "no-store")
                #expect(answer.headers[.contentSecurityPolicy]
                    == "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                #expect(answer.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "no referrer leaves; same-origin posts keep their Origin")
            }
        }
    }
}
