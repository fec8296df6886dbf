import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

@Suite("reporter API (../shared/CONTRACT.md)")
struct ReporterAPITests {
    static let complaint = #"{"language": "tl", "fields": {"employer_name": "Gng. Santos", "visa_status": "expired"}, "narrative": "Hindi ako binayaran ng tatlong buwan. Expired na ang visa ko."}"#

    @Test("GET / answers 200 with no-store and a strict CSP")
    func home() async throws {
        try await ServerHarness().test { client in
            let response = try await client.executeRequest(uri: "/", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        }
    }

    @Test("filing returns 201 and a digit token; a status check rotates it")
    func fileAndCheck() async throws {
        try await ServerHarness().test { client in
            let filed = try await client.postJSON("/v1/complaints", Self.complaint)
            #expect(filed.status == .created)
            let token = try #require(try json(filed)["token"] as? String)
            #expect(token.wholeMatch(of: /\d{4}(-\d{4}){4,}/) != nil)

            let status = try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#)
            #expect(status.status == .ok)
            let answer = try json(status)
            #expect(answer["status"] as? String == "received")
            #expect((answer["messages"] as? [Any])?.isEmpty == true)
            let next = try #require(answer["next_token"] as? String)
            #expect(next != token)

            let reused = try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#)
            #expect(reused.status == .notFound)
            #expect(try await client.postJSON("/v1/status", #"{"token": "\#(next)"}"#).status == .ok)
        }
    }

    @Test("spent, unknown and malformed tokens get the same bytes")
    func uniformNotFound() async throws {
        try await ServerHarness().test { client in
            let token = try json(try await client.postJSON("/v1/complaints", Self.complaint))["token"] as! String
            _ = try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#)
            var bodies: [Data] = []
            for candidate in [#""\#(token)""#, #""0000-0000-0000-0000-0000-0000""#, #""not a token""#, "12345", "null"] {
                let response = try await client.postJSON("/v1/status", #"{"token": \#(candidate)}"#)
                #expect(response.status == .notFound)
                bodies.append(Data(buffer: response.body))
            }
            #expect(Set(bodies).count == 1)
            #expect(String(decoding: bodies[0], as: UTF8.self).trimmingCharacters(in: .whitespaces) == #"{"error":"not_found"}"#)
        }
    }

    @Test("valid, spent, unknown, malformed and duress checks all answer with bodies of one size")
    func uniformSize() async throws {
        try await ServerHarness().test { client in
            let withDuress = #"{"language": "tl", "narrative": "Walang sahod.", "duress_code": "432198"}"#
            let token = try json(try await client.postJSON("/v1/complaints", withDuress))["token"] as! String
            let valid = try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#)
            let next = try json(valid)["next_token"] as! String
            let locator = String(next.prefix(10))  // "DDDD-DDDD-" of the live token
            let spent = try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#)
            let unknown = try await client.postJSON("/v1/status", #"{"token": "0000-0000-0000-0000-0000-0000"}"#)
            let malformed = try await client.postJSON("/v1/status", #"{"token": "not a token"}"#)
            let duress = try await client.postJSON("/v1/status", #"{"token": "\#(locator)432198"}"#)
            let validAgain = try await client.postJSON("/v1/status", #"{"token": "\#(next)", "message": "Salamat po."}"#)
            #expect([valid.status, duress.status, validAgain.status] == [.ok, .ok, .ok])
            #expect([spent.status, unknown.status, malformed.status] == [.notFound, .notFound, .notFound])
            let sizes = Set([valid, spent, unknown, malformed, duress, validAgain].map(\.body.readableBytes))
            #expect(sizes == [8192])
            // still one JSON document: trailing white space only
            #expect(try json(validAgain)["next_token"] is String)
            let text = String(buffer: valid.body)
            #expect(text.hasPrefix("{") && text.trimmingCharacters(in: .whitespaces).hasSuffix("}") && text.hasSuffix(" "))
        }
    }

    @Test("bad bodies get 400 with a code and a message, and store nothing")
    func badBodies() async throws {
        let harness = try ServerHarness()
        let sizeBefore = try harness.store.auditLogSize()
        try await harness.test { client in
            let cases: [([UInt8], String)] = [
                (Array("not json".utf8), "invalid_shape"),
                ([0x7b, 0xff, 0x7d], "invalid_encoding"),
                (Array(#"{"language": "en", "fields": [1], "narrative": "x"}"#.utf8), "invalid_shape"),
                (Array(#"{"language": "en", "narrative": "a\u0000b"}"#.utf8), "invalid_value"),
                ([UInt8](repeating: 0x20, count: 200_000), "too_large"),
            ]
            for (body, code) in cases {
                let response = try await client.postJSON("/v1/complaints", bytes: body)
                #expect(response.status == .badRequest)
                let object = try json(response)
                #expect(object["error"] as? String == code)
                #expect((object["message"] as? String)?.isEmpty == false)
            }
        }
        #expect(try harness.store.auditLogSize() == sizeBefore)
    }

    @Test("JSON must come as application/json or +json in UTF-8; anything else, untyped and form-urlencoded included, is 415")
    func contentTypes() async throws {
        try await ServerHarness().test { client in
            for type in ["application/json", "application/json; charset=UTF-8", "application/problem+json"] {
                let response = try await client.executeRequest(uri: "/v1/complaints", method: .post, headers: [.contentType: type],
                                                               body: ByteBuffer(string: Self.complaint))
                #expect(response.status == .created, "\(type)")
            }
            // The first two are what a page on another site can make a browser send without a
            // preflight (security review 2026-12, F11).
            for type in [nil, "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
                         "application/xml", "application/json; charset=utf-16"] {
                for uri in ["/v1/complaints", "/v1/status", "/v1/agency/challenge"] {
                    let headers: HTTPFields = type.map { [.contentType: $0] } ?? [:]
                    let response = try await client.executeRequest(uri: uri, method: .post, headers: headers,
                                                                   body: ByteBuffer(string: Self.complaint))
                    #expect(response.status == .unsupportedMediaType, "\(type ?? "none") \(uri)")
                    #expect(try json(response)["error"] as? String == "unsupported_media_type")
                }
            }
        }
    }

    @Test("a browser's request from another site's page is refused (403) before anything is filed or checked")
    func crossSiteRequestsAreRefused() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let sizeBefore = try harness.store.auditLogSize()
            let foreign: [HTTPFields] = [
                [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                [HTTPField.Name("Sec-Fetch-Site")!: "same-site"],
                [.origin: "https://evil.example"],
                [.origin: "https://evil.example", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
            ]
            for extra in foreign {
                for type in ["application/json", "application/x-www-form-urlencoded"] {
                    for uri in ["/v1/complaints", "/v1/status", "/v1/agency/challenge"] {
                        var headers = extra
                        headers[.contentType] = type
                        let response = try await client.executeRequest(uri: uri, method: .post, headers: headers,
                                                                       body: ByteBuffer(string: Self.complaint))
                        #expect(response.status == .forbidden, "\(extra) \(type) \(uri)")
                        #expect(try json(response)["error"] as? String == "cross_site")
                    }
                }
            }
            #expect(try harness.store.auditLogSize() == sizeBefore, "nothing was filed")
            // The same request from a non-browser client, or from a page of this site, is served.
            for extra: HTTPFields in [[:], [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"], [HTTPField.Name("Sec-Fetch-Site")!: "none"]] {
                var headers = extra
                headers[.contentType] = "application/json"
                let response = try await client.executeRequest(uri: "/v1/complaints", method: .post, headers: headers,
                                                               body: ByteBuffer(string: Self.complaint))
                #expect(response.status == .created, "\(extra)")
            }
        }
    }
}
