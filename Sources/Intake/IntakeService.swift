import Envelope
import Firewall
import Sodium

/// What a reporter gets back for a complaint: the token, shown once.
public struct FiledComplaint: Sendable {
    public let token: String
    /// Returned for tests and the operator's own tools; never sent to the reporter or logged.
    public let caseID: CaseID
    /// What the firewall removed, by category (counts only). Not stored per case and not logged
    /// per case (see `AuditEvent.complaintAccepted`); kept for tests and aggregate statistics.
    public let firewallReport: FirewallReport
}

/// A message a reporter may read on a status check.
public struct ReporterMessage: Sendable, Equatable {
    public let from: String
    public let text: String
}

/// What a reporter sees on a status check, with the token that replaces the one just spent.
public struct StatusAnswer: Sendable {
    public let state: CaseState
    public let messages: [ReporterMessage]
    public let nextToken: String
}

/// The reporter-facing side of the domain: file a complaint, check its status.
///
/// Every complaint goes through the firewall before anything is sealed; only the sealed agency view,
/// the key wraps and a token verifier reach the store. Calls are synchronous and CPU- or
/// disk-bound (Argon2id, fsync): run them off the event loop.
public struct IntakeService: Sendable {
    let store: any IntakeStore
    let firewall: Firewall
    /// SHA-256 of the policy bytes, hex; recorded with every complaint.
    public let policyHash: String
    let tokens: TokenHasher
    let parser: ComplaintParser
    let time: CoarseTime

    public init(store: any IntakeStore, policy: FirewallPolicy, tokens: TokenHasher,
                limits: ComplaintLimits = ComplaintLimits(), time: CoarseTime = CoarseTime()) {
        self.store = store
        self.firewall = Firewall(policy: policy)
        self.policyHash = Hex.encode(SHA256.hash(policy.bytes))
        self.tokens = tokens
        self.parser = ComplaintParser(limits: limits)
        self.time = time
    }

    /// Validates, firewalls, seals and stores a complaint from a raw request body.
    public func file(body: [UInt8]) throws -> FiledComplaint {
        try file(parser.parse(body))
    }

    /// Firewalls, seals and stores a validated complaint. The reporter's token is returned only
    /// after the case is durably committed.
    public func file(_ complaint: Complaint) throws -> FiledComplaint {
        let recipients = try store.agencyKeys().filter { $0.receivesNewCases && !$0.revoked }.map(\.publicKey)
        guard !recipients.isEmpty else {
            throw IntakeError(.noRecipients, "no inspector or supervisor is registered to receive new cases; the operator must register one")
        }
        let screened = firewall.screen(language: complaint.language, fields: complaint.fields, narrative: complaint.narrative)
        let caseID = CaseID.generate()
        let caseKey = AEAD.generateKey()
        let view = AgencyView(caseID: caseID, language: screened.language, fields: screened.fields, narrative: screened.narrative)
        let sealedView = try view.seal(caseKey: caseKey)
        var wraps: [String: [UInt8]] = [:]
        for recipient in recipients {
            wraps[recipient.keyID] = try KeyWrap.wrap(caseKey, caseID: caseID, to: recipient.boxPublicKey)
        }
        var audit = [AuditEvent.complaintAccepted(caseID: caseID, policyHash: policyHash, policyVersion: screened.report.policyVersion).entryData(time: time)]
        audit += wraps.keys.sorted().map { AuditEvent.caseKeyWrapped(caseID: caseID, recipientKeyID: $0).entryData(time: time) }

        return try withFreshToken { token, verifier in
            let stored = StoredToken(locator: token.locator, caseID: caseID, verifier: verifier)
            try store.insertCase(NewCase(id: caseID, day: time.day(), agencyView: sealedView, wraps: wraps, token: stored), audit: audit)
            return FiledComplaint(token: token.formatted(), caseID: caseID, firewallReport: screened.report)
        }
    }

    /// Spends `tokenText` and returns the case's state with the next token, or nil when the token is
    /// malformed, unknown or already spent — the caller answers all three identically.
    public func checkStatus(tokenText: String) throws -> StatusAnswer? {
        guard let token = StatusToken.parse(tokenText) else { return nil }
        guard let stored = try store.token(locator: token.locator) else {
            try tokens.burnEquivalentWork(for: token)
            return nil
        }
        guard try tokens.matches(token, stored.verifier) else { return nil }
        let audit = [AuditEvent.tokenSpent.entryData(time: time)]
        return try withFreshToken { next, verifier in
            let replacement = StoredToken(locator: next.locator, caseID: stored.caseID, verifier: verifier)
            switch try store.spendToken(stored, replacement: replacement, audit: audit) {
            case .alreadySpent:
                return nil
            case let .spent(state):
                return StatusAnswer(state: state, messages: [], nextToken: next.formatted())
            }
        }
    }

    /// Draws a token and its verifier and runs `body`; draws again if the random locator collides
    /// with a live one (probability ≈ live tokens / 10^8 per draw).
    private func withFreshToken<T>(_ body: (StatusToken, TokenVerifier) throws -> T) throws -> T {
        var attempt = 0
        while true {
            let token = StatusToken.generate()
            let verifier = try tokens.makeVerifier(for: token)
            do {
                return try body(token, verifier)
            } catch StoreError.locatorTaken where attempt < 8 {
                attempt += 1
            }
        }
    }
}
