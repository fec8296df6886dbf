import AuditLog
import Envelope
import Firewall
import Foundation
import Intake
import SeparationAudit
import Sodium
import Storage
import Testing

/// Issue 19 #5: a case handed from one organisation running SafeIntake to another, on both
/// backends, with the supervisors' clients played here (open, seal again, wrap, sign).
@Suite("case transfer between organisations")
struct CaseTransferTests {
    /// One deployment: its own store, operator key and keys, a supervisor and an inspector who
    /// both receive new cases.
    struct Organisation {
        let name: String
        let store: any IntakeStore
        let operatorKey = OperatorKeyPair.generate(devOnly: true)
        let anchor: KeyDirectoryAnchor
        let agency: AgencyService
        let caseWork: CaseWorkService
        let intake: IntakeService
        let supervisor: AgencyKeyPair
        let inspector: AgencyKeyPair

        init(_ name: String, store: any IntakeStore) throws {
            self.name = name
            self.store = store
            anchor = KeyDirectoryAnchor(store: store, operatorKey: operatorKey.publicKey)
            agency = AgencyService(store: store, anchor: anchor)
            caseWork = CaseWorkService(store: store, anchor: anchor)
            intake = IntakeService(store: store, policy: FirewallPolicy.makeDefault(),
                                   tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum), anchor: anchor)
            supervisor = try AgencyKeyPair.generate(name: "supervisor", role: .supervisor, devOnly: true)
            inspector = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
            for key in [supervisor, inspector] {
                try agency.register(registration(of: key))
            }
        }

        init(_ name: String, _ backend: Backend) throws {
            try self.init(name, store: try TestDatabase.make(backend).store)
        }

        func registration(of key: AgencyKeyPair) throws -> SignedKeyRegistration {
            operatorKey.sign(try KeyRegistration(key: key.publicKey, team: "default", receivesNewCases: true))
        }

        func file(duress: String? = nil) throws -> FiledComplaint {
            var object = IntakePathTests.complaint
            if let duress { object["duress_code"] = duress }
            return try intake.file(body: Harness.body(object))
        }

        /// What the case's holder `key` reads of it here: view, then the thread (its own, then what came with it).
        func open(_ caseID: CaseID, as key: AgencyKeyPair) throws -> (view: AgencyView, thread: [TransferredThread.Entry], file: CaseFile)? {
            guard let file = try caseWork.release(caseID, to: key.publicKey.keyID) else { return nil }
            var keys: [Int: SecureBytes] = [:]
            for (epoch, wrap) in file.wraps { keys[epoch] = try KeyWrap.unwrap(wrap, caseID: caseID, with: key.box) }
            let view = try AgencyView.open(file.agencyView, caseID: caseID, caseKey: keys[0]!)
            var thread: [TransferredThread.Entry] = []
            for note in file.notes {
                let opened = try CaseNote.open(note.record, caseID: caseID, caseKey: keys[note.epoch]!) { try? agency.activeKey(id: $0)?.signPublicKey }
                thread.append(.init(day: note.day, author: opened.author, kind: opened.kind.rawValue, text: opened.text, organisation: name))
            }
            for (sealed, day) in zip(file.answers, file.answerDays) {
                let answer = try ReporterAnswer.open(sealed, caseID: caseID, with: key.box)
                thread.append(.init(day: day, author: "reporter", kind: "answer", text: answer.text, organisation: name))
            }
            if let sealed = file.transfers.first(where: { $0.direction == .received })?.thread {
                thread += try TransferredThread.open(sealed, caseID: caseID, caseKey: keys[0]!).entries
            }
            return (view, thread, file)
        }

