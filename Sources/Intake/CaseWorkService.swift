import Envelope
import Sodium

/// An inspector's or supervisor's work on a case: read it, assign it, change its state, add notes,
/// write to the reporter. Every method takes the caller's already-authenticated key; the server
/// checks signatures and who holds the case, and never reads a case, a note or a message.
public struct CaseWorkService: Sendable {
    /// Longest sealed message to the reporter or note accepted, in bytes.
    public static let maxSealedBytes = EnvelopeFormat.maxCaseWorkRecordBytes
    /// Longest answer of hers forwarded at an assignment: her longest message, sealed.
    public static let maxForwardedAnswerBytes = 4 * TextRules.maxMessageCharacters + 1024

    /// How much one key holder may write on one case. Per holder, so that no holder can use up
    /// a case's room for everyone else; with the size limit they bound what a case file and a
    /// reporter's status check cost however a holder behaves (issue 17 #7).
    public struct Limits: Sendable, Equatable {
        /// Notes (outcome notes included) one key may write on one case.
        public var notesPerHolder: Int
        /// Messages one key may send to the reporter of one case.
        public var messagesPerHolder: Int

        public init(notesPerHolder: Int, messagesPerHolder: Int) {
            self.notesPerHolder = notesPerHolder
            self.messagesPerHolder = messagesPerHolder
        }

        public static let standard = Limits(notesPerHolder: 200, messagesPerHolder: 50)
    }

    let store: any IntakeStore
    let time: CoarseTime
    public let limits: Limits
    /// With an anchor, case keys are wrapped only to keys the operator's signed registrations admit.
    let anchor: KeyDirectoryAnchor?

    public init(store: any IntakeStore, time: CoarseTime = CoarseTime(), limits: Limits = .standard,
                anchor: KeyDirectoryAnchor? = nil) {
        self.store = store
        self.time = time
        self.limits = limits
        self.anchor = anchor
    }

    /// Throws unless the key's signed registration is in the log (with an anchor).
    func requireAnchored(_ key: RegisteredKey) throws {
        guard let anchor else { return }
        guard try anchor.isAnchored(key) else {
            throw CaseWorkError(.invalidValue, "key \(key.publicKey.keyID) has no registration signed by the operator in the audit log: no case key is wrapped to it")
        }
    }

    /// The cases this key holds (has a wrap for), with their state and duress flag.
    public func cases(for keyID: String) throws -> [CaseSummary] {
        try store.cases(wrappedTo: keyID)
    }

    /// The case file for a holder. The release is logged before it is returned; nil when the key
    /// holds no wrap for the case. `request` is the client's nonce for this fetch, recorded in the
    /// `key_released` entry so the client can tell that entry from any earlier one.
    public func release(_ caseID: CaseID, to keyID: String, request: String? = nil) throws -> CaseFile? {
        if let request, !Self.isReleaseNonce(request) {
            throw CaseWorkError(.invalidValue, "release must be 32 lowercase hexadecimal characters")
        }
        let audit = [AuditEvent.keyReleased(caseID: caseID, recipientKeyID: keyID, request: request).entryData(time: time)]
        return try store.releaseCase(caseID, to: keyID, audit: audit)
    }

