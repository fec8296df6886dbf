import Envelope

/// The agency-facing side of the domain: register keys, list and release cases to key holders.
/// The server never decrypts: it hands out ciphertext and the caller's own key wrap.
public struct AgencyService: Sendable {
    let store: any IntakeStore
    let time: CoarseTime

    public init(store: any IntakeStore, time: CoarseTime = CoarseTime()) {
        self.store = store
        self.time = time
    }

    /// Registers a key holder; `receivesNewCases` routes every new complaint to them.
    public func register(_ key: AgencyPublicKey, receivesNewCases: Bool) throws {
        let audit = [AuditEvent.agencyKeyRegistered(keyID: key.keyID, role: key.role).entryData(time: time)]
        try store.registerAgencyKey(key, receivesNewCases: receivesNewCases, day: time.day(), audit: audit)
    }

    /// A registered, unrevoked key, or nil.
    public func activeKey(id: String) throws -> AgencyPublicKey? {
        guard let key = try store.agencyKey(id: id), !key.revoked else { return nil }
        return key.publicKey
    }

    /// The cases this key holder can open (those with a wrap to their key), with their state.
    public func cases(for keyID: String) throws -> [(CaseID, CaseState)] {
        try store.cases(wrappedTo: keyID)
    }

    /// The sealed case and the holder's wrap. The release is logged before it is returned.
    /// Nil when the key has no wrap for the case: the holder was never given it.
    public func release(_ caseID: CaseID, to keyID: String) throws -> CaseForRecipient? {
        let audit = [AuditEvent.keyReleased(caseID: caseID, recipientKeyID: keyID).entryData(time: time)]
        return try store.releaseCase(caseID, to: keyID, audit: audit)
    }
}
