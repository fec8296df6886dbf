import Envelope
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import ReporterWeb
import Synchronization
import Testing

/// Issue 20 on the reporter's pages: files chosen on the preview, sent once with Send as
/// `multipart/form-data`, no JavaScript. Her words survive every attachment problem; the token
/// page tells her what became of each file.
@Suite("evidence upload on the pages")
struct EvidenceUploadTests {
    static let story = "She pays me 300 dollars a month. I work 18 hours a day."
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// A JPEG-looking upload whose "read text" (after the magic bytes) tells `ScriptedReader` what to do.
    static func photo(_ script: String = "") -> [UInt8] { jpeg + Array(script.utf8) }

    @Test("the preview's form is multipart with the file input and its explanation; going back does not carry files",
          arguments: ["en", "tl", "ar"])
    func previewForm(_ code: String) async throws {
        let h = try ServerHarness()
        let language = try #require(Catalog.shipped.language(code))
        try await h.test { client in
            let page = try await Self.preview(client, code)
            #expect(page.contains(#"enctype="multipart/form-data""#))
            #expect(page.contains(#"<input type="file" id="f-evidence" name="evidence" accept="image/jpeg,image/png,image/heic,image/webp,application/pdf" multiple"#))
            #expect(page.contains(#"value="edit" formenctype="application/x-www-form-urlencoded""#))
            for key in [Msg.filesLabel, .filesHint, .filesCleaned, .filesPapers] {
                #expect(page.contains(HTML.escape(language.text(key))), "\(key)")
            }
            #expect(page.contains(HTML.escape(language.text(.filesLimits, ["count": "5", "megabytes": "10"]))))
            // Her words come before the file input, so a body cut at the limit still carries them.
            let words = try #require(page.range(of: #"name="narrative""#)).lowerBound
            let input = try #require(page.range(of: #"type="file""#)).lowerBound
            #expect(words < input)
        }
    }

    @Test("a photo sent with Send is read, filed and counted on the token page; the inspector gets it")
    func fileWithPhoto() async throws {
        let reader = ScriptedReader()
        let h = try ServerHarness(evidence: reader)
        try await h.test { client in
            let (pairs, _, _) = try await Self.sendPairs(client, "en")
            let sent = try await client.postMultipart("/new", pairs, files: [("evidence", "room.jpg", Self.photo())], after: [("step", "send")])
            #expect(sent.status == .ok)
            let page = String(buffer: sent.body)
            #expect(try shownToken(page).count == 29)
            #expect(page.contains(HTML.escape(Catalog.shipped.language("en")!.text(.filesDelivered, ["delivered": "1", "total": "1"]))))
            #expect(!page.contains("files-withheld"))
            let view = try await openOnlyCase(h, client)
            #expect(view.attachments?.count == 1)
            #expect(view.withheldAttachments == 0)
            #expect(view.narrative == Self.story)
        }
        #expect(reader.reads == 1)
    }

    @Test("a withheld file is told to her in her language with its reason and the advice to describe it",
          arguments: ["en", "tl", "ar"])
    func withheldShown(_ code: String) async throws {
        let h = try ServerHarness(evidence: ScriptedReader())
        let language = try #require(Catalog.shipped.language(code))
        try await h.test { client in
            let (pairs, _, _) = try await Self.sendPairs(client, code)
            let files = [("evidence", "a.jpg", Self.photo()), ("evidence", "b.jpg", Self.photo("My visa expired last year.")),
                         ("evidence", "c.jpg", Self.photo("UNREADABLE"))]
            let sent = try await client.postMultipart("/new", pairs, files: files, after: [("step", "send")])
            #expect(sent.status == .ok)
            let page = String(buffer: sent.body)
            #expect(page.contains(HTML.escape(language.text(.filesDelivered, ["delivered": "1", "total": "3"]))))
            #expect(page.contains(#"data-file="2" data-reason="status_disclosed""#))
            #expect(page.contains(#"data-file="3" data-reason="unreadable""#))
            #expect(page.contains(HTML.escape(language.text(.fileWithheld, ["number": "2"]))))
            #expect(page.contains(HTML.escape(language.text(.fileWithheldStatus))))
            #expect(page.contains(HTML.escape(language.text(.fileWithheldUnreadable))))
            #expect(page.contains(HTML.escape(language.text(.fileWithheldWords))))
            #expect(!page.contains("visa"), "never what the file said")
            let view = try await openOnlyCase(h, client)
            #expect(view.attachments?.count == 1 && view.withheldAttachments == 2)
        }
    }