        /// The sending supervisor's client: opens the case, seals it again for `receiver`, signs the
        /// handover; then this server records it. Returns the bundle and whether the notice went.
        func handOver(_ caseID: CaseID, to receiver: Organisation, keepCopy: Bool = false, notice: String? = nil,
                      toKey: AgencyKeyPair? = nil) throws -> (bundle: TransferBundle, delivered: Bool) {
            let by = supervisor
            let recipient = toKey ?? receiver.supervisor
            let (view, thread, file) = try #require(try open(caseID, as: by))
            let receiverCase = CaseID.generate()
            let caseKey = AEAD.generateKey()
            var moved = view
            moved.caseID = receiverCase
            let sealedThread = try TransferredThread(caseID: receiverCase, fromCase: caseID, filed: "2026-12-01", stateBefore: file.state.rawValue,
                                                     duress: file.duressFlagged, entries: thread).seal(caseKey: caseKey)
            let wrap = try KeyWrap.wrap(caseKey, caseID: receiverCase, to: recipient.publicKey.boxPublicKey)
            let sealedView = try moved.seal(caseKey: caseKey)
            let statement = try CaseTransfer(
                caseID: caseID, receiverCaseID: receiverCase, fromOperator: operatorKey.publicKey.keyID, fromName: name,
                toOperator: receiver.operatorKey.publicKey.keyID, toName: receiver.name, toKey: recipient.publicKey.keyID,
                by: by.publicKey.keyID, keepCopy: keepCopy, day: CoarseTime().day(),
                bundleHash: TransferBundle.digest(wrap: wrap, agencyView: sealedView, thread: sealedThread, attachments: []))
            let signature = statement.sign(with: by.signing)
            let sealedNotice = try notice.map { text in
                try InspectorMessage(caseID: caseID, from: by.publicKey.keyID, kind: .reply, text: text).seal(signedBy: by.signing, to: file.reporterPublicKey!)
            }
            let delivered = try caseWork.transfer(caseID, statementBytes: statement.canonicalBytes(), signature: signature, notice: sealedNotice,
                                                  by: by.publicKey)
            let bundle = TransferBundle(statement: statement, signature: signature, signer: try registration(of: by), fromOperator: operatorKey.publicKey,
                                        wrap: wrap, agencyView: sealedView, thread: sealedThread, attachments: [])
            return (bundle, delivered)
        }

        func entries(_ type: String) throws -> [[String: Any]] {
            try store.auditEntries(0..<store.auditLogSize()).compactMap { try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
                .filter { $0["type"] as? String == type }
        }
    }

