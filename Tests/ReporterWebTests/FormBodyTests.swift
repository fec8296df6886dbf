import HTTPTypes
import Testing
@testable import ReporterWeb

@Suite("Form bodies (application/x-www-form-urlencoded)")
struct FormBodyTests {
    func decode(_ text: String, _ names: Set<String> = ["a", "b", "c"]) throws(FormBody.Failure) -> FormBody {
        try FormBody(decoding: Array(text.utf8), accepted: names)
    }

    @Test("decodes plus, percent escapes and UTF-8; line breaks come back as LF")
    func decodes() throws {
        let body = try decode("a=Mrs+Lim%2C+block+5&b=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&c=one%0D%0Atwo%0Dthree")
        #expect(body["a"] == "Mrs Lim, block 5")
        #expect(body["b"] == "مرحبا")
        #expect(body["c"] == "one\ntwo\nthree")
        #expect(body["missing"] == "")
    }

    @Test("names nobody asked for are dropped, never forwarded")
    func ignoresUnknown() throws {
        let body = try decode("visa_status=expired&a=1&passport_number=X123")
        #expect(body.values == ["a": "1"])
    }

    @Test("refuses what no browser sends", arguments: [
        "a=1&a=2", "a=%ZZ", "a=%4", "a=%", "a=%C3%28", "a=%FF",
    ])
    func refuses(_ text: String) {
        #expect(throws: FormBody.Failure.malformed) { try decode(text) }
    }

    @Test("refuses too many pairs")
    func tooMany() {
        let text = (0...FormBody.maxPairs).map { "x\($0)=1" }.joined(separator: "&")
        #expect(throws: FormBody.Failure.malformed) { try decode(text) }
    }
}

@Suite("HTML escaping")
struct HTMLTests {
    @Test("interpolated text is escaped; fragments are not")
    func escaping() {
        let evil = "<script>alert('x')</script>\" onfocus=\"x&"
        let inner: HTML = "<b>bold</b>"
        let html: HTML = "<p title=\"\(evil)\">\(evil)\(inner)</p>"
        #expect(html.rendered == "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onfocus=&quot;x&amp;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onfocus=&quot;x&amp;<b>bold</b></p>")
    }
}

@Suite("Where a form may come from")
struct RequestOriginTests {
    func fields(_ pairs: [(String, String)]) -> HTTPFields {
        var f = HTTPFields()
        for (name, value) in pairs { f[HTTPField.Name(name)!] = value }
        return f
    }

    @Test("Sec-Fetch-Site decides when present", arguments: [
        ("same-origin", true), ("none", true), ("same-site", false), ("cross-site", false),
    ])
    func fetchSite(_ value: String, allowed: Bool) {
        let headers = fields([("Sec-Fetch-Site", value), ("Origin", "http://example.test")])
        #expect(RequestOrigin.isSameSite(headers, authority: "example.test") == allowed)
    }

    @Test("otherwise Origin must name this host; null or absent leaves it to the form token")
    func origin() {
        #expect(RequestOrigin.isSameSite(fields([("Origin", "http://127.0.0.1:8080")]), authority: "127.0.0.1:8080"))
        #expect(!RequestOrigin.isSameSite(fields([("Origin", "http://evil.test")]), authority: "127.0.0.1:8080"))
        #expect(!RequestOrigin.isSameSite(fields([("Origin", "http://127.0.0.1:8081")]), authority: "127.0.0.1:8080"))
        #expect(!RequestOrigin.isSameSite(fields([("Origin", "http://127.0.0.1:8080")]), authority: nil))
        #expect(RequestOrigin.isSameSite(fields([("Origin", "null")]), authority: "127.0.0.1:8080"))
        #expect(RequestOrigin.isSameSite(fields([]), authority: "127.0.0.1:8080"))
    }
}
