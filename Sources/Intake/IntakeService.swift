import Envelope
import Firewall
import Sodium
import Statistics

/// What a reporter gets back for a complaint: the token, shown once.
public struct FiledComplaint: Sendable {
    public let token: String
    /// Returned for tests and the operator's own tools; never sent to the reporter or logged.
    public let caseID: CaseID
    /// What the firewall removed, by category (counts only). Neither stored nor logged, per case or
    /// in sums: per-batch sums in the public log could be narrowed to one case by whoever files the
    /// rest of the batch (security review 2026-12, F2; Docs/audit-log.md, "Why no firewall counts").
    public let firewallReport: FirewallReport
}

/// A message a reporter may read on a status check.
public struct ReporterMessage: Sendable, Equatable {
    public let from: String
    public let kind: InspectorMessage.Kind
    public let text: String

    public init(from: String, kind: InspectorMessage.Kind, text: String) {
        self.from = from
        self.kind = kind
        self.text = text
    }
}

/// What a reporter sees on a status check, with the token that replaces the one just spent.
public struct StatusAnswer: Sendable {
    public let state: CaseState
    public let messages: [ReporterMessage]
    public let nextToken: String
}

/// The reporter-facing side of the domain: file a complaint, check its status, read inspectors'
/// messages and answer them.
///
/// Every complaint goes through the firewall before anything is sealed; only the sealed agency view,
/// the key wraps, the reporter's public key and verifiers reach the store. Calls are synchronous and
/// CPU- or disk-bound (Argon2id, fsync): run them off the event loop.
public struct IntakeService: Sendable {
    /// Inspectors' messages shown per check (the newest ones), so answers stay small on a phone.
    public static let messagesShown = 10

    let store: any IntakeStore
    let firewall: Firewall
    /// SHA-256 of the policy bytes, hex; recorded with every complaint.
    public let policyHash: String
    let tokens: TokenHasher
    let parser: ComplaintParser
    let routing: CaseRouting
    let time: CoarseTime
    /// With an anchor, new cases go only to keys the operator's signed registrations admit.
    let anchor: KeyDirectoryAnchor?
    /// Which statistics cells each complaint joins (issue 21).
    public let statistics: StatisticsTallying

    public init(store: any IntakeStore, policy: FirewallPolicy, tokens: TokenHasher, routing: CaseRouting = CaseRouting(),
                limits: ComplaintLimits = ComplaintLimits(), time: CoarseTime = CoarseTime(), anchor: KeyDirectoryAnchor? = nil,
                statistics: StatisticsTallying = StatisticsTallying()) {
        self.anchor = anchor
        self.statistics = statistics
        self.store = store
        self.firewall = Firewall(policy: policy)
        self.policyHash = Hex.encode(SHA256.hash(policy.bytes))
        self.tokens = tokens
        self.parser = ComplaintParser(limits: limits)
        self.routing = routing
        self.time = time
    }

    /// Validates, firewalls, seals and stores a complaint from a raw request body.
    public func file(body: [UInt8]) throws -> FiledComplaint {
        try storeFiling(prepareFiling(body: body))
    }

    /// Firewalls, seals and stores a validated complaint. The reporter's token is returned only
    /// after the case is durably committed.
    public func file(_ complaint: Complaint) throws -> FiledComplaint {
        try storeFiling(prepareFiling(complaint))
    }

    /// Validates, firewalls and seals a complaint from a raw request body, and draws its token;
    /// stores nothing (`storeFiling(_:)`, `storeFilingAwaitingCommit(_:)`).
    public func prepareFiling(body: [UInt8]) throws -> PreparedFiling {
        try prepareFiling(parser.parse(body))
    }

    /// Firewalls and seals a validated complaint and draws its token; stores nothing.
    public func prepareFiling(_ complaint: Complaint) throws -> PreparedFiling {
        let duress = try complaint.duressCode.map { text -> TokenVerifier in
            guard let code = DuressCode.parse(text) else {
                throw IntakeError(.invalidValue, "a duress code must be 6 to 8 digits")
            }
            return try tokens.makeDuressVerifier(code)
        }
        let screened = firewall.screen(language: complaint.language, fields: complaint.fields, narrative: complaint.narrative)
        // The sentences she chose on her preview go after the firewall has run again here: a
        // redacted text sent back by a client is never trusted.
        let (_, narrative) = try Self.applyRemovals(complaint, firewallNarrative: screened.narrative)
        let team = routing.team(language: screened.language, fields: screened.fields)
        let directory = try store.agencyKeys()
        let recipients = routing.recipients(for: team, among: try anchor?.anchored(directory) ?? directory).map(\.publicKey)
        guard !recipients.isEmpty else {
            throw IntakeError(.noRecipients, "no inspector or supervisor is registered to receive new cases; the operator must register one")
        }
        let caseID = CaseID.generate()
        let caseKey = AEAD.generateKey()
        let view = AgencyView(caseID: caseID, language: screened.language, fields: screened.fields, narrative: narrative)
        let sealedView = try view.seal(caseKey: caseKey)
        var wraps: [String: [UInt8]] = [:]
        for recipient in recipients {
            wraps[recipient.keyID] = try KeyWrap.wrap(caseKey, caseID: caseID, to: recipient.boxPublicKey)
        }
        var audit = [AuditEvent.complaintAccepted(caseID: caseID, policyHash: policyHash, policyVersion: screened.report.policyVersion).entryData(time: time)]
        audit += wraps.keys.sorted().map { AuditEvent.caseKeyWrapped(caseID: caseID, recipientKeyID: $0).entryData(time: time) }
        // Tagged on what inspectors will read: the firewall's output after her own removals.
        let tallies = statistics.cells(language: screened.language, fields: screened.fields, narrative: narrative, report: screened.report)
        return try drawToken(for: PreparedFiling.Parts(
            caseID: caseID, day: time.day(), sealedView: sealedView, wraps: wraps, reporterKey: BoxKeyPair(), duress: duress,
            audit: audit, report: screened.report, tallies: tallies))
    }

