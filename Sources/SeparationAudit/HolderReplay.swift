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
