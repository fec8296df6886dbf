import Envelope
import Firewall
import Sodium
import Statistics

/// A complaint with all its work done — validated, firewalled, sealed, wrapped, its token drawn —
/// and nothing written yet. Storing it is the last step of `IntakeService.file`.
///
/// Why a separate step: the work is CPU-bound and belongs on a worker thread, while the commit
/// waits for the disk; a store that can wait without holding a thread
/// (`CommitAwaitingStore`) frees the worker for the next complaint in between.
public struct PreparedFiling: Sendable {
    /// What the token is drawn for; kept to draw another if the locator clashes.
    struct Parts: Sendable {
        let caseID: CaseID
        let day: String
        let sealedView: [UInt8]
        let wraps: [String: [UInt8]]
        let reporterKey: BoxKeyPair
        let duress: TokenVerifier?
        let audit: [[UInt8]]
        let report: FirewallReport
        let tallies: TallyContribution
        let attachments: [StoredAttachment]
        let evidence: [EvidenceOutcome]
        let receiptFacts: ReceiptFacts
    }

    let parts: Parts
    let newCase: NewCase
    /// What the reporter gets once the case is committed, and not before.
    let filed: FiledComplaint
}

extension IntakeService {
    /// Draws a token for the prepared case, its verifier, and the reporter key wrapped under it.
    func drawToken(for parts: PreparedFiling.Parts) throws -> PreparedFiling {
        let token = StatusToken.generate()
        let secrets = try tokens.makeSecrets(for: token)
        let wrap = try ReporterKeyWrap.wrap(parts.reporterKey, caseID: parts.caseID, under: secrets.wrapKey)
        let stored = StoredToken(locator: token.locator, caseID: parts.caseID, verifier: secrets.verifier, reporterKeyWrap: wrap)
        let newCase = NewCase(id: parts.caseID, day: parts.day, agencyView: parts.sealedView, wraps: parts.wraps, token: stored,
                              reporterPublicKey: parts.reporterKey.publicKey, duressVerifier: parts.duress, statistics: parts.tallies,
                              attachments: parts.attachments,
                              receiptFacts: try parts.receiptFacts.sealed(to: parts.reporterKey.publicKey))
        return PreparedFiling(parts: parts, newCase: newCase,
                              filed: FiledComplaint(token: token.formatted(), caseID: parts.caseID, firewallReport: parts.report,
                                                    evidence: parts.evidence))
    }

    /// Stores a prepared complaint, blocking until it is committed; draws a new token if its random
    /// locator clashes with a live one (probability ≈ live tokens / 10^8 per draw).
    public func storeFiling(_ filing: PreparedFiling) throws -> FiledComplaint {
        var filing = filing
        var attempt = 0
        while true {
            do {
                try store.insertCase(filing.newCase, audit: filing.parts.audit)
                return filing.filed
            } catch StoreError.locatorTaken where attempt < 8 {
                attempt += 1
                filing = try drawToken(for: filing.parts)
            }
        }
    }

    /// Whether `storeFilingAwaitingCommit` suspends rather than blocks: true for the SQLite store.
    public var commitsWithoutHoldingThread: Bool { store is any CommitAwaitingStore }

    /// Stores a prepared complaint and returns once it is committed, without holding the calling
    /// thread while the commit waits for the disk. Call it only when `commitsWithoutHoldingThread`
    /// (otherwise it blocks like `storeFiling(_:)`). A clash of locators draws a new token here, one
    /// Argon2id evaluation on the calling thread; it happens about once in 10^8 / live tokens.
    public func storeFilingAwaitingCommit(_ filing: PreparedFiling) async throws -> FiledComplaint {
        guard let awaiting = store as? any CommitAwaitingStore else { return try storeFiling(filing) }
        var filing = filing
        var attempt = 0
        while true {
            do {
                try await awaiting.insertCaseAwaitingCommit(filing.newCase, audit: filing.parts.audit)
                return filing.filed
            } catch {
                // A plain `catch` and a synchronous test: typed `catch` clauses inside async
                // functions have crashed this compiler (Swift 6.3.1).
                guard attempt < 8, Self.isLocatorClash(error) else { throw error }
                attempt += 1
                filing = try drawToken(for: filing.parts)
            }
        }
    }

    static func isLocatorClash(_ error: any Error) -> Bool {
        (error as? StoreError) == .locatorTaken
    }
}