    /// Spends `tokenText` and returns the case's state and inspectors' messages with the next
    /// token, or nil when the token is malformed, unknown or already spent — the caller answers all
    /// three identically. `reply`, when given, is sealed to the case's key holders.
    ///
    /// Entered as the token's locator followed by the case's duress code, it answers like a case
    /// with no news (same shape, same work), flags the case and stops replies.
    public func checkStatus(tokenText: String, reply: String? = nil) throws -> StatusAnswer? {
        let redactedReply = try reply.map { text -> String in
            try TextRules.checkMessage(text)
            // Her answer reaches inspectors, so it passes the same firewall as her complaint.
            return firewall.redact(text).text
        }
        if let (locator, code) = DuressCode.parseEntry(tokenText) {
            return try checkDuress(locator: locator, code: code)
        }
        guard let token = StatusToken.parse(tokenText) else { return nil }
        guard let stored = try store.token(locator: token.locator) else {
            return try refused(after: 0)
        }
        guard let wrapKey = try tokens.open(token, stored.verifier),
              let data = try store.reporterCaseData(stored.caseID) else { return try refused(after: 1) }
        let reporterKey = try stored.reporterKeyWrap.map { try ReporterKeyWrap.unwrap($0, caseID: stored.caseID, under: wrapKey) }
        let messages = reporterKey.map { Self.openInbox(data, caseID: stored.caseID, with: $0) } ?? []
        let answers = try redactedReply.map { text in
            try Dictionary(uniqueKeysWithValues: data.holders.map {
                ($0.keyID, try ReporterAnswer(caseID: stored.caseID, text: text).seal(to: $0.boxPublicKey))
            })
        } ?? [:]
        let audit = [AuditEvent.tokenSpent.entryData(time: time)]
        return try withFreshToken(for: stored.caseID, reporterKey: reporterKey) { next, replacement in
            switch try store.spendToken(stored, replacement: replacement, answers: answers, audit: audit) {
            case .alreadySpent:
                return nil
            case let .spent(state):
                return StatusAnswer(state: state, messages: messages, nextToken: next.formatted())
            }
        }
    }

    /// The two Argon2id evaluations every status check costs, on a throwaway token: for calibrating
    /// how long answers are held before any real check has been timed (`StatusTiming`).
    public func burnStatusCheckWork() throws {
        _ = try refused(after: 0)
    }

    /// Every check costs two Argon2id calls whatever its outcome (one to verify, one for the next
    /// token), so a refusal takes as long as a success: `done` is how many were already spent.
    private func refused(after done: Int) throws -> StatusAnswer? {
        for _ in done..<2 { try tokens.burnEquivalentWork(for: StatusToken.generate()) }
        return nil
    }

    /// The duress path: the same Argon2id work as a real check, an answer of the same shape with
    /// no news, and the case flagged. The "next token" shown is random and not stored: tried
    /// later, it is refused like any expired token.
    private func checkDuress(locator: String, code: DuressCode) throws -> StatusAnswer? {
        guard let stored = try store.token(locator: locator),
              let verifier = try store.reporterCaseData(stored.caseID)?.duressVerifier else { return try refused(after: 0) }
        guard try tokens.matchesDuress(code, verifier) else { return try refused(after: 1) }
        let decoy = StatusToken.generate()
        _ = try tokens.makeSecrets(for: decoy)
        try store.flagDuress(stored.caseID, audit: [AuditEvent.duressFlagged(caseID: stored.caseID).entryData(time: time)])
        return StatusAnswer(state: .received, messages: [], nextToken: decoy.formatted())
    }

    /// The newest `messagesShown` messages that open with the reporter's key and are signed by the
    /// agency key they name, oldest first. Invalid ones are skipped *before* counting, so junk
    /// from a holder cannot push real replies out of her view (issue 17 #7); the per-holder cap on
    /// messages (`CaseWorkService.Limits`) bounds how many are tried.
    static func openInbox(_ data: ReporterCaseData, caseID: CaseID, with key: BoxKeyPair) -> [ReporterMessage] {
        var newestFirst: [ReporterMessage] = []
        for sealed in data.inbox.reversed() where newestFirst.count < messagesShown {
            guard let message = try? InspectorMessage.open(sealed, caseID: caseID, with: key, signingKey: { data.signingKeys[$0] }) else {
                continue
            }
            newestFirst.append(ReporterMessage(from: "inspector", kind: message.kind, text: message.text))
        }
        return newestFirst.reversed()
    }

    /// Draws a token, its verifier and (when the case has one) the reporter key wrapped under it,
    /// and runs `body`; draws again if the random locator collides with a live one
    /// (probability ≈ live tokens / 10^8 per draw).
    private func withFreshToken<T>(for caseID: CaseID, reporterKey: BoxKeyPair?,
                                   _ body: (StatusToken, StoredToken) throws -> T) throws -> T {
        var attempt = 0
        while true {
            let token = StatusToken.generate()
            let secrets = try tokens.makeSecrets(for: token)
            let wrap = try reporterKey.map { try ReporterKeyWrap.wrap($0, caseID: caseID, under: secrets.wrapKey) }
            do {
                return try body(token, StoredToken(locator: token.locator, caseID: caseID, verifier: secrets.verifier, reporterKeyWrap: wrap))
            } catch StoreError.locatorTaken where attempt < 8 {
                attempt += 1
            }
        }
    }
}
