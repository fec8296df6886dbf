import AuditLog
import Envelope
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("audit API: C2SP checkpoints and RFC 9162 proofs")
struct AuditAPITests {
    func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("the checkpoint verifies against the published key and matches the entries")
    func checkpointAndEntries() async throws {
        try await ServerHarness().test { client in
            for _ in 0..<3 { _ = try await client.postJSON("/v1/complaints", ReporterAPITests.complaint) }
            let keyText = text(try await client.executeRequest(uri: "/v1/audit/log-key", method: .get, headers: [:], body: nil))
            let key = try NoteVerifierKey(parsing: keyText.trimmingCharacters(in: .whitespacesAndNewlines))
            let noteText = text(try await client.executeRequest(uri: "/v1/audit/checkpoint", method: .get, headers: [:], body: nil))
            let note = try SignedNote(parsing: noteText)
            try note.verify(key)
            let checkpoint = try Checkpoint(parsing: note.text)
            #expect(checkpoint.size == 2 + 3 * 2)  // two key registrations; per complaint: accepted + one wrap

            let entries = try json(try await client.executeRequest(uri: "/v1/audit/entries?start=0&end=\(checkpoint.size)", method: .get, headers: [:], body: nil))["entries"] as! [[String: Any]]
            #expect(entries.count == Int(checkpoint.size))
            let leaves = entries.map { MerkleHash.leaf(Base64.decode($0["data"] as! String)!) }
            #expect(MerkleVerifier.root(ofLeafHashes: leaves) == checkpoint.rootHash)

            let inclusion = try json(try await client.executeRequest(uri: "/v1/audit/proof/inclusion?index=4&size=\(checkpoint.size)", method: .get, headers: [:], body: nil))
            let proof = (inclusion["proof"] as! [String]).map { Base64.decode($0)! }
            #expect(MerkleVerifier.verifyInclusion(leafHash: leaves[4], index: 4, size: checkpoint.size, proof: proof, root: checkpoint.rootHash))

            let oldRoot = MerkleVerifier.root(ofLeafHashes: Array(leaves.prefix(5)))
            let consistency = try json(try await client.executeRequest(uri: "/v1/audit/proof/consistency?from=5&to=\(checkpoint.size)", method: .get, headers: [:], body: nil))
            let cproof = (consistency["proof"] as! [String]).map { Base64.decode($0)! }
            #expect(MerkleVerifier.verifyConsistency(from: 5, to: checkpoint.size, proof: cproof, oldRoot: oldRoot, newRoot: checkpoint.rootHash))
        }
    }

    @Test("out-of-range proof requests get a 400, not a crash")
    func badRequests() async throws {
        try await ServerHarness().test { client in
            for uri in ["/v1/audit/proof/inclusion?index=9&size=99", "/v1/audit/proof/consistency?from=3&to=1",
                        "/v1/audit/entries?start=x&end=2", "/v1/audit/proof/inclusion?index=0"] {
                let response = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
                #expect(response.status == .badRequest, "\(uri)")
            }
        }
    }
}
