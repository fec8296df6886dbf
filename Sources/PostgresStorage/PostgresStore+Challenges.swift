import Foundation
import Intake
import PostgresNIO

/// Agency challenges in the database every daemon shares (`agency_challenges`, unlogged): a
/// challenge fetched through one daemon authenticates at any other, and only once, because taking
/// it is a `DELETE ... RETURNING`, which PostgreSQL lets exactly one of two concurrent callers win.
extension PostgresStore: AgencyChallengeLedger {
    /// The longest challenge ever looked up: ours are 44 base64 characters; anything much longer
    /// is not one of them, and is not sent to the database.
    static let maxChallengeCharacters = 128

    public func recordChallenge(_ challenge: String, keyID: String, expires: Date) throws {
        let expiry = Int64(expires.timeIntervalSince1970.rounded(.up))
        try session { s in
            try s.execute("INSERT INTO agency_challenges (challenge, key_id, expires) VALUES (\(challenge), \(keyID), \(expiry))")
        }
    }

    public func takeChallenge(_ challenge: String) throws -> PendingChallenge? {
        guard challenge.utf8.count <= Self.maxChallengeCharacters else { return nil }
        return try session { s in
            guard let row = try s.rows("DELETE FROM agency_challenges WHERE challenge = \(challenge) RETURNING key_id, expires").first else {
                return nil
            }
            let (keyID, expires) = try decodeRow { try row.decode((String, Int64).self) }
            return PendingChallenge(keyID: keyID, expires: Date(timeIntervalSince1970: TimeInterval(expires)))
        }
    }

    public func peekChallenge(_ challenge: String) throws -> PendingChallenge? {
        guard challenge.utf8.count <= Self.maxChallengeCharacters else { return nil }
        return try session { s in
            guard let row = try s.rows("SELECT key_id, expires FROM agency_challenges WHERE challenge = \(challenge)").first else {
                return nil
            }
            let (keyID, expires) = try decodeRow { try row.decode((String, Int64).self) }
            return PendingChallenge(keyID: keyID, expires: Date(timeIntervalSince1970: TimeInterval(expires)))
        }
    }
}
