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
    /// What this complaint adds to its month's statistics (`StatisticsTallying`): its true cells,
    /// held in memory only. The store randomises them (`TallyContribution.storedCells`) under the
    /// month's recorded ε₀ and adds 1 to the randomised cells only, in the filing's transaction; the
    /// truth is never stored, per case or as a counter.
    public let statistics: TallyContribution?
    /// The sealed evidence that passed the document firewall (`SealedAttachment`), stored in the
    /// filing's transaction.
    public let attachments: [StoredAttachment]
    /// `ReceiptFacts` sealed to the reporter's key: what a receipt may say (issue 18 #11).
    public let receiptFacts: [UInt8]?

    /// `YYYY-MM` of `day`: the month whose tallies the complaint joins.
    public var month: String { String(day.prefix(7)) }

    public init(id: CaseID, day: String, agencyView: [UInt8], wraps: [String: [UInt8]], token: StoredToken,
                reporterPublicKey: [UInt8], duressVerifier: TokenVerifier?, statistics: TallyContribution? = nil,
                attachments: [StoredAttachment] = [], receiptFacts: [UInt8]? = nil) {
        self.receiptFacts = receiptFacts
        self.statistics = statistics
        self.attachments = attachments
        self.id = id
        self.day = day
        self.agencyView = agencyView
        self.wraps = wraps
        self.token = token
        self.reporterPublicKey = reporterPublicKey
        self.duressVerifier = duressVerifier
    }
}

/// One sealed attachment as stored: ciphertext only; its key is inside the sealed agency view.
public struct StoredAttachment: Sendable, Equatable {
    public let id: AttachmentID
    public let sealed: [UInt8]
    public init(id: AttachmentID, sealed: [UInt8]) {
        self.id = id
        self.sealed = sealed
    }
}

/// A token verifier, where it points, and the reporter's secret key wrapped under it (§10).
public struct StoredToken: Sendable {
    public let locator: String
    public let caseID: CaseID
    public let verifier: TokenVerifier
    public let reporterKeyWrap: [UInt8]?
    /// A decoy handed out under duress (Docs/format.md §6.2): it answers "no news" for as long as
    /// the case lives, and is replaced by another decoy on each use, like a real token.
    public let isDecoy: Bool

    public init(locator: String, caseID: CaseID, verifier: TokenVerifier, reporterKeyWrap: [UInt8]?, isDecoy: Bool = false) {
        self.locator = locator
        self.caseID = caseID
        self.verifier = verifier
        self.reporterKeyWrap = reporterKeyWrap
        self.isDecoy = isDecoy
    }
}

/// One entry of the reporter's thread as stored: sealed to her key, so the server cannot read it.
public struct InboxEntry: Sendable, Equatable {
    /// Position in the case's thread (increasing); what "new since her last visit" is counted by.
    public let index: Int64
    public let sealed: [UInt8]
    /// The day it was stored (`YYYY-MM-DD`); nil for entries stored before days were kept.
    public let day: String?
    /// Her own answer, kept for her to read again (a `ReporterAnswer` sealed to her key), rather
    /// than an agency message.
    public let fromReporter: Bool

    public init(index: Int64, sealed: [UInt8], day: String?, fromReporter: Bool) {
        self.index = index
        self.sealed = sealed
        self.day = day
        self.fromReporter = fromReporter
    }
}

/// The reporter's answer as the store keeps it: one copy sealed to each key holder, one to her.
public struct SealedReporterAnswer: Sendable {
    /// Key id → the answer sealed to that holder.
    public let toHolders: [String: [UInt8]]
    /// The answer sealed to her own key, for her thread.
    public let toReporter: [UInt8]
    public let day: String
    /// Evidence sent with the answer, sealed (its keys are inside the sealed answers): stored in
    /// the same transaction, and never logged, as the answer is not (a log entry naming the case
    /// would tell anyone on which day she checked in).
    public let attachments: [StoredAttachment]

    public init(toHolders: [String: [UInt8]], toReporter: [UInt8], day: String, attachments: [StoredAttachment] = []) {
        self.toHolders = toHolders
        self.toReporter = toReporter
        self.day = day
        self.attachments = attachments
    }
}

/// What a status check needs about the case behind a token. No plaintext: messages are sealed to
/// the reporter's key, which only her token unlocks.
public struct ReporterCaseData: Sendable {
    public let state: CaseState
    public let duressVerifier: TokenVerifier?
    /// Her thread, oldest first, sealed to her (§11.1): inspectors' messages and her own answers.
    public let inbox: [InboxEntry]
    /// The index of the newest thread entry she has been shown (0: none); later ones are new to her.
    public let seenThrough: Int64
    /// Current key holders, to seal her answer to.
    public let holders: [AgencyPublicKey]
    /// Every registered agency key's signing key by key id, to check who signed a message.
    public let signingKeys: [String: [UInt8]]

