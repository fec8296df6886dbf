import Envelope
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import ReporterGuards
import ReporterWeb
import Testing

/// Issue 16, item 7: the reporter sees what the inspector will read before anything is sealed —
/// `POST /v1/complaints/preview` and the pages' preview step — and can take out more sentences.
@Suite("preview before filing: API and pages")
struct PreviewTests {
    static let disclosure = "My visa expired last year."
    static let story = "She pays me 300 dollars a month. \(disclosure) I work 18 hours a day. The madam shouts at me."
    static let body = #"{"language": "en", "fields": {"employer_name": "Mrs. Lim", "visa_status": "overstayed"}, "narrative": "\#(story)"}"#

    @Test("the API preview answers the agency view with sentences and ids, and stores nothing")
    func apiPreview() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let before = try await logSize(client)
            let response = try await client.postJSON("/v1/complaints/preview", Self.body)
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            let preview = try json(response)
            #expect(preview["language"] as? String == "en")
            #expect(preview["fields"] as? [String: String] == ["employer_name": "Mrs. Lim"])
            #expect(preview["dropped_fields"] as? [String] == ["visa_status"])
            let narrative = try #require(preview["narrative"] as? String)
            #expect(!narrative.contains("visa"))
            #expect(narrative.contains("She pays me 300 dollars a month."))
            #expect(narrative.contains("[removed]"))
            #expect(preview["removed_parts"] as? Int == 2)
            let sentences = try #require(preview["sentences"] as? [[String: Any]])
            #expect(sentences.map { $0["id"] as? Int } == [1, 2, 3, 4])
            #expect(sentences.map { $0["removed"] as? Bool } == [false, true, false, false])
            #expect((preview["digest"] as? String)?.count == 64)
            #expect(try await logSize(client) == before, "a preview appends nothing to the log")
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty, "a preview stores no case")
    }

    @Test("filing with remove_sentences seals the previewed narrative minus those sentences; the firewall runs again")
    func apiFileWithRemovals() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let preview = try json(try await client.postJSON("/v1/complaints/preview", Self.body))
            let digest = try #require(preview["digest"] as? String)
            let withRemoval = String(Self.body.dropLast()) + #", "remove_sentences": [4], "preview_digest": "\#(digest)"}"#
            #expect(try await client.postJSON("/v1/complaints/preview", withRemoval).status == .ok)
            let filed = try await client.postJSON("/v1/complaints", withRemoval)
            #expect(filed.status == .created)
            #expect((try json(filed)["token"] as? String)?.wholeMatch(of: /[0-9]{4}(-[0-9]{4}){4,}/) != nil)
            let view = try await openOnlyCase(h, client)
            let expected = (preview["narrative"] as! String).replacingOccurrences(of: "The madam shouts at me.", with: "[removed]")
            #expect(view.narrative == expected)
            #expect(view.fields == ["employer_name": "Mrs. Lim"])
        }
    }

    @Test("unknown sentence ids are 400, a stale digest 409, both storing nothing; the contract's body is unchanged")
    func apiRefusals() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let base = String(Self.body.dropLast())
            for bad in [#", "remove_sentences": [9]"#, #", "remove_sentences": [0]"#, #", "remove_sentences": [1.5]"#,
                        #", "remove_sentences": [true]"#, #", "remove_sentences": "1""#, #", "preview_digest": "abc""#] {
                for path in ["/v1/complaints", "/v1/complaints/preview"] {
                    let response = try await client.postJSON(path, base + bad + "}")
                    #expect(response.status == .badRequest, "\(path) \(bad)")
                    #expect(try json(response)["error"] as? String == "invalid_value", "\(path) \(bad)")
                }
            }
            let stale = base + #", "remove_sentences": [1], "preview_digest": "\#(String(repeating: "0", count: 64))"}"#
            let previewConflict = try await client.postJSON("/v1/complaints/preview", stale)
            #expect(previewConflict.status == .conflict)
            #expect(try json(previewConflict)["error"] as? String == "preview_changed")
            let conflict = try await client.postJSON("/v1/complaints", stale)
            #expect(conflict.status == .conflict, "\(String(buffer: conflict.body))")
            #expect(try json(conflict)["error"] as? String == "preview_changed")
            #expect(try await client.postJSON("/v1/complaints/preview", #"{"language": "en"}"#).status == .badRequest)
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty)
    }

    @Test("a preview counts against the same limits as filing: the intake cap and the proof-of-work threshold")
    func apiLimits() async throws {
        var capped = AbusePolicy()
        capped.intakePerSecond = 0.01
        capped.intakeBurst = 1
        try await ServerHarness(abuse: capped).test { client in
            #expect(try await client.postJSON("/v1/complaints/preview", Self.body).status == .ok)
            let refused = try await client.postJSON("/v1/complaints", Self.body)
            #expect(refused.status == .tooManyRequests)
            #expect(try await client.postJSON("/v1/complaints/preview", Self.body).status == .tooManyRequests)
        }
        var pow = AbusePolicy()
        pow.proofOfWorkThresholdPerMinute = 1
        let h = try ServerHarness(abuse: pow)
        try await h.test { client in
            #expect(try await client.postJSON("/v1/complaints/preview", Self.body).status == .ok)
            let asked = try await client.postJSON("/v1/complaints", Self.body)
            #expect(asked.status == .tooManyRequests)
            #expect(try json(asked)["error"] as? String == "proof_of_work_required")
            #expect(try json(try await client.postJSON("/v1/complaints/preview", Self.body))["error"] as? String == "proof_of_work_required")
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty)
    }

    @Test("the page preview marks what was removed, stores nothing, and going back gives every word back",
          arguments: ["en", "ar", "km"])
    func pagePreviewAndBack(_ code: String) async throws {
        let h = try ServerHarness()
        let removedWord = HTML.escape(try #require(Catalog.shipped.language(code)).text(.previewRemoved))
        try await h.test { client in
            let token = try formToken(String(buffer: try await client.get("/new?lang=\(code)").body))
            let answers = ["lang": code, "form_token": token, "employer": "Mrs Lim & Sons", "wages": "300 <dollars>",
                           "narrative": Self.story + "\r\nLine two.", "safety_code": "24681357"]
            let before = try await logSize(client)
            let previewed = try await client.postForm("/new", answers)
            #expect(previewed.status == .ok)
            let page = String(buffer: previewed.body)
            #expect(page.contains("<html lang=\"\(code)\""))
            #expect(page.contains("<mark class=\"removed\"><span aria-hidden=\"true\">🚫</span> \(removedWord)</mark>"))
            // Her words as shown: not the hidden fields, nor the file input's advice (which names visas itself).
            let shown = page.replacingOccurrences(of: #"<input type="hidden"[^>]*>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"<section class="field" aria-labelledby="files-label">[\s\S]*?</section>"#, with: "",
                                      options: .regularExpression)
            #expect(!shown.contains("visa"), "the disclosure is not shown as kept text")
            #expect(shown.contains(">She pays me 300 dollars a month.</label>"))
            #expect(shown.contains("<dd dir=\"auto\">Mrs Lim &amp; Sons</dd>"))
            #expect(page.contains("name=\"narrative\" value=\"\(HTML.escape(Self.story))\nLine two.\""), "her words ride in the form")
            #expect(page.contains("name=\"form_token\" value=\"\(token)\""), "the form token is not used up by a preview")
            #expect(page.contains("id=\"s-5\" name=\"remove\" value=\"5\""))
            #expect(page.contains(HTML.escape(try #require(Catalog.shipped.language(code)).text(.previewDuress))), "her safety code is noted")
            #expect(page.contains("name=\"safety_code\" value=\"24681357\""))
            #expect(page.contains("class=\"exit\" href=\"\(ReporterWeb.defaultExitURL)\""), "the quick exit stays")
            #expect(!page.contains("id=\"s-2\""), "no tick box for a sentence the firewall took out whole")
            #expect(try await logSize(client) == before)

            let back = try await client.postForm("/new", answers.merging(["step": "edit"]) { $1 })
            #expect(back.status == .ok)
            let form = String(buffer: back.body)
            #expect(form.contains("value=\"Mrs Lim &amp; Sons\""))
            #expect(form.contains("value=\"300 &lt;dollars&gt;\""))
            #expect(form.contains(">\(HTML.escape(Self.story))\nLine two.</textarea>"))
            #expect(form.contains("value=\"24681357\""))
            #expect(try formToken(form) == token)

            // Only a page changed by hand sends these: refused, her words kept where there are any.
            let badStep = try await client.postForm("/new", answers.merging(["step": "publish"]) { $1 })
            #expect(badStep.status == .badRequest)
            let badCode = try await client.postForm("/new", answers.merging(["step": "edit", "safety_code": "12"]) { $1 })
            #expect(badCode.status == .badRequest)
            #expect(String(buffer: badCode.body).contains("value=\"Mrs Lim &amp; Sons\""))
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty)
    }

    @Test("sending from the page runs the firewall again and takes out the ticked sentences; a reload files nothing more")
    func pageSend() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let firewalled = try json(try await client.postJSON("/v1/complaints/preview", Self.body))
            let sentences = try #require(firewalled["sentences"] as? [[String: Any]]).map { $0["text"] as! String }
            let token = try formToken(String(buffer: try await client.get("/new?lang=en").body))
            let answers = ["lang": "en", "form_token": token, "employer": "Mrs Lim", "narrative": Self.story]
            let page = String(buffer: try await client.postForm("/new", answers).body)
            let digest = try #require(page.firstMatch(of: /name="preview" value="([0-9a-f]{64})"/)).output.1
            // The page's fields as the browser sends them, with two boxes ticked.
            let pairs = answers.map { ($0.key, $0.value) } + [("preview", String(digest)), ("remove", "3"), ("remove", "4"), ("step", "send")]
            let sent = try await client.postFormPairs("/new", pairs)
            #expect(sent.status == .ok)
            #expect(try shownToken(String(buffer: sent.body)).count == 29)
            let resent = try await client.postFormPairs("/new", pairs)
            #expect(resent.status == .ok && !String(buffer: resent.body).contains("class=\"token\""), "a form is sent once")
            let view = try await openOnlyCase(h, client)
            #expect(view.narrative == [sentences[0], sentences[1], "[removed]", "[removed]"].joined(separator: " "))
            #expect(view.narrative.hasPrefix("She pays me 300 dollars a month. "))
            #expect(view.fields == ["employer": "Mrs Lim"])
        }
    }

    @Test("a send is never trusted: a text changed in the page is firewalled again, a stale preview is shown again")
    func pageSendDistrust() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let token = try formToken(String(buffer: try await client.get("/new?lang=ar").body))
            // No preview digest, as a hand-made post: the disclosure still goes.
            let direct = try await client.postForm("/new", ["lang": "ar", "form_token": token, "narrative": Self.story, "step": "send"])
            #expect(direct.status == .ok)
            #expect(!(try await openOnlyCase(h, client).narrative.contains("visa")))

            let second = try formToken(String(buffer: try await client.get("/new?lang=ar").body))
            let stale = try await client.postFormPairs("/new", [
                ("lang", "ar"), ("form_token", second), ("narrative", Self.story), ("step", "send"),
                ("preview", String(repeating: "a", count: 64)), ("remove", "1"),
            ])
            #expect(stale.status == .conflict)
            let again = String(buffer: stale.body)
            #expect(again.contains(HTML.escape(try #require(Catalog.shipped.language("ar")).text(.errorPreviewChanged))))
            #expect(again.contains("id=\"s-1\" name=\"remove\" value=\"1\" aria-describedby=\"h-story\" checked"), "her ticks are kept")
            #expect(again.contains("name=\"form_token\" value=\"\(second)\""), "the form was not used up")
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).count == 1)
    }

    @Test("at the cap or with an expired form, Send answers with the form: her words, her ticks kept for the next preview")
    func pageSendRefusedEarly() async throws {
        var policy = AbusePolicy()
        policy.intakePerSecond = 0.01
        policy.intakeBurst = 1
        let h = try ServerHarness(abuse: policy)
        try await h.test { client in
            let token = try formToken(String(buffer: try await client.get("/new?lang=ur").body))
            let send: [(String, String)] = [("lang", "ur"), ("form_token", token), ("narrative", Self.story), ("step", "send"), ("remove", "3")]
            // The first send takes the one complaint the budget allows; its digest is stale, so it
            // shows the preview again (409) and files nothing. The next is refused as busy.
            #expect(try await client.postFormPairs("/new", send + [("preview", String(repeating: "a", count: 64))]).status == .conflict)
            let busy = try await client.postFormPairs("/new", send)
            #expect(busy.status == .serviceUnavailable)
            #expect(Int(busy.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let page = String(buffer: busy.body)
            #expect(page.contains(HTML.escape(try #require(Catalog.shipped.language("ur")).text(.errorBusyFiling))))
            #expect(page.contains(">\(HTML.escape(Self.story))</textarea>"))
            #expect(page.contains("<input type=\"hidden\" name=\"remove\" value=\"3\">"))

            let expired = try await client.postFormPairs("/new", [("lang", "ur"), ("form_token", "AAAA"), ("narrative", Self.story), ("step", "send"), ("remove", "4")])
            #expect(expired.status == .forbidden)
            let form = String(buffer: expired.body)
            #expect(form.contains(">\(HTML.escape(Self.story))</textarea>"))
            #expect(form.contains("<input type=\"hidden\" name=\"remove\" value=\"4\">"))
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty)
    }

    @Test("ticks carried by the form are ticked again on the next preview")
    func ticksCarried() async throws {
        try await ServerHarness().test { client in
            let token = try formToken(String(buffer: try await client.get("/new?lang=en").body))
            let page = String(buffer: try await client.postFormPairs("/new", [("lang", "en"), ("form_token", token), ("narrative", Self.story), ("remove", "4")]).body)
            #expect(page.contains("id=\"s-4\" name=\"remove\" value=\"4\" aria-describedby=\"h-story\" checked"))
            #expect(page.contains("id=\"s-3\" name=\"remove\" value=\"3\" aria-describedby=\"h-story\">"))
        }
    }
}

