import Envelope
import Firewall
import Foundation
import Sodium

/// One entry of the thread a reporter reads on a status check.
public struct ReporterMessage: Sendable, Equatable {
    /// `"inspector"`, or `"reporter"` for her own answers.
    public let from: String
    public let kind: InspectorMessage.Kind
    public let text: String
    /// The day it was stored (`YYYY-MM-DD`); nil for messages stored before days were kept.
    public let day: String?
    /// Not shown to her on an earlier visit (her own answers never are).
    public let isNew: Bool

    public init(from: String, kind: InspectorMessage.Kind, text: String, day: String? = nil, isNew: Bool = false) {
        self.from = from
        self.kind = kind
        self.text = text
        self.day = day
        self.isNew = isNew
    }
}

/// Where her case went, as her status page tells her.
public struct MovedCase: Sendable, Equatable {
    /// The receiving organisation's name, as the sending supervisor signed it.
    public let organisation: String
    public let day: String
    /// The organisation here kept a copy, so her answers still reach someone here.
    public let keptCopy: Bool

    public init(organisation: String, day: String, keptCopy: Bool) {
        self.organisation = organisation
        self.day = day
        self.keptCopy = keptCopy
    }
}

/// What a reporter sees on a status check.
public struct StatusAnswer: Sendable {
    public let state: CaseState
    /// Her thread, oldest first: the newest `IntakeService.messagesShown` entries.
    public let messages: [ReporterMessage]
    /// The outcome written for her, once the case is closed and an inspector wrote one.
    public let outcome: String?
    /// The number she leaves this visit with: the same on every page of one visit.
    public let nextToken: String
    /// Carries the visit on (`VisitPass`): read, answer and read again without spending `nextToken`.
    public let visitPass: String
    /// The day her report was received, and the day she should hear back by (`ResponseDeadlines`).
    public var receivedOn: String? = nil
    public var replyBy: String? = nil
    /// What a receipt may say (issue 18 #11), read with her key; the server signs one only when she
    /// asks. A decoy's has the real filing day and no employer.
    public var receipt: ReceiptFacts? = nil
    /// What happened to each attachment she sent with her answer on this check (issue 20), in
    /// order; empty when she sent none.
    public var evidence: [EvidenceOutcome] = []
    /// Her case was handed to another organisation (issue 19 #5): its name and the day, from the
    /// signed handover statement. Never set while she is under duress.
    public var movedTo: MovedCase? = nil
    /// She answered, but the case went to another organisation without a copy here: nobody here
    /// could read her answer, so nothing was stored.
    public var answerRefused = false

    /// The answer with the days she is promised, from the case's filing day and state.
    func dated(filedDay: String, deadlines: ResponseDeadlines) -> StatusAnswer {
        guard !filedDay.isEmpty else { return self }
        var answer = self
        answer.receivedOn = filedDay
        answer.replyBy = deadlines.replyBy(filedDay: filedDay, state: state)
        if answer.receipt == nil { answer.receipt = ReceiptFacts(filedDay: filedDay, employer: nil) }
        return answer
    }
}

