import Envelope
import Foundation
import Sodium

/// A key in the agency's directory, as the server lists it.
public struct DirectoryEntry: Sendable, Equatable {
    public let publicKey: AgencyPublicKey
    public let team: String
    public let revoked: Bool
    /// The operator's signed registration, as the server relayed it (not yet checked).
    public let registration: SignedKeyRegistration?

    /// Whether the operator whose key is pinned registered exactly this key, name, role and team.
    public func isRegistered(by operatorKey: OperatorPublicKey) -> Bool {
        guard let registration, operatorKey.verifies(registration) else { return false }
        return registration.registration.key == publicKey && registration.registration.team == team
    }
}

extension AgencyClient {
    /// The key directory; every entry's key id is recomputed from its public keys, never trusted.
    public func directory() async throws -> [DirectoryEntry] {
        let json = try await signedJSON("GET", "/v1/agency/keys")
        return (json["keys"] as? [[String: Any]] ?? []).compactMap { item in
            guard let name = item["name"] as? String, let role = (item["role"] as? String).flatMap(AgencyRole.init(rawValue:)),
                  let box = (item["box_public_key"] as? String).flatMap(Base64.decode),
                  let sign = (item["sign_public_key"] as? String).flatMap(Base64.decode),
                  let key = try? AgencyPublicKey(name: name, role: role, boxPublicKey: box, signPublicKey: sign),
                  key.keyID == item["key_id"] as? String else { return nil }
            let team = item["team"] as? String ?? ""
            var registration: SignedKeyRegistration?
            if let signed = item["registration"] as? [String: Any], let operatorID = signed["operator"] as? String,
               let signature = (signed["signature"] as? String).flatMap(Base64.decode),
               let registeredTeam = signed["team"] as? String, let newCases = signed["receives_new_cases"] as? Bool,
               let statement = try? KeyRegistration(key: key, team: registeredTeam, receivesNewCases: newCases) {
                registration = SignedKeyRegistration(registration: statement, operatorID: operatorID, signature: signature)
            }
            return DirectoryEntry(publicKey: key, team: team, revoked: item["revoked"] as? Bool ?? false, registration: registration)
        }
    }

    /// The operator key to check the directory against; nothing is wrapped without one.
    private func pinnedOperatorKey() throws -> OperatorPublicKey {
        guard let operatorKey else {
            throw ClientError("no operator key is pinned, so the server's key directory cannot be checked and no case key is wrapped",
                              hint: "pass --operator-key FILE (the operator.pub the operator gave you), or keep it as operator.pub beside your key file")
        }
        return operatorKey
    }

    /// Finds an active key whose registration the pinned operator key signed, by key id or, when
    /// that is unambiguous, by name. The server's word alone (a row it lists) is not enough.
    func activeKey(named nameOrID: String) async throws -> AgencyPublicKey {
        let operatorKey = try pinnedOperatorKey()
        let active = try await directory().filter { !$0.revoked }
        let byID = active.filter { $0.publicKey.keyID == nameOrID }
        let candidates = byID.isEmpty ? active.filter { $0.publicKey.name == nameOrID } : byID
        let registered = candidates.filter { $0.isRegistered(by: operatorKey) }
        guard !candidates.isEmpty else {
            throw ClientError("no active key named \(nameOrID) in the server's directory", hint: "list keys with `safeintake keys list` on the server")
        }
        guard registered.count == 1, let match = registered.first else {
            if registered.isEmpty {
                throw ClientError("\(nameOrID) (key id \(candidates.map(\.publicKey.keyID).joined(separator: ", "))) has no registration signed by the operator key \(operatorKey.keyID): refusing to give it a case",
                                  hint: "the server's key directory may have been tampered with: tell the operator")
            }
            throw ClientError("several registered keys are named \(nameOrID)", hint: "give the key id instead: \(registered.map(\.publicKey.keyID).joined(separator: ", "))")
        }
        return match.publicKey
    }

