import Envelope
import Foundation
import Firewall

/// One event in the audit log (Docs/audit-log.md). Events name cases and keys by their random ids
/// and carry counts, hashes and an hour — never content, never a token, never a reporter detail.
public enum AuditEvent: Sendable, Equatable {
    /// A complaint passed the firewall under `policyHash`; `report` holds counts per category only.
    case complaintAccepted(caseID: CaseID, policyHash: String, report: FirewallReport)
    /// The case key was wrapped to a recipient's public key.
    case caseKeyWrapped(caseID: CaseID, recipientKeyID: String)
    /// An inspector fetched a case's key wrap (logged before the wrap is handed over).
    case keyReleased(caseID: CaseID, recipientKeyID: String)
    /// A status token was used up (the token itself is never logged).
    case tokenSpent(caseID: CaseID)
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

    /// The entry bytes: canonical JSON (sorted keys) padded with trailing spaces, which every JSON
    /// parser ignores, to a multiple of `entryBlockSize`.
    public func entryData(hour: String) -> [UInt8] {
        var object: [String: Any] = ["v": 1, "type": typeName, "hour": hour]
        switch self {
        case let .complaintAccepted(caseID, policyHash, report):
            object["case"] = caseID.rawValue
            object["policy"] = policyHash
            object["policy_version"] = report.policyVersion
            object["removed"] = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) })
        case let .caseKeyWrapped(caseID, keyID), let .keyReleased(caseID, keyID):
            object["case"] = caseID.rawValue
            object["recipient"] = keyID
        case let .tokenSpent(caseID):
            object["case"] = caseID.rawValue
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