extension IntakeService {
    /// Spends the token she typed and begins a visit: the case's state, her thread, and the one
    /// token she leaves with, or nil when the token is malformed, unknown or already spent — the
    /// caller answers all three identically. `reply`, when given, is sealed to the case's key holders.
    ///
    /// Entered as the token's locator followed by the case's duress code, it answers like a case
    /// with no news (same shape, same work), flags the case and stops replies.
    public func checkStatus(tokenText: String, reply: String? = nil, evidence: [ScreenedEvidence] = []) throws -> StatusAnswer? {
        let redactedReply = try outgoing(reply, evidence: evidence)
        if let (locator, code) = DuressCode.parseEntry(tokenText) {
            return try checkDuress(locator: locator, code: code)
        }
        guard let token = StatusToken.parse(tokenText) else { return nil }
        guard let (stored, wrapKey) = try openStored(token) else { return try refused(after: 1) }
        if stored.isDecoy {
            return try withFreshToken(for: stored.caseID, reporterKey: nil, decoy: true) { next, replacement in
                try answerDecoy(stored, replacement: replacement, leavingWith: next)
            }
        }
        guard let data = try store.reporterCaseData(stored.caseID) else { return try refused(after: 1) }
        let reporterKey = try stored.reporterKeyWrap.map { try ReporterKeyWrap.unwrap($0, caseID: stored.caseID, under: wrapKey) }
        return try withFreshToken(for: stored.caseID, reporterKey: reporterKey) { next, replacement in
            try answer(stored, data, reporterKey: reporterKey, reply: redactedReply, evidence: evidence, replacement: replacement,
                       visit: VisitPass(token: next, seenBefore: data.seenThrough, now: time.now()))
        }
    }

    /// Goes on with a visit: the same answer as `checkStatus`, with her answer stored if she wrote
    /// one, and the same token to leave with (not spent). Nil when the pass is not this
    /// deployment's, the visit is over, or its token was spent meanwhile: the pages then ask for
    /// the number again.
    public func continueVisit(pass text: String, reply: String? = nil, evidence: [ScreenedEvidence] = []) throws -> StatusAnswer? {
        let redactedReply = try outgoing(reply, evidence: evidence)
        guard let pass = VisitPass.open(text, key: visitKey, now: time.now()) else { return try refused(after: 0) }
        guard let (stored, wrapKey) = try openStored(pass.token) else { return try refused(after: 1) }
        let renewed = VisitPass(token: pass.token, seenBefore: pass.seenBefore, now: time.now())
        // A visit costs the two Argon2id calls a first check does, so no answer stands out by its time.
        try tokens.burnEquivalentWork(for: StatusToken.generate())
        if stored.isDecoy { return try answerDecoy(stored, replacement: nil, leavingWith: pass.token, visit: renewed) }
        guard let data = try store.reporterCaseData(stored.caseID) else { return nil }
        let reporterKey = try stored.reporterKeyWrap.map { try ReporterKeyWrap.unwrap($0, caseID: stored.caseID, under: wrapKey) }
        return try answer(stored, data, reporterKey: reporterKey, reply: redactedReply, evidence: evidence, replacement: nil, visit: renewed)
    }

    /// The two Argon2id evaluations every status check costs, on a throwaway token: for calibrating
    /// how long answers are held before any real check has been timed (`StatusTiming`).
    public func burnStatusCheckWork() throws {
        _ = try refused(after: 0)
    }

    /// Her answer's text after the firewall; "" when she sent only attachments.
    private func outgoing(_ reply: String?, evidence: [ScreenedEvidence]) throws -> String? {
        if let reply { return try firewalledReply(reply) }
        return evidence.isEmpty ? nil : ""
    }

    /// Her answer reaches inspectors, so it passes the same firewall as her complaint.
    private func firewalledReply(_ text: String) throws -> String {
        try TextRules.checkMessage(text)
        return firewall.redact(text).text
    }

    /// The stored token `token` names and the key its verifier yields, or nil (one Argon2id call
    /// spent either way, so an unknown locator costs what a wrong secret does).
    private func openStored(_ token: StatusToken) throws -> (StoredToken, SecureBytes)? {
        guard let stored = try store.token(locator: token.locator) else {
            try tokens.burnEquivalentWork(for: token)
            return nil
        }
        return try tokens.open(token, stored.verifier).map { (stored, $0) }
    }

