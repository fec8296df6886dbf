import AuditLog
import Envelope
import Sodium
import Statistics

/// A newly filed case, ready to store: only ciphertext, wraps, public keys and verifiers.
public struct NewCase: Sendable {
    public let id: CaseID
    public let day: String
    /// The sealed agency view (Docs/format.md §3).
    public let agencyView: [UInt8]
    /// Key id → wrap of the epoch-0 case key (Docs/format.md §4).
    public let wraps: [String: [UInt8]]
    public let token: StoredToken
    /// The case's reporter public key: inspectors seal their messages to it (§11).
    public let reporterPublicKey: [UInt8]
    /// The verifier of the reporter's duress code, when she chose one (§6.2).
    public let duressVerifier: TokenVerifier?
    /// The statistics cells this complaint adds 1 to in its month (`StatisticsTallying`), sorted.
    /// Stored only as increments of shared counters, in the filing's transaction; never per case.
    public let tallies: [TallyCell]

    /// `YYYY-MM` of `day`: the month whose tallies the complaint joins.
    public var month: String { String(day.prefix(7)) }

    public init(id: CaseID, day: String, agencyView: [UInt8], wraps: [String: [UInt8]], token: StoredToken,
                reporterPublicKey: [UInt8], duressVerifier: TokenVerifier?, tallies: [TallyCell] = []) {
        self.tallies = tallies.sorted()
        self.id = id
        self.day = day
        self.agencyView = agencyView
        self.wraps = wraps
        self.token = token
        self.reporterPublicKey = reporterPublicKey
        self.duressVerifier = duressVerifier
    }
}

/// A token verifier, where it points, and the reporter's secret key wrapped under it (§10).
public struct StoredToken: Sendable {
    public let locator: String
    public let caseID: CaseID
    public let verifier: TokenVerifier
    public let reporterKeyWrap: [UInt8]?

    public init(locator: String, caseID: CaseID, verifier: TokenVerifier, reporterKeyWrap: [UInt8]?) {
        self.locator = locator
        self.caseID = caseID
        self.verifier = verifier
        self.reporterKeyWrap = reporterKeyWrap
    }
}

/// What a status check needs about the case behind a token. No plaintext: messages are sealed to
/// the reporter's key, which only her token unlocks.
public struct ReporterCaseData: Sendable {
    public let state: CaseState
    public let duressVerifier: TokenVerifier?
    /// Messages from inspectors, oldest first, sealed to the reporter (§11.1).
    public let inbox: [[UInt8]]
    /// Current key holders, to seal her answer to.
    public let holders: [AgencyPublicKey]
    /// Every registered agency key's signing key by key id, to check who signed a message.
    public let signingKeys: [String: [UInt8]]

    public init(state: CaseState, duressVerifier: TokenVerifier?, inbox: [[UInt8]], holders: [AgencyPublicKey], signingKeys: [String: [UInt8]]) {
        self.state = state
        self.duressVerifier = duressVerifier
        self.inbox = inbox
        self.holders = holders
        self.signingKeys = signingKeys
    }
}

/// A case in one key holder's list.
public struct CaseSummary: Sendable, Equatable {
    public let id: CaseID
    public let state: CaseState
    /// The reporter checked in with her duress code: do not contact her.
    public let duressFlagged: Bool

    public init(id: CaseID, state: CaseState, duressFlagged: Bool) {
        self.id = id
        self.state = state
        self.duressFlagged = duressFlagged
    }
}

/// A note as stored: sealed under the case key of `epoch` by `author`'s machine.
public struct StoredNote: Sendable, Equatable {
    public let epoch: Int
    public let author: String
    public let record: [UInt8]

    public init(epoch: Int, author: String, record: [UInt8]) {
        self.epoch = epoch
        self.author = author
        self.record = record
    }
}

