import Envelope
import Foundation
import Sodium

/// The organisation a case is handed to, as its supervisor handed it over out of band: the
/// receiving operator's `operator.pub` and the receiving supervisor's signed registration.
public struct TransferTarget: Sendable {
    public let operatorKey: OperatorPublicKey
    public let supervisor: SignedKeyRegistration
    /// The receiving organisation's name, as the reporter will read it.
    public let name: String

    public init(operatorKey: OperatorPublicKey, supervisor: SignedKeyRegistration, name: String) {
        self.operatorKey = operatorKey
        self.supervisor = supervisor
        self.name = name
    }
}

/// A handover built on the sending supervisor's machine, not yet recorded by the server.
public struct PreparedTransfer: Sendable {
    public let bundle: TransferBundle
    /// The bundle file (Docs/format.md §17.2), within the size a receiving daemon accepts.
    public let file: Data
    /// The message to her (§11.1), sealed to her key; nil when none was written, she checked in
    /// under duress, or the case has no reporter key here (it came from another organisation).
    public let notice: [UInt8]?
    /// Why a notice that was written is not sent, when it is not.
    public let noticeWithheld: String?
    /// The notice's text, for the copy a kept case file keeps (as every message to her has one).
    let noticeText: String?
    /// Notes and answers this key could not open: they cannot travel.
    public let unopened: [UnopenedItem]
}

/// The server answered a handover with a refusal: nothing was recorded there.
public struct TransferRefused: Error, CustomStringConvertible {
    public let description: String
}

extension AgencyClient {
    /// This key's registration as the operator it pins signed it, from the server's directory:
    /// what a receiving supervisor hands to an organisation that will transfer cases to them.
    public func ownRegistration() async throws -> SignedKeyRegistration {
        guard let operatorKey else {
            throw ClientError("no operator key is pinned, so your registration cannot be checked",
                              hint: "pass --operator-key FILE (your operator's operator.pub), or keep it as operator.pub beside your key file")
        }
        guard let entry = try await directory().first(where: { $0.publicKey.keyID == keys.publicKey.keyID }),
              let registration = entry.registration, entry.isRegistered(by: operatorKey) else {
            throw ClientError("the server's directory has no registration of your key \(keys.publicKey.keyID) signed by operator \(operatorKey.keyID)",
                              hint: "ask your operator to register your key with `safeintake keys register --operator-key`")
        }
        return registration
    }