    /// Stores what the visit changes (the spend or the check that the token is still live, her
    /// answer, the read mark) and builds the answer.
    private func answer(_ stored: StoredToken, _ data: ReporterCaseData, reporterKey: BoxKeyPair?, reply: String?,
                        evidence: [ScreenedEvidence] = [], replacement: StoredToken?, visit: VisitPass) throws -> StatusAnswer? {
        let thread = reporterKey.map { Self.openThread(data, caseID: stored.caseID, with: $0, newAfter: visit.seenBefore) }
        // Handed on without a copy: nobody here could read her answer. She is told where her case
        // is, and nothing is stored; under duress her page must look as before, so her own copy is
        // kept as it would be, and only that.
        let handedAway = data.sentTransfer.map { !($0.parsed?.keepCopy ?? false) } ?? false
        let refused = reply != nil && handedAway && !data.duressFlagged
        let sealedReply = try reply.flatMap { text in
            refused ? nil : try sealReply(text, evidence: evidence, caseID: stored.caseID, holders: handedAway ? [] : data.holders,
                                          reporterKey: reporterKey, evidenceKept: !handedAway)
        }
        let audit = [AuditEvent.tokenSpent.entryData(time: time)]
        let outcome = try store.spendToken(stored, replacement: replacement, answer: sealedReply,
                                           seenThrough: data.inbox.last?.index, audit: audit)
        guard case .spent(var state) = outcome else { return nil }
        var moved: MovedCase?
        if state == .transferred {
            // Under duress nothing about the move shows: the state she saw before it.
            if let record = data.sentTransfer, let statement = record.parsed, !data.duressFlagged {
                moved = MovedCase(organisation: statement.toName, day: statement.day, keptCopy: statement.keepCopy)
            } else {
                state = data.sentTransfer?.stateBefore ?? (data.state == .transferred ? .received : data.state)
            }
        }
        var messages = thread?.messages ?? []
        if let reply, reporterKey != nil, !refused {
            messages.append(ReporterMessage(from: "reporter", kind: .reply, text: reply, day: time.day()))
            messages = Array(messages.suffix(Self.messagesShown))
        }
        var answer = StatusAnswer(state: state, messages: messages, outcome: state == .closed ? thread?.outcome : nil,
                                  nextToken: visit.token.formatted(), visitPass: try visit.sealed(key: visitKey))
        answer.evidence = sealedReply == nil ? [] : evidence.map(\.outcome)
        answer.movedTo = moved
        answer.answerRefused = refused
        if let reporterKey, let sealed = data.receiptFacts { answer.receipt = ReceiptFacts.open(sealed, with: reporterKey) }
        return answer.dated(filedDay: data.filedDay, deadlines: deadlines)
    }

    /// Her answer sealed to every key holder, and to her own key for her thread.
    /// `evidenceKept` false: her attachments are not stored (no holder could open them).
    private func sealReply(_ text: String, evidence: [ScreenedEvidence], caseID: CaseID, holders: [AgencyPublicKey],
                           reporterKey: BoxKeyPair?, evidenceKept: Bool = true) throws -> SealedReporterAnswer {
        let sealed = try Self.seal(evidence, caseID: caseID)
        let answer = ReporterAnswer(caseID: caseID, text: text, attachments: sealed.entries, withheldAttachments: sealed.withheld)
        let toHolders = try Dictionary(uniqueKeysWithValues: holders.map { ($0.keyID, try answer.seal(to: $0.boxPublicKey)) })
        // A case filed before reporter keys existed has no key of hers: her copy is then sealed
        // to a throwaway key nobody holds, so the stored shape does not tell the two apart.
        // Her own copy names what she sent but carries no key: her thread never needs to open it.
        var hers = answer
        hers.attachments = nil
        return SealedReporterAnswer(toHolders: toHolders, toReporter: try hers.seal(to: (reporterKey ?? BoxKeyPair()).publicKey),
                                    day: time.day(), attachments: evidenceKept ? sealed.stored : [])
    }

