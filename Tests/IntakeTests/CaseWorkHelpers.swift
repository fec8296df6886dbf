import Envelope
import Intake
import Sodium

/// What a key holder's client does, done directly against the domain: unwrap the case keys,
/// wrap and sign on "their machine", and call the service as the authenticated key.
extension Harness {
    func caseKeys(_ caseID: CaseID, as holder: AgencyKeyPair) throws -> (file: CaseFile, keys: [Int: SecureBytes]) {
        guard let file = try caseWork.release(caseID, to: holder.publicKey.keyID) else { throw HolderError.noWrap }
        var keys: [Int: SecureBytes] = [:]
        for (epoch, wrap) in file.wraps { keys[epoch] = try KeyWrap.unwrap(wrap, caseID: caseID, with: holder.box) }
        return (file, keys)
    }

    /// The wraps and signature a supervisor's client would send to assign `caseID` to `assignee`.
    func assignment(_ caseID: CaseID, to assignee: AgencyKeyPair, by supervisor: AgencyKeyPair) throws -> (wraps: [[UInt8]], signature: [UInt8]) {
        let (file, keys) = try caseKeys(caseID, as: supervisor)
        let wraps = try (0...file.epoch).map { try KeyWrap.wrap(keys[$0]!, caseID: caseID, to: assignee.publicKey.boxPublicKey) }
        let statement = CaseAssignment(caseID: caseID, assignee: assignee.publicKey.keyID, assigner: supervisor.publicKey.keyID, wraps: wraps)
        return (wraps, statement.sign(with: supervisor.signing))
    }

    func assign(_ caseID: CaseID, to assignee: AgencyKeyPair, by supervisor: AgencyKeyPair) throws {
        let (wraps, signature) = try assignment(caseID, to: assignee, by: supervisor)
        try caseWork.assign(caseID, to: assignee.publicKey.keyID, wraps: wraps, signature: signature, by: supervisor.publicKey)
    }

    func unassign(_ caseID: CaseID, removing removed: AgencyKeyPair, by supervisor: AgencyKeyPair) throws {
        let file = try caseKeys(caseID, as: supervisor).file
        let newKey = AEAD.generateKey()
        var wraps: [String: [UInt8]] = [:]
        for holder in file.holders where holder != removed.publicKey.keyID {
            let key = try activeKey(holder)
            wraps[holder] = try KeyWrap.wrap(newKey, caseID: caseID, to: key.boxPublicKey)
        }
        let statement = EpochChange(caseID: caseID, removed: removed.publicKey.keyID, by: supervisor.publicKey.keyID, epoch: file.epoch + 1, wraps: wraps)
        try caseWork.unassign(caseID, removing: removed.publicKey.keyID, epoch: file.epoch + 1, wraps: wraps,
                              signature: statement.sign(with: supervisor.signing), by: supervisor.publicKey)
    }

    func activeKey(_ keyID: String) throws -> AgencyPublicKey {
        guard let key = try agency.activeKey(id: keyID) else { throw HolderError.noWrap }
        return key
    }

    /// A note signed by `author` and sealed under the case's current key, as the client writes it.
    func note(_ caseID: CaseID, _ text: String, kind: CaseNote.Kind = .note, by author: AgencyKeyPair) throws -> StoredNote {
        let (file, keys) = try caseKeys(caseID, as: author)
        let record = try CaseNote(caseID: caseID, author: author.publicKey.keyID, kind: kind, text: text)
            .seal(caseKey: keys[file.epoch]!, signedBy: author.signing)
        return StoredNote(epoch: file.epoch, author: author.publicKey.keyID, record: record)
    }

    /// Every registered key's signing key, by key id (what a client looks up in the directory).
    func signingKey(_ keyID: String) -> [UInt8]? {
        (try? agency.activeKey(id: keyID))??.signPublicKey
    }

    /// Sends the reporter a message from `author`, signed and sealed as the client does.
    func reply(_ caseID: CaseID, _ text: String, kind: InspectorMessage.Kind = .reply, by author: AgencyKeyPair) throws {
        let file = try caseKeys(caseID, as: author).file
        let sealed = try InspectorMessage(caseID: caseID, from: author.publicKey.keyID, kind: kind, text: text)
            .seal(signedBy: author.signing, to: file.reporterPublicKey!)
        try caseWork.sendMessage(caseID, sealed: sealed, by: author.publicKey)
    }
}

enum HolderError: Error { case noWrap }