/// Everything one key holder may fetch about a case: ciphertext and that holder's own wraps.
public struct CaseFile: Sendable {
    public let id: CaseID
    public let state: CaseState
    public let duressFlagged: Bool
    /// The current key epoch; new records are sealed under its key.
    public let epoch: Int
    public let agencyView: [UInt8]
    /// This holder's wraps by epoch.
    public let wraps: [Int: [UInt8]]
    public let notes: [StoredNote]
    /// The reporter's answers sealed to this holder, oldest first.
    public let answers: [[UInt8]]
    /// Key ids of everyone who currently holds the case.
    public let holders: [String]
    public let reporterPublicKey: [UInt8]?
    /// Index of the `key_released` audit entry written for this release: the client proves its
    /// inclusion in a signed checkpoint before it decrypts.
    public let releaseEntryIndex: UInt64

    public init(id: CaseID, state: CaseState, duressFlagged: Bool, epoch: Int, agencyView: [UInt8], wraps: [Int: [UInt8]],
                notes: [StoredNote], answers: [[UInt8]], holders: [String], reporterPublicKey: [UInt8]?, releaseEntryIndex: UInt64) {
        self.id = id
        self.state = state
        self.duressFlagged = duressFlagged
        self.epoch = epoch
        self.agencyView = agencyView
        self.wraps = wraps
        self.notes = notes
        self.answers = answers
        self.holders = holders
        self.reporterPublicKey = reporterPublicKey
        self.releaseEntryIndex = releaseEntryIndex
    }
}

/// A registered agency key and whether new cases are routed to it.
public struct RegisteredKey: Sendable {
    public let publicKey: AgencyPublicKey
    public let receivesNewCases: Bool
    public let revoked: Bool
    /// The team whose new cases this key receives (routing, Docs/routing.md).
    public let team: String

    public init(publicKey: AgencyPublicKey, receivesNewCases: Bool, revoked: Bool, team: String) {
        self.publicKey = publicKey
        self.receivesNewCases = receivesNewCases
        self.revoked = revoked
        self.team = team
    }
}

/// Outcome of trying to spend a token whose verifier matched.
public enum SpendOutcome: Sendable, Equatable {
    /// Spent; the replacement is now live. Carries what the reporter may see.
    case spent(state: CaseState)
    /// Someone spent it first (a concurrent check): answer as for an unknown token.
    case alreadySpent
}

/// Why the store refused a write. Checks that depend on the current state of a case (who holds
/// it, its epoch) are made inside the write transaction, so two concurrent changes cannot both pass.
public enum StoreError: Error, Sendable, Equatable {
    /// The new token's random locator is already live; draw another and retry.
    case locatorTaken
    /// A key with that name or id is already registered.
    case duplicateKey
    /// No such case, or no such key.
    case notFound
    /// The acting key does not hold the case (has no wrap for it).
    case notHolder
    /// The change was made against an older state of the case (epoch or holders changed); reload and retry.
    case conflict(String)
    /// The reporter checked in under duress: nothing may be sent to her.
    case duressFlagged
    /// The acting key has written as many notes or messages on the case as one key may.
    case limitReached(String)
}

/// The words of `StoreError.limitReached`, the same from every store.
public enum CaseWorkLimitText {
    public static func notes(_ limit: Int) -> String {
        "your key has written \(limit) notes on this case, as many as one key may; nothing was stored (a supervisor can pass on more in a note of their own)"
    }

    public static func messages(_ limit: Int) -> String {
        "your key has sent \(limit) messages to this reporter, as many as one key may; nothing was sent"
    }
}

/// Durable storage for the intake domain. Every mutating call is one atomic transaction that also
/// appends its audit entries: no event without its entry, no entry without its event.
/// Implementations: `Storage.SQLiteStore` (embedded default).
public protocol IntakeStore: Sendable {
    // MARK: agency keys
    func registerAgencyKey(_ key: AgencyPublicKey, receivesNewCases: Bool, team: String, day: String, audit: [[UInt8]]) throws
    /// Marks the key revoked and deletes every wrap to it.
    func revokeAgencyKey(id: String, day: String, audit: [[UInt8]]) throws
    /// Appends `audit` (the operator's signed registration of a key registered before
    /// registrations were signed) when the key is registered; `notFound` otherwise.
    func recordKeyRegistration(id: String, audit: [[UInt8]]) throws
    func agencyKey(id: String) throws -> RegisteredKey?
    func agencyKeys() throws -> [RegisteredKey]