    /// Gives the case to `assignee` (key id, or a name the operator registered): every epoch's case
    /// key is unwrapped here and wrapped to the assignee, and the assignment is signed with this
    /// (supervisor's) key. Returns the key given the case, so its key id can be shown.
    @discardableResult
    public func assign(_ caseID: CaseID, to assignee: String) async throws -> AgencyPublicKey {
        let target = try await activeKey(named: assignee)
        let fetched = try await fetch(caseID)
        let caseKeys = try fetched.caseKeys(with: keys)
        var wraps: [[UInt8]] = []
        for epoch in 0...fetched.epoch {
            guard let key = caseKeys[epoch] else {
                throw ClientError("your key lacks the case key of epoch \(epoch), so it cannot give the whole case to \(target.name)")
            }
            wraps.append(try KeyWrap.wrap(key, caseID: caseID, to: target.boxPublicKey))
        }
        let statement = CaseAssignment(caseID: caseID, assignee: target.keyID, assigner: keys.publicKey.keyID, wraps: wraps)
        // Her answers so far, opened here and sealed again to the assignee, so that they read what
        // she said before they were given the case (issue 19 #2); one entry per answer held.
        let forwarded = fetched.answers.map { sealed -> String in
            guard let answer = try? ReporterAnswer.open(sealed, caseID: caseID, with: keys.box),
                  let again = try? answer.seal(to: target.boxPublicKey) else { return "" }
            return Base64.encode(again)
        }
        try await post(caseID, "assign", [
            "assignee": target.keyID, "wraps": wraps.map(Base64.encode), "signature": Base64.encode(statement.sign(with: keys.signing)),
            "answers": forwarded,
        ])
        return target
    }

    /// Takes the case away from `removed` (name or key id): a fresh case key for a new epoch is
    /// wrapped to every remaining holder, and the change is signed with this (supervisor's) key.
    public func unassign(_ caseID: CaseID, removing removed: String) async throws {
        let operatorKey = try pinnedOperatorKey()
        let directory = try await directory()
        let fetched = try await fetch(caseID)
        guard let target = directory.first(where: { $0.publicKey.name == removed || $0.publicKey.keyID == removed })?.publicKey,
              fetched.holders.contains(target.keyID) else {
            throw ClientError("\(removed) does not hold case \(caseID)")
        }
        let newKey = AEAD.generateKey()
        var wraps: [String: [UInt8]] = [:]
        for holder in fetched.holders where holder != target.keyID {
            guard let entry = directory.first(where: { $0.publicKey.keyID == holder }) else {
                throw ClientError("holder \(holder) of case \(caseID) is not in the directory")
            }
            guard entry.isRegistered(by: operatorKey) else {
                throw ClientError("holder \(entry.publicKey.name) (key id \(holder)) of case \(caseID) has no registration signed by the operator key \(operatorKey.keyID): refusing to wrap the new key to it",
                                  hint: "the server's key directory may have been tampered with: tell the operator")
            }
            wraps[holder] = try KeyWrap.wrap(newKey, caseID: caseID, to: entry.publicKey.boxPublicKey)
        }
        let epoch = fetched.epoch + 1
        let statement = EpochChange(caseID: caseID, removed: target.keyID, by: keys.publicKey.keyID, epoch: epoch, wraps: wraps)
        try await post(caseID, "unassign", [
            "removed": target.keyID, "epoch": epoch, "wraps": wraps.mapValues(Base64.encode),
            "signature": Base64.encode(statement.sign(with: keys.signing)),
        ])
    }

    /// Changes the case state; `outcome` (required to close) is sealed here as a note. With
    /// `tellReporter`, the outcome written for her is sent first, as a message of kind `outcome`
    /// (her next status check shows it as the case's outcome), so a refused message (she checked in
    /// under duress) leaves the case as it was.
    public func setStatus(_ caseID: CaseID, to status: String, outcome: String?, tellReporter: String? = nil) async throws {
        if let tellReporter { try await sendMessage(caseID, text: tellReporter, kind: .outcome) }
        var body: [String: Any] = ["status": status]
        if let outcome {
            body["outcome"] = try await sealedNote(caseID, kind: .outcome, text: outcome)
        }
        try await post(caseID, "status", body)
    }

    /// Adds an internal note, sealed here under the case's current key.
    public func addNote(_ caseID: CaseID, text: String) async throws {
        try await post(caseID, "notes", try await sealedNote(caseID, kind: .note, text: text))
    }

