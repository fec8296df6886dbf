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

    @Test("malformed numbers get a 400; proofs the log does not have get a 404; never a crash")
    func badRequests() async throws {
        try await ServerHarness().test { client in
            for (uri, status) in [("/v1/audit/proof/inclusion?index=9&size=99", HTTPResponse.Status.notFound),
                                  ("/v1/audit/proof/consistency?from=3&to=1", .notFound),
                                  ("/v1/audit/entries?start=x&end=2", .badRequest),
                                  ("/v1/audit/entries?start=0&end=99999999999999999999", .badRequest),
                                  ("/v1/audit/proof/inclusion?index=0", .badRequest)] {
                let response = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
                #expect(response.status == status, "\(uri)")
                #expect(try json(response)["error"] is String, "\(uri)")
            }
        }
    }

    @Test("a known path with another method gets 405 and Allow; an unknown path gets a JSON 404")
    func methodNotAllowed() async throws {
        try await ServerHarness().test { client in
            let trace = try await client.executeRequest(uri: "/v1/audit/checkpoint", method: .post, headers: [:], body: nil)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET")
            let status = try await client.executeRequest(uri: "/v1/status", method: .get, headers: [:], body: nil)
            #expect(status.status == .methodNotAllowed)
            #expect(status.headers[.allow] == "POST")
            let withParameter = try await client.executeRequest(uri: "/v1/agency/cases/abc", method: .delete, headers: [:], body: nil)
            #expect(withParameter.headers[.allow] == "GET")
            let unknown = try await client.executeRequest(uri: "/v1/nothing/here", method: .get, headers: [:], body: nil)
            #expect(unknown.status == .notFound)
            #expect(try json(unknown)["error"] as? String == "not_found")
            #expect(unknown.headers[.cacheControl] == "no-store")
        }
    }
}
