import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Envelope
import Intake
@testable import InspectorClient
import ReporterGuards
import ReporterWeb
import Server
import Testing

/// The reporter's pages behind the daemon's one abuse guard: the busy page, uniform status pages,
/// and the guard's other additions (the agency challenge cap, caps below one a second).
@Suite("reporter pages and agency challenges behind the abuse guard")
struct ReporterWebGuardTests {
    static let complaint = #"{"language": "en", "narrative": "No pay since March."}"#

    static func busyText(_ key: Msg, _ code: String) throws -> String {
        HTML.escape(try #require(Catalog.shipped.language(code)).text(key))
    }

    @Test("at the intake cap the form comes back 503 with Retry-After, her words and a busy notice; nothing is stored",
          arguments: ["en", "es", "ar"])
    func busyFiling(_ code: String) async throws {
        var policy = AbusePolicy()
        policy.intakePerSecond = 0.01
        policy.intakeBurst = 1
        let harness = try ServerHarness(abuse: policy)
        try await harness.test { client in
            // The JSON API takes the one complaint the budget allows: the pages share that budget.
            #expect(try await client.postJSON("/v1/complaints", Self.complaint).status == .created)
            let form = String(buffer: try await client.get("/new?lang=\(code)").body)
            let busy = try await client.postForm("/new", [
                "lang": code, "form_token": try formToken(form), "employer": "Mrs Lim & Sons",
                "narrative": "I worked 16 hours <every> day.", "safety_code": "24681357",
            ])
            #expect(busy.status == .serviceUnavailable)
            #expect(Int(busy.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let page = String(buffer: busy.body)
            #expect(page.contains(try Self.busyText(.errorBusyFiling, code)))
            #expect(page.contains("value=\"Mrs Lim &amp; Sons\""))
            #expect(page.contains(">I worked 16 hours &lt;every&gt; day.</textarea>"))
            #expect(page.contains("value=\"24681357\""))
            #expect(page.contains("<html lang=\"\(code)\""))
            // The page's new form token works once the daemon has room again (not here: the cap is tiny).
            #expect(try formToken(page) != formToken(form))
        }
        #expect(try harness.deps.caseWork.cases(for: harness.inspector1.publicKey.keyID).count == 1, "only the JSON complaint is stored")
    }

    @Test("when intake asks for a proof of work, the page (which cannot solve one) is busy for a minute")
    func busyUnderProofOfWork() async throws {
        var policy = AbusePolicy()
        policy.proofOfWorkThresholdPerMinute = 1
        let harness = try ServerHarness(abuse: policy)
        try await harness.test { client in
            let form = String(buffer: try await client.get("/new?lang=tl").body)
            let fields = ["lang": "tl", "form_token": try formToken(form), "narrative": "Walang sahod."]
            #expect(try await client.postForm("/new", fields.merging(["step": "send"]) { $1 }).status == .ok)
            let second = String(buffer: try await client.get("/new?lang=tl").body)
            let busy = try await client.postForm("/new", fields.merging(["form_token": try formToken(second)]) { $1 })
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "60")
            #expect(String(buffer: busy.body).contains(">Walang sahod.</textarea>"))
        }
        #expect(try harness.deps.caseWork.cases(for: harness.inspector1.publicKey.keyID).count == 1)
    }

    @Test("at the status cap the check form comes back 503 with the number and the reply she typed; the token is not spent")
    func busyChecking() async throws {
        var policy = AbusePolicy()
        policy.statusPerSecond = 0.01
        policy.statusBurst = 1
        try await ServerHarness(abuse: policy).test { client in
            let token = try json(try await client.postJSON("/v1/complaints", Self.complaint))["token"] as! String
            // The JSON API's check uses up the shared status budget.
            #expect(try await client.postJSON("/v1/status", #"{"token": "0000-0000-0000-0000-0000-0000"}"#).status == .notFound)
            let check = String(buffer: try await client.get("/check?lang=vi").body)
            let busy = try await client.postForm("/check", ["lang": "vi", "form_token": try formToken(check), "token": token, "reply": "Cảm ơn <anh>"])
            #expect(busy.status == .serviceUnavailable)
            #expect(Int(busy.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let page = String(buffer: busy.body)
            #expect(page.contains(try Self.busyText(.errorBusyChecking, "vi")))
            #expect(page.contains("value=\"\(token)\""))
            #expect(page.contains(">Cảm ơn &lt;anh&gt;</textarea>"))
        }
    }