    @Test("handed on without a copy: it opens at the receiver only, her page tells her, both logs carry the same statement",
          arguments: Backend.available)
    func handedOnWithoutACopy(_ backend: Backend) throws {
        let ngo = try Organisation("Migrant Workers' Centre", backend)
        let inspectorate = try Organisation("Labour Inspectorate", backend)
        let filed = try ngo.file()
        try ngo.caseWork.addNote(filed.caseID, try note(filed.caseID, "Payslips requested", at: ngo), by: ngo.inspector.publicKey)
        let (bundle, delivered) = try ngo.handOver(filed.caseID, to: inspectorate, notice: "The inspectorate will call you at the shelter.")
        #expect(delivered)

        // The sender keeps nothing an agency key could open.
        #expect(try ngo.caseWork.release(filed.caseID, to: ngo.supervisor.publicKey.keyID) == nil)
        #expect(try ngo.caseWork.release(filed.caseID, to: ngo.inspector.publicKey.keyID) == nil)
        #expect(try ngo.caseWork.cases(for: ngo.supervisor.publicKey.keyID).isEmpty)

        // The receiver stores it for its supervisor, who reads the view and the whole dated thread.
        let id = try inspectorate.caseWork.importTransfer(bundle, by: inspectorate.supervisor.publicKey)
        #expect(id == bundle.statement.receiverCaseID)
        let (view, thread, file) = try #require(try inspectorate.open(id, as: inspectorate.supervisor))
        #expect(view.fields["employer_name"] == "Mrs. Lim" && file.state == .received && file.reporterPublicKey == nil)
        #expect(thread.map(\.text) == ["Payslips requested"])
        #expect(thread.allSatisfy { $0.organisation == "Migrant Workers' Centre" && $0.day == CoarseTime().day() })
        // It is the receiver's case now: its supervisor assigns it to its inspector as any other.
        let key = try KeyWrap.unwrap(try #require(file.wraps[0]), caseID: id, with: inspectorate.supervisor.box)
        let wraps = [try KeyWrap.wrap(key, caseID: id, to: inspectorate.inspector.publicKey.boxPublicKey)]
        let assignment = CaseAssignment(caseID: id, assignee: inspectorate.inspector.publicKey.keyID, assigner: inspectorate.supervisor.publicKey.keyID,
                                        wraps: wraps)
        try inspectorate.caseWork.assign(id, to: inspectorate.inspector.publicKey.keyID, wraps: wraps,
                                         signature: assignment.sign(with: inspectorate.supervisor.signing), by: inspectorate.supervisor.publicKey)
        #expect(try inspectorate.open(id, as: inspectorate.inspector)?.thread.map(\.text) == ["Payslips requested"])

        // Her number keeps working at the sender: it says where her case went, with the notice.
        let answer = try #require(try ngo.intake.checkStatus(tokenText: filed.token))
        #expect(answer.state == .transferred && answer.movedTo == MovedCase(organisation: "Labour Inspectorate", day: CoarseTime().day(), keptCopy: false))
        #expect(answer.messages.map(\.text) == ["The inspectorate will call you at the shelter."])
        #expect(answer.replyBy == nil)
        // An answer now reaches nobody: refused, nothing stored.
        let size = try ngo.store.auditLogSize()
        let refused = try #require(try ngo.intake.checkStatus(tokenText: answer.nextToken, reply: "Thank you, I will wait."))
        #expect(refused.answerRefused && refused.messages.map(\.text) == ["The inspectorate will call you at the shelter."])
        #expect(try ngo.store.reporterCaseData(filed.caseID)?.inbox.count == 1, "her answer was not kept, not even her own copy")
        #expect(try ngo.store.auditLogSize() == size + 1, "only the check's token_spent")

        // Both logs carry the very same statement and signature.
        let sent = try #require(try ngo.entries("case_transferred").first)
        let received = try #require(try inspectorate.entries("case_transferred").first)
        #expect(sent["statement"] as? String == received["statement"] as? String && sent["sig"] as? String == received["sig"] as? String)
        #expect(sent["direction"] as? String == "sent" && received["direction"] as? String == "received" && sent["hour"] != nil)
        #expect(CaseTransferLogEntry(logEntry: received)?.receivedChainVerifies() == true)
        #expect(CaseTransferLogEntry(logEntry: sent)?.receivedChainVerifies() == false, "a sent entry is checked against the sender's own directory")

        // Nobody here holds it: no second handover, no status change.
        var again = bundle.statement
        again.receiverCaseID = CaseID.generate()
        let refusedAgain = #expect(throws: CaseWorkError.self) {
            try ngo.caseWork.transfer(filed.caseID, statementBytes: again.canonicalBytes(), signature: again.sign(with: ngo.supervisor.signing),
                                      notice: nil, by: ngo.supervisor.publicKey)
        }
        #expect(refusedAgain?.code == .forbidden)
        #expect(throws: CaseWorkError.self) { try ngo.caseWork.setStatus(filed.caseID, to: .closed, outcome: nil, by: ngo.supervisor.publicKey) }
    }

