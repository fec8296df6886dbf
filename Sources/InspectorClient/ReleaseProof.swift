import AuditLog
import Envelope
import Foundation

/// Proves, before a case is decrypted, that the server logged this release: the `key_released`
/// entry for this case, this key and this fetch's nonce is included in a checkpoint signed by the
/// log key the inspector trusts. A server that hands out a wrap without logging it cannot produce
/// the proof, and an earlier release entry does not carry this fetch's nonce.
struct ReleaseProof {
    let transport: HTTPTransport
    let logKey: NoteVerifierKey

    func verify(caseID: CaseID, keyID: String, request: String, entryIndex: UInt64) async throws {
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.verified(from: try await text("/v1/audit/checkpoint"), key: logKey)
        } catch let error as AuditLogError {
            throw ClientError("refusing to decrypt case \(caseID): the server's checkpoint does not verify with the trusted log key (\(error.reason))",
                              hint: "if the log key really changed, remove the pinned key file after checking the new key with the operator")
        }
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
