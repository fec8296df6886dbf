import Envelope
import Foundation
import Sodium

/// A key in the agency's directory, as the server lists it.
public struct DirectoryEntry: Sendable, Equatable {
    public let publicKey: AgencyPublicKey
    public let team: String
    public let revoked: Bool
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
            return DirectoryEntry(publicKey: key, team: item["team"] as? String ?? "", revoked: item["revoked"] as? Bool ?? false)
        }
    }

    /// Finds an active key by name or key id.
    func activeKey(named nameOrID: String) async throws -> AgencyPublicKey {
        let match = try await directory().first { ($0.publicKey.name == nameOrID || $0.publicKey.keyID == nameOrID) && !$0.revoked }
        guard let match else {
            throw ClientError("no active key named \(nameOrID) in the server's directory", hint: "list keys with `safeintake keys list` on the server")
        }
        return match.publicKey
    }

    /// Gives the case to `assignee` (name or key id): every epoch's case key is unwrapped here and
    /// wrapped to the assignee, and the assignment is signed with this (supervisor's) key.
    public func assign(_ caseID: CaseID, to assignee: String) async throws {
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
        try await post(caseID, "assign", [
            "assignee": target.keyID, "wraps": wraps.map(Base64.encode), "signature": Base64.encode(statement.sign(with: keys.signing)),
        ])
    }

    /// Takes the case away from `removed` (name or key id): a fresh case key for a new epoch is
    /// wrapped to every remaining holder, and the change is signed with this (supervisor's) key.
    public func unassign(_ caseID: CaseID, removing removed: String) async throws {
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
            wraps[holder] = try KeyWrap.wrap(newKey, caseID: caseID, to: entry.publicKey.boxPublicKey)
        }
        let epoch = fetched.epoch + 1
        let statement = EpochChange(caseID: caseID, removed: target.keyID, by: keys.publicKey.keyID, epoch: epoch, wraps: wraps)
        try await post(caseID, "unassign", [
            "removed": target.keyID, "epoch": epoch, "wraps": wraps.mapValues(Base64.encode),
            "signature": Base64.encode(statement.sign(with: keys.signing)),
        ])
    }

    /// Changes the case state; `outcome` (required to close) is sealed here as a note.
    public func setStatus(_ caseID: CaseID, to status: String, outcome: String?) async throws {
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
            throw ClientError("case \(caseID) has no reporter key (filed before replies existed): the reporter cannot receive messages")
        }
        guard !fetched.duressFlagged else {
            throw ClientError("the reporter of case \(caseID) checked in under duress: do not contact her through SafeIntake")
        }
        let message = InspectorMessage(caseID: caseID, from: keys.publicKey.keyID, kind: kind, text: text)
        let sealed = try message.seal(signedBy: keys.signing, to: reporterKey)
        try Self.checkSize(sealed, what: "message")
        try await post(caseID, "messages", ["message": Base64.encode(sealed)])
    }

    /// A note signed with this key (note format 2) and sealed under the case's current key.
    private func sealedNote(_ caseID: CaseID, kind: CaseNote.Kind, text: String) async throws -> [String: Any] {
        let fetched = try await fetch(caseID)
        let note = CaseNote(caseID: caseID, author: keys.publicKey.keyID, kind: kind, text: text)
        let record = try note.seal(caseKey: try fetched.currentKey(with: keys), signedBy: keys.signing)
        try Self.checkSize(record, what: kind == .outcome ? "outcome" : "note")
        return ["epoch": fetched.epoch, "record": Base64.encode(record)]
    }

    /// Refuses here, before sending, what the server would refuse as too large (HTTP 413).
    private static func checkSize(_ sealed: [UInt8], what: String) throws {
        guard sealed.count <= EnvelopeFormat.maxCaseWorkRecordBytes else {
            throw ClientError("the \(what) is too long: sealed, it takes \(sealed.count) bytes, and the server stores at most \(EnvelopeFormat.maxCaseWorkRecordBytes)",
                              hint: "shorten it (a few thousand characters fit), or split it into several")
        }
    }

    private func post(_ caseID: CaseID, _ action: String, _ body: [String: Any]) async throws {
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        _ = try await signedJSON("POST", "/v1/agency/cases/\(caseID.rawValue)/\(action)", body: bytes)
    }
}