    /// The day the complaint was filed.
    public let filedDay: String
    /// `ReceiptFacts` sealed to her key; nil for cases filed before receipts existed.
    public let receiptFacts: [UInt8]?
    /// She checked in with her duress code (and no supervisor has cleared it).
    public let duressFlagged: Bool
    /// The case's handover to another organisation, when it was handed on (Docs/format.md §17).
    public let sentTransfer: CaseTransferRecord?

    public init(state: CaseState, duressVerifier: TokenVerifier?, inbox: [InboxEntry], seenThrough: Int64,
                holders: [AgencyPublicKey], signingKeys: [String: [UInt8]], filedDay: String = "", receiptFacts: [UInt8]? = nil,
                duressFlagged: Bool = false, sentTransfer: CaseTransferRecord? = nil) {
        self.duressFlagged = duressFlagged
        self.sentTransfer = sentTransfer
        self.receiptFacts = receiptFacts
        self.filedDay = filedDay
        self.state = state
        self.duressVerifier = duressVerifier
        self.inbox = inbox
        self.seenThrough = seenThrough
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
    /// The day the complaint was filed (`YYYY-MM-DD`).
    public let filedDay: String
    /// The newest day of the filing, a note, a message or an answer on the case.
    public let lastActivityDay: String
    /// Answers from the reporter sealed to this holder: the client counts the unread ones.
    public let answerCount: Int

    public init(id: CaseID, state: CaseState, duressFlagged: Bool, filedDay: String = "", lastActivityDay: String = "", answerCount: Int = 0) {
        self.id = id
        self.state = state
        self.duressFlagged = duressFlagged
        self.filedDay = filedDay
        self.lastActivityDay = lastActivityDay.isEmpty ? filedDay : lastActivityDay
        self.answerCount = answerCount
    }
}

/// A note as stored: sealed under the case key of `epoch` by `author`'s machine.
public struct StoredNote: Sendable, Equatable {
    public let epoch: Int
    public let author: String
    public let record: [UInt8]
    /// The day it was stored; set by the service when storing, nil for notes stored before days were kept.
    public let day: String?

    public init(epoch: Int, author: String, record: [UInt8], day: String? = nil) {
        self.epoch = epoch
        self.author = author
        self.record = record
        self.day = day
    }

