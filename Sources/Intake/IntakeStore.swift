import AuditLog
import Envelope
import Sodium

/// A newly filed case, ready to store: only ciphertext, wraps and a token verifier.
public struct NewCase: Sendable {
    public let id: CaseID
    public let day: String
    /// The sealed agency view (Docs/format.md §3).
    public let agencyView: [UInt8]
    /// Key id → key wrap (Docs/format.md §4).
    public let wraps: [String: [UInt8]]
    public let token: StoredToken
}

/// A token verifier and where it points.
public struct StoredToken: Sendable {
    public let locator: String
    public let caseID: CaseID
    public let verifier: TokenVerifier

    public init(locator: String, caseID: CaseID, verifier: TokenVerifier) {
        self.locator = locator
        self.caseID = caseID
        self.verifier = verifier
    }
}

/// A case as one key holder may fetch it: the sealed view and that holder's wrap.
public struct CaseForRecipient: Sendable {
    public let id: CaseID
    public let state: CaseState
    public let agencyView: [UInt8]
    public let wrap: [UInt8]
    /// Index of the `key_released` audit entry written for this release: the client proves its
    /// inclusion in a signed checkpoint before it decrypts.
    public let releaseEntryIndex: UInt64

    public init(id: CaseID, state: CaseState, agencyView: [UInt8], wrap: [UInt8], releaseEntryIndex: UInt64) {
        self.id = id
        self.state = state
        self.agencyView = agencyView
        self.wrap = wrap
        self.releaseEntryIndex = releaseEntryIndex
    }
}

/// A registered agency key and whether new cases are routed to it.
public struct RegisteredKey: Sendable {
    public let publicKey: AgencyPublicKey
    public let receivesNewCases: Bool
    public let revoked: Bool

    public init(publicKey: AgencyPublicKey, receivesNewCases: Bool, revoked: Bool) {
        self.publicKey = publicKey
        self.receivesNewCases = receivesNewCases
        self.revoked = revoked
    }
}

/// Outcome of trying to spend a token whose verifier matched.
public enum SpendOutcome: Sendable, Equatable {
    /// Spent; the replacement is now live. Carries what the reporter may see.
    case spent(state: CaseState)
    /// Someone spent it first (a concurrent check): answer as for an unknown token.
    case alreadySpent
}

/// Why the store refused a write.
public enum StoreError: Error, Sendable, Equatable {
    /// The new token's random locator is already live; draw another and retry.
    case locatorTaken
    /// A key with that name or id is already registered.
    case duplicateKey
}

/// Durable storage for the intake domain. Every mutating call is one atomic transaction that also
/// appends its audit entries: no event without its entry, no entry without its event.
/// Implementations: `Storage.SQLiteStore` (embedded default).
public protocol IntakeStore: Sendable {
    func registerAgencyKey(_ key: AgencyPublicKey, receivesNewCases: Bool, day: String, audit: [[UInt8]]) throws
    func agencyKey(id: String) throws -> RegisteredKey?
    func agencyKeys() throws -> [RegisteredKey]

    func insertCase(_ newCase: NewCase, audit: [[UInt8]]) throws
    func token(locator: String) throws -> StoredToken?
    /// Deletes the token if it still has exactly this verifier, inserts `replacement`, appends `audit`.
    func spendToken(_ token: StoredToken, replacement: StoredToken, audit: [[UInt8]]) throws -> SpendOutcome

    func cases(wrappedTo keyID: String) throws -> [(CaseID, CaseState)]
    /// Returns the case and the holder's wrap, appending the key-release audit entry first in the same
    /// transaction; nil (and no entry) when no wrap exists for that key.
    func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseForRecipient?

    /// The audit log as stored: entry count, entries, and Merkle nodes.
    func auditLogSize() throws -> UInt64
    func auditEntries(_ range: Range<UInt64>) throws -> [[UInt8]]
    func auditNodeReader() -> any MerkleNodeReader
}
