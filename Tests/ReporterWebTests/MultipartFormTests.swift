import Firewall
import Intake
import NIOCore
import Testing
@testable import ReporterWeb

/// The multipart reader on its own: the same rules as urlencoded for her words, the limits for files.
@Suite("multipart form bodies")
struct MultipartFormTests {
    static let accepted: Set<String> = ["lang", "narrative", "step"]

    static func read(_ body: String, limits: MultipartForm.Limits = small) throws(MultipartForm.Failure) -> MultipartForm {
        try read(bytes: Array(body.utf8), limits: limits)
    }

    /// Fed in small pieces, as a slow phone's upload arrives.
    static func read(bytes: [UInt8], limits: MultipartForm.Limits = small, chunk: Int = 7) throws(MultipartForm.Failure) -> MultipartForm {
        let reader = MultipartForm.Reader(boundary: "b0undary", fileName: "evidence", accepted: accepted, repeatable: ["remove"], limits: limits)
        var start = 0
        while start < bytes.count {
            guard try reader.feed(ByteBuffer(bytes: bytes[start..<min(start + chunk, bytes.count)])) else { break }
            start += chunk
        }
        return try reader.finish()
    }

    static var small: MultipartForm.Limits {
        var limits = MultipartForm.Limits(ComplaintLimits())
        limits.maxFiles = 2
        limits.maxFileBytes = 8
        return limits
    }

    static func part(_ name: String, _ value: String, file: String? = nil) -> String {
        let filename = file.map { "; filename=\"\($0)\"" } ?? ""
        return "--b0undary\r\nContent-Disposition: form-data; name=\"\(name)\"\(filename)\r\n\r\n\(value)\r\n"
    }

    @Test("text parts become the same FormBody, line breaks as typed; unknown names ignored; files apart")
    func textAndFiles() throws {
        let body = Self.part("lang", "tl") + Self.part("narrative", "Line one\r\nLine two; \"quoted\"") + Self.part("remove", "3")
            + Self.part("remove", "4") + Self.part("other", "x") + Self.part("evidence", "PHOTO1", file: "a;name=\"lang\".jpg")
            + Self.part("evidence", "", file: "") + Self.part("step", "send") + "--b0undary--\r\n"
        let form = try Self.read(body)
        #expect(form.body["lang"] == "tl")
        #expect(form.body["narrative"] == "Line one\nLine two; \"quoted\"")
        #expect(form.body.all("remove") == ["3", "4"])
        #expect(form.body["other"] == "" && form.body["step"] == "send")
        #expect(form.files == [UploadedEvidence(bytes: Array("PHOTO1".utf8))], "the empty part is no file; a file name is never a field")
        #expect(!form.tooLarge)
    }

    @Test("files past the count or the size are dropped and remembered; her words still read")
    func limits() throws {
        let three = Self.part("lang", "en") + Self.part("evidence", "1", file: "a") + Self.part("evidence", "2", file: "b")
            + Self.part("evidence", "3", file: "c") + "--b0undary--"
        let tooMany = try Self.read(three)
        #expect(tooMany.tooLarge && tooMany.files.count == 2 && tooMany.body["lang"] == "en")
        let big = try Self.read(Self.part("lang", "en") + Self.part("evidence", "123456789", file: "a") + "--b0undary--\r\n")
        #expect(big.tooLarge && big.files.isEmpty)
        var cut = Self.small
        cut.hardBytes = 150
        let stopped = try Self.read(Self.part("lang", "en") + Self.part("evidence", String(repeating: "x", count: 400), file: "a"), limits: cut)
        #expect(stopped.tooLarge && stopped.body["lang"] == "en", "a body cut at the hard limit keeps the words before it")
    }

    @Test("what a browser never sends is refused")
    func malformed() {
        #expect(throws: MultipartForm.Failure.malformed) { try Self.read(Self.part("lang", "en")) }  // no closing delimiter
        #expect(throws: MultipartForm.Failure.malformed) { try Self.read(Self.part("lang", "en") + Self.part("lang", "ar") + "--b0undary--") }
        #expect(throws: MultipartForm.Failure.malformed) {
            try Self.read("--b0undary\r\nContent-Disposition: attachment\r\n\r\nx\r\n--b0undary--")
        }
        let notUTF8 = Array("--b0undary\r\nContent-Disposition: form-data; name=\"narrative\"\r\n\r\n".utf8) + [0xC3, 0x28]
            + Array("\r\n--b0undary--".utf8)
        #expect(throws: MultipartForm.Failure.malformed) { try Self.read(bytes: notUTF8) }
        var tight = Self.small
        tight.textBytes = 10
        #expect(throws: MultipartForm.Failure.textTooLarge) { try Self.read(Self.part("narrative", "far too many words") + "--b0undary--", limits: tight) }
    }

    @Test("the boundary is read from the content type, quoted or not, and refused when it is not one")
    func boundary() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryAbC") == "----WebKitFormBoundaryAbC")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\(String(repeating: "a", count: 71))") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/mixed; boundary=abc") == nil)
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
    }

    @Test("the token page tells each withheld file and why, in her language, and nothing when none was sent",
          arguments: ["en", "tl", "ar", "km"])
    func tokenPageOutcomes(_ code: String) throws {
        let language = try #require(Catalog.shipped.language(code))
        let page = Page(language: language, exitURL: ReporterWeb.defaultExitURL)
        let html = page.tokenPage(token: "1234", duressSet: false, evidence: [
            .delivered, .withheld(.immigrationDocument), .withheld(.statusDisclosed), .withheld(.unreadable), .delivered,
        ]).rendered
        #expect(html.contains(HTML.escape(language.text(.filesDelivered, ["delivered": "2", "total": "5"]))))
        for (number, key) in [(2, Msg.fileWithheldDocument), (3, .fileWithheldStatus), (4, .fileWithheldUnreadable)] {
            #expect(html.contains("<li data-file=\"\(number)\""))
            #expect(html.contains(HTML.escape(language.text(.fileWithheld, ["number": String(number)])) + " " + HTML.escape(language.text(key))))
        }
        #expect(html.contains(HTML.escape(language.text(.fileWithheldWords))))
        #expect(!page.tokenPage(token: "1234", duressSet: false).rendered.contains("id=\"files\""))
        let allDelivered = page.tokenPage(token: "1234", duressSet: false, evidence: [.delivered]).rendered
        #expect(allDelivered.contains("id=\"files-delivered\"") && !allDelivered.contains("files-withheld"))
    }
}