    /// The same note, stored on `day`.
    public func stored(on day: String) -> StoredNote {
        StoredNote(epoch: epoch, author: author, record: record, day: day)
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
    /// The day each of `answers` was stored (nil: before days were kept).
    public let answerDays: [String?]
    /// Key ids of everyone who currently holds the case.
    public let holders: [String]
    public let reporterPublicKey: [UInt8]?
    /// Index of the `key_released` audit entry written for this release: the client proves its
    /// inclusion in a signed checkpoint before it decrypts.
    public let releaseEntryIndex: UInt64
    /// Its handovers between organisations (Docs/format.md §17): received from one, sent to one.
    public let transfers: [CaseTransferRecord]

    public init(id: CaseID, state: CaseState, duressFlagged: Bool, epoch: Int, agencyView: [UInt8], wraps: [Int: [UInt8]],
                notes: [StoredNote], answers: [[UInt8]], answerDays: [String?] = [], holders: [String], reporterPublicKey: [UInt8]?,
                releaseEntryIndex: UInt64, transfers: [CaseTransferRecord] = []) {
        self.transfers = transfers
        self.id = id
        self.state = state
        self.duressFlagged = duressFlagged
        self.epoch = epoch
        self.agencyView = agencyView
        self.wraps = wraps
        self.notes = notes
        self.answers = answers
        self.answerDays = answerDays.count == answers.count ? answerDays : answers.map { _ in nil }
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
    /// An assignment forwarding her answers must forward each one the assigner holds, in order.
    public static func forwardedAnswers(_ held: Int) -> String {
        "the assignment must forward each of the \(held) answers the assigner holds, in order (an empty entry for one that did not open); the case changed meanwhile, try again"
    }

    /// A case handed to another organisation keeps its state, and hears nothing more from here.
    public static let handedOn = "the case was handed to another organisation: its state stays transferred, and messages to her went with the handover's notice"

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
    /// Deletes the token if it still has exactly this verifier and inserts `replacement`; with no
    /// replacement (a visit going on, Docs/format.md §6.3) the token must still be live and stays.
    /// Then stores her sealed `answer`, marks the thread read up to `seenThrough` (never lowering
    /// the mark) and appends `audit`. `alreadySpent`, with nothing changed, when the token is gone.
    func spendToken(_ token: StoredToken, replacement: StoredToken?, answer: SealedReporterAnswer?, seenThrough: Int64?,
                    audit: [[UInt8]]) throws -> SpendOutcome
    /// Flags the case: the reporter checked in with her duress code. `decoy` is the decoy token
    /// handed to whoever made her check, stored so that it keeps answering "no news".
    func flagDuress(_ id: CaseID, decoy: StoredToken, audit: [[UInt8]]) throws
    /// Clears the duress flag (a supervisor's decision) and stores `reason`, a note sealed under
    /// the case key; `notFound` unless the case is flagged, `notHolder` unless `reason`'s author holds it.
    func clearDuress(_ id: CaseID, reason: StoredNote, noteLimit: Int, audit: [[UInt8]]) throws

    // MARK: agency case work
    func cases(wrappedTo keyID: String) throws -> [CaseSummary]
    /// Returns the case file for the holder, appending the key-release audit entry first in the
    /// same transaction; nil (and no entry) when no wrap exists for that key.
    func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseFile?
    /// Stores `wraps` (one per epoch, oldest first) for `assignee`. Requires `by` to hold the case,
    /// `assignee` not to, and one wrap per epoch so far.
    func assign(_ id: CaseID, to assignee: String, by: String, wraps: [[UInt8]], forwarded: [[UInt8]], audit: [[UInt8]]) throws
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
    /// Appends `audit` about the case, only if `holder` holds it (`StoreError.notHolder`
    /// otherwise): an event the holder reports from their own machine, such as an export.
    func recordHolderEvent(_ id: CaseID, holder: String, audit: [[UInt8]]) throws
    /// Replaces every live (non-decoy) token of the case with `token` and the case's reporter
    /// public key with `reporterPublicKey`, for `by` who must hold the case; refused
    /// (`StoreError.duressFlagged`) while the case is flagged (issue 18 #4).
    func reissueToken(_ id: CaseID, token: StoredToken, reporterPublicKey: [UInt8], by: String, audit: [[UInt8]]) throws
    /// Stores a message to the reporter, recorded with its sender, if `by` holds the case, it is
    /// not duress-flagged, and `by` has sent fewer than `limit` messages on it (`limitReached` otherwise).
    func addInboxMessage(_ id: CaseID, sealed: [UInt8], by: String, day: String, limit: Int, audit: [[UInt8]]) throws

    // MARK: transfers between organisations (Docs/format.md §17)
    /// Records, in one transaction, that `transfer.statement.by` (who must hold the case) handed it
    /// to another organisation: its `case_transfers` row (`sent`, with the state it had), state
    /// `transferred`; without a copy, every wrap, note, answer sealed to a holder and attachment of
    /// the case deleted and its agency view emptied (her token, reporter key and thread stay); the
    /// notice stored in her thread unless the case is flagged under duress. `conflict` when the case
    /// was handed on already. Returns whether the notice was stored.
    func transferCase(_ id: CaseID, _ transfer: OutgoingTransfer, audit: [[UInt8]]) throws -> Bool
    /// Stores a case received from another organisation: the sealed view, the one wrap, the
    /// attachments and the `case_transfers` row (`received`, with the sealed thread). `conflict`
    /// when a case with its id exists or ever came in under it (a bundle imported again).
    func importCase(_ imported: ImportedCase, audit: [[UInt8]]) throws

    // MARK: retention
    /// Closed and transferred cases filed before `day` (YYYY-MM-DD): their work here is over.
    func closedCases(filedBefore day: String) throws -> [CaseID]
    /// Deletes a case and everything stored about it (wraps, notes, messages, tokens), appending `audit`.
    func deleteCase(_ id: CaseID, audit: [[UInt8]]) throws
    /// The sealed bytes of one of the case's attachments, for a key that holds the case (a wrap in
    /// any epoch); nil for anyone else or an unknown id, alike.
    func attachment(_ id: AttachmentID, of caseID: CaseID, for keyID: String) throws -> [UInt8]?

    // MARK: statistics (issue 21; Docs/statistics.md)
    /// The tallies of `month` (`YYYY-MM`): randomised answers under the month's recorded ε₀, or
    /// exact counts for a month tallied before randomised response at rest (no ε₀ recorded). Read
    /// only to compute a release, never served.
    func statisticsTallies(month: String) throws -> StoredTallies
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
