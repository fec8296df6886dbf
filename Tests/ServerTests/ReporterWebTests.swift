import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReporterWeb
import Testing

/// The reporter's pages through the whole router (security middleware included).
@Suite("reporter web pages")
struct ReporterWebPageTests {
    static let languages = ["en", "tl", "id", "ne", "hi", "bn", "ur", "si", "ta", "ar", "am", "sw", "my", "km", "vi", "es"]
    static let weightLimit = 60 * 1024

    @Test("every page in every language has its lang and dir, the exit link and no untranslated key",
          arguments: languages)
    func pagesInEveryLanguage(_ code: String) async throws {
        try await ServerHarness().test { client in
            for path in ["/?lang=\(code)", "/new?lang=\(code)", "/check?lang=\(code)"] {
                let response = try await client.get(path)
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let dir = ["ar", "ur"].contains(code) ? "rtl" : "ltr"
                #expect(html.contains("<html lang=\"\(code)\" dir=\"\(dir)\">"), "\(path)")
                #expect(html.contains("class=\"exit\" href=\"\(ReporterWeb.defaultExitURL)\""), "\(path)")
                #expect(html.firstMatch(of: /[a-z]+\.[a-z_]+\.?[a-z_]*<|>[a-z]+\.[a-z_]+</) == nil, "\(path) shows a raw key")
            }
        }
    }

    @Test("GET / lists every language by its own name, marked with its language and direction")
    func languageChoice() async throws {
        try await ServerHarness().test { client in
            let html = String(buffer: try await client.get("/").body)
            for code in Self.languages {
                #expect(html.contains("href=\"/?lang=\(code)\" lang=\"\(code)\""), "\(code)")
            }
            #expect(html.contains("lang=\"ar\" dir=\"rtl\">العربية<"))
            #expect(try await client.get("/?lang=xx").status == .ok)
        }
    }

    @Test("headers: no-store, strict CSP, no cookie, HTML with a charset, the same neutral title throughout")
    func headers() async throws {
        try await ServerHarness().test { client in
            var titles = Set<String>()
            for path in ["/", "/?lang=tl", "/new?lang=tl", "/check?lang=tl", "/assets/site.css", "/assets/exit.js"] {
                let response = try await client.get(path)
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store", "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self';") == true, "\(path)")
                #expect(response.headers[.setCookie] == nil, "\(path)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                let html = String(buffer: response.body)
                if let title = html.firstMatch(of: /<title>([^<]*)<\/title>/) { titles.insert(String(title.output.1)) }
                #expect(!html.contains("style=\""), "\(path) has an inline style")
                #expect(html.firstMatch(of: /<script>|<script [^>]*>[^<]/) == nil, "\(path) has an inline script")
                #expect(html.firstMatch(of: /(src|href|action)="(https?:)?\/\/(?!www\.google\.com\/")/) == nil, "\(path) loads from elsewhere")
            }
            #expect(titles == ["Help desk", "Tulong"])
        }
    }

    @Test("file in the browser's way, read the token, check status, reply; old tokens are spent")
    func fileAndCheck() async throws {
        try await ServerHarness().test { client in
            let form = String(buffer: try await client.get("/new?lang=ar").body)
            let filed = try await client.postForm("/new", [
                "lang": "ar", "form_token": try formToken(form), "employer": "السيدة لمى", "wages": "لا راتب منذ ثلاثة أشهر",
                "narrative": "لم أحصل على راتبي.\r\nأعمل ١٦ ساعة.", "visa_status": "expired", "step": "send",
            ])
            #expect(filed.status == .ok)
            let tokenPage = String(buffer: filed.body)
            let token = try shownToken(tokenPage)
            #expect(token.count == 29)
            #expect(tokenPage.contains("dir=\"rtl\""))
            #expect(!tokenPage.contains("href=\"/check?lang=ar&"), "no token in any link")

            let check = String(buffer: try await client.get("/check?lang=ar").body)
            let status = try await client.postForm("/check", ["lang": "ar", "form_token": try formToken(check), "token": token])
            #expect(status.status == .ok)
            let statusPage = String(buffer: status.body)
            #expect(statusPage.contains("وصلنا بلاغك"))
            let next = try shownToken(statusPage)
            #expect(next != token)
            #expect(!statusPage.contains("name=\"token\""), "the number is never carried in the page's forms")

            // One visit: answering keeps the number she copied, and shows her answer in her thread.
            let replied = try await client.postForm("/check", [
                "lang": "ar", "form_token": try formToken(statusPage), "visit": try visitPass(statusPage), "reply": "شكراً",
            ])
            #expect(replied.status == .ok)
            let repliedPage = String(buffer: replied.body)
            #expect(try shownToken(repliedPage) == next)
            #expect(repliedPage.contains("class=\"message mine\"") && repliedPage.contains("شكراً"))
            // Typed on her next visit, it works once.
            let typedNext = try await client.postForm("/check", ["lang": "ar", "form_token": try formToken(check), "token": next])
            #expect(typedNext.status == .ok)
            #expect(try shownToken(String(buffer: typedNext.body)) != next)
            let stale = try await client.postForm("/check", [
                "lang": "ar", "form_token": try formToken(repliedPage), "visit": try visitPass(repliedPage), "reply": "مرحبا",
            ])
            #expect(stale.status == .notFound, "the visit's number was spent: the pass is dead")
            #expect(String(buffer: stale.body).contains(">مرحبا</textarea>"), "what she was writing comes back")

            let spent = try await client.postForm("/check", ["lang": "ar", "form_token": try formToken(check), "token": token])
            #expect(spent.status == .notFound)
            #expect(String(buffer: spent.body).contains("role=\"alert\""))
        }
    }