    /// A decoy's answer: "received", no messages, the same work as a real check. On a first check
    /// the decoy is spent and replaced by a new decoy, as a real token would be.
    private func answerDecoy(_ stored: StoredToken, replacement: StoredToken?, leavingWith token: StatusToken,
                             visit: VisitPass? = nil) throws -> StatusAnswer? {
        let audit = [AuditEvent.tokenSpent.entryData(time: time)]
        guard case .spent = try store.spendToken(stored, replacement: replacement, answer: nil, seenThrough: nil, audit: audit) else {
            return nil
        }
        let pass = visit ?? VisitPass(token: token, seenBefore: 0, now: time.now())
        // The real filing day: whoever holds the phone may know it, and a decoy must not stand out.
        let filedDay = try store.reporterCaseData(stored.caseID)?.filedDay ?? ""
        return StatusAnswer(state: .received, messages: [], outcome: nil, nextToken: token.formatted(),
                            visitPass: try pass.sealed(key: visitKey))
            .dated(filedDay: filedDay, deadlines: deadlines)
    }

    /// Every check costs two Argon2id calls whatever its outcome (one to verify, one for the next
    /// token), so a refusal takes as long as a success: `done` is how many were already spent.
    func refused(after done: Int) throws -> StatusAnswer? {
        for _ in done..<2 { try tokens.burnEquivalentWork(for: StatusToken.generate()) }
        return nil
    }

    /// The duress path: the same Argon2id work as a real check, an answer of the same shape with
    /// no news, and the case flagged. The number shown is a stored decoy that keeps answering
    /// "no news" (and is replaced by another decoy on each use) for as long as the case lives, so
    /// whoever made her check cannot tell it from a real one.
    private func checkDuress(locator: String, code: DuressCode) throws -> StatusAnswer? {
        guard let stored = try store.token(locator: locator), let data = try store.reporterCaseData(stored.caseID),
              let verifier = data.duressVerifier else { return try refused(after: 0) }
        guard try tokens.matchesDuress(code, verifier) else { return try refused(after: 1) }
        let filedDay = data.filedDay
        return try withFreshToken(for: stored.caseID, reporterKey: nil, decoy: true) { decoy, decoyToken in
            try store.flagDuress(stored.caseID, decoy: decoyToken,
                                 audit: [AuditEvent.duressFlagged(caseID: stored.caseID).entryData(time: time)])
            return StatusAnswer(state: .received, messages: [], outcome: nil, nextToken: decoy.formatted(),
                                visitPass: try VisitPass(token: decoy, seenBefore: 0, now: time.now()).sealed(key: visitKey))
                .dated(filedDay: filedDay, deadlines: deadlines)
        }
    }

    /// Her thread: the newest `messagesShown` entries that open with her key, oldest first, and
    /// the newest outcome written for her. An agency message counts only if signed by the agency
    /// key it names; invalid entries are skipped *before* counting, so junk from a holder cannot
    /// push real replies out of her view (issue 17 #7); the per-holder caps bound how many are tried.
    static func openThread(_ data: ReporterCaseData, caseID: CaseID, with key: BoxKeyPair,
                           newAfter mark: Int64) -> (messages: [ReporterMessage], outcome: String?) {
        var newestFirst: [ReporterMessage] = []
        var outcome: String?
        for entry in data.inbox.reversed() {
            if newestFirst.count == messagesShown && (outcome != nil || data.state != .closed) { break }
            if entry.fromReporter {
                guard newestFirst.count < messagesShown,
                      let answer = try? ReporterAnswer.open(entry.sealed, caseID: caseID, with: key) else { continue }
                newestFirst.append(ReporterMessage(from: "reporter", kind: .reply, text: answer.text, day: entry.day))
                continue
            }
            guard let message = try? InspectorMessage.open(entry.sealed, caseID: caseID, with: key, signingKey: { data.signingKeys[$0] }) else {
                continue
            }
            if message.kind == .outcome {
                if outcome == nil { outcome = message.text }
            } else if newestFirst.count < messagesShown {
                newestFirst.append(ReporterMessage(from: "inspector", kind: message.kind, text: message.text, day: entry.day,
                                                   isNew: entry.index > mark))
            }
        }
        return (newestFirst.reversed(), outcome)
    }
}