    @Test("status pages have one length whatever the outcome: news, spent, unknown, malformed, duress",
          arguments: ReporterWebPageTests.languages)
    func uniformStatusPages(_ code: String) async throws {
        try await ServerHarness().test { client in
            let filed = try await client.postJSON("/v1/complaints", #"{"language": "en", "narrative": "No pay.", "duress_code": "246813"}"#)
            let token = try json(filed)["token"] as! String
            func check(_ typed: String, reply: String = "") async throws -> TestResponse {
                let form = String(buffer: try await client.get("/check?lang=\(code)").body)
                var fields = ["lang": code, "form_token": try formToken(form), "token": typed]
                if !reply.isEmpty { fields["reply"] = reply }
                return try await client.postForm("/check", fields)
            }
            let valid = try await check(token)
            let next = try shownToken(String(buffer: valid.body)).replacingOccurrences(of: " ", with: "-")
            let spent = try await check(token)
            let unknown = try await check("0000-0000-0000-0000-0000-0000")
            let duress = try await check(String(next.prefix(9)) + "-246813")
            let replied = try await check(next, reply: "Thank you.")
            let repliedPage = String(buffer: replied.body)
            let visited = try await client.postForm("/check", [
                "lang": code, "form_token": try formToken(repliedPage), "visit": try visitPass(repliedPage), "reply": "More.",
            ])
            let decoyPage = String(buffer: duress.body)
            let decoyVisit = try await client.postForm("/check", [
                "lang": code, "form_token": try formToken(decoyPage), "visit": try visitPass(decoyPage), "reply": "More.",
            ])
            #expect([valid.status, duress.status, replied.status, visited.status, decoyVisit.status] == [.ok, .ok, .ok, .ok, .ok])
            #expect([spent.status, unknown.status] == [.notFound, .notFound])
            let responses = [valid, spent, unknown, duress, replied, visited, decoyVisit]
            #expect(Set(responses.map(\.body.readableBytes)) == [StatusAnswerPadding.block])
            for response in responses {
                let html = String(buffer: response.body)
                #expect(html.hasSuffix(" -->") && html.contains("</html>\n<!--"))
            }
        }
    }

    @Test("a case handed to another organisation: her page names it, shows the notice, refuses an answer, and keeps the one padded size",
          arguments: ReporterWebPageTests.languages)
    func transferredCasePage(_ code: String) async throws {
        let harness = try ServerHarness()
        let organisation = "Labour Inspectorate <District 7>"
        try await harness.test { client in
            let token = try json(try await client.postJSON("/v1/complaints", Self.complaint))["token"] as! String
            let keys = harness.inspector1
            let caseID = try #require(try harness.deps.caseWork.cases(for: keys.publicKey.keyID).first?.id)
            let file = try #require(try harness.deps.caseWork.release(caseID, to: keys.publicKey.keyID))
            // The handover as the store records it (the service's checks are tested in IntakeTests).
            let statement = try CaseTransfer(
                caseID: caseID, receiverCaseID: CaseID.generate(), fromOperator: String(repeating: "a", count: 32), fromName: "Centre",
                toOperator: String(repeating: "b", count: 32), toName: organisation, toKey: String(repeating: "c", count: 32),
                by: keys.publicKey.keyID, keepCopy: false, day: "2026-12-07", bundleHash: String(repeating: "0", count: 64))
            let notice = try InspectorMessage(caseID: caseID, from: keys.publicKey.keyID, kind: .reply,
                                              text: "The inspectorate will call you at the shelter on Monday morning. You can also call them on 1800 22 55 from 9 to 5.")
                .seal(signedBy: keys.signing, to: try #require(file.reporterPublicKey))
            _ = try harness.store.transferCase(caseID, OutgoingTransfer(statement: statement, signature: statement.sign(with: keys.signing),
                                                                        notice: notice, day: "2026-12-07"), audit: [])
            let form = String(buffer: try await client.get("/check?lang=\(code)").body)
            let shown = try await client.postForm("/check", ["lang": code, "form_token": try formToken(form), "token": token])
            let page = String(buffer: shown.body)
            let moved = HTML.escape(try #require(Catalog.shipped.language(code)).text(.statusTransferred, [
                "organisation": organisation, "day": "\u{2066}2026-12-07\u{2069}"]))
            #expect(shown.status == .ok && shown.body.readableBytes == StatusAnswerPadding.block)
            #expect(page.contains(moved) && page.contains("1800 22 55") && !page.contains(#"name="reply""#))
            // An answer from a page opened before the move reaches nobody: the same words as a warning, nothing stored.
            let answered = try await client.postForm("/check", ["lang": code, "form_token": try formToken(page), "visit": try visitPass(page),
                                                                 "reply": "Thank you."])
            let warned = String(buffer: answered.body)
            #expect(answered.status == .ok && answered.body.readableBytes == StatusAnswerPadding.block)
            #expect(warned.contains("<p class=\"problem\" role=\"alert\"><span aria-hidden=\"true\">⚠️</span> \(moved)"))
            #expect(!warned.contains(try Self.busyText(.replySent, code)))
            #expect(try harness.store.reporterCaseData(caseID)?.inbox.count == 1)
        }
    }