    /// The shape of a release nonce: 16 random bytes in lowercase hex.
    public static func isReleaseNonce(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Gives the case to `assignee`: `wraps` are the case keys of every epoch wrapped to them by the
    /// supervisor's client, `signature` the supervisor's signature over the `CaseAssignment`.
    /// `forwarded` are her answers the supervisor holds, opened and sealed again to the assignee on
    /// the supervisor's machine (issue 19 #2), one per answer held, in order, an empty entry for one
    /// that did not open: so that a holder assigned later reads what she said before.
    public func assign(_ caseID: CaseID, to assigneeID: String, wraps: [[UInt8]], signature: [UInt8], forwarded: [[UInt8]] = [],
                       by supervisor: AgencyPublicKey) throws {
        guard supervisor.role == .supervisor else {
            throw CaseWorkError(.forbidden, "only a supervisor can assign cases; \(supervisor.name) is an \(supervisor.role.rawValue)")
        }
        guard let assignee = try store.agencyKey(id: assigneeID), !assignee.revoked else {
            throw CaseWorkError(.invalidValue, "no active key \(assigneeID) to assign the case to")
        }
        try requireAnchored(assignee)
        guard !wraps.isEmpty, wraps.allSatisfy({ $0.count == KeyWrap.byteCount }) else {
            throw CaseWorkError(.invalidValue, "an assignment carries one \(KeyWrap.byteCount)-byte key wrap per epoch")
        }
        let statement = CaseAssignment(caseID: caseID, assignee: assigneeID, assigner: supervisor.keyID, wraps: wraps)
        guard statement.verify(signature: signature, signPublicKey: supervisor.signPublicKey) else {
            throw CaseWorkError(.badSignature, "the assignment signature does not verify with \(supervisor.name)'s key for these wraps")
        }
        let audit = [AuditEvent.caseAssigned(statement, signature: signature).entryData(time: time)]
        guard forwarded.allSatisfy({ $0.isEmpty || $0.count <= Self.maxForwardedAnswerBytes }) else {
            throw CaseWorkError(.invalidValue, "a forwarded answer is at most \(Self.maxForwardedAnswerBytes) bytes")
        }
        try mapping { try store.assign(caseID, to: assigneeID, by: supervisor.keyID, wraps: wraps, forwarded: forwarded, audit: audit) }
    }

    /// Removes `removedID` from the case and starts key epoch `epoch`: `wraps` hold the new epoch's
    /// key for each remaining holder, `signature` the supervisor's signature over the `EpochChange`.
    public func unassign(_ caseID: CaseID, removing removedID: String, epoch: Int, wraps: [String: [UInt8]],
                         signature: [UInt8], by supervisor: AgencyPublicKey) throws {
        guard supervisor.role == .supervisor else {
            throw CaseWorkError(.forbidden, "only a supervisor can take a case away from someone")
        }
        guard removedID != supervisor.keyID else {
            throw CaseWorkError(.invalidValue, "a supervisor cannot remove their own key from a case")
        }
        guard !wraps.isEmpty, wraps.values.allSatisfy({ $0.count == KeyWrap.byteCount }) else {
            throw CaseWorkError(.invalidValue, "an epoch change carries one \(KeyWrap.byteCount)-byte key wrap per remaining holder")
        }
        for holder in wraps.keys.sorted() {
            guard let key = try store.agencyKey(id: holder) else {
                throw CaseWorkError(.invalidValue, "no key \(holder) to wrap the new epoch's key to")
            }
            try requireAnchored(key)
        }
        let statement = EpochChange(caseID: caseID, removed: removedID, by: supervisor.keyID, epoch: epoch, wraps: wraps)
        guard statement.verify(signature: signature, signPublicKey: supervisor.signPublicKey) else {
            throw CaseWorkError(.badSignature, "the epoch-change signature does not verify with \(supervisor.name)'s key for these wraps")
        }
        let audit = [AuditEvent.epochChanged(statement, signature: signature).entryData(time: time)]
        try mapping { try store.changeEpoch(caseID, removing: removedID, by: supervisor.keyID, epoch: epoch, wraps: wraps, audit: audit) }
    }

    /// Changes the case's state. Closing needs an outcome: a note (sealed by the client) saying how.
    public func setStatus(_ caseID: CaseID, to state: CaseState, outcome: StoredNote?, by holder: AgencyPublicKey) throws {
        if state == .transferred {
            throw CaseWorkError(.invalidValue, "a case becomes transferred only by handing it to another organisation (`inspector transfer`)")
        }
        if state == .closed && outcome == nil {
            throw CaseWorkError(.invalidValue, "closing a case needs an outcome (a sealed note saying how it ended)")
        }
        if let outcome { try checkSealed(outcome.record, what: "outcome note") }
        var audit = [AuditEvent.statusChanged(caseID: caseID, state: state, by: holder.keyID).entryData(time: time)]
        if outcome != nil { audit.append(AuditEvent.noteAdded(caseID: caseID, by: holder.keyID).entryData(time: time)) }
        try mapping {
            try store.setState(caseID, state, by: holder.keyID, note: outcome?.stored(on: time.day()), noteLimit: limits.notesPerHolder, audit: audit)
        }
    }

    /// Stores an internal note sealed under the current epoch's case key on the holder's machine.
    public func addNote(_ caseID: CaseID, _ note: StoredNote, by holder: AgencyPublicKey) throws {
        guard note.author == holder.keyID else {
            throw CaseWorkError(.invalidValue, "a note's author must be the key that sends it")
        }
        try checkSealed(note.record, what: "note")
        let audit = [AuditEvent.noteAdded(caseID: caseID, by: holder.keyID).entryData(time: time)]
        try mapping { try store.addNote(caseID, note.stored(on: time.day()), limit: limits.notesPerHolder, audit: audit) }
    }

    /// Stores a message to the reporter, signed and sealed to her key on the holder's machine.
    public func sendMessage(_ caseID: CaseID, sealed: [UInt8], by holder: AgencyPublicKey) throws {
        try checkSealed(sealed, what: "message")
        let audit = [AuditEvent.messageSent(caseID: caseID, by: holder.keyID).entryData(time: time)]
        try mapping {
            try store.addInboxMessage(caseID, sealed: sealed, by: holder.keyID, day: time.day(), limit: limits.messagesPerHolder, audit: audit)
        }
    }

    /// Clears the case's duress flag: a supervisor's decision (she said it is safe again, through
    /// her caseworker), with the reason as a note sealed under the case key, logged. Decoy tokens
    /// handed out under duress keep answering "no news": whoever holds one must still learn nothing.
    public func clearDuress(_ caseID: CaseID, reason: StoredNote, by supervisor: AgencyPublicKey) throws {
        guard supervisor.role == .supervisor else {
            throw CaseWorkError(.forbidden, "only a supervisor can clear a duress flag; \(supervisor.name) is an \(supervisor.role.rawValue)")
        }
        guard reason.author == supervisor.keyID else {
            throw CaseWorkError(.invalidValue, "the reason's author must be the key that clears the flag")
        }
        try checkSealed(reason.record, what: "reason note")
        let audit = [AuditEvent.duressCleared(caseID: caseID, by: supervisor.keyID).entryData(time: time),
                     AuditEvent.noteAdded(caseID: caseID, by: supervisor.keyID).entryData(time: time)]
        try mapping { try store.clearDuress(caseID, reason: reason.stored(on: time.day()), noteLimit: limits.notesPerHolder, audit: audit) }
    }

    /// The server cannot read notes or messages; it checks what it can: the version byte and the size.
    func checkSealed(_ bytes: [UInt8], what: String) throws {
        guard bytes.count <= Self.maxSealedBytes else {
            throw CaseWorkError(.tooLarge, "the \(what) is \(bytes.count) bytes sealed; the server stores at most \(Self.maxSealedBytes): write a shorter one")
        }
        guard !bytes.isEmpty, bytes[0] == EnvelopeFormat.version else {
            throw CaseWorkError(.invalidValue, "the \(what) must be a sealed format-v\(EnvelopeFormat.version) ciphertext of at most \(Self.maxSealedBytes) bytes")
        }
    }

    func mapping(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError {
            throw CaseWorkError.from(error) ?? error
        }
    }
}

extension CaseWorkService {
    /// The export formats a holder may report (`CaseExport.Format` on the inspector's machine).
    public static let exportFormats: Set<String> = ["json", "csv", "print"]

    /// Logs that `holder` exported the case in `format` on their own machine (issue 19 #4).
    public func recordExport(_ caseID: CaseID, format: String, by holder: AgencyPublicKey) throws {
        guard Self.exportFormats.contains(format) else {
            throw CaseWorkError(.invalidValue, "\"format\" must be one of \(Self.exportFormats.sorted().joined(separator: ", "))")
        }
        let audit = [AuditEvent.caseExported(caseID: caseID, by: holder.keyID, format: format).entryData(time: time)]
        try mapping { try store.recordHolderEvent(caseID, holder: holder.keyID, audit: audit) }
    }

    /// The sealed bytes of an attachment of a case `keyID` holds; nil for anyone else or an unknown
    /// id, alike. Not logged: the bytes open only with the key inside the agency view, whose
    /// release is logged (`key_released`).
    public func attachment(_ id: AttachmentID, of caseID: CaseID, for keyID: String) throws -> [UInt8]? {
        try store.attachment(id, of: caseID, for: keyID)
    }
}