    // MARK: reporters
    func insertCase(_ newCase: NewCase, audit: [[UInt8]]) throws
    func token(locator: String) throws -> StoredToken?
    func reporterCaseData(_ id: CaseID) throws -> ReporterCaseData?
    /// Deletes the token if it still has exactly this verifier, inserts `replacement`, stores the
    /// reporter's sealed answers (key id → ciphertext), appends `audit`.
    func spendToken(_ token: StoredToken, replacement: StoredToken, answers: [String: [UInt8]], audit: [[UInt8]]) throws -> SpendOutcome
    /// Flags the case: the reporter checked in with her duress code.
    func flagDuress(_ id: CaseID, audit: [[UInt8]]) throws

    // MARK: agency case work
    func cases(wrappedTo keyID: String) throws -> [CaseSummary]
    /// Returns the case file for the holder, appending the key-release audit entry first in the
    /// same transaction; nil (and no entry) when no wrap exists for that key.
    func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseFile?
    /// Stores `wraps` (one per epoch, oldest first) for `assignee`. Requires `by` to hold the case,
    /// `assignee` not to, and one wrap per epoch so far.
    func assign(_ id: CaseID, to assignee: String, by: String, wraps: [[UInt8]], audit: [[UInt8]]) throws
    /// Deletes every wrap of `removed` and starts `epoch` with `wraps` for the remaining holders.
    /// Requires `by` and `removed` to hold the case, `epoch` to be the next one, and `wraps` to
    /// cover exactly the remaining holders.
    func changeEpoch(_ id: CaseID, removing removed: String, by: String, epoch: Int, wraps: [String: [UInt8]], audit: [[UInt8]]) throws
    /// Sets the case state (and stores `note`, e.g. the outcome) if `by` holds the case; the note
    /// is refused (`limitReached`, nothing changed) when its author already wrote `noteLimit` notes on the case.
    func setState(_ id: CaseID, _ state: CaseState, by: String, note: StoredNote?, noteLimit: Int, audit: [[UInt8]]) throws
    /// Stores a note sealed under the current epoch's key if its author holds the case and has
    /// written fewer than `limit` notes on it (`limitReached` otherwise).
    func addNote(_ id: CaseID, _ note: StoredNote, limit: Int, audit: [[UInt8]]) throws
    /// Stores a message to the reporter, recorded with its sender, if `by` holds the case, it is
    /// not duress-flagged, and `by` has sent fewer than `limit` messages on it (`limitReached` otherwise).
    func addInboxMessage(_ id: CaseID, sealed: [UInt8], by: String, limit: Int, audit: [[UInt8]]) throws

    // MARK: retention
    /// Closed cases filed before `day` (YYYY-MM-DD).
    func closedCases(filedBefore day: String) throws -> [CaseID]
    /// Deletes a case and everything stored about it (wraps, notes, messages, tokens), appending `audit`.
    func deleteCase(_ id: CaseID, audit: [[UInt8]]) throws

    // MARK: statistics (issue 21; Docs/statistics.md)
    /// The exact tallies of `month` (`YYYY-MM`): read only to compute a release, never served.
    func statisticsTallies(month: String) throws -> [TallyCell: Int]
    /// Stores a signed release of `month` and appends `audit`; `StoreError.conflict` (and nothing
    /// stored) when the month was released already: each month is released once.
    func recordStatisticsRelease(month: String, note: String, audit: [[UInt8]]) throws
    /// Every stored release's signed note, oldest month first.
    func statisticsReleases() throws -> [String]

    // MARK: audit log
    /// The last checkpoint note this log signed (C2SP signed note), if any.
    func lastSignedCheckpoint() throws -> String?
    /// Durably keeps `note` as the last signed checkpoint, unless one of a larger size is kept already.
    func recordSignedCheckpoint(size: UInt64, note: String) throws
    /// Records `policyHash` as the firewall policy in force, appending `audit`, when it differs from
    /// the last one recorded. Returns whether it changed.
    func recordPolicy(_ policyHash: String, audit: [[UInt8]]) throws -> Bool
    /// The audit log as stored: entry count, entries, and Merkle nodes.
    func auditLogSize() throws -> UInt64
    func auditEntries(_ range: Range<UInt64>) throws -> [[UInt8]]
    func auditNodeReader() -> any MerkleNodeReader
}