    /// Builds the handover of `caseID` to `target` here: the whole case opened with this
    /// (supervisor's) key, sealed again under a fresh case key for a fresh case id, the key wrapped
    /// to the receiving supervisor, and the statement signed. Nothing is sent: `submit` records it.
    public func prepareTransfer(_ caseID: CaseID, to target: TransferTarget, fromName: String, keepCopy: Bool,
                                notice: String?) async throws -> PreparedTransfer {
        guard keys.publicKey.role == .supervisor else {
            throw ClientError("only a supervisor can hand a case to another organisation; \(keys.publicKey.name) is an \(keys.publicKey.role.rawValue)")
        }
        let own = try await ownRegistration()
        guard let operatorKey else { throw ClientError("no operator key is pinned") }
        guard target.operatorKey.verifies(target.supervisor), target.supervisor.registration.key.role == .supervisor else {
            throw ClientError("the receiving supervisor's registration is not signed by the receiving operator key \(target.operatorKey.keyID), or is not a supervisor's",
                              hint: "ask the receiving organisation for its operator.pub and its supervisor's registration file (`inspector export-registration`) again")
        }
        guard target.operatorKey != operatorKey else {
            throw ClientError("the receiving operator key is this organisation's own (\(operatorKey.keyID)): a case is handed to another organisation",
                              hint: "to give the case to someone here, use `inspector assign`")
        }
        let (fetched, opened) = try await openWithFile(caseID)
        guard fetched.sent == nil else { throw ClientError("case \(caseID) was handed to another organisation already") }
        var filed = opened.firstFiled ?? ""
        if filed.isEmpty { filed = try await cases().first { $0.caseID == caseID }?.day ?? "" }
        let receiverCase = CaseID.generate()
        let caseKey = AEAD.generateKey()
        var sealedFiles: [TransferBundle.Attachment] = []
        // Every attachment is opened here and sealed again under a key of its own for the new case
        // id (its stream is bound to the case id); its new key goes inside the new view or thread.
        func reseal(_ entries: [AttachmentEntry]) async throws -> [AttachmentEntry] {
            var resealed: [AttachmentEntry] = []
            for entry in entries {
                let clear = try await attachment(entry, of: opened.view)
                let (sealed, key) = try SealedAttachment.seal(clear, caseID: receiverCase, attachmentID: entry.id)
                sealedFiles.append(.init(id: entry.id, sealed: sealed))
                resealed.append(AttachmentEntry(id: entry.id, mediaType: entry.mediaType, key: key, text: entry.text, pages: entry.pages))
            }
            return resealed
        }
        var view = opened.view
        view.caseID = receiverCase
        if let files = view.attachments { view.attachments = try await reseal(files) }
        var entries: [TransferredThread.Entry] = []
        for item in opened.thread {
            entries.append(TransferredThread.Entry(
                day: item.day, author: item.author, kind: item.kind, text: item.text, organisation: item.organisation ?? fromName,
                attachments: item.attachments.isEmpty ? nil : try await reseal(item.attachments),
                withheldAttachments: item.withheldAttachments == 0 ? nil : item.withheldAttachments))
        }
        var sealedNotice: [UInt8]?
        var withheld: String?
        if let notice {
            if opened.duressFlagged {
                withheld = "she checked in under duress: nothing about the move is shown to her, and no notice is sent"
            } else if let reporterKey = fetched.reporterPublicKey {
                let message = InspectorMessage(caseID: caseID, from: keys.publicKey.keyID, kind: .reply, text: notice)
                let sealed = try message.seal(signedBy: keys.signing, to: reporterKey)
                try Self.checkSize(sealed, what: "notice")
                sealedNotice = sealed
                entries.append(TransferredThread.Entry(day: CaseExport.today(), author: keys.publicKey.keyID, kind: CaseNote.Kind.messageToReporter.rawValue,
                                                       text: notice, organisation: fromName))
            } else {
                withheld = "the case has no reporter key here (it came from another organisation): she checks it where she filed it"
            }
        }
        let thread = TransferredThread(caseID: receiverCase, fromCase: caseID, filed: filed, stateBefore: fetched.status,
                                       duress: opened.duressFlagged, entries: entries)
        let wrap = try KeyWrap.wrap(caseKey, caseID: receiverCase, to: target.supervisor.registration.key.boxPublicKey)
        let sealedView = try view.seal(caseKey: caseKey)
        let sealedThread = try thread.seal(caseKey: caseKey)
        let digest = TransferBundle.digest(wrap: wrap, agencyView: sealedView, thread: sealedThread, attachments: sealedFiles)
        let statement: CaseTransfer
        do {
            statement = try CaseTransfer(caseID: caseID, receiverCaseID: receiverCase, fromOperator: operatorKey.keyID, fromName: fromName,
                                         toOperator: target.operatorKey.keyID, toName: target.name, toKey: target.supervisor.registration.key.keyID,
                                         by: keys.publicKey.keyID, keepCopy: keepCopy, day: CaseExport.today(), bundleHash: digest)
        } catch {
            throw ClientError("the handover statement cannot be made: \(error.reason)")
        }
        let bundle = TransferBundle(statement: statement, signature: statement.sign(with: keys.signing), signer: own, fromOperator: operatorKey,
                                    wrap: wrap, agencyView: sealedView, thread: sealedThread, attachments: sealedFiles)
        do {
            try bundle.verifyChain(sender: operatorKey)
        } catch {
            throw ClientError("the bundle built here cannot be sent: \(error.reason)", hint: "nothing was recorded; the case is as it was")
        }
        // Checked before anything is recorded: a bundle the receiver would refuse must never stand
        // for a case already deleted here.
        let file = try bundle.fileData()
        guard file.count <= TransferBundle.Limits.maxFileBytes else {
            throw ClientError("the case is too large to hand over: its bundle would be \(file.count) bytes, and a receiving daemon accepts \(TransferBundle.Limits.maxFileBytes)",
                              hint: "nothing was recorded; the case is as it was")
        }
        return PreparedTransfer(bundle: bundle, file: file, notice: sealedNotice, noticeWithheld: withheld, noticeText: sealedNotice == nil ? nil : notice,
                                unopened: opened.unopened)
    }