    @Test("the start page says who runs the service (per language, escaped), how soon she hears back, and that nobody comes unasked")
    func startPageSaysWhoAndWhen() async throws {
        let deps = try ServerHarness()
        let service = ServiceDescription(organisationValues: ["Migrant <Workers> Centre", "ar=مركز العمال"])
        let router = Router()
        ReporterWeb(intake: deps.deps.intake, runner: deps.deps.work, abuse: deps.deps.abuse, timing: deps.deps.statusTiming,
                    service: service).add(to: router)
        try await Application(router: router).test(.router) { client in
            let en = String(buffer: try await client.get("/?lang=en").body)
            #expect(en.contains("This service is run by Migrant &lt;Workers&gt; Centre."))
            #expect(en.contains("within 7 days") && en.contains("Nobody will come to your house"))
            let ar = String(buffer: try await client.get("/?lang=ar").body)
            #expect(ar.contains("مركز العمال") && !ar.contains("Migrant"))
        }
        #expect(ServiceDescription(organisationValues: ["tl=Kanlungan", "x=y=z"]).organisation == ["tl": "Kanlungan", "x": "y=z"])
    }

    @Test("a form without a valid token, or from another site, is refused and files nothing")
    func csrf() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let form = String(buffer: try await client.get("/new?lang=en").body)
            let good = try formToken(form)
            let fields = ["lang": "en", "narrative": "I was not paid."]

            let missing = try await client.postForm("/new", fields)
            #expect(missing.status == .forbidden)
            #expect(String(buffer: missing.body).contains("I was not paid."), "the reporter's words are kept on the page")
            let forged = try await client.postForm("/new", fields.merging(["form_token": "AAAA" + good.dropFirst(4)]) { $1 })
            #expect(forged.status == .forbidden)
            let statusToken = try formToken(String(buffer: try await client.get("/check?lang=en").body))
            #expect(try await client.postForm("/new", fields.merging(["form_token": statusToken]) { $1 }).status == .forbidden)

