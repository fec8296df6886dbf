import Envelope

/// One event in the audit log (Docs/audit-log.md). Events name cases and keys by their random ids
/// and carry hashes, signatures and a day or an hour — never content, never a token, never a
/// reporter detail, never firewall counts (Docs/audit-log.md, "Why no firewall counts").
public enum AuditEvent: Sendable, Equatable {
    /// A complaint passed the firewall under `policyHash`. The per-case report (what kinds of thing
    /// were removed) is deliberately NOT in the entry: the log is public and inspectors know their
    /// case ids, so "explicit status removed from case X" would tell an inspector exactly what the
    /// firewall exists to hide (Docs/audit-log.md, "Why no per-case counts").
    case complaintAccepted(caseID: CaseID, policyHash: String, policyVersion: Int)
    /// The case key was wrapped to a recipient's public key.
    case caseKeyWrapped(caseID: CaseID, recipientKeyID: String)
    /// An inspector fetched a case's key wrap (logged before the wrap is handed over). `request` is
    /// the fetch's own nonce (`?release=`, Docs/format.md §8.1), drawn by the client and covered by
    /// its signature: it binds this entry to that one fetch, so an old entry cannot stand in for it.
    case keyReleased(caseID: CaseID, recipientKeyID: String, request: String? = nil)
    /// A status token was used up. Neither the token nor the case is logged: with the case id, an
    /// inspector could learn on which day their reporter checked in.
    case tokenSpent
    /// An inspector's or supervisor's public keys were registered. The signing key is logged so an
    /// auditor can check signed assignments from the log alone; `signed`, the operator's signed
    /// registration (every field of it), so that the daemon, clients and auditors can tell it from a
    /// row written into the database by anyone else.
    case agencyKeyRegistered(keyID: String, role: AgencyRole, signPublicKey: [UInt8], signed: SignedKeyRegistration? = nil)
    /// A key was revoked; every wrap to it was deleted in the same transaction.
    case agencyKeyRevoked(keyID: String)
    /// A supervisor gave the case to `assignee`, signing a `CaseAssignment` (all its fields logged).
    case caseAssigned(CaseAssignment, signature: [UInt8])
    /// A supervisor removed `removed` from the case and started a new key epoch (`EpochChange`).
    case epochChanged(EpochChange, signature: [UInt8])
    /// A key holder changed the case's state.
    case statusChanged(caseID: CaseID, state: CaseState, by: String)
    /// A key holder added a sealed note (content unknown to the server).
    case noteAdded(caseID: CaseID, by: String)
    /// A key holder sent a sealed message to the reporter.
    case messageSent(caseID: CaseID, by: String)
    /// The reporter checked in with her duress code: replies stop, the case is flagged.
    case duressFlagged(caseID: CaseID)
    /// A supervisor cleared the duress flag; the reason is a note sealed under the case key.
    case duressCleared(caseID: CaseID, by: String)
    /// The daemon started with a firewall policy other than the last one recorded: every later
    /// `complaint_accepted` must name this policy.
    case policyChanged(policyHash: String, policyVersion: Int)
    /// A closed case was deleted under the retention rule, with everything stored about it.
    case caseDeleted(caseID: CaseID)
    /// The complaint's evidence was sealed: how many attachments reached the agency, never their
    /// names, types or sizes, and never how many the document firewall held back (that count next
    /// to a case id would say what the firewall found, as firewall counts would: F2).
    case attachmentsSealed(caseID: CaseID, count: Int)
    /// A holder exported the case on their own machine (issue 19 #4): which case, who, in which
    /// format, on which day; never what was exported.
    case caseExported(caseID: CaseID, by: String, format: String)
    /// A supervisor issued the reporter a new number after she lost hers (issue 18 #4): every
    /// earlier number of the case stopped working.
    case tokenReissued(caseID: CaseID, by: String)
    /// A case was handed to another organisation (`sent`, at the sending deployment) or received
    /// from one (`received`): the supervisor's signed statement carried whole, byte for byte the
    /// same in both logs (Docs/format.md §17). `by` is the supervisor who sent or imported it. A
    /// received entry also carries the sending supervisor's registration and the sending operator's
    /// key, so that an auditor of the receiving log alone can check the signature chain.
    case caseTransferred(TransferEntry)
    /// The operator published the statistics of `month`: `note` is the whole release, signed by the
    /// log key (Docs/statistics.md). Noisy figures only; no case, no exact count.
    case statisticsReleased(month: String, note: String)

    /// Every entry is padded with spaces to a multiple of this, so sizes say little.
    public static let entryBlockSize = 256

    var typeName: String {
        switch self {
        case .complaintAccepted: "complaint_accepted"
        case .caseKeyWrapped: "case_key_wrapped"
        case .keyReleased: "key_released"
        case .tokenSpent: "token_spent"
        case .agencyKeyRegistered: "agency_key_registered"
        case .agencyKeyRevoked: "agency_key_revoked"
        case .caseAssigned: "case_assigned"
        case .epochChanged: "epoch_changed"
        case .statusChanged: "status_changed"
        case .noteAdded: "note_added"
        case .messageSent: "message_sent"
        case .duressFlagged: "duress_flagged"
        case .duressCleared: "duress_cleared"
        case .policyChanged: "policy_changed"
        case .caseDeleted: "case_deleted"
        case .statisticsReleased: "statistics_released"
        case .attachmentsSealed: "attachments_sealed"
        case .caseExported: "case_exported"
        case .tokenReissued: "token_reissued"
        case .caseTransferred: "case_transferred"
        }
    }

