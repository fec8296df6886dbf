import Foundation
import Testing
import Envelope
import Sodium

/// The handover of a case between organisations (Docs/format.md §17): the statement's exact bytes,
/// its signature, and every link of the chain a receiver checks, each broken in turn.
@Suite("case transfer: statement, bundle, chain")
struct CaseTransferTests {
    /// Two organisations, each an operator key and a supervisor it registered.
    struct Organisation {
        let operatorKey = OperatorKeyPair.generate(devOnly: true)
        let supervisor: AgencyKeyPair
        let registration: SignedKeyRegistration

        init(_ name: String) throws {
            supervisor = try AgencyKeyPair.generate(name: name, role: .supervisor, devOnly: true)
            registration = operatorKey.sign(try KeyRegistration(key: supervisor.publicKey, team: "default", receivesNewCases: true))
        }
    }

    let sender: Organisation
    let receiver: Organisation

    init() throws {
        sender = try Organisation("ngo-supervisor")
        receiver = try Organisation("inspectorate-supervisor")
    }

    /// A bundle from `sender` to `receiver`, as the sending supervisor's client builds it.
    func bundle(keepCopy: Bool = false, attachments: Int = 1) throws -> (TransferBundle, SecureBytes) {
        let caseID = CaseID.generate()
        let receiverCase = CaseID.generate()
        let caseKey = AEAD.generateKey()
        var files: [TransferBundle.Attachment] = []
        var entries: [AttachmentEntry] = []
        for index in 0..<attachments {
            let id = AttachmentID.generate()
            let (sealed, key) = try SealedAttachment.seal(SecureBytes(copying: Array("photo \(index)".utf8)), caseID: receiverCase, attachmentID: id)
            files.append(.init(id: id, sealed: sealed))
            entries.append(AttachmentEntry(id: id, mediaType: "image/jpeg", key: key, text: "", pages: 1))
        }
        let view = AgencyView(caseID: receiverCase, language: "tl", fields: ["employer_name": "Mrs. Lim"], narrative: "Hindi ako binayaran.",
                              attachments: entries.isEmpty ? nil : entries)
        let thread = TransferredThread(caseID: receiverCase, fromCase: caseID, filed: "2026-11-02", stateBefore: "investigating", duress: false,
                                       entries: [.init(day: "2026-11-03", author: sender.supervisor.publicKey.keyID, kind: "note",
                                                       text: "Payslips requested", organisation: "NGO")])
        let wrap = try KeyWrap.wrap(caseKey, caseID: receiverCase, to: receiver.supervisor.publicKey.boxPublicKey)
        let sealedView = try view.seal(caseKey: caseKey)
        let sealedThread = try thread.seal(caseKey: caseKey)
        let statement = try CaseTransfer(
            caseID: caseID, receiverCaseID: receiverCase, fromOperator: sender.operatorKey.publicKey.keyID, fromName: "Migrant Workers' Centre",
            toOperator: receiver.operatorKey.publicKey.keyID, toName: "Labour Inspectorate", toKey: receiver.supervisor.publicKey.keyID,
            by: sender.supervisor.publicKey.keyID, keepCopy: keepCopy, day: "2026-12-07",
            bundleHash: TransferBundle.digest(wrap: wrap, agencyView: sealedView, thread: sealedThread, attachments: files))
        let bundle = TransferBundle(statement: statement, signature: statement.sign(with: sender.supervisor.signing), signer: sender.registration,
                                    fromOperator: sender.operatorKey.publicKey, wrap: wrap, agencyView: sealedView, thread: sealedThread,
                                    attachments: files)
        return (bundle, caseKey)
    }

    @Test("the statement's bytes are its canonical JSON: sorted keys, no whitespace, every member")
    func canonicalBytes() throws {
        let id = { (c: Character) in String(repeating: c, count: 32) }
        let statement = try CaseTransfer(
            caseID: CaseID(id("1"))!, receiverCaseID: CaseID(id("2"))!, fromOperator: id("a"), fromName: "Centre des travailleurs/migrants é",
            toOperator: id("b"), toName: "Inspección \"Laboral\"", toKey: id("c"), by: id("d"), keepCopy: true, day: "2026-12-07",
            bundleHash: String(repeating: "e", count: 64))
        let expected = #"{"bundle_hash":"\#(String(repeating: "e", count: 64))","by":"\#(id("d"))","case":"\#(id("1"))","day":"2026-12-07","#
            + #""from_name":"Centre des travailleurs/migrants é","from_operator":"\#(id("a"))","keep_copy":true,"#
            + #""receiver_case":"\#(id("2"))","to_key":"\#(id("c"))","to_name":"Inspección \"Laboral\"","to_operator":"\#(id("b"))","v":1}"#
        #expect(String(decoding: statement.canonicalBytes(), as: UTF8.self) == expected)
        #expect(try CaseTransfer.parse(Array(expected.utf8)) == statement)
    }