    /// Each attachment problem: the status ReporterActions maps, the message, her words back, nothing stored.
    static let failures: [(script: [UInt8], status: HTTPResponse.Status, message: Msg)] = [
        (Array("GIF89a not a photo".utf8), .unsupportedMediaType, .errorAttachmentType),
        (photo("DAMAGED"), .unprocessableContent, .errorAttachmentDamaged),
        (photo("UNAVAILABLE"), .serviceUnavailable, .errorAttachmentsUnavailable),
    ]

    @Test("an attachment the reader refuses re-renders the preview with her words, the message and the status",
          arguments: 0..<3)
    func failureKeepsHerText(_ index: Int) async throws {
        let failure = Self.failures[index]
        try await Self.expectRefused(try ServerHarness(evidence: ScriptedReader()), files: [("evidence", "x.jpg", failure.script)],
                                     status: failure.status, message: failure.message)
    }

    @Test("without a reader (the daemon before the sandbox is wired) files are 503, her words kept")
    func noReader() async throws {
        try await Self.expectRefused(try ServerHarness(), files: [("evidence", "x.jpg", Self.photo())],
                                     status: .serviceUnavailable, message: .errorAttachmentsUnavailable)
    }

    @Test("six files are refused before any is read")
    func tooMany() async throws {
        let reader = ScriptedReader()
        try await Self.expectRefused(try ServerHarness(evidence: reader), files: Array(repeating: ("evidence", "p.jpg", Self.photo()), count: 6),
                                     status: .contentTooLarge, message: .errorAttachmentTooLarge)
        #expect(reader.reads == 0)
    }

    @Test("a file over the limit is refused before it is read")
    func oversize() async throws {
        let reader = ScriptedReader()
        let big = Self.photo() + [UInt8](repeating: 0x41, count: ComplaintLimits().maxAttachmentBytes)
        try await Self.expectRefused(try ServerHarness(evidence: reader), files: [("evidence", "big.jpg", big)],
                                     status: .contentTooLarge, message: .errorAttachmentTooLarge)
        #expect(reader.reads == 0)
    }