/// The audit log's size from its checkpoint (line 2 of the signed note).
func logSize(_ client: some TestClientProtocol) async throws -> Int {
    let note = String(buffer: try await client.executeRequest(uri: "/v1/audit/checkpoint", method: .get, headers: [:], body: nil).body)
    return try #require(Int(note.split(separator: "\n")[1]))
}

/// The one case inspector-1 can open, decrypted as the inspector's client does it.
func openOnlyCase(_ h: ServerHarness, _ client: some TestClientProtocol) async throws -> AgencyView {
    let list = try json(try await client.signedGet("/v1/agency/cases", keys: h.inspector1))["cases"] as! [[String: Any]]
    let caseText = try #require(list.last?["case"] as? String)
    let caseID = try #require(CaseID(caseText))
    let fetched = try json(try await client.signedGet("/v1/agency/cases/\(caseID)", keys: h.inspector1))
    let record = try #require(Base64.decode(fetched["agency_view"] as? String ?? ""))
    let wrap = try #require(Base64.decode(fetched["wrap"] as? String ?? ""))
    return try AgencyView.open(record, caseID: caseID, caseKey: KeyWrap.unwrap(wrap, caseID: caseID, with: h.inspector1.box))
}

extension TestClientProtocol {
    /// Posts a form with repeated names (tick boxes), as a browser on this site does.
    func postFormPairs(_ uri: String, _ pairs: [(String, String)]) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
        return try await executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
