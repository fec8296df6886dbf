import Envelope
import Sodium

extension IntakeService {
    /// A new number for a worker who lost hers (issue 18 #4), issued by a supervisor of the case
    /// after her caseworker's organisation has confirmed who she is, and handed to her out of band.
    ///
    /// Why this path and not a recovery phrase: a phrase she chooses is short enough to guess, and
    /// whoever took her phone may know it; a supervisor's reissue has no guessing surface at all
    /// (it needs a registered supervisor key) and is logged (`token_reissued`). Every earlier
    /// number stops working, so a lost or taken phone can no longer check the case. She starts a new
    /// reporter key: messages sealed to the old one stay unreadable (they were on the phone she
    /// lost), and new ones are sealed to the new key. Decoy numbers handed out under duress keep
    /// answering; a case flagged under duress is refused until a supervisor clears the flag, so that
    /// a reissue cannot be coerced through the agency.
    public func reissueNumber(_ caseID: CaseID, by supervisor: AgencyPublicKey) throws -> String {
        guard supervisor.role == .supervisor else {
            throw CaseWorkError(.forbidden, "only a supervisor can issue a new number; \(supervisor.name) is an \(supervisor.role.rawValue)")
        }
        let reporterKey = BoxKeyPair()
        let audit = [AuditEvent.tokenReissued(caseID: caseID, by: supervisor.keyID).entryData(time: time)]
        do {
            return try withFreshToken(for: caseID, reporterKey: reporterKey) { token, stored in
                try store.reissueToken(caseID, token: stored, reporterPublicKey: reporterKey.publicKey, by: supervisor.keyID, audit: audit)
                return token.formatted()
            }
        } catch let error as StoreError {
            throw CaseWorkError.from(error) ?? error
        }
    }
}