    @Test("a mistyped number gets 'check the number you typed' with what she typed kept, in any digits",
          arguments: ["4821-0937-5512-8840-2675-119", "not a number", "٤٨٢١-٠٩٣٧"])
    func mistypedNumber(_ typed: String) async throws {
        try await ServerHarness().test { client in
            let form = String(buffer: try await client.get("/check?lang=en").body)
            let response = try await client.postForm("/check", ["lang": "en", "form_token": try formToken(form), "token": typed, "reply": "Hello"])
            #expect(response.status == .badRequest)
            let page = String(buffer: response.body)
            #expect(page.contains(try Self.busyText(.errorCheckNumber, "en")))
            #expect(page.contains("value=\"\(typed)\"") && page.contains(">Hello</textarea>"))
        }
    }

    @Test("HTML padding: one comment up to the next 8 KiB block, never shorter than the page")
    func htmlPadding() {
        for size in [0, 1, 8184, 8185, 8186, 8192, 9000] {
            let padded = StatusAnswerPadding.padHTML([UInt8](repeating: UInt8(ascii: "a"), count: size))
            #expect(padded.count % StatusAnswerPadding.block == 0 && padded.count >= size + 7, "\(size)")
            #expect(padded.count == (size + 7 <= 8192 ? 8192 : 16384), "\(size)")
            #expect(Array(padded[size...].prefix(4)) == Array("<!--".utf8) && Array(padded.suffix(3)) == Array("-->".utf8))
        }
    }

    @Test("agency challenges have a global cap: 429 rate_limited with Retry-After and the usual error shape")
    func challengeCap() async throws {
        var policy = AbusePolicy()
        policy.challengePerSecond = 0.01
        policy.challengeBurst = 2
        let harness = try ServerHarness(abuse: policy)
        let body = #"{"key_id": "\#(harness.inspector1.publicKey.keyID)"}"#
        try await harness.test { client in
            for _ in 0..<2 { #expect(try await client.postJSON("/v1/agency/challenge", body).status == .ok) }
            let refused = try await client.postJSON("/v1/agency/challenge", body)
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let answer = try json(refused)
            #expect(answer["error"] as? String == "rate_limited")
            #expect(answer["message"] is String)
            // The cap is its own: complaints still go through.
            #expect(try await client.postJSON("/v1/complaints", Self.complaint).status == .created)
        }
    }

    @Test("the inspector client waits out a 429 from the challenge cap and succeeds")
    func clientRetries() async throws {
        var policy = AbusePolicy()
        policy.challengePerSecond = 2
        policy.challengeBurst = 1
        let harness = try ServerHarness(abuse: policy)
        let keys = harness.inspector1
        try await Application(router: buildRouter(harness.deps)).test(.live) { client in
            let port = try #require(client.port)
            let server = try #require(URL(string: "http://127.0.0.1:\(port)"))
            #expect(try await client.postJSON("/v1/complaints", Self.complaint).status == .created)
            let inspector = AgencyClient(server: server, keys: keys)
            // Three signed requests in a row, each needing a challenge, with room for one a half-second.
            for _ in 0..<3 { #expect(try await inspector.cases().count == 1) }
        }
    }

    @Test("the client's wait honours Retry-After, capped at 10 s; one second when it is absent or not seconds")
    func retryWait() {
        #expect(HTTPTransport.retryWait("2") == .seconds(2))
        #expect(HTTPTransport.retryWait("100") == .seconds(10))
        #expect(HTTPTransport.retryWait(nil) == .seconds(1))
        #expect(HTTPTransport.retryWait("Wed, 21 Oct 2026 07:28:00 GMT") == .seconds(1))
        #expect(HTTPTransport.maxRetries == 3)
    }

    @Test("caps below one a second keep a burst of one: the first request is admitted, the next waits")
    func capsBelowOne() async throws {
        #expect(AbusePolicy.burst(forRate: 0.3) == 1)
        #expect(AbusePolicy.burst(forRate: 50) == 100)
        var policy = AbusePolicy()
        policy.intakePerSecond = 0.3
        policy.intakeBurst = 0.6  // as `serve --intake-rate 0.3` computed it before: now raised to one
        policy.statusPerSecond = 0.3
        policy.statusBurst = AbusePolicy.burst(forRate: 0.3)
        let guardian = AbuseGuard(policy: policy)
        #expect(try await guardian.admitComplaint(proof: nil) == .admitted)
        #expect(try await guardian.admitComplaint(proof: nil) == .slowDown(retryAfterSeconds: 4))
        #expect(try await guardian.admitStatusCheck(tokenText: "") == .admitted)
        // Over HTTP, a rate slow enough that no token comes back while the first filing runs,
        // however loaded the machine (at 0.3/s one came back after 3.3 s of a busy CI run).
        policy.intakePerSecond = 0.01
        policy.intakeBurst = 0.02
        let harness = try ServerHarness(abuse: policy)
        try await harness.test { client async throws in
            let first = try await client.postJSON("/v1/complaints", Self.complaint)
            let second = try await client.postJSON("/v1/complaints", Self.complaint)
            #expect(first.status == .created && second.status == .tooManyRequests)
        }
    }
}
