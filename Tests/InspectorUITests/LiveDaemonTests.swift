import Envelope
import Foundation
import HTTPTypes
import HummingbirdTesting
import InspectorClient
@testable import InspectorUI
import NIOCore
import Testing

/// The UI in front of a real daemon (both on loopback sockets, in this process): a complaint
/// filed over HTTP is listed, opened and worked through the UI's forms, and everything is checked
/// against what the inspector's own client then decrypts.
@Suite("inspector UI: against a real daemon")
struct LiveDaemonTests {
    static func fileComplaint(_ daemon: any TestClientProtocol) async throws -> String {
        let response = try await daemon.executeRequest(uri: "/v1/complaints", method: .post, headers: [.contentType: "application/json"],
                                                       body: ByteBuffer(string: hostileComplaint))
        #expect(response.status == .created)
        return String(buffer: response.body)
    }

    @Test("list, open (firewalled, hostile text inert), add a note; a post without the token changes nothing")
    func workACase() async throws {
        let fixture = try DaemonFixture()
        let keys = fixture.inspector
        try await fixture.serve { server, daemon in
            _ = try await Self.fileComplaint(daemon)
            let direct = AgencyClient(server: server, keys: keys)
            let caseID = try #require(try await direct.cases().first?.caseID)

            try await withUI(server: server, keys: keys) { ui, uiServer in
                let cookie = try await ui.logIn(uiServer)
                let paths = try ui.paths(uiServer)
                let list = try await ui.send(.get, paths.home, cookie: cookie)
                #expect(list.status == .ok)
                #expect(list.text.contains(#"href="\#(paths.casePage(caseID.rawValue))""#))
                #expect(list.text.contains(#"<span class="status">received</span>"#))
                // Opened once for the index: language, employer and place from the decrypted view.
                #expect(list.text.contains("<td>en</td>") && list.text.contains("<bdi>Mrs. Lim &lt;img src=x onerror=alert(1)&gt;</bdi>"))
                #expect(list.text.contains("<bdi>Ipoh&quot;&gt;&lt;script&gt;x()&lt;/script&gt;</bdi>"))
                let found = try await ui.send(.get, paths.home + "?q=DOLLARS+300", cookie: cookie)
                #expect(found.text.contains("1 of 1 cases"))
                let none = try await ui.send(.get, paths.home + "?q=overstayed", cookie: cookie)
                #expect(none.text.contains("0 of 1 cases"), "what the firewall removed was never here to be found")

                let page = try await ui.send(.get, paths.casePage(caseID.rawValue), cookie: cookie)
                #expect(page.status == .ok)
                #expect(page.text.contains("She pays me 300 dollars a month."))
                #expect(page.text.contains("&lt;script&gt;alert(&#39;pwned&#39;)"))
                #expect(!page.text.lowercased().contains("<script"))
                #expect(!page.text.contains("<img"))
                #expect(page.text.contains("Mrs. Lim &lt;img src=x onerror=alert(1)&gt;"))
                #expect(!page.text.contains("overstayed"), "the firewall dropped the status field")
                #expect(!page.text.contains("visa expired"), "the firewall redacted the disclosure")
                let token = try #require(csrfToken(in: page.text))

                let path = paths.action(caseID.rawValue, "notes")
                let refused = try await ui.send(.post, path, cookie: cookie, form: formBody([("text", "Forged note")]))
                #expect(refused.status == .forbidden)
                let added = try await ui.send(.post, path, cookie: cookie, form: formBody([("csrf", token), ("text", "Called the employer <b>today</b> & left a message")]))
                #expect(added.status == .seeOther)
                #expect(added.headers[.location] == paths.casePage(caseID.rawValue))

                let after = try await ui.send(.get, paths.casePage(caseID.rawValue), cookie: cookie)
                #expect(after.text.contains("Note added, encrypted to the case key."))
                #expect(after.text.contains("Called the employer &lt;b&gt;today&lt;/b&gt; &amp; left a message"))
                let notes = try await direct.openFull(caseID).notes.map(\.text)
                #expect(notes == ["Called the employer <b>today</b> & left a message"], "the refused post added nothing")
            }
        }
    }

    @Test("closing without an outcome is refused with the reason and the typed text kept; with one it closes")
    func closingNeedsAnOutcome() async throws {
        let fixture = try DaemonFixture()
        let keys = fixture.inspector
        try await fixture.serve { server, daemon in
            _ = try await Self.fileComplaint(daemon)
            let direct = AgencyClient(server: server, keys: keys)
            let caseID = try #require(try await direct.cases().first?.caseID)
            try await withUI(server: server, keys: keys) { ui, uiServer in
                let cookie = try await ui.logIn(uiServer)
                let token = uiServer.session.csrfToken
                let path = try ui.paths(uiServer).action(caseID.rawValue, "status")
                let refused = try await ui.send(.post, path, cookie: cookie, form: formBody([("csrf", token), ("status", "closed"), ("outcome", "  ")]))
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("Closing a case needs an outcome"))
                #expect(try await direct.cases().first?.status == "received")

                let closed = try await ui.send(.post, path, cookie: cookie,
                                               form: formBody([("csrf", token), ("status", "closed"), ("outcome", "Back pay recovered")]))
                #expect(closed.status == .seeOther)
                #expect(try await direct.cases().first?.status == "closed")
                let outcome = try await direct.openFull(caseID).notes.last
                #expect(outcome?.kind == .outcome && outcome?.text == "Back pay recovered")
            }
        }
    }

    @Test("a supervisor assigns through the UI; an inspector's refused action is shown as the daemon's reason")
    func assignment() async throws {
        let fixture = try DaemonFixture()
        let (supervisor, inspector, bystander) = (fixture.supervisor, fixture.inspector, fixture.bystander)
        try await fixture.serve { server, daemon in
            _ = try await Self.fileComplaint(daemon)
            let caseID = try #require(try await AgencyClient(server: server, keys: supervisor).cases().first?.caseID)
            #expect(try await AgencyClient(server: server, keys: bystander).cases().isEmpty)

            try await withUI(server: server, keys: supervisor, operatorKey: fixture.operatorKey.publicKey) { ui, uiServer in
                let cookie = try await ui.logIn(uiServer)
                let paths = try ui.paths(uiServer)
                let page = try await ui.send(.get, paths.casePage(caseID.rawValue), cookie: cookie)
                #expect(page.text.contains(#"<option value="\#(bystander.publicKey.keyID)">inspector-2 (inspector)</option>"#))
                let assigned = try await ui.send(.post, paths.action(caseID.rawValue, "assign"), cookie: cookie,
                                                 form: formBody([("csrf", uiServer.session.csrfToken), ("to", bystander.publicKey.keyID)]))
                #expect(assigned.status == .seeOther)
            }
            let opened = try await AgencyClient(server: server, keys: bystander).open(caseID)
            #expect(opened.narrative.contains("She pays me 300 dollars"))

            try await withUI(server: server, keys: inspector, operatorKey: fixture.operatorKey.publicKey) { ui, uiServer in
                let cookie = try await ui.logIn(uiServer)
                let refused = try await ui.send(.post, try ui.paths(uiServer).action(caseID.rawValue, "unassign"), cookie: cookie,
                                                form: formBody([("csrf", uiServer.session.csrfToken), ("remove", bystander.publicKey.keyID)]))
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains("only a supervisor"))
            }
            #expect(try await AgencyClient(server: server, keys: bystander).cases().count == 1)
        }
    }
}
