import AuditLog
import Envelope
import Foundation
import GRDB
import Sodium

/// Checks 3, 4 and 6: read the audit log entry by entry, as an auditor with nothing but the log
/// and the log's public key would.
struct LogChecks {
    let snapshot: DataSnapshot
    let entries: [[String: Any]]

    init(_ snapshot: DataSnapshot) {
        self.snapshot = snapshot
        entries = snapshot.entries.map { (try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) ?? [:] }
    }

    /// 3. Every case passed the firewall under the policy in force (announced in the log, and among
    /// `publishedPolicies` when given) before any key of it was wrapped or released.
    func firewallFirst(publishedPolicies: Set<String>) -> SeparationCheck {
        var findings: [String] = []
        var policy: String?
        var accepted: Set<String> = []
        var legacySummaries = 0
        var received = 0
        for (index, entry) in entries.enumerated() {
            let type = entry["type"] as? String ?? ""
            if entry.isEmpty { findings.append("entry \(index) is not JSON") }
            // Firewall counts next to a case id say what the firewall removed from that case: the
            // leak the firewall exists to prevent (Docs/audit-log.md, "Why no firewall counts").
            if let caseID = entry["case"] as? String, entry["removed"] is [String: Any] {
                findings.append("entry \(index) (\(type)) publishes firewall counts next to case \(caseID)")
            }
            switch type {
            case "firewall_summary":
                // Written by daemons before 2026-12 (summed over 50 complaints, no case named): an
                // old log keeps verifying; the daemon writes none any more.
                legacySummaries += 1
            case "policy_changed":
                policy = entry["policy"] as? String
                if let policy, !publishedPolicies.isEmpty, !publishedPolicies.contains(policy) {
                    findings.append("entry \(index): policy \(policy.prefix(16))… is not among the published policies")
                }
            case "complaint_accepted":
                let hash = entry["policy"] as? String ?? ""
                if let policy, hash != policy { findings.append("entry \(index): a complaint was accepted under policy \(hash.prefix(16))…, not the one in force") }
                if policy == nil, !publishedPolicies.isEmpty, !publishedPolicies.contains(hash) {
                    findings.append("entry \(index): policy \(hash.prefix(16))… is not among the published policies")
                }
                accepted.insert(entry["case"] as? String ?? "")
            case "case_transferred" where entry["direction"] as? String == "received":
                // A case received from another organisation passed that organisation's firewall: its
                // complaint_accepted is in the sending log, whose statement this entry carries.
                let caseID = entry["case"] as? String ?? ""
                if accepted.contains(caseID) { findings.append("entry \(index): case \(caseID) is received from another organisation but was already here") }
                accepted.insert(caseID)
                received += 1
            default:
                if let caseID = entry["case"] as? String, !accepted.contains(caseID) {
                    findings.append("entry \(index) (\(type)) concerns case \(caseID) before its complaint_accepted entry")
                }
            }
        }
        for row in snapshot.rows("cases") where !accepted.contains(row["case_id"] as String) {
            findings.append("case \(row["case_id"] as String) is stored but the log has no complaint_accepted (or case_transferred received) for it")
        }
        return SeparationCheck(number: 3, title: "every case went through the firewall under the policy in force before any key wrap",
                               findings: findings,
                               examined: "\(accepted.count - received) complaints"
                                   + (received > 0 ? " and \(received) cases received from other organisations" : "") + " in \(entries.count) entries"
                                   + (legacySummaries > 0 ? ", \(legacySummaries) firewall_summary entries from before 2026-12" : ""))
    }

    /// 4. Every key wrap and key release matches the routing at intake or a signed assignment, and
    /// goes to a key whose registration `operatorKey` signed.
    func wrapsMatchAssignments(operatorKey: OperatorPublicKey?) -> SeparationCheck {
        var replay = HolderReplay(operatorKey: operatorKey)
        for (index, entry) in entries.enumerated() {
            replay.apply(entry, at: index, previous: index > 0 ? entries[index - 1] : [:])
        }
        replay.compare(with: snapshot.wraps)
        let anchoredBy = operatorKey.map { "operator key \($0.keyID)" } ?? "no operator key"
        return SeparationCheck(number: 4, title: "every key wrap and key release matches intake routing or a signed assignment, to keys the operator registered",
                               findings: replay.findings,
                               examined: "\(snapshot.wraps.count) stored wraps, \(replay.releases) releases, \(replay.assignments) signed changes, "
                                   + (replay.transfers > 0 ? "\(replay.transfers) signed handovers between organisations, " : "")
                                   + "\(replay.registrations) signed registrations (\(anchoredBy))")
    }

    /// 6. The log verifies end to end: the root recomputed from every entry equals the stored tree's,
    /// and the last signed checkpoint verifies with the log key and matches the entries.
    func logVerifies(logKey: NoteVerifierKey?) -> SeparationCheck {
        var findings: [String] = []
        let data = snapshot.entries
        var accumulator = MerkleRootAccumulator()
        var prefixRoots: [UInt64: [UInt8]] = [0: MerkleHash.emptyRoot]
        var signedSize: UInt64?
        var checkpoint: Checkpoint?
        if let note = snapshot.signedCheckpoint {
            do {
                if let logKey {
                    checkpoint = try Checkpoint.verified(from: note, key: logKey)
                    signedSize = checkpoint?.size
                } else {
                    findings.append("no log key given or found (--log-key): the stored checkpoint could not be checked")
                }
            } catch {
                findings.append("the stored signed checkpoint does not verify: \(error)")
            }
        } else {
            findings.append("no signed checkpoint is stored: nothing binds the entries to what the log published")
        }
        for entry in data {
            accumulator.append(leafData: entry)
            if accumulator.size == signedSize { prefixRoots[accumulator.size] = accumulator.root }
        }
        if let checkpoint {
            if checkpoint.size > UInt64(data.count) {
                findings.append("the log holds \(data.count) entries but a checkpoint of \(checkpoint.size) was signed: entries were removed")
            } else if let root = prefixRoots[checkpoint.size], root != checkpoint.rootHash {
                findings.append("the first \(checkpoint.size) entries do not hash to the signed root: entries were changed, dropped or reordered")
            }
        }
        do {
            let stored = try MerkleTree.root(size: UInt64(data.count), reader: snapshot.nodeReader)
            if stored != accumulator.root { findings.append("the root recomputed from the entries differs from the stored tree's root") }
        } catch {
            findings.append("the stored Merkle tree is incomplete: \(error)")
        }
        return SeparationCheck(number: 6, title: "the audit log verifies end to end", findings: findings,
                               examined: "\(data.count) entries" + (signedSize.map { ", signed checkpoint at \($0)" } ?? ""))
    }
}
