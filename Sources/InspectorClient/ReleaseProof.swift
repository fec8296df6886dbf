import AuditLog
import Envelope
import Foundation

/// Proves, before a case is decrypted, that the server logged this release: the `key_released`
/// entry for this case, this key and this fetch's nonce is included in a checkpoint signed by the
/// log key the inspector trusts. A server that hands out a wrap without logging it cannot produce
/// the proof, and an earlier release entry does not carry this fetch's nonce.
///
/// With a `pin`, the checkpoint must also be proven to extend the last one this inspector verified
/// (RFC 9162 consistency proof), and becomes the new pin once the release is proven.
struct ReleaseProof {
    let transport: HTTPTransport
    let logKey: NoteVerifierKey
    var pin: CheckpointPin? = nil

    func verify(caseID: CaseID, keyID: String, request: String, entryIndex: UInt64) async throws {
        let checkpoint: Checkpoint
        let noteText = try await text("/v1/audit/checkpoint")
        do {
            checkpoint = try Checkpoint.verified(from: noteText, key: logKey)
        } catch {
            throw ClientError("refusing to decrypt case \(caseID): the server's checkpoint does not verify with the trusted log key (\(error.reason))",
                              hint: "if the log key really changed, remove the pinned key file after checking the new key with the operator")
        }
        try await requireExtendsPin(checkpoint, caseID: caseID)
        guard entryIndex < checkpoint.size else {
            throw ClientError("refusing to decrypt case \(caseID): the release entry \(entryIndex) is not in the signed log of \(checkpoint.size) entries")
        }
        let entries = try await json("/v1/audit/entries?start=\(entryIndex)&end=\(entryIndex + 1)")["entries"] as? [[String: Any]]
        guard let data = (entries?.first?["data"] as? String).flatMap(Base64.decode),
              let entry = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
              entry["type"] as? String == "key_released", entry["case"] as? String == caseID.rawValue,
              entry["recipient"] as? String == keyID else {
            throw ClientError("refusing to decrypt case \(caseID): audit entry \(entryIndex) is not the release of this case to this key")
        }
        guard entry["request"] as? String == request else {
            throw ClientError("refusing to decrypt case \(caseID): audit entry \(entryIndex) releases this case to this key, but not for this request (its nonce is not \(request)): the server did not log this fetch")
        }
        let proofList = try await json("/v1/audit/proof/inclusion?index=\(entryIndex)&size=\(checkpoint.size)")["proof"] as? [String] ?? []
        let proof = proofList.compactMap(Base64.decode)
        do {
            try MerkleVerifier.checkInclusion(leafHash: MerkleHash.leaf(data), index: entryIndex, size: checkpoint.size,
                                              proof: proof, root: checkpoint.rootHash)
        } catch {
            throw ClientError("refusing to decrypt case \(caseID): the release entry is not provably in the signed log (\(error.reason))")
        }
        try pin?.advance(to: noteText, size: checkpoint.size, key: logKey)
    }

    /// Throws unless `checkpoint` extends the pinned one: same root at the same size, otherwise a
    /// consistency proof from the server that verifies.
    private func requireExtendsPin(_ checkpoint: Checkpoint, caseID: CaseID) async throws {
        guard let pin, let pinnedNote = try pin.load() else { return }
        let pinned: Checkpoint
        do {
            pinned = try Checkpoint.verified(from: pinnedNote, key: logKey)
        } catch {
            throw ClientError("refusing to decrypt case \(caseID): the checkpoint pinned in \(pin.url.path) does not verify with the trusted log key (\(error.reason))",
                              hint: "the pin file was altered or belongs to another log; check with the operator before removing it")
        }
        // When another run of this client on the same key file pinned a newer checkpoint after this
        // one fetched its own (parallel runs take turns pinning, not fetching), the pinned one must
        // be proven to extend the one fetched here: then both are one history, no rollback, and a
        // release in the smaller checkpoint is in the larger.
        // A server that really rolled back cannot give that proof (it no longer has the larger tree):
        // the fetch failing leaves no proof, and the check below fails with the rollback.
        let (older, newer) = pinned.size > checkpoint.size ? (checkpoint, pinned) : (pinned, checkpoint)
        var proof: [[UInt8]] = []
        if older.size < newer.size {
            let path = "/v1/audit/proof/consistency?from=\(older.size)&to=\(newer.size)"
            let listed = newer == pinned ? (try? await json(path))?["proof"] : try await json(path)["proof"]
            proof = (listed as? [String] ?? []).compactMap(Base64.decode)
        }
        do {
            try LogAuditor(verifierKey: logKey).verifyConsistency(of: newer, with: older, proof: proof)
        } catch {
            throw ClientError("refusing to decrypt case \(caseID): the server's log is not an append-only extension of the checkpoint pinned in \(pin.url.path) (\(error.reason))",
                              hint: "the server rolled its audit log back or forked it: report this to the auditors and the operator")
        }
    }

    private func text(_ path: String) async throws -> String {
        let reply = try await transport.send("GET", path)
        guard reply.status == 200 else { throw HTTPStatusError(status: reply.status, body: reply.body) }
        return String(decoding: reply.body, as: UTF8.self)
    }

    private func json(_ path: String) async throws -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(try await text(path).utf8)) as? [String: Any]) ?? [:]
    }
}