    /// Writes to the reporter: signed with this key and sealed to her key here.
    public func sendMessage(_ caseID: CaseID, text: String, kind: InspectorMessage.Kind) async throws {
        let fetched = try await fetch(caseID)
        guard let reporterKey = fetched.reporterPublicKey else {
            if let received = fetched.received {
                throw ClientError("case \(caseID) came from another organisation (\(received.statement.fromName)): the reporter checks her case there, not here",
                                  hint: "reach her through \(received.statement.fromName), or by the means the case file gives")
            }
            throw ClientError("case \(caseID) has no reporter key (filed before replies existed): the reporter cannot receive messages")
        }
        guard !fetched.duressFlagged else {
            throw ClientError("the reporter of case \(caseID) checked in under duress: do not contact her through SafeIntake")
        }
        let message = InspectorMessage(caseID: caseID, from: keys.publicKey.keyID, kind: kind, text: text)
        let sealed = try message.seal(signedBy: keys.signing, to: reporterKey)
        try Self.checkSize(sealed, what: "message")
        let copyText = kind == .reply ? text : "[\(kind.rawValue)] \(text)"
        let copy = try Self.sealedNote(fetched, author: keys, kind: .messageToReporter, text: copyText)
        try await post(caseID, "messages", ["message": Base64.encode(sealed)])
        // Her copy is sealed to her key alone: the case file keeps one for every holder. Sent
        // after the message, so no copy stands for a message the server refused.
        do {
            try await post(caseID, "notes", copy)
        } catch {
            throw ClientError("the message was sent to the reporter, but its copy for the case file was not stored: \(error)",
                              hint: "add it as a note (`inspector note`) so other holders see what she was told")
        }
    }

    /// Clears the case's duress flag (supervisors): the reason is sealed here as a note under the
    /// case key; the public log records only that the flag was cleared, by whom.
    /// Issues the case's reporter a new number (supervisors only; issue 18 #4): every earlier number
    /// stops working. The number comes back once, for her caseworker to hand on.
    public func reissueNumber(_ caseID: CaseID) async throws -> String {
        let json = try await signedJSON("POST", "/v1/agency/cases/\(caseID.rawValue)/reissue-number", body: Array("{}".utf8))
        guard let token = json["token"] as? String else { throw ClientError("the server's answer has no new number") }
        return token
    }

    /// Logs on the server that this key exported the case in `format` (the content stays here).
    /// Called before the export is written, so no export exists that the log does not show.
    public func recordExport(_ caseID: CaseID, format: CaseExport.Format) async throws {
        try await post(caseID, "exported", ["format": format.rawValue])
    }

    public func clearDuress(_ caseID: CaseID, reason: String) async throws {
        try await post(caseID, "clear-duress", try await sealedNote(caseID, kind: .note, text: "Duress flag cleared: \(reason)"))
    }

    /// A note signed with this key (note format 2) and sealed under the case's current key.
    private func sealedNote(_ caseID: CaseID, kind: CaseNote.Kind, text: String) async throws -> [String: Any] {
        try Self.sealedNote(try await fetch(caseID), author: keys, kind: kind, text: text)
    }

    static func sealedNote(_ fetched: FetchedCase, author keys: AgencyKeyPair, kind: CaseNote.Kind, text: String) throws -> [String: Any] {
        let note = CaseNote(caseID: fetched.caseID, author: keys.publicKey.keyID, kind: kind, text: text)
        let record = try note.seal(caseKey: try fetched.currentKey(with: keys), signedBy: keys.signing)
        try checkSize(record, what: kind == .outcome ? "outcome" : "note")
        return ["epoch": fetched.epoch, "record": Base64.encode(record)]
    }

    /// Refuses here, before sending, what the server would refuse as too large (HTTP 413).
    static func checkSize(_ sealed: [UInt8], what: String) throws {
        guard sealed.count <= EnvelopeFormat.maxCaseWorkRecordBytes else {
            throw ClientError("the \(what) is too long: sealed, it takes \(sealed.count) bytes, and the server stores at most \(EnvelopeFormat.maxCaseWorkRecordBytes)",
                              hint: "shorten it (a few thousand characters fit), or split it into several")
        }
    }

    func post(_ caseID: CaseID, _ action: String, _ body: [String: Any]) async throws {
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        _ = try await signedJSON("POST", "/v1/agency/cases/\(caseID.rawValue)/\(action)", body: bytes)
    }
}
