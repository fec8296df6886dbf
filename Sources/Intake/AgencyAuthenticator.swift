import Envelope
import Foundation
import Sodium
import Synchronization

/// Issues single-use challenges and checks signed agency requests (Docs/format.md §8).
///
/// Challenges live in memory for `lifetime` and are removed on first use, successful or not, so a
/// request can be accepted at most once. The table is bounded; when full, the oldest go first.
public final class AgencyAuthenticator: Sendable {
    public static let lifetime: TimeInterval = 120
    static let capacity = 10_000

    private struct Pending { let keyID: String; let expires: Date }
    private let pending = Mutex<[String: Pending]>([:])
    private let agency: AgencyService
    private let now: @Sendable () -> Date

    public init(agency: AgencyService, now: @escaping @Sendable () -> Date = { Date() }) {
        self.agency = agency
        self.now = now
    }

    /// A fresh challenge for `keyID`. Issued whether or not the key exists, so the endpoint does not
    /// reveal which keys are registered.
    public func issueChallenge(for keyID: String) -> String {
        let challenge = Base64.encode(Random.bytes(32))
        let current = now()
        pending.withLock { table in
            if table.count >= Self.capacity {
                table = table.filter { $0.value.expires > current }
                if table.count >= Self.capacity, let oldest = table.min(by: { $0.value.expires < $1.value.expires }) {
                    table.removeValue(forKey: oldest.key)
                }
            }
            table[challenge] = Pending(keyID: keyID, expires: current.addingTimeInterval(Self.lifetime))
        }
        return challenge
    }

    /// Whether a request may name `keyID` with `challenge` and carry a large body: the challenge
    /// was issued for that key and is still pending, and the key is an active supervisor's. Checked
    /// before the body is read; uses nothing up (`authenticate` still decides).
    public func mayCarryLargeBody(keyID: String, challenge: String) throws -> Bool {
        let entry = pending.withLock { $0[challenge] }
        guard let entry, entry.keyID == keyID, entry.expires > now() else { return false }
        return try agency.activeKey(id: keyID)?.role == .supervisor
    }

    /// The registered, unrevoked key that signed this request, or nil. Uses up the challenge.
    public func authenticate(keyID: String, challenge: String, signature: String,
                             method: String, pathAndQuery: String, body: [UInt8]) throws -> AgencyPublicKey? {
        let entry = pending.withLock { $0.removeValue(forKey: challenge) }
        guard let entry, entry.keyID == keyID, entry.expires > now() else { return nil }
        guard let key = try agency.activeKey(id: keyID) else { return nil }
        let valid = AgencyRequestSignature.verify(signature: signature, method: method, pathAndQuery: pathAndQuery,
                                                  challenge: challenge, body: body, signPublicKey: key.signPublicKey)
        return valid ? key : nil
    }
}
