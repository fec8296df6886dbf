import Envelope

/// The key directory: register and revoke inspectors' and supervisors' public keys, look them up.
/// Registration and revocation are audit-log events.
///
/// With an `anchor` (the daemon always has one), a key counts only when the operator's signed
/// registration of it is in the log: an unanchored row cannot sign requests.
public struct AgencyService: Sendable {
    let store: any IntakeStore
    let time: CoarseTime
    public let anchor: KeyDirectoryAnchor?

    public init(store: any IntakeStore, time: CoarseTime = CoarseTime(), anchor: KeyDirectoryAnchor? = nil) {
        self.store = store
        self.time = time
        self.anchor = anchor
    }

    /// Registers a key as the operator signed it: the row, and the log entry carrying the signed
    /// registration that makes the row count (`KeyDirectoryAnchor`).
    public func register(_ signed: SignedKeyRegistration) throws {
        if let anchor, !anchor.operatorKey.verifies(signed) {
            throw IntakeError(.invalidValue, "the registration is not signed by the operator key this daemon pins (\(anchor.operatorKey.keyID))")
        }
        let registration = signed.registration
        let key = registration.key
        let audit = [AuditEvent.agencyKeyRegistered(keyID: key.keyID, role: key.role, signPublicKey: key.signPublicKey, signed: signed).entryData(time: time)]
        try store.registerAgencyKey(key, receivesNewCases: registration.receivesNewCases, team: registration.team, day: time.day(), audit: audit)
    }

    /// Logs the operator's signed registration of a key already in the directory (one registered
    /// before registrations were signed): its row must be exactly what the operator signed.
    public func recordSignedRegistration(_ signed: SignedKeyRegistration) throws {
        if let anchor, !anchor.operatorKey.verifies(signed) {
            throw IntakeError(.invalidValue, "the registration is not signed by the operator key this daemon pins (\(anchor.operatorKey.keyID))")
        }
        let registration = signed.registration
        let key = registration.key
        guard let row = try store.agencyKey(id: key.keyID), row.publicKey == key, row.team == registration.team else {
            throw IntakeError(.invalidValue, "key \(key.keyID) is not registered as \(key.name) (\(key.role.rawValue)) in team \(registration.team)")
        }
        guard !row.revoked else {
            throw IntakeError(.invalidValue, "key \(key.keyID) is revoked; a revoked key is not registered again")
        }
        let audit = [AuditEvent.agencyKeyRegistered(keyID: key.keyID, role: key.role, signPublicKey: key.signPublicKey, signed: signed).entryData(time: time)]
        try store.recordKeyRegistration(id: key.keyID, audit: audit)
    }

    /// The operator's signed registration of `keyID` in the log (nil without an anchor or when none).
    public func registration(of keyID: String) throws -> SignedKeyRegistration? {
        try anchor?.registration(of: keyID)
    }

    /// Registers a key holder in `team` without the operator's signature; `receivesNewCases` routes
    /// the team's new complaints to them (supervisors always receive their team's new cases). A
    /// daemon with an anchor ignores such a key: use `register(_: SignedKeyRegistration)`.
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
        if let anchor, try !anchor.isAnchored(key) { return nil }
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
