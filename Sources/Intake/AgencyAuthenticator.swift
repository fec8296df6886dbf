import Envelope
import Foundation
import Sodium

/// Issues single-use challenges and checks signed agency requests (Docs/format.md §8).
///
/// Challenges are kept in a ledger for `lifetime` and removed on first use, successful or not, so a
/// request can be accepted at most once. One daemon keeps them in memory; daemons that share a
/// PostgreSQL database keep them there, so a challenge from one is good, once, at any of them.
/// Both calls may block on the ledger: run them on the worker pool.
public final class AgencyAuthenticator: Sendable {
    public static let lifetime: TimeInterval = 120

    private let ledger: any AgencyChallengeLedger
    private let agency: AgencyService
    private let now: @Sendable () -> Date

    public init(agency: AgencyService, ledger: (any AgencyChallengeLedger)? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.agency = agency
        self.ledger = ledger ?? MemoryChallengeLedger(now: now)
        self.now = now
    }

    /// A fresh challenge for `keyID`. Issued whether or not the key exists, so the endpoint does not
    /// reveal which keys are registered.
    public func issueChallenge(for keyID: String) throws -> String {
        let challenge = Base64.encode(Random.bytes(32))
        try ledger.recordChallenge(challenge, keyID: keyID, expires: now().addingTimeInterval(Self.lifetime))
        return challenge
    }

    /// Whether a request may name `keyID` with `challenge` and carry a large body: the challenge
    /// was issued for that key and is still pending, and the key is an active supervisor's. Checked
    /// before the body is read; uses nothing up (`authenticate` still decides).
    public func mayCarryLargeBody(keyID: String, challenge: String) throws -> Bool {
        guard let entry = try ledger.peekChallenge(challenge), entry.keyID == keyID, entry.expires > now() else { return false }
        return try agency.activeKey(id: keyID)?.role == .supervisor
    }

    /// The registered, unrevoked key that signed this request, or nil. Uses up the challenge.
    public func authenticate(keyID: String, challenge: String, signature: String,
                             method: String, pathAndQuery: String, body: [UInt8]) throws -> AgencyPublicKey? {
        guard let entry = try ledger.takeChallenge(challenge), entry.keyID == keyID, entry.expires > now() else { return nil }
        guard let key = try agency.activeKey(id: keyID) else { return nil }
        let valid = AgencyRequestSignature.verify(signature: signature, method: method, pathAndQuery: pathAndQuery,
                                                  challenge: challenge, body: body, signPublicKey: key.signPublicKey)
        return valid ? key : nil
    }
}
