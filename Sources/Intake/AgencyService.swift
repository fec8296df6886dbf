import Envelope

/// The key directory: register and revoke inspectors' and supervisors' public keys, look them up.
/// Registration and revocation are audit-log events.
public struct AgencyService: Sendable {
    let store: any IntakeStore
    let time: CoarseTime

    public init(store: any IntakeStore, time: CoarseTime = CoarseTime()) {
        self.store = store
        self.time = time
    }

    /// Registers a key holder in `team`; `receivesNewCases` routes the team's new complaints to
    /// them (supervisors always receive their team's new cases).
    public func register(_ key: AgencyPublicKey, receivesNewCases: Bool, team: String = CaseRouting.defaultTeamName) throws {
        let audit = [AuditEvent.agencyKeyRegistered(keyID: key.keyID, role: key.role, signPublicKey: key.signPublicKey).entryData(time: time)]
        try store.registerAgencyKey(key, receivesNewCases: receivesNewCases, team: team, day: time.day(), audit: audit)
    }

    /// Revokes a key: it can no longer sign requests, and every wrap to it is deleted.
    public func revoke(keyID: String) throws {
        try store.revokeAgencyKey(id: keyID, day: time.day(), audit: [AuditEvent.agencyKeyRevoked(keyID: keyID).entryData(time: time)])
    }

    /// A registered, unrevoked key, or nil.
    public func activeKey(id: String) throws -> AgencyPublicKey? {
        guard let key = try store.agencyKey(id: id), !key.revoked else { return nil }
        return key.publicKey
    }

    /// Whether a key was ever registered, revoked or not (a revoked key stays registered: its id
    /// cannot be registered again).
    public func isRegistered(id: String) throws -> Bool {
        try store.agencyKey(id: id) != nil
    }

    /// Every registered key, revoked ones included (clients need public keys to wrap case keys).
    public func directory() throws -> [RegisteredKey] {
        try store.agencyKeys()
    }
}