    @Test("without files the form files the same urlencoded or multipart; an empty file part is no file")
    func withoutFiles() async throws {
        let reader = ScriptedReader()
        let h = try ServerHarness(evidence: reader)
        try await h.test { client in
            let (pairs, _, _) = try await Self.sendPairs(client, "en")
            let urlencoded = try await client.postFormPairs("/new", pairs + [("step", "send")])
            #expect(urlencoded.status == .ok)
            #expect(try shownToken(String(buffer: urlencoded.body)).count == 29)
            #expect(!String(buffer: urlencoded.body).contains("id=\"files\""))

            let (again, _, _) = try await Self.sendPairs(client, "en")
            // What a browser sends when nothing was chosen: a file part with no name and no bytes.
            let multipart = try await client.postMultipart("/new", again, files: [("evidence", "", [])], after: [("step", "send")])
            #expect(multipart.status == .ok)
            #expect(try shownToken(String(buffer: multipart.body)).count == 29)
            #expect(!String(buffer: multipart.body).contains("id=\"files\""))

            // Going back from a multipart preview (a browser without formenctype): her words, no files read.
            let (third, _, _) = try await Self.sendPairs(client, "en")
            let back = try await client.postMultipart("/new", third, files: [("evidence", "p.jpg", Self.photo())], after: [("step", "edit")])
            #expect(back.status == .ok)
            #expect(String(buffer: back.body).contains(">\(Self.story)</textarea>"))
        }
        #expect(reader.reads == 0)
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).count == 2)
    }

    @Test("multipart keeps every check: same origin, the form token, a body that is not multipart a browser sends")
    func multipartChecks() async throws {
        let h = try ServerHarness(evidence: ScriptedReader())
        try await h.test { client in
            let (pairs, _, _) = try await Self.sendPairs(client, "en")
            let crossSite = try await client.postMultipart("/new", pairs, files: [("evidence", "p.jpg", Self.photo())], after: [("step", "send")],
                                                           sameOrigin: false)
            #expect(crossSite.status == .forbidden)
            let forged = pairs.map { $0.0 == "form_token" ? ($0.0, "forged") : $0 }
            let expired = try await client.postMultipart("/new", forged, files: [("evidence", "p.jpg", Self.photo())], after: [("step", "send")])
            #expect(expired.status == .forbidden)
            #expect(String(buffer: expired.body).contains(">\(Self.story)</textarea>"), "her words back in the form")
            let truncated = try await client.executeRequest(
                uri: "/new", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=XyZ", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"],
                body: ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen"))
            #expect(truncated.status == .badRequest)
            let noBoundary = try await client.executeRequest(
                uri: "/new", method: .post, headers: [.contentType: "multipart/form-data", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"],
                body: ByteBuffer(string: "lang=en"))
            #expect(noBoundary.status == .badRequest)
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty)
    }

    // MARK: - Helpers

    static func expectRefused(_ h: ServerHarness, files: [(String, String, [UInt8])], status: HTTPResponse.Status, message: Msg) async throws {
        try await h.test { client in
            let before = try await logSize(client)
            let (pairs, token, _) = try await sendPairs(client, "tl")
            let refused = try await client.postMultipart("/new", pairs, files: files, after: [("step", "send")])
            #expect(refused.status == status)
            let page = String(buffer: refused.body)
            #expect(page.contains(HTML.escape(Catalog.shipped.language("tl")!.text(message))))
            #expect(page.contains("name=\"narrative\" value=\"\(story)\""), "her words ride in the preview again")
            #expect(page.contains(#"enctype="multipart/form-data""#), "the preview, to choose again or send without")
            #expect(try formToken(page) == token)
            #expect(try await logSize(client) == before, "nothing stored")
            // The same form, sent again without the file, files.
            let resent = try await client.postMultipart("/new", pairs, files: [("evidence", "", [])], after: [("step", "send")])
            #expect(resent.status == .ok)
            #expect(try shownToken(String(buffer: resent.body)).count == 29)
        }
        #expect(try h.deps.caseWork.cases(for: h.inspector1.publicKey.keyID).count == 1)
    }

    /// The preview page for a fresh form in `code`.
    static func preview(_ client: some TestClientProtocol, _ code: String) async throws -> String {
        try await sendPairs(client, code).page
    }

    /// The preview's fields as a browser sends them (before the file input): the form, her words, the digest.
    static func sendPairs(_ client: some TestClientProtocol, _ code: String) async throws -> (pairs: [(String, String)], token: String, page: String) {
        let token = try formToken(String(buffer: try await client.get("/new?lang=\(code)").body))
        let answers = ["lang": code, "form_token": token, "employer": "Mrs Lim", "narrative": story]
        let page = String(buffer: try await client.postForm("/new", answers).body)
        let digest = try #require(page.firstMatch(of: /name="preview" value="([0-9a-f]{64})"/)).output.1
        return (answers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("preview", String(digest))], token, page)
    }
}

/// Stands in for the sandboxed reader: the text after a JPEG's magic bytes says what to do.
final class ScriptedReader: EvidenceReader {
    private let count = Atomic<Int>(0)
    var reads: Int { count.load(ordering: .relaxed) }

    func read(_ upload: UploadedEvidence, language: String) throws(EvidenceError) -> SanitisedEvidence {
        count.add(1, ordering: .relaxed)
        let script = String(decoding: upload.bytes.dropFirst(3), as: UTF8.self)
        switch script {
        case "DAMAGED": throw .malformed
        case "UNAVAILABLE": throw .readerUnavailable("no sandbox in this test")
        case "UNREADABLE": return SanitisedEvidence(mediaType: "image/jpeg", bytes: upload.bytes, text: "", readability: .unreadable, pages: 1)
        default:
            return SanitisedEvidence(mediaType: "image/jpeg", bytes: upload.bytes, text: script,
                                     readability: script.isEmpty ? .noText : .readable, pages: 1)
        }
    }
}

extension TestClientProtocol {
    /// Posts `multipart/form-data` as a browser does: text parts, then the files, then `after` (the button).
    func postMultipart(_ uri: String, _ pairs: [(String, String)], files: [(String, String, [UInt8])], after: [(String, String)] = [],
                       sameOrigin: Bool = true) async throws -> TestResponse {
        let boundary = "----SafeIntakeTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        func text(_ name: String, _ value: String) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        pairs.forEach(text)
        for (name, filename, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n".utf8)
            body += Array("Content-Type: \(bytes.isEmpty ? "application/octet-stream" : "image/jpeg")\r\n\r\n".utf8) + bytes + Array("\r\n".utf8)
        }
        after.forEach(text)
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        headers[HTTPField.Name("Sec-Fetch-Site")!] = sameOrigin ? "same-origin" : "cross-site"
        return try await executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}
