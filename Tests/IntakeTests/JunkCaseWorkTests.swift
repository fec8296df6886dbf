import Envelope
import Foundation
import Intake
import Sodium
import Testing

/// Issue 17 #7: what a key holder can store on a case is opaque to the server, so one holder's
/// junk must neither hide the others' work nor grow without bound.
@Suite("case work: junk from a holder, and how much one holder may write")
struct JunkCaseWorkTests {
    static let complaint = Harness.body(IntakePathTests.complaint)

    /// What the server accepts as a message or a note without being able to read it: the version
    /// byte, then anything.
    static func junk(_ count: Int = 200) -> [UInt8] {
        [EnvelopeFormat.version, 0x02] + SecureBytes(randomCount: count).copyBytes()
    }

    @Test("issue 17 #7: ten junk messages from a holder do not hide a colleague's real reply", arguments: Backend.available)
    func junkMessagesDoNotHideARealReply(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        try h.reply(filed.caseID, "We have your complaint and will visit on Monday.", by: h.inspector1)
        for _ in 0..<10 {
            try h.caseWork.sendMessage(filed.caseID, sealed: Self.junk(), by: h.supervisor.publicKey)
        }
        let answer = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(answer.messages.map(\.text) == ["We have your complaint and will visit on Monday."])
    }

    @Test("the reporter sees the newest ten valid messages, oldest first, whatever junk lies between them", arguments: Backend.available)
    func newestValidMessagesAreShown(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        for index in 1...12 {
            try h.reply(filed.caseID, "message \(index)", by: index.isMultiple(of: 2) ? h.inspector1 : h.supervisor)
            try h.caseWork.sendMessage(filed.caseID, sealed: Self.junk(), by: h.supervisor.publicKey)
            try h.caseWork.sendMessage(filed.caseID, sealed: Self.junk(), by: h.inspector1.publicKey)
        }
        let answer = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(answer.messages.map(\.text) == (3...12).map { "message \($0)" })
    }

    @Test("one key may write a bounded number of notes on a case; the next is refused (409 limit_reached) and changes nothing",
          arguments: Backend.available)
    func notesPerHolderAreCapped(_ backend: Backend) throws {
        let h = try Harness(backend)
        let caseWork = CaseWorkService(store: h.store, limits: .init(notesPerHolder: 3, messagesPerHolder: 2))
        let filed = try h.intake.file(body: Self.complaint)
        for index in 1...3 {
            try caseWork.addNote(filed.caseID, try h.note(filed.caseID, "note \(index)", by: h.inspector1), by: h.inspector1.publicKey)
        }
        // (Sealing fetches the case, which logs a release: seal first, then count the log.)
        let fourth = try h.note(filed.caseID, "note 4", by: h.inspector1)
        let outcome = try h.note(filed.caseID, "done", kind: .outcome, by: h.inspector1)
        let before = try h.store.auditLogSize()
        let refused = #expect(throws: CaseWorkError.self) {
            try caseWork.addNote(filed.caseID, fourth, by: h.inspector1.publicKey)
        }
        #expect(refused?.code == .limitReached)
        #expect(refused?.message.contains("3 notes") == true)
        // The outcome of closing is a note too: refused as well, and the state is unchanged.
        let closing = #expect(throws: CaseWorkError.self) {
            try caseWork.setStatus(filed.caseID, to: .closed, outcome: outcome, by: h.inspector1.publicKey)
        }
        #expect(closing?.code == .limitReached)
        #expect(try h.store.auditLogSize() == before, "nothing was logged")
        #expect(try h.caseWork.cases(for: h.inspector1.publicKey.keyID).first?.state == .received)
        // Another holder's room is their own.
        try caseWork.addNote(filed.caseID, try h.note(filed.caseID, "supervisor's note", by: h.supervisor), by: h.supervisor.publicKey)
        #expect(try h.caseKeys(filed.caseID, as: h.supervisor).file.notes.count == 4)
    }

    @Test("one key may send a bounded number of messages to a case's reporter; junk counts against its sender", arguments: Backend.available)
    func messagesPerHolderAreCapped(_ backend: Backend) throws {
        let h = try Harness(backend)
        let caseWork = CaseWorkService(store: h.store, limits: .init(notesPerHolder: 3, messagesPerHolder: 2))
        let filed = try h.intake.file(body: Self.complaint)
        try caseWork.sendMessage(filed.caseID, sealed: Self.junk(), by: h.supervisor.publicKey)
        try caseWork.sendMessage(filed.caseID, sealed: Self.junk(), by: h.supervisor.publicKey)
        let refused = #expect(throws: CaseWorkError.self) {
            try caseWork.sendMessage(filed.caseID, sealed: Self.junk(), by: h.supervisor.publicKey)
        }
        #expect(refused?.code == .limitReached)
        // inspector-1 still reaches her.
        let file = try h.caseKeys(filed.caseID, as: h.inspector1).file
        let sealed = try InspectorMessage(caseID: filed.caseID, from: h.inspector1.publicKey.keyID, kind: .reply, text: "Still here")
            .seal(signedBy: h.inspector1.signing, to: file.reporterPublicKey!)
        try caseWork.sendMessage(filed.caseID, sealed: sealed, by: h.inspector1.publicKey)
        #expect(try h.intake.checkStatus(tokenText: filed.token)?.messages.map(\.text) == ["Still here"])
    }

    @Test("a note or message larger than the server stores is refused as too large (413), one byte less is stored", arguments: Backend.available)
    func sizeIsBounded(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        let max = CaseWorkService.maxSealedBytes
        let author = h.inspector1.publicKey.keyID
        let tooBig = #expect(throws: CaseWorkError.self) {
            try h.caseWork.addNote(filed.caseID, StoredNote(epoch: 0, author: author, record: Self.junk(max - 1)), by: h.inspector1.publicKey)
        }
        #expect(tooBig?.code == .tooLarge)
        let tooBigMessage = #expect(throws: CaseWorkError.self) {
            try h.caseWork.sendMessage(filed.caseID, sealed: Self.junk(max - 1), by: h.inspector1.publicKey)
        }
        #expect(tooBigMessage?.code == .tooLarge)
        try h.caseWork.addNote(filed.caseID, StoredNote(epoch: 0, author: author, record: Self.junk(max - 2)), by: h.inspector1.publicKey)
    }
}
