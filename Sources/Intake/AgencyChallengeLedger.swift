import Foundation
import Synchronization

/// The agency challenges handed out and not yet used (Docs/format.md §8): each one may be taken
/// once. In memory for one daemon (`MemoryChallengeLedger`); in the database for daemons that share
/// one (`PostgresStore`), so that a challenge fetched through one daemon authenticates at another,
/// exactly once.
///
/// Synchronous and possibly blocking (a database round trip): call it from the worker pool.
public protocol AgencyChallengeLedger: Sendable {
    /// Records `challenge` as issued to `keyID`, valid until `expires`.
    func recordChallenge(_ challenge: String, keyID: String, expires: Date) throws

    /// Removes `challenge` and returns what it was issued for, or nil if it is unknown or already
    /// taken. Of two concurrent calls with one challenge, at most one gets it.
    func takeChallenge(_ challenge: String) throws -> PendingChallenge?

    /// What `challenge` was issued for, if it is still pending, without using it up (the transfer
    /// route's check before it reads a large body: issue 19 #5).
    func peekChallenge(_ challenge: String) throws -> PendingChallenge?
}

/// What a challenge was issued for.
public struct PendingChallenge: Sendable, Equatable {
    public let keyID: String
    public let expires: Date

    public init(keyID: String, expires: Date) {
        self.keyID = keyID
        self.expires = expires
    }
}

/// The ledger of one daemon, in memory. Bounded; when full, expired challenges go first, then the
/// oldest.
public final class MemoryChallengeLedger: AgencyChallengeLedger {
    static let capacity = 10_000

    private let pending = Mutex<[String: PendingChallenge]>([:])
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public func recordChallenge(_ challenge: String, keyID: String, expires: Date) {
        let current = now()
        pending.withLock { table in
            if table.count >= Self.capacity {
                table = table.filter { $0.value.expires > current }
                if table.count >= Self.capacity, let oldest = table.min(by: { $0.value.expires < $1.value.expires }) {
                    table.removeValue(forKey: oldest.key)
                }
            }
            table[challenge] = PendingChallenge(keyID: keyID, expires: expires)
        }
    }

    public func takeChallenge(_ challenge: String) -> PendingChallenge? {
        pending.withLock { $0.removeValue(forKey: challenge) }
    }

    public func peekChallenge(_ challenge: String) -> PendingChallenge? {
        pending.withLock { $0[challenge] }
    }
}