    /// Records the handover on this organisation's server (logged as `case_transferred`); without
    /// `keep_copy` the server deletes everything sealed for the agency. Returns whether the
    /// notice was delivered. `TransferRefused` when the server answered with a refusal (nothing
    /// recorded); any other error leaves it unknown whether the server recorded it.
    public func submit(_ prepared: PreparedTransfer) async throws -> Bool {
        let statement = prepared.bundle.statement
        var body: [String: Any] = ["statement": String(decoding: prepared.bundle.statementBytes, as: UTF8.self),
                                   "signature": Base64.encode(prepared.bundle.signature)]
        if let notice = prepared.notice { body["notice"] = Base64.encode(notice) }
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        let json: [String: Any]
        do {
            json = try await signedJSON("POST", "/v1/agency/cases/\(statement.caseID.rawValue)/transfer", body: bytes)
        } catch let error as HTTPStatusError {
            throw TransferRefused(description: error.description)
        } catch let error as ClientError where error.serverAnswered {
            throw TransferRefused(description: error.description)
        }
        let delivered = json["notice_delivered"] as? Bool ?? false
        // A kept case file keeps its copy of what she was told, as for every message to her.
        if statement.keepCopy, delivered, let text = prepared.noticeText {
            do {
                try await post(statement.caseID, "notes", try Self.sealedNote(try await fetch(statement.caseID), author: keys, kind: .messageToReporter, text: text))
            } catch {
                throw ClientError("the case was handed over and the notice sent, but the notice's copy for the case file kept here was not stored: \(error)",
                                  hint: "add it as a note (`inspector note`) so other holders see what she was told")
            }
        }
        return delivered
    }

    /// The receiving side: checks the bundle's chain here against `sender` (the operator key the
    /// sending organisation handed over, pinned by its file), checks it is addressed to this
    /// organisation and this key and that it opens with this key, then posts it to this
    /// organisation's server, which checks the chain again and stores the case. Returns its id here.
    public func importTransfer(_ data: Data, from sender: OperatorPublicKey) async throws -> CaseID {
        guard let operatorKey else {
            throw ClientError("no operator key of your own organisation is pinned, so the bundle's address cannot be checked",
                              hint: "pass --operator-key FILE (your operator's operator.pub), or keep it as operator.pub beside your key file")
        }
        let bundle: TransferBundle
        do {
            bundle = try TransferBundle(fileData: data)
            try bundle.verifyChain(sender: sender)
            try bundle.verifyReceiver(operatorID: operatorKey.keyID, keyID: keys.publicKey.keyID)
        } catch {
            throw ClientError("refusing the transfer bundle: \(error.reason)")
        }
        let statement = bundle.statement
        do {
            let caseKey = try KeyWrap.unwrap(bundle.wrap, caseID: statement.receiverCaseID, with: keys.box)
            _ = try AgencyView.open(bundle.agencyView, caseID: statement.receiverCaseID, caseKey: caseKey)
            _ = try TransferredThread.open(bundle.thread, caseID: statement.receiverCaseID, caseKey: caseKey)
        } catch {
            throw ClientError("refusing the transfer bundle: it does not open with your key (\(error.reason))")
        }
        let json = try await signedJSON("POST", "/v1/agency/transfers", body: [UInt8](data))
        guard let id = (json["case"] as? String).flatMap(CaseID.init), id == statement.receiverCaseID else {
            throw ClientError("the server's answer does not name the imported case")
        }
        return id
    }
}
