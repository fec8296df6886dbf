@testable import Envelope
import Foundation
import HummingbirdTesting
@testable import InspectorClient
@testable import InspectorUI
import Intake
import Sodium
import Storage
import Testing

/// Issue 17 #7, on the inspector's side: any holder can store a note the others cannot open.
/// The client (and the CLI and UI over it) skips it and says so, and shows everything else.
@Suite("inspector client: notes that do not open are skipped and labelled")
struct JunkNoteTests {
    /// Posts a note record as `client`'s key, exactly as sent: what a misbehaving holder can do.
    static func postRecord(_ client: AgencyClient, _ caseID: CaseID, epoch: Int = 0, _ record: [UInt8]) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["epoch": epoch, "record": Base64.encode(record)], options: [.sortedKeys])
        _ = try await client.signedJSON("POST", "/v1/agency/cases/\(caseID.rawValue)/notes", body: [UInt8](body))
    }

    @Test("issue 17 #7: a junk note from one holder leaves the case readable for every holder, with the junk counted")
    func junkNoteDoesNotLockTheCase() async throws {
        let fixture = try DaemonFixture()
        try await fixture.serve { server, daemon in
            _ = try await LiveDaemonTests.fileComplaint(daemon)
            let inspector = AgencyClient(server: server, keys: fixture.inspector)
            let supervisor = AgencyClient(server: server, keys: fixture.supervisor)
            let caseID = try #require(try await inspector.cases().first?.caseID)
            try await supervisor.addNote(caseID, text: "Employer interviewed")
            // What the review's repro sent: the version byte, then 201 random bytes; the server cannot tell.
            try await Self.postRecord(inspector, caseID, [EnvelopeFormat.version] + [0x02] + SecureBytes(randomCount: 200).copyBytes())
            try await inspector.addNote(caseID, text: "Payslips requested")

            for client in [inspector, supervisor] {
                let opened = try await client.openFull(caseID)
                #expect(opened.view.narrative.contains("She pays me 300 dollars"))
                #expect(opened.notes.map(\.text) == ["Employer interviewed", "Payslips requested"])
                #expect(opened.notes.map(\.isSigned) == [true, true])
                #expect(opened.unopened.count == 1)
                #expect(opened.unopened.first?.kind == .note && opened.unopened.first?.sender == fixture.inspector.publicKey.keyID)
                #expect(UnopenedItem.summary(opened.unopened) == "1 note could not be opened")
            }

            try await withUI(server: server, keys: fixture.supervisor) { ui, uiServer in
                let cookie = try await ui.logIn(uiServer)
                let page = try await ui.send(.get, try ui.paths(uiServer).casePage(caseID.rawValue), cookie: cookie)
                #expect(page.status == .ok)
                #expect(page.text.contains("1 note could not be opened"))
                #expect(page.text.contains("Sent by inspector-1"))
                #expect(page.text.contains("Employer interviewed") && page.text.contains("Payslips requested"))
                #expect(page.text.contains("She pays me 300 dollars"))
            }
        }
    }

    @Test("a note forged in a colleague's name, or signed by the wrong key, is not shown as theirs; an old unsigned note is shown, marked")
    func forgedAndOldNotes() async throws {
        let fixture = try DaemonFixture()
        try await fixture.serve { server, daemon in
            _ = try await LiveDaemonTests.fileComplaint(daemon)
            let inspector = AgencyClient(server: server, keys: fixture.inspector)
            let supervisor = AgencyClient(server: server, keys: fixture.supervisor)
            let caseID = try #require(try await inspector.cases().first?.caseID)
            let caseKey = try await inspector.fetch(caseID).currentKey(with: fixture.inspector)
            let boss = fixture.supervisor.publicKey.keyID
            let me = fixture.inspector.publicKey.keyID

            // inspector-1 writes "as the supervisor": signed with her own key, or with none (format 1).
            let claimed = CaseNote(caseID: caseID, author: boss, kind: .note, text: "Supervisor: drop this case")
            try await Self.postRecord(inspector, caseID, try claimed.seal(caseKey: caseKey, signedBy: fixture.inspector.signing))
            try await Self.postRecord(inspector, caseID, try claimed.sealUnsignedFormat1(caseKey: caseKey))
            // A note of format 1 as clients wrote before notes were signed: still readable.
            let old = CaseNote(caseID: caseID, author: me, kind: .note, text: "Written before notes were signed")
            try await Self.postRecord(inspector, caseID, try old.sealUnsignedFormat1(caseKey: caseKey))

            let opened = try await supervisor.openFull(caseID)
            #expect(opened.notes.map(\.text) == ["Written before notes were signed"])
            #expect(opened.notes.first?.isSigned == false && opened.notes.first?.author == me)
            #expect(opened.unopened.map(\.sender) == [me, me])
            #expect(opened.unopened[0].reason.contains("not signed by the agency key it names"))
            #expect(opened.unopened[1].reason.contains("names key \(boss) as its author, but key \(me) sent it"))
            #expect(UnopenedItem.summary(opened.unopened) == "2 notes could not be opened")

            try await withUI(server: server, keys: fixture.supervisor) { ui, uiServer in
                let cookie = try await ui.logIn(uiServer)
                let page = try await ui.send(.get, try ui.paths(uiServer).casePage(caseID.rawValue), cookie: cookie)
                #expect(page.text.contains("2 notes could not be opened"))
                #expect(page.text.contains("unsigned (written before notes were signed"))
                #expect(!page.text.contains("drop this case"), "content that did not open is never shown")
            }
        }
    }

    @Test("with the operator key pinned, a note signed by a key the operator never registered (a row written into the database) is not shown")
    func noteByAnUnregisteredKey() async throws {
        let fixture = try DaemonFixture()
        try await fixture.serve { server, daemon in
            _ = try await LiveDaemonTests.fileComplaint(daemon)
            let supervisor = AgencyClient(server: server, keys: fixture.supervisor, operatorKey: fixture.operatorKey.publicKey)
            let caseID = try #require(try await supervisor.cases().first?.caseID)
            let caseKey = try await supervisor.fetch(caseID).currentKey(with: fixture.supervisor)
            try await supervisor.addNote(caseID, text: "Employer interviewed")

            // Someone who can write to the database: a key row with no operator registration, a
            // wrap to it, and a note signed by it (security review item 4's attacker, here).
            let impostor = try AgencyKeyPair.generate(name: "inspector-9", role: .inspector)
            let id = impostor.publicKey.keyID
            try fixture.store.registerAgencyKey(impostor.publicKey, receivesNewCases: false, team: "default", day: "2026-12-06", audit: [])
            try fixture.store.assign(caseID, to: id, by: fixture.supervisor.publicKey.keyID,
                                     wraps: [try KeyWrap.wrap(caseKey, caseID: caseID, to: impostor.publicKey.boxPublicKey)], forwarded: [], audit: [])
            let forged = try CaseNote(caseID: caseID, author: id, kind: .note, text: "Supervisor says: close it")
                .seal(caseKey: caseKey, signedBy: impostor.signing)
            try fixture.store.addNote(caseID, StoredNote(epoch: 0, author: id, record: forged), limit: 200, audit: [])

            let opened = try await supervisor.openFull(caseID)
            #expect(opened.notes.map(\.text) == ["Employer interviewed"])
            #expect(opened.unopened.map(\.sender) == [id])
            #expect(opened.unopened.first?.reason.contains("not signed by the agency key it names") == true)
        }
    }

    @Test("a note too long for the server is refused by the client before anything is sent")
    func tooLong() async throws {
        let fixture = try DaemonFixture()
        try await fixture.serve { server, daemon in
            _ = try await LiveDaemonTests.fileComplaint(daemon)
            let inspector = AgencyClient(server: server, keys: fixture.inspector)
            let caseID = try #require(try await inspector.cases().first?.caseID)
            let error = await #expect(throws: ClientError.self) {
                try await inspector.addNote(caseID, text: String(repeating: "x", count: 9000))
            }
            #expect(error?.message.contains("too long") == true)
            #expect(try await inspector.openFull(caseID).notes.isEmpty)
            try await inspector.addNote(caseID, text: String(repeating: "x", count: 6000))
            #expect(try await inspector.openFull(caseID).notes.count == 1)
        }
    }
}