    /// Whether the event records something a reporter did: those carry only the day, not the hour.
    /// `case_key_wrapped` is written only at intake, in the filing's own transaction (assignments
    /// log `case_assigned`), so its time is the filing's: it carries the day too, or the hour of
    /// every filing would stand next to its case id in the public log (security review 2026-12, F3).
    var isReporterAction: Bool {
        switch self {
        // `case_exported` is an agency action but is logged by the day, as issue 19 asks: the
        // export's hour says nothing an auditor needs.
        case .complaintAccepted, .caseKeyWrapped, .tokenSpent, .duressFlagged, .caseDeleted, .attachmentsSealed, .caseExported: true
        default: false
        }
    }

    /// The entry bytes: canonical JSON (sorted keys) padded with trailing spaces, which every JSON
    /// parser ignores, to a multiple of `entryBlockSize`. Reporter actions carry the UTC day, agency
    /// and operator actions the UTC hour.
    public func entryData(time: CoarseTime) -> [UInt8] {
        var object: [String: AuditEntryJSON.Value] = ["v": 1, "type": .string(typeName)]
        if isReporterAction { object["day"] = .string(time.day()) } else { object["hour"] = .string(time.hour()) }
        switch self {
        case let .complaintAccepted(caseID, policyHash, policyVersion):
            object["case"] = .string(caseID.rawValue)
            object["policy"] = .string(policyHash)
            object["policy_version"] = .int(policyVersion)
        case let .caseKeyWrapped(caseID, keyID):
            object["case"] = .string(caseID.rawValue)
            object["recipient"] = .string(keyID)
        case let .keyReleased(caseID, keyID, request):
            object["case"] = .string(caseID.rawValue)
            object["recipient"] = .string(keyID)
            if let request { object["request"] = .string(request) }
        case .tokenSpent:
            break
        case let .agencyKeyRegistered(keyID, role, signPublicKey, signed):
            object["key"] = .string(keyID)
            object["role"] = .string(role.rawValue)
            object["sign_key"] = .string(Base64.encode(signPublicKey))
            if let signed {
                let registration = signed.registration
                object["name"] = .string(registration.key.name)
                object["box_key"] = .string(Base64.encode(registration.key.boxPublicKey))
                object["team"] = .string(registration.team)
                object["new_cases"] = .int(registration.receivesNewCases ? 1 : 0)
                object["operator"] = .string(signed.operatorID)
                object["reg_sig"] = .string(Base64.encode(signed.signature))
            }
        case let .agencyKeyRevoked(keyID):
            object["key"] = .string(keyID)
        case let .caseAssigned(statement, signature):
            object["case"] = .string(statement.caseID.rawValue)
            object["assignee"] = .string(statement.assignee)
            object["by"] = .string(statement.assigner)
            object["epochs"] = .int(statement.epochs)
            object["wraps"] = .string(statement.wrapsDigest)
            object["sig"] = .string(Base64.encode(signature))
        case let .epochChanged(statement, signature):
            object["case"] = .string(statement.caseID.rawValue)
            object["removed"] = .string(statement.removed)
            object["by"] = .string(statement.by)
            object["epoch"] = .int(statement.epoch)
            object["wraps"] = .string(statement.wrapsDigest)
            object["sig"] = .string(Base64.encode(signature))
        case let .statusChanged(caseID, state, by):
            object["case"] = .string(caseID.rawValue)
            object["state"] = .string(state.rawValue)
            object["by"] = .string(by)
        case let .noteAdded(caseID, by), let .messageSent(caseID, by), let .duressCleared(caseID, by), let .tokenReissued(caseID, by):
            object["case"] = .string(caseID.rawValue)
            object["by"] = .string(by)
        case let .duressFlagged(caseID), let .caseDeleted(caseID):
            object["case"] = .string(caseID.rawValue)
        case let .policyChanged(policyHash, policyVersion):
            object["policy"] = .string(policyHash)
            object["policy_version"] = .int(policyVersion)
        case let .attachmentsSealed(caseID, count):
            object["case"] = .string(caseID.rawValue)
            object["count"] = .int(count)
        case let .caseExported(caseID, by, format):
            object["case"] = .string(caseID.rawValue)
            object["by"] = .string(by)
            object["format"] = .string(format)
        case let .statisticsReleased(month, note):
            object["month"] = .string(month)
            object["note"] = .string(note)
        case let .caseTransferred(entry):
            entry.write(into: &object)
        }
        var bytes = AuditEntryJSON.encode(object)
        let padded = (bytes.count + Self.entryBlockSize - 1) / Self.entryBlockSize * Self.entryBlockSize
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padded - bytes.count))
        return bytes
    }
}
