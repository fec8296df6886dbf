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

    @Test("the login link works once and sets an HttpOnly, SameSite=Strict session cookie without a lifetime")
    func loginOnce() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let wrong = try await ui.send(.get, "/login?code=" + String(repeating: "0", count: 64))
            #expect(wrong.status == .forbidden)
            #expect(wrong.headers[.setCookie] == nil)

            let first = try await ui.send(.get, "/login?code=\(server.session.loginCode)")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/")
            let cookie = try #require(first.headers[.setCookie])
            let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            #expect(attributes.first?.hasPrefix("\(UISession.cookieName)=") == true)
            #expect(attributes.contains("httponly"))
            #expect(attributes.contains("samesite=strict"))
            #expect(attributes.contains("path=/"))
            #expect(!attributes.contains { $0.hasPrefix("max-age") || $0.hasPrefix("expires") })
            let value = String(attributes[0].dropFirst(UISession.cookieName.count + 1))
            #expect(value.count == 64)
            #expect(value != server.session.loginCode, "the cookie is a fresh secret, not the printed code")

            let again = try await ui.send(.get, "/login?code=\(server.session.loginCode)")
            #expect(again.status == .forbidden, "the printed link is spent")
            #expect(again.headers[.setCookie] == nil)
            #expect(try await ui.send(.get, "/login?code=\(server.session.loginCode)", cookie: value).status == .seeOther)
        }
    }

    @Test("without the session cookie only the login link and the stylesheet answer")
    func noSession() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            #expect(try await ui.send(.get, "/").status == .unauthorized)
            #expect(try await ui.send(.get, "/cases/\(Self.someCase)").status == .unauthorized)
            #expect(try await ui.send(.post, "/cases/\(Self.someCase)/notes", form: "text=hi").status == .unauthorized)
            _ = try await ui.logIn(server)
            let forged = String(repeating: "a", count: 64)
            #expect(try await ui.send(.get, "/", cookie: forged).status == .unauthorized)
            let page = try await ui.send(.get, "/")
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("one-time link"))
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
            for host in ["evil.example:\(ui.port)", "evil.example", "127.0.0.1:\(ui.port + 1)", "127.0.0.1", "[::1]:\(ui.port)",
                         "localhost.evil.example:\(ui.port)", "127.0.0.1:\(ui.port)@evil.example"] {
                let response = try await ui.send(.get, "/", cookie: cookie, host: host)
                #expect(response.status == .misdirectedRequest, "Host \(host)")
                #expect(!response.text.contains("could not reach"), "nothing was attempted for Host \(host)")
            }
            #expect(try await ui.send(.get, "/login?code=\(server.session.loginCode)", host: "evil.example:\(ui.port)").status == .misdirectedRequest)
            #expect(try await ui.send(.get, "/", cookie: cookie, host: "localhost:\(ui.port)").status == .badGateway)
            #expect(try await ui.send(.get, "/", cookie: cookie, host: "LOCALHOST:\(ui.port)").status == .badGateway)
        }
    }

    @Test("an error from the client is shown as a readable message, with its hint")
    func clientErrorShown() async throws {
        let keys = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        try await withUI(server: Self.nowhere, keys: keys) { ui, server in
            let cookie = try await ui.logIn(server)
            let page = try await ui.send(.get, "/", cookie: cookie)
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
            let path = "/cases/\(Self.someCase)/notes"
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
            let answers = [
                try await ui.send(.get, "/style.css"),
                try await ui.send(.get, "/"),
                try await ui.send(.get, "/", host: "evil.example"),
                try await ui.send(.get, "/nowhere", cookie: cookie),
                try await ui.send(.get, "/cases/not-a-case", cookie: cookie),
                try await ui.send(.get, "/", cookie: cookie),
            ]
            #expect(answers.map(\.status) == [.ok, .unauthorized, .misdirectedRequest, .notFound, .notFound, .badGateway])
            for answer in answers {
                #expect(answer.headers[.cacheControl] == "no-store")
                #expect(answer.headers[.contentSecurityPolicy]
                    == "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                #expect(answer.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "no referrer leaves; same-origin posts keep their Origin")
            }
        }
    }
}