    @Test("only the canonical form parses; other versions, bad names and a handover to oneself are refused")
    func strictParsing() throws {
        let (bundle, _) = try bundle()
        let text = String(decoding: bundle.statementBytes, as: UTF8.self)
        for variant in [text.replacingOccurrences(of: ",", with: ", "), text.replacingOccurrences(of: #""v":1"#, with: #""v":2"#),
                        text.replacingOccurrences(of: "Labour Inspectorate", with: "Labour\nInspectorate"),
                        text.replacingOccurrences(of: "Labour Inspectorate", with: "Labour \u{202E}Inspectorate"),
                        text.replacingOccurrences(of: receiver.operatorKey.publicKey.keyID, with: sender.operatorKey.publicKey.keyID)] {
            #expect(throws: EnvelopeError.self, "\(variant)") { try CaseTransfer.parse(Array(variant.utf8)) }
        }
        #expect(CaseTransfer.isValidName("ශ්‍රී ලංකා කම්කරු"), "zero-width joiners some scripts need are allowed")
    }

    @Test("the signature is over the label, a zero byte and the bytes; it binds every member")
    func signature() throws {
        let (bundle, _) = try bundle()
        let key = sender.supervisor.signing
        let statement = bundle.statement
        #expect(statement.verify(signature: bundle.signature, signPublicKey: key.publicKey))
        let raw = Array("safeintake/case-transfer/v1".utf8) + [0x00] + bundle.statementBytes
        #expect(SigningKeyPair.verify(signature: bundle.signature, message: raw, publicKey: key.publicKey), "the documented signed message")
        #expect(!SigningKeyPair.verify(signature: key.sign(bundle.statementBytes), message: raw, publicKey: key.publicKey), "domain-separated")
        var copied = statement
        copied.keepCopy.toggle()
        #expect(!copied.verify(signature: bundle.signature, signPublicKey: key.publicKey))
        #expect(!statement.verify(signature: bundle.signature, signPublicKey: receiver.supervisor.signing.publicKey))
    }

    @Test("a well-formed bundle verifies end to end, survives its file form, and opens with the receiver's key")
    func chainVerifies() throws {
        let (bundle, caseKey) = try bundle(attachments: 2)
        try bundle.verifyChain(sender: sender.operatorKey.publicKey)
        try bundle.verifyReceiver(operatorID: receiver.operatorKey.publicKey.keyID, keyID: receiver.supervisor.publicKey.keyID)
        let read = try TransferBundle(fileData: try bundle.fileData())
        #expect(read.statementBytes == bundle.statementBytes && read.signature == bundle.signature && read.attachments == bundle.attachments)
        try read.verifyChain(sender: sender.operatorKey.publicKey)
        let id = read.statement.receiverCaseID
        let key = try KeyWrap.unwrap(read.wrap, caseID: id, with: receiver.supervisor.box)
        #expect(key.withUnsafeBytes { Array($0) } == caseKey.withUnsafeBytes { Array($0) })
        #expect(try AgencyView.open(read.agencyView, caseID: id, caseKey: key).fields["employer_name"] == "Mrs. Lim")
        #expect(try TransferredThread.open(read.thread, caseID: id, caseKey: key).entries.first?.text == "Payslips requested")
    }

    @Test("a bundle from another operator than the one the receiver was given is refused")
    func wrongOperator() throws {
        let (bundle, _) = try bundle()
        let other = OperatorKeyPair.generate(devOnly: true).publicKey
        #expect((#expect(throws: EnvelopeError.self) { try bundle.verifyChain(sender: other) })?.code == .wrongOperator)
        #expect((#expect(throws: EnvelopeError.self) {
            try bundle.verifyReceiver(operatorID: other.keyID, keyID: receiver.supervisor.publicKey.keyID)
        })?.code == .wrongOperator)
    }

    @Test("a forged statement, or one signed by a key the sending operator never registered, is refused")
    func forged() throws {
        let (good, _) = try bundle()
        var statement = good.statement
        statement.toName = "Someone else"
        let forged = TransferBundle(statement: statement, signature: good.signature, signer: good.signer, fromOperator: good.fromOperator,
                                    wrap: good.wrap, agencyView: good.agencyView, thread: good.thread, attachments: good.attachments)
        #expect((#expect(throws: EnvelopeError.self) { try forged.verifyChain(sender: sender.operatorKey.publicKey) })?.code == .badSignature)

        // A supervisor key registered by the receiver's operator, not the sender's, signs the same statement.
        let stranger = try Organisation("stranger")
        var byStranger = good.statement
        byStranger.by = stranger.supervisor.publicKey.keyID
        let unregistered = TransferBundle(statement: byStranger, signature: byStranger.sign(with: stranger.supervisor.signing),
                                          signer: stranger.registration, fromOperator: good.fromOperator, wrap: good.wrap,
                                          agencyView: good.agencyView, thread: good.thread, attachments: good.attachments)
        #expect((#expect(throws: EnvelopeError.self) { try unregistered.verifyChain(sender: sender.operatorKey.publicKey) })?.code == .badSignature)

        // An inspector the sending operator registered cannot hand cases on.
        let inspector = try AgencyKeyPair.generate(name: "inspector-9", role: .inspector, devOnly: true)
        var byInspector = good.statement
        byInspector.by = inspector.publicKey.keyID
        let notSupervisor = TransferBundle(
            statement: byInspector, signature: byInspector.sign(with: inspector.signing),
            signer: sender.operatorKey.sign(try KeyRegistration(key: inspector.publicKey, team: "default", receivesNewCases: false)),
            fromOperator: good.fromOperator, wrap: good.wrap, agencyView: good.agencyView, thread: good.thread, attachments: good.attachments)
        #expect((#expect(throws: EnvelopeError.self) { try notSupervisor.verifyChain(sender: sender.operatorKey.publicKey) })?.code == .badSignature)
    }

    @Test("any change to the sealed contents after signing is refused", arguments: ["wrap", "view", "thread", "attachment", "dropped attachment"])
    func altered(_ part: String) throws {
        let (good, _) = try bundle(attachments: 2)
        var (wrap, view, thread, files) = (good.wrap, good.agencyView, good.thread, good.attachments)
        switch part {
        case "wrap": wrap[60] ^= 1
        case "view": view[view.count - 1] ^= 1
        case "thread": thread[40] ^= 1
        case "attachment":
            var sealed = files[0].sealed
            sealed[sealed.count - 1] ^= 1
            files[0] = .init(id: files[0].id, sealed: sealed)
        default: files.removeLast()
        }
        let altered = TransferBundle(statement: good.statement, signature: good.signature, signer: good.signer, fromOperator: good.fromOperator,
                                     wrap: wrap, agencyView: view, thread: thread, attachments: files)
        #expect((#expect(throws: EnvelopeError.self) { try altered.verifyChain(sender: sender.operatorKey.publicKey) })?.code == .digestMismatch)
    }

    @Test("a bundle addressed to another supervisor is refused by this one")
    func wrongReceiver() throws {
        let (bundle, _) = try bundle()
        let colleague = try AgencyKeyPair.generate(name: "other-supervisor", role: .supervisor, devOnly: true)
        #expect((#expect(throws: EnvelopeError.self) {
            try bundle.verifyReceiver(operatorID: receiver.operatorKey.publicKey.keyID, keyID: colleague.publicKey.keyID)
        })?.code == .keyMismatch)
        #expect(throws: EnvelopeError.self) { try KeyWrap.unwrap(bundle.wrap, caseID: bundle.statement.receiverCaseID, with: colleague.box) }
    }

    @Test("a registration file round-trips and its key id is recomputed")
    func registrationFile() throws {
        let data = try receiver.registration.registrationFile()
        let read = try SignedKeyRegistration(registrationFile: data)
        #expect(read == receiver.registration && receiver.operatorKey.publicKey.verifies(read))
        let tampered = String(decoding: data, as: UTF8.self).replacingOccurrences(of: receiver.supervisor.publicKey.keyID, with: String(repeating: "0", count: 32))
        #expect((#expect(throws: EnvelopeError.self) { try SignedKeyRegistration(registrationFile: Data(tampered.utf8)) })?.code == .keyMismatch)
    }
}
