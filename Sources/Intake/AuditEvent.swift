import Envelope
import Foundation

/// One event in the audit log (Docs/audit-log.md). Events name cases and keys by their random ids
/// and carry counts, hashes and an hour — never content, never a token, never a reporter detail.
public enum AuditEvent: Sendable, Equatable {
    /// A complaint passed the firewall under `policyHash`. The per-case report (what kinds of thing
    /// were removed) is deliberately NOT in the entry: the log is public and inspectors know their
    /// case ids, so "explicit status removed from case X" would tell an inspector exactly what the
    /// firewall exists to hide (Docs/audit-log.md, "Why no per-case counts").
    case complaintAccepted(caseID: CaseID, policyHash: String, policyVersion: Int)
    /// The case key was wrapped to a recipient's public key.
    case caseKeyWrapped(caseID: CaseID, recipientKeyID: String)
    /// An inspector fetched a case's key wrap (logged before the wrap is handed over).
    case keyReleased(caseID: CaseID, recipientKeyID: String)
    /// A status token was used up. Neither the token nor the case is logged: with the case id, an
    /// inspector could learn on which day their reporter checked in.
    case tokenSpent
    /// An inspector's or supervisor's public keys were registered.
    case agencyKeyRegistered(keyID: String, role: AgencyRole)

    /// Every entry is padded with spaces to a multiple of this, so sizes say little.
    public static let entryBlockSize = 256

    var typeName: String {
        switch self {
        case .complaintAccepted: "complaint_accepted"
        case .caseKeyWrapped: "case_key_wrapped"
        case .keyReleased: "key_released"
        case .tokenSpent: "token_spent"
        case .agencyKeyRegistered: "agency_key_registered"
        }
    }

    /// Whether the event records something a reporter did: those carry only the day, not the hour.
    var isReporterAction: Bool {
        switch self {
        case .complaintAccepted, .tokenSpent: true
        case .caseKeyWrapped, .keyReleased, .agencyKeyRegistered: false
        }
    }

    /// The entry bytes: canonical JSON (sorted keys) padded with trailing spaces, which every JSON
    /// parser ignores, to a multiple of `entryBlockSize`. Reporter actions carry the UTC day, agency
    /// and operator actions the UTC hour.
    public func entryData(time: CoarseTime) -> [UInt8] {
        var object: [String: Any] = ["v": 1, "type": typeName]
        if isReporterAction { object["day"] = time.day() } else { object["hour"] = time.hour() }
        switch self {
        case let .complaintAccepted(caseID, policyHash, policyVersion):
            object["case"] = caseID.rawValue
            object["policy"] = policyHash
            object["policy_version"] = policyVersion
        case let .caseKeyWrapped(caseID, keyID), let .keyReleased(caseID, keyID):
            object["case"] = caseID.rawValue
            object["recipient"] = keyID
        case .tokenSpent:
            break
        case let .agencyKeyRegistered(keyID, role):
            object["key"] = keyID
            object["role"] = role.rawValue
        }
        // Only strings, integers and dictionaries of them: serialisation cannot fail.
        var bytes = [UInt8](try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
        let padded = (bytes.count + Self.entryBlockSize - 1) / Self.entryBlockSize * Self.entryBlockSize
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padded - bytes.count))
        return bytes
    }
}