    @Test("with a copy kept, both organisations open it; her answers still reach the sender's holders", arguments: Backend.available)
    func keptCopy(_ backend: Backend) throws {
        let ngo = try Organisation("Centre", backend)
        let inspectorate = try Organisation("Inspectorate", backend)
        let filed = try ngo.file()
        let (bundle, _) = try ngo.handOver(filed.caseID, to: inspectorate, keepCopy: true)
        let id = try inspectorate.caseWork.importTransfer(bundle, by: inspectorate.supervisor.publicKey)
        #expect(try inspectorate.open(id, as: inspectorate.supervisor) != nil)
        let kept = try #require(try ngo.open(filed.caseID, as: ngo.inspector))
        #expect(kept.file.state == .transferred && kept.view.fields["employer_name"] == "Mrs. Lim")
        #expect(throws: CaseWorkError.self) { try ngo.caseWork.setStatus(filed.caseID, to: .investigating, outcome: nil, by: ngo.inspector.publicKey) }
        let answer = try #require(try ngo.intake.checkStatus(tokenText: filed.token, reply: "I moved to my cousin's house."))
        #expect(!answer.answerRefused && answer.movedTo?.keptCopy == true)
        #expect(try ngo.open(filed.caseID, as: ngo.inspector)?.file.answers.count == 1)
        // The copy is final here: no second handover, no message to her; notes still go in the case file.
        #expect((#expect(throws: CaseWorkError.self) { try ngo.handOver(filed.caseID, to: inspectorate, keepCopy: true) })?.code == .conflict)
        #expect((#expect(throws: CaseWorkError.self) {
            let file = try #require(try ngo.open(filed.caseID, as: ngo.inspector)).file
            let sealed = try InspectorMessage(caseID: filed.caseID, from: ngo.inspector.publicKey.keyID, kind: .reply, text: "Hello")
                .seal(signedBy: ngo.inspector.signing, to: try #require(file.reporterPublicKey))
            try ngo.caseWork.sendMessage(filed.caseID, sealed: sealed, by: ngo.inspector.publicKey)
        })?.code == .conflict)
        try ngo.caseWork.addNote(filed.caseID, try note(filed.caseID, "Called the inspectorate", at: ngo), by: ngo.inspector.publicKey)
    }

    @Test("under duress nothing about the move shows and no notice is stored; the log entry is the same", arguments: Backend.available)
    func duress(_ backend: Backend) throws {
        let ngo = try Organisation("Centre", backend)
        let inspectorate = try Organisation("Inspectorate", backend)
        let filed = try ngo.file(duress: "246802")
        try ngo.caseWork.setStatus(filed.caseID, to: .investigating, outcome: nil, by: ngo.inspector.publicKey)
        let coerced = try #require(try ngo.intake.checkStatus(tokenText: String(filed.token.prefix(9)) + "-246802"))
        let (bundle, delivered) = try ngo.handOver(filed.caseID, to: inspectorate, notice: "Call the inspectorate.")
        #expect(!delivered)
        let real = try #require(try ngo.intake.checkStatus(tokenText: filed.token, reply: "Are you there?"))
        #expect(real.state == .investigating && real.movedTo == nil && !real.answerRefused, "her page looks as before the move")
        #expect(real.messages.map(\.from) == ["reporter"], "her answer shows in her thread as it would; no notice")
        #expect(try ngo.store.reporterCaseData(filed.caseID)?.inbox.count == 1, "only her own copy, sealed to her")
        #expect(try ngo.intake.checkStatus(tokenText: coerced.nextToken)?.state == .received, "the decoy answers as before")
        let sent = try #require(try ngo.entries("case_transferred").first)
        #expect(Set(sent.keys) == ["v", "type", "hour", "case", "direction", "by", "statement", "sig"])
        let id = try inspectorate.caseWork.importTransfer(bundle, by: inspectorate.supervisor.publicKey)
        #expect(try inspectorate.open(id, as: inspectorate.supervisor)?.file.state == .received)
    }

    @Test("imports that must fail: replayed, another organisation's, an unregistered supervisor, altered", arguments: Backend.available)
    func refusedImports(_ backend: Backend) throws {
        let ngo = try Organisation("Centre", backend)
        let inspectorate = try Organisation("Inspectorate", backend)
        let (bundle, _) = try ngo.handOver(try ngo.file().caseID, to: inspectorate)
        let id = try inspectorate.caseWork.importTransfer(bundle, by: inspectorate.supervisor.publicKey)
        let size = try inspectorate.store.auditLogSize()
        let replayed = #expect(throws: CaseWorkError.self) { try inspectorate.caseWork.importTransfer(bundle, by: inspectorate.supervisor.publicKey) }
        #expect(replayed?.code == .conflict)
        #expect(try inspectorate.store.auditLogSize() == size, "a refused import logs nothing")

        // Addressed to the inspectorate, imported elsewhere.
        let other = try Organisation("Elsewhere", backend)
        #expect(throws: CaseWorkError.self) { try other.caseWork.importTransfer(bundle, by: other.supervisor.publicKey) }

        // A supervisor key the inspectorate's operator never signed cannot receive a case.
        let rogue = try AgencyKeyPair.generate(name: "rogue", role: .supervisor, devOnly: true)
        try AgencyService(store: inspectorate.store).register(rogue.publicKey, receivesNewCases: false)
        let registered = try inspectorate.store.auditLogSize()
        let (toRogue, _) = try ngo.handOver(try ngo.file().caseID, to: inspectorate, toKey: rogue)
        #expect(throws: CaseWorkError.self) { try inspectorate.caseWork.importTransfer(toRogue, by: rogue.publicKey) }
        let (second, _) = try ngo.handOver(try ngo.file().caseID, to: inspectorate)
        #expect(throws: CaseWorkError.self) { try inspectorate.caseWork.importTransfer(second, by: rogue.publicKey) }
        // Nor an inspector, nor with a byte of the view changed.
        #expect(throws: CaseWorkError.self) { try inspectorate.caseWork.importTransfer(second, by: inspectorate.inspector.publicKey) }
        var view = second.agencyView
        view[view.count - 1] ^= 1
        let altered = TransferBundle(statement: second.statement, signature: second.signature, signer: second.signer, fromOperator: second.fromOperator,
                                     wrap: second.wrap, agencyView: view, thread: second.thread, attachments: [])
        #expect((#expect(throws: CaseWorkError.self) { try inspectorate.caseWork.importTransfer(altered, by: inspectorate.supervisor.publicKey) })?.code == .badSignature)
        #expect(try inspectorate.store.auditLogSize() == registered, "a refused import logs nothing")
        #expect(try inspectorate.caseWork.cases(for: inspectorate.supervisor.publicKey.keyID).map(\.id) == [id])
    }

    @Test("a statement for another case, another sender, another signer or an old day is refused, and nothing changes", arguments: Backend.available)
    func refusedHandovers(_ backend: Backend) throws {
        let ngo = try Organisation("Centre", backend)
        let inspectorate = try Organisation("Inspectorate", backend)
        let filed = try ngo.file()
        func statement(_ change: (inout CaseTransfer) -> Void) throws -> CaseTransfer {
            var s = try CaseTransfer(caseID: filed.caseID, receiverCaseID: CaseID.generate(), fromOperator: ngo.operatorKey.publicKey.keyID, fromName: "Centre",
                                     toOperator: inspectorate.operatorKey.publicKey.keyID, toName: "Inspectorate",
                                     toKey: inspectorate.supervisor.publicKey.keyID, by: ngo.supervisor.publicKey.keyID, keepCopy: false,
                                     day: CoarseTime().day(), bundleHash: String(repeating: "0", count: 64))
            change(&s)
            return s
        }
        let size = try ngo.store.auditLogSize()
        let cases: [(String, CaseTransfer, AgencyKeyPair)] = [
            ("another case", try statement { $0.caseID = CaseID.generate() }, ngo.supervisor),
            ("another sender", try statement { $0.fromOperator = String(repeating: "9", count: 32) }, ngo.supervisor),
            ("an old day", try statement { $0.day = "2020-01-01" }, ngo.supervisor),
            ("an inspector", try statement { $0.by = ngo.inspector.publicKey.keyID }, ngo.inspector),
        ]
        for (what, s, signer) in cases {
            #expect(throws: CaseWorkError.self, "\(what)") {
                try ngo.caseWork.transfer(filed.caseID, statementBytes: s.canonicalBytes(), signature: s.sign(with: signer.signing), notice: nil,
                                          by: signer.publicKey)
            }
        }
        let good = try statement { _ in }
        #expect(throws: CaseWorkError.self, "signed by another key") {
            try ngo.caseWork.transfer(filed.caseID, statementBytes: good.canonicalBytes(), signature: good.sign(with: ngo.inspector.signing), notice: nil,
                                      by: ngo.supervisor.publicKey)
        }
        #expect(throws: CaseWorkError.self, "transferred is not a status one sets") {
            try ngo.caseWork.setStatus(filed.caseID, to: .transferred, outcome: nil, by: ngo.supervisor.publicKey)
        }
        #expect(try ngo.store.auditLogSize() == size)
        #expect(try ngo.open(filed.caseID, as: ngo.supervisor)?.file.state == .received)
    }

    @Test("retention deletes a transferred case like a closed one, with its handover", arguments: Backend.available)
    func retention(_ backend: Backend) throws {
        let ngo = try Organisation("Centre", backend)
        let inspectorate = try Organisation("Inspectorate", backend)
        let filed = try ngo.file()
        let open = try ngo.file()
        _ = try ngo.handOver(filed.caseID, to: inspectorate, keepCopy: true)
        let later = CoarseTime(now: { Date().addingTimeInterval(3 * 86_400) })
        #expect(try RetentionService(store: ngo.store, time: later).purgeClosedCases(olderThanDays: 1) == 1)
        #expect(try ngo.store.reporterCaseData(filed.caseID) == nil && ngo.intake.checkStatus(tokenText: filed.token) == nil)
        #expect(try ngo.store.reporterCaseData(open.caseID) != nil, "a case still open stays")
    }

    @Test("the separation checks accept both logs and verify the handover's signature chain")
    func separationChecks() throws {
        try withTemporaryFolder { first in
            try withTemporaryFolder { second in
                let (ngo, ngoKey) = try Self.auditable("Centre", first)
                let (inspectorate, inspectorateKey) = try Self.auditable("Inspectorate", second)
                let (kept, _) = try ngo.handOver(try ngo.file().caseID, to: inspectorate, keepCopy: true)
                let (moved, _) = try ngo.handOver(try ngo.file().caseID, to: inspectorate, notice: "The inspectorate will call you.")
                for bundle in [kept, moved] { _ = try inspectorate.caseWork.importTransfer(bundle, by: inspectorate.supervisor.publicKey) }
                for (org, folder, key) in [(ngo, first, ngoKey), (inspectorate, second, inspectorateKey)] {
                    _ = try AuditPublisher(store: org.store, signer: key).signedCheckpoint()
                    let checks = try SeparationAuditor(folder: folder, logKey: key.verifierKey, openAPI: BundledOpenAPI.text,
                                                       operatorKey: org.operatorKey.publicKey).run()
                    let failed = checks.filter { !$0.passed }
                    #expect(failed.isEmpty, "\(org.name): \(failed.map(\.line))")
                    #expect(checks[3].examined.contains("2 signed handovers between organisations"), "\(checks[3].line)")
                }
                // A received entry whose signature does not chain back to the sending operator fails check 4.
                let id = moved.statement.receiverCaseID
                let forged = TransferEntry(caseID: id, direction: .received, by: inspectorate.supervisor.publicKey.keyID, statement: moved.statementBytes,
                                           signature: moved.statement.sign(with: inspectorate.supervisor.signing), signer: moved.signer,
                                           fromOperator: moved.fromOperator)
                try inspectorate.store.recordHolderEvent(id, holder: inspectorate.supervisor.publicKey.keyID,
                                                         audit: [AuditEvent.caseTransferred(forged).entryData(time: CoarseTime())])
                _ = try AuditPublisher(store: inspectorate.store, signer: inspectorateKey).signedCheckpoint()
                let checks = try SeparationAuditor(folder: second, logKey: inspectorateKey.verifierKey, openAPI: BundledOpenAPI.text,
                                                   operatorKey: inspectorate.operatorKey.publicKey).run()
                #expect(!checks[3].passed && checks[3].findings.contains { $0.contains("does not verify") }, "\(checks[3].line)")
            }
        }
    }

    /// An organisation on SQLite in `folder`, with a log signer and the policy recorded, as the
    /// separation audit reads a data folder.
    static func auditable(_ name: String, _ folder: URL) throws -> (Organisation, NoteSigner) {
        let org = try Organisation(name, store: try SQLiteStore(directory: folder))
        let signer = try NoteSigner(name: "safeintake.invalid/audit/\(name.lowercased())", keyPair: SigningKeyPair())
        try AuditPublisher(store: org.store, signer: signer).recordPolicy(hash: org.intake.policyHash, version: FirewallPolicy.makeDefault().version)
        return (org, signer)
    }

    func note(_ caseID: CaseID, _ text: String, at org: Organisation) throws -> StoredNote {
        let (_, _, file) = try #require(try org.open(caseID, as: org.inspector))
        let key = try KeyWrap.unwrap(file.wraps[file.epoch]!, caseID: caseID, with: org.inspector.box)
        let record = try CaseNote(caseID: caseID, author: org.inspector.publicKey.keyID, kind: .note, text: text)
            .seal(caseKey: key, signedBy: org.inspector.signing)
        return StoredNote(epoch: file.epoch, author: org.inspector.publicKey.keyID, record: record)
    }
}