            for headers in [["Sec-Fetch-Site": "cross-site"], ["Sec-Fetch-Site": "same-site"], ["Origin": "http://evil.test"]] {
                let response = try await client.postForm("/new", fields.merging(["form_token": good]) { $1 }, headers: headers, sameOrigin: false)
                #expect(response.status == .forbidden, "\(headers)")
                #expect(!String(buffer: response.body).contains("I was not paid."), "nothing echoed to another site")
            }
            let checkRefused = try await client.postForm("/check", ["lang": "en", "token": "1234"], headers: ["Sec-Fetch-Site": "cross-site"], sameOrigin: false)
            #expect(checkRefused.status == .forbidden)
        }
        #expect(try harness.deps.caseWork.cases(for: harness.inspector1.publicKey.keyID).isEmpty)
    }

    @Test("sending the same form twice (reload) files one complaint")
    func reload() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let token = try formToken(String(buffer: try await client.get("/new?lang=en").body))
            let fields = ["lang": "en", "form_token": token, "narrative": "I was not paid.", "step": "send"]
            #expect(try await client.postForm("/new", fields).status == .ok)
            // Back and send again: the empty start page, nothing that says a report was sent.
            let again = try await client.postForm("/new", fields)
            #expect(again.status == .ok)
            let page = String(buffer: again.body)
            #expect(page.contains("href=\"/new?lang=en\"") && !page.contains("already") && !page.contains("role=\"alert\""))
        }
        #expect(try harness.deps.caseWork.cases(for: harness.inspector1.publicKey.keyID).count == 1)
    }

    @Test("problems come back on the form, in the reporter's language, with her words kept")
    func problems() async throws {
        try await ServerHarness().test { client in
            let token = try formToken(String(buffer: try await client.get("/new?lang=es").body))
            let empty = try await client.postForm("/new", ["lang": "es", "form_token": token, "employer": " "])
            #expect(empty.status == .badRequest)
            #expect(String(buffer: empty.body).contains("Por favor, escribe algo."))
            let duress = try await client.postForm("/new", ["lang": "es", "form_token": token, "narrative": "<b>hola</b>", "safety_code": "12"])
            #expect(duress.status == .badRequest)
            let page = String(buffer: duress.body)
            #expect(page.contains("de 6 a 8 cifras"))
            #expect(page.contains("&lt;b&gt;hola&lt;/b&gt;</textarea>"))

            let notForm = try await client.executeRequest(uri: "/new", method: .post, headers: [.contentType: "application/json", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"], body: ByteBuffer(string: "{}"))
            #expect(notForm.status == .badRequest)
            let badEscape = try await client.executeRequest(uri: "/new", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "narrative=%ZZ"))
            #expect(badEscape.status == .badRequest)
            let huge = try await client.executeRequest(uri: "/new", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 400 * 1024))
            #expect(huge.status == .contentTooLarge)
        }
    }

    @Test("every page weighs under 60 KB with its stylesheet and script, in every language", arguments: languages)
    func weight(_ code: String) async throws {
        try await ServerHarness().test { client in
            let assets = try await client.get("/assets/site.css").body.readableBytes + client.get("/assets/exit.js").body.readableBytes
            var pages: [String: Int] = [:]
            for path in ["/", "/?lang=\(code)", "/new?lang=\(code)", "/check?lang=\(code)"] {
                pages[path] = try await client.get(path).body.readableBytes
            }
            let form = String(buffer: try await client.get("/new?lang=\(code)").body)
            let previewed = try await client.postForm("/new", ["lang": code, "form_token": try formToken(form), "employer": "Mrs Lim",
                                                               "narrative": "No pay since March. My visa expired. I work 16 hours."])
            #expect(previewed.status == .ok)
            pages["preview page"] = previewed.body.readableBytes
            let filed = try await client.postForm("/new", ["lang": code, "form_token": try formToken(form), "narrative": "x", "step": "send"])
            pages["token page"] = filed.body.readableBytes
            let check = String(buffer: try await client.get("/check?lang=\(code)").body)
            let status = try await client.postForm("/check", ["lang": code, "form_token": try formToken(check), "token": try shownToken(String(buffer: filed.body))])
            #expect(status.status == .ok)
            pages["status page"] = status.body.readableBytes
            for (page, bytes) in pages {
                #expect(bytes + assets < Self.weightLimit, "\(code) \(page): \(bytes) + \(assets) bytes")
            }
        }
    }
}

func formToken(_ html: String) throws -> String {
    let match = try #require(html.firstMatch(of: /name="form_token" value="([^"]+)"/))
    return String(match.output.1)
}

/// The visit pass the status page's forms carry.
func visitPass(_ html: String) throws -> String {
    let match = try #require(html.firstMatch(of: /name="visit" value="([^"]+)"/))
    return String(match.output.1)
}

/// The token as a reporter copies it from the page: the digit groups with the spaces between them.
func shownToken(_ html: String) throws -> String {
    let match = try #require(html.firstMatch(of: /<p class="token" id="token"[^>]*>(.*?)<\/p>/))
    return String(match.output.1).replacingOccurrences(of: "<span>", with: "").replacingOccurrences(of: "</span>", with: "")
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .get, headers: [:], body: nil)
    }

    /// Posts a form as a browser on this site does (`Sec-Fetch-Site: same-origin` unless told otherwise).
    func postForm(_ uri: String, _ fields: [String: String], headers extra: [String: String] = [:], sameOrigin: Bool = true) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.sorted { $0.key < $1.key }.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if sameOrigin { headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
