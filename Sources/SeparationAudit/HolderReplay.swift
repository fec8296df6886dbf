import Envelope
import Foundation
import Sodium

/// Replays who holds each case's keys from the audit log alone: wraps made at intake (the
/// `case_key_wrapped` entries right after the case's `complaint_accepted`), signed assignments and
/// epoch changes (signatures checked with the signing key logged at registration), revocations.
/// Every release must go to a holder of the moment; every stored wrap to a final holder.
///
/// Every key a case key is wrapped to (at intake or by assignment), and every supervisor who signs a
/// change, must have a registration signed by the pinned operator key earlier in the log; an
/// intake recipient's must also say it receives new cases (or be a supervisor's).
struct HolderReplay {
    let operatorKey: OperatorPublicKey?
    private(set) var findings: [String] = []
    private(set) var releases = 0
    private(set) var assignments = 0
    private(set) var registrations = 0
    private(set) var transfers = 0
    /// Keys whose registration the operator signed (and not revoked since).
    private var registered: [String: SignedKeyRegistration] = [:]
    private var missingOperatorKeyReported = false

    init(operatorKey: OperatorPublicKey?) {
        self.operatorKey = operatorKey
    }

    /// Records a finding unless `keyID` has a signed registration; `newCases` also requires it to
    /// receive new cases (or be a supervisor).
    private mutating func requireRegistered(_ keyID: String, newCases: Bool = false, _ finding: String) {
        guard operatorKey != nil else {
            if !missingOperatorKeyReported {
                findings.append("no operator key to check key registrations against: pass --operator-key FILE (operator.pub), or keep it in DIR/secrets/operator.pub")
                missingOperatorKeyReported = true
            }
            return
        }
        guard let signed = registered[keyID] else {
            findings.append("\(finding), which has no registration signed by the operator")
            return
        }
        if newCases, signed.registration.key.role != .supervisor, !signed.registration.receivesNewCases {
            findings.append("\(finding), whose signed registration does not receive new cases")
        }
    }
    private var signingKeys: [String: [UInt8]] = [:]
    private var roles: [String: String] = [:]
    private var holders: [String: Set<String>] = [:]
    private var epochs: [String: Int] = [:]
    /// (case, key) → (epochs, digest) of the last signed assignment, to compare with stored wraps.
    private var assigned: [String: (epochs: Int, digest: String)] = [:]

    mutating func apply(_ entry: [String: Any], at index: Int, previous: [String: Any]) {
        let caseID = entry["case"] as? String ?? ""
        switch entry["type"] as? String {
        case "agency_key_registered":
            if let key = entry["key"] as? String {
                signingKeys[key] = (entry["sign_key"] as? String).flatMap(Base64.decode)
                roles[key] = entry["role"] as? String
                if let operatorKey, let signed = SignedKeyRegistration(logEntry: entry), operatorKey.verifies(signed) {
                    registered[key] = signed
                    registrations += 1
                }
            }
        case "agency_key_revoked":
            if let key = entry["key"] as? String {
                for id in holders.keys { holders[id]?.remove(key) }
                signingKeys[key] = nil
                registered[key] = nil
            }
        case "case_key_wrapped":
            let follows = ["complaint_accepted", "case_key_wrapped"].contains(previous["type"] as? String) && previous["case"] as? String == caseID
            if follows, let recipient = entry["recipient"] as? String {
                requireRegistered(recipient, newCases: true, "entry \(index): case \(caseID)'s key was wrapped at intake to \(recipient)")
                holders[caseID, default: []].insert(recipient)
            } else {
                findings.append("entry \(index): a key wrap for case \(caseID) outside intake, without a signed assignment")
            }
        case "case_assigned":
            assignments += 1
            applyAssignment(entry, caseID: caseID, at: index)
        case "epoch_changed":
            assignments += 1
            applyEpochChange(entry, caseID: caseID, at: index)
        case "case_transferred":
            transfers += 1
            applyTransfer(entry, caseID: caseID, at: index)
        case "case_deleted":
            holders[caseID] = nil
        case "key_released":
            releases += 1
            if let recipient = entry["recipient"] as? String, !(holders[caseID]?.contains(recipient) ?? false) {
                findings.append("entry \(index): case \(caseID)'s key was released to \(recipient), who did not hold it")
            }
        default:
            break
        }
    }

    private mutating func applyAssignment(_ entry: [String: Any], caseID: String, at index: Int) {
        guard let id = CaseID(caseID), let assignee = entry["assignee"] as? String, let by = entry["by"] as? String,
              let count = entry["epochs"] as? Int, let digest = entry["wraps"] as? String,
              let signature = (entry["sig"] as? String).flatMap(Base64.decode) else {
            findings.append("entry \(index): a case_assigned entry is missing members")
            return
        }
        let statement = CaseAssignment(caseID: id, assignee: assignee, assigner: by, wrapsDigest: digest, epochs: count)
        guard let key = signingKeys[by], statement.verify(signature: signature, signPublicKey: key) else {
            findings.append("entry \(index): the assignment of case \(caseID) is not signed by \(by)'s registered key")
            return
        }
        if roles[by] != "supervisor" { findings.append("entry \(index): \(by) assigned case \(caseID) but is not a supervisor") }
        requireRegistered(by, "entry \(index): case \(caseID) was assigned by \(by)")
        requireRegistered(assignee, "entry \(index): case \(caseID) was assigned to \(assignee)")
        if !(holders[caseID]?.contains(by) ?? false) { findings.append("entry \(index): \(by) assigned case \(caseID) without holding it") }
        if count != (epochs[caseID] ?? 0) + 1 { findings.append("entry \(index): the assignment of case \(caseID) does not cover every key epoch") }
        holders[caseID, default: []].insert(assignee)
        assigned["\(caseID)/\(assignee)"] = (count, digest)
    }

