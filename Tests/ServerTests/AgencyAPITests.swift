import Envelope
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import Testing

@Suite("agency API: signed requests, assigned cases only")
struct AgencyAPITests {
    @Test("inspector-1 lists and fetches the case; inspector-2 sees nothing and gets 404")
    func assignedOnly() async throws {
        let h = try ServerHarness()
        let (one, two) = (h.inspector1, h.inspector2)
        try await h.test { client in
            _ = try await client.postJSON("/v1/complaints", ReporterAPITests.complaint)
            let list = try json(try await client.signedGet("/v1/agency/cases", keys: one))["cases"] as! [[String: Any]]
            #expect(list.count == 1)
            let caseText = list.first?["case"] as? String ?? ""
            let caseID = try #require(CaseID(caseText))
            #expect(list.first?["status"] as? String == "received")

            let fetched = try json(try await client.signedGet("/v1/agency/cases/\(caseID)", keys: one))
            let record = try #require(Base64.decode(fetched["agency_view"] as? String ?? ""))
            let wrap = try #require(Base64.decode(fetched["wrap"] as? String ?? ""))
            let view = try AgencyView.open(record, caseID: caseID, caseKey: KeyWrap.unwrap(wrap, caseID: caseID, with: one.box))
            #expect(view.fields["employer_name"] == "Gng. Santos")
            #expect(view.fields["visa_status"] == nil)

            #expect((try json(try await client.signedGet("/v1/agency/cases", keys: two))["cases"] as! [Any]).isEmpty)
            #expect(try await client.signedGet("/v1/agency/cases/\(caseID)", keys: two).status == .notFound)
        }
    }

    @Test("unsigned, mis-signed, replayed and unknown-key requests get 401")
    func authentication() async throws {
        let h = try ServerHarness()
        let one = h.inspector1
        let stranger = try AgencyKeyPair.generate(name: "stranger", role: .inspector)
        try await h.test { client in
            #expect(try await client.executeRequest(uri: "/v1/agency/cases", method: .get, headers: [:], body: nil).status == .unauthorized)
            #expect(try await client.signedGet("/v1/agency/cases", keys: one, tamper: true).status == .unauthorized)
            #expect(try await client.signedGet("/v1/agency/cases", keys: stranger).status == .unauthorized)

            // Replay: the same challenge and signature a second time.
            let c = try json(try await client.postJSON("/v1/agency/challenge", #"{"key_id": "\#(one.publicKey.keyID)"}"#))["challenge"] as! String
            let signature = AgencyRequestSignature.sign(method: "GET", pathAndQuery: "/v1/agency/cases", challenge: c, body: [], with: one.signing)
            let headers: HTTPFields = [
                HTTPField.Name(AgencyRequestSignature.keyHeader)!: one.publicKey.keyID,
                HTTPField.Name(AgencyRequestSignature.challengeHeader)!: c,
                HTTPField.Name(AgencyRequestSignature.signatureHeader)!: signature,
            ]
            #expect(try await client.executeRequest(uri: "/v1/agency/cases", method: .get, headers: headers, body: nil).status == .ok)
            #expect(try await client.executeRequest(uri: "/v1/agency/cases", method: .get, headers: headers, body: nil).status == .unauthorized)
        }
    }

    @Test("every case fetch is in the audit log before the wrap is returned")
    func releaseIsLogged() async throws {
        let h = try ServerHarness()
        let one = h.inspector1
        let store = h.store
        try await h.test { client in
            _ = try await client.postJSON("/v1/complaints", ReporterAPITests.complaint)
            let list = try json(try await client.signedGet("/v1/agency/cases", keys: one))["cases"] as! [[String: Any]]
            let caseID = list[0]["case"] as! String
            let before = try store.auditLogSize()
            _ = try await client.signedGet("/v1/agency/cases/\(caseID)", keys: one)
            let entries = try store.auditEntries(before..<store.auditLogSize()).map { String(decoding: $0, as: UTF8.self) }
            #expect(entries.count == 1)
            #expect(entries[0].contains("key_released") && entries[0].contains(caseID) && entries[0].contains(one.publicKey.keyID))
        }
    }

    @Test("a challenge is issued for any well-formed key id, and refused for anything else")
    func challengeKeyIDShape() async throws {
        try await ServerHarness().test { client in
            let unregistered = try await client.postJSON("/v1/agency/challenge", #"{"key_id": "0123456789abcdef0123456789abcdef"}"#)
            #expect(unregistered.status == .ok)
            for bad in [#""0123456789ABCDEF0123456789ABCDEF""#, #""abc""#, #""../../etc/passwd""#, "12", "null"] {
                let response = try await client.postJSON("/v1/agency/challenge", #"{"key_id": \#(bad)}"#)
                #expect(response.status == .badRequest, "\(bad)")
            }
        }
    }
}
