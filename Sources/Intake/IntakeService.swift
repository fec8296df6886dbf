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
    /// What happened to each attachment, in the order she attached them: she is told, in her
    /// language, which were held back and why.
    public let evidence: [EvidenceOutcome]
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
    /// Seals and opens visit passes (`VisitPass`).
    let visitKey: SecureBytes
    /// With an anchor, new cases go only to keys the operator's signed registrations admit.
    let anchor: KeyDirectoryAnchor?
    /// What the status page promises her: when she will hear back.
    public let deadlines: ResponseDeadlines
    /// Which statistics cells each complaint joins (issue 21).
    public let statistics: StatisticsTallying
    /// How attachments are read (issue 20); without a reader they are refused.
    public var evidence = EvidenceSettings()

    public init(store: any IntakeStore, policy: FirewallPolicy, tokens: TokenHasher, routing: CaseRouting = CaseRouting(),
                limits: ComplaintLimits = ComplaintLimits(), time: CoarseTime = CoarseTime(), anchor: KeyDirectoryAnchor? = nil,
                deadlines: ResponseDeadlines = .standard, statistics: StatisticsTallying = StatisticsTallying()) {
        self.anchor = anchor
        self.deadlines = deadlines
        self.statistics = statistics
        self.store = store
        self.firewall = Firewall(policy: policy)
        self.policyHash = Hex.encode(SHA256.hash(policy.bytes))
        self.tokens = tokens
        // A keyed BLAKE2b of a 32-byte key cannot fail; if it ever did, no pass would open.
        self.visitKey = (try? tokens.visitKey()) ?? AEAD.generateKey()
        self.parser = ComplaintParser(limits: limits)
        self.routing = routing
        self.time = time
    }

    /// Parses a raw request body into a complaint (its attachments still unread), or says exactly
    /// what is wrong with it.
    public func parse(body: [UInt8]) throws(IntakeError) -> Complaint {
        try parser.parse(body)
    }

    /// The `attachments` member of a request (absent, null, or `[{"data": BASE64}]`), within the
    /// limits; read by the status API, whose answers may carry evidence too.
    public func parseAttachments(_ value: Any?) throws(IntakeError) -> [UploadedEvidence] {
        try parser.parseAttachments(value)
    }

    /// Validates, firewalls, seals and stores a complaint from a raw request body.
    public func file(body: [UInt8]) throws -> FiledComplaint {
        try storeFiling(prepareFiling(body: body))
    }

    /// Firewalls, seals and stores a validated complaint, reading its attachments first. The
    /// reporter's token is returned only after the case is durably committed.
    public func file(_ complaint: Complaint) throws -> FiledComplaint {
        let evidence = try screenEvidence(complaint.evidence, language: complaint.language)
        return try storeFiling(prepareFiling(complaint, evidence: evidence))
    }

    /// Validates, firewalls and seals a complaint from a raw request body, and draws its token;
    /// stores nothing (`storeFiling(_:)`, `storeFilingAwaitingCommit(_:)`).
    public func prepareFiling(body: [UInt8]) throws -> PreparedFiling {
        let complaint = try parser.parse(body)
        return try prepareFiling(complaint, evidence: screenEvidence(complaint.evidence, language: complaint.language))
    }

    /// Firewalls and seals a validated complaint with its screened attachments
    /// (`screenEvidence`), and draws its token; stores nothing.
    public func prepareFiling(_ complaint: Complaint, evidence: [ScreenedEvidence] = []) throws -> PreparedFiling {
        guard evidence.count == complaint.evidence.count else {
            throw IntakeError(.invalidShape, "every attachment must be screened before the complaint is prepared")
        }
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
        // Tagged on what inspectors will read: the firewall's output after her own removals.
        // Once: the sealed view, routing and the statistics all use these.
        let tags = StatisticsTallying.tagger.indicators(in: narrative)
        let indicators = tags.map(\.rawValue).sorted()
        let team = routing.team(language: screened.language, fields: screened.fields, indicators: Set(indicators))
        let directory = try store.agencyKeys()
        let recipients = routing.recipients(for: team, among: try anchor?.anchored(directory) ?? directory).map(\.publicKey)
        guard !recipients.isEmpty else {
            throw IntakeError(.noRecipients, "no inspector or supervisor is registered to receive new cases; the operator must register one")
        }
        let caseID = CaseID.generate()
        let caseKey = AEAD.generateKey()
        let attachments = try Self.seal(evidence, caseID: caseID)
        let view = AgencyView(caseID: caseID, language: screened.language, fields: screened.fields, narrative: narrative,
                              indicators: indicators, attachments: attachments.entries, withheldAttachments: attachments.withheld)
        let sealedView = try view.seal(caseKey: caseKey)
        var wraps: [String: [UInt8]] = [:]
        for recipient in recipients {
            wraps[recipient.keyID] = try KeyWrap.wrap(caseKey, caseID: caseID, to: recipient.boxPublicKey)
        }
        var audit = [AuditEvent.complaintAccepted(caseID: caseID, policyHash: policyHash, policyVersion: screened.report.policyVersion).entryData(time: time)]
        audit += wraps.keys.sorted().map { AuditEvent.caseKeyWrapped(caseID: caseID, recipientKeyID: $0).entryData(time: time) }
        if !attachments.stored.isEmpty {
            audit.append(AuditEvent.attachmentsSealed(caseID: caseID, count: attachments.stored.count).entryData(time: time))
        }
        let tallies = statistics.contribution(language: screened.language, fields: screened.fields, indicators: tags, report: screened.report)
        return try drawToken(for: PreparedFiling.Parts(
            caseID: caseID, day: time.day(), sealedView: sealedView, wraps: wraps, reporterKey: BoxKeyPair(), duress: duress,
            audit: audit, report: screened.report, tallies: tallies, attachments: attachments.stored,
            evidence: evidence.map(\.outcome),
            receiptFacts: ReceiptFacts(filedDay: time.day(), employer: ReceiptFacts.employer(in: screened.fields))))
    }

    /// Draws a token, its verifier and (when the case has one) the reporter key wrapped under it,
    /// and runs `body`; draws again if the random locator collides with a live one
    /// (probability ≈ live tokens / 10^8 per draw).
    func withFreshToken<T>(for caseID: CaseID, reporterKey: BoxKeyPair?, decoy: Bool = false,
                           _ body: (StatusToken, StoredToken) throws -> T) throws -> T {
        var attempt = 0
        while true {
            let token = StatusToken.generate()
            let secrets = try tokens.makeSecrets(for: token)
            let wrap = try reporterKey.map { try ReporterKeyWrap.wrap($0, caseID: caseID, under: secrets.wrapKey) }
            do {
                return try body(token, StoredToken(locator: token.locator, caseID: caseID, verifier: secrets.verifier,
                                                   reporterKeyWrap: wrap, isDecoy: decoy))
            } catch StoreError.locatorTaken where attempt < 8 {
                attempt += 1
            }
        }
    }
}