    private mutating func applyEpochChange(_ entry: [String: Any], caseID: String, at index: Int) {
        guard let id = CaseID(caseID), let removed = entry["removed"] as? String, let by = entry["by"] as? String,
              let epoch = entry["epoch"] as? Int, let digest = entry["wraps"] as? String,
              let signature = (entry["sig"] as? String).flatMap(Base64.decode) else {
            findings.append("entry \(index): an epoch_changed entry is missing members")
            return
        }
        let statement = EpochChange(caseID: id, removed: removed, by: by, epoch: epoch, wrapsDigest: digest)
        guard let key = signingKeys[by], statement.verify(signature: signature, signPublicKey: key) else {
            findings.append("entry \(index): the epoch change of case \(caseID) is not signed by \(by)'s registered key")
            return
        }
        if !(holders[caseID]?.contains(by) ?? false) { findings.append("entry \(index): \(by) changed case \(caseID)'s epoch without holding it") }
        requireRegistered(by, "entry \(index): case \(caseID)'s key epoch was changed by \(by)")
        if epoch != (epochs[caseID] ?? 0) + 1 { findings.append("entry \(index): case \(caseID) skipped from epoch \(epochs[caseID] ?? 0) to \(epoch)") }
        holders[caseID]?.remove(removed)
        assigned["\(caseID)/\(removed)"] = nil
        epochs[caseID] = epoch
    }

    /// A handover between organisations (Docs/format.md §17). Sent: signed by a registered
    /// supervisor of this deployment who held the case, naming this operator as the sender; without
    /// a copy, nobody here holds the case afterwards. Received: the whole chain verifies from the
    /// entry alone (the sending operator's key, its signed registration of the sending supervisor,
    /// the statement's signature), it is addressed to this operator, and the one holder is the
    /// receiving supervisor it names, registered here.
    private mutating func applyTransfer(_ entry: [String: Any], caseID: String, at index: Int) {
        guard let transfer = CaseTransferLogEntry(logEntry: entry), transfer.localCaseMatches else {
            findings.append("entry \(index): a case_transferred entry is missing members, or its statement does not name case \(caseID)")
            return
        }
        let statement = transfer.statement
        if let operatorKey, (transfer.direction == .sent ? statement.fromOperator : statement.toOperator) != operatorKey.keyID {
            findings.append("entry \(index): the handover of case \(caseID) names another operator than this deployment's (\(operatorKey.keyID))")
        }
        switch transfer.direction {
        case .sent:
            guard transfer.by == statement.by, let key = signingKeys[statement.by],
                  statement.verify(signature: transfer.signature, signPublicKey: key) else {
                findings.append("entry \(index): the handover of case \(caseID) is not signed by \(statement.by)'s registered key")
                return
            }
            if roles[statement.by] != "supervisor" { findings.append("entry \(index): \(statement.by) handed case \(caseID) on but is not a supervisor") }
            requireRegistered(statement.by, "entry \(index): case \(caseID) was handed to another organisation by \(statement.by)")
            if !(holders[caseID]?.contains(statement.by) ?? false) {
                findings.append("entry \(index): \(statement.by) handed case \(caseID) on without holding it")
            }
            if !statement.keepCopy {
                holders[caseID] = []
                assigned = assigned.filter { !$0.key.hasPrefix(caseID + "/") }
            }
        case .received:
            guard transfer.receivedChainVerifies() else {
                findings.append("entry \(index): the handover that brought case \(caseID) does not verify: operator key, registration of the sending supervisor and statement signature must chain")
                return
            }
            if transfer.by != statement.toKey { findings.append("entry \(index): case \(caseID) was imported by \(transfer.by), not the supervisor it was addressed to") }
            if roles[statement.toKey] != "supervisor" { findings.append("entry \(index): case \(caseID) was handed to \(statement.toKey), who is not a supervisor here") }
            requireRegistered(statement.toKey, "entry \(index): case \(caseID) was received for \(statement.toKey)")
            holders[caseID] = [statement.toKey]
            epochs[caseID] = 0
        }
    }

    /// Every stored wrap must belong to a holder the log accounts for, at an epoch that exists, and
    /// an assignee's stored wraps must be the ones the supervisor signed for.
    mutating func compare(with wraps: [DataSnapshot.Wrap]) {
        var byHolder: [String: [DataSnapshot.Wrap]] = [:]
        for wrap in wraps {
            if !(holders[wrap.caseID]?.contains(wrap.keyID) ?? false) {
                findings.append("a stored wrap gives case \(wrap.caseID) to \(wrap.keyID), which no log entry accounts for")
            } else if wrap.epoch > epochs[wrap.caseID] ?? 0 {
                findings.append("a stored wrap of case \(wrap.caseID) is for epoch \(wrap.epoch), which the log never started")
            }
            byHolder["\(wrap.caseID)/\(wrap.keyID)", default: []].append(wrap)
        }
        for (holder, signed) in assigned {
            let stored = (byHolder[holder] ?? []).filter { $0.epoch < signed.epochs }.sorted { $0.epoch < $1.epoch }.map(\.bytes)
            if stored.count == signed.epochs, CaseAssignment.digest(stored) != signed.digest {
                findings.append("the stored wraps of \(holder.replacingOccurrences(of: "/", with: " for ")) differ from the ones the supervisor signed")
            }
        }
    }
}
