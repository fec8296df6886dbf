import Foundation
import Testing
import EvidenceSandbox
import Firewall
import Intake

/// The reader end to end: real decoders in the real sandbox, on files made by outside tools.
/// Serialized: each read runs Tesseract, and the machine has two cores.
@Suite("Sandboxed evidence reader", .serialized)
struct SandboxedReaderTests {
    let reader = SandboxedEvidenceReader()
    let documents = DocumentFirewall(policy: .makeDefault())

    /// Tags exiftool finds in a file that nobody should find after reading: where, who, what
    /// device, when, and any free text.
    static let identifying = ["GPS", "Make", "Model", "DateTimeOriginal", "Creator", "Comment", "Orientation",
                              "Author", "Title", "Producer", "Creator", "ICC", "XMP", "EXIF", "IPTC", "Thumbnail"]

    func expectNoMetadata(_ fixtures: borrowing Fixtures, _ name: String) throws {
        let found = try fixtures.metadata(name)
        for tag in Self.identifying {
            let lines = found.split(separator: "\n").filter { $0.contains(tag) && !$0.contains("[ExifTool]") && !$0.contains("[File]") }
            #expect(lines.isEmpty, "\(name) still has \(tag): \(lines)")
        }
    }

    @Test("a phone photo: GPS, device and time gone, orientation applied, text read, delivered")
    func phonePhoto() throws {
        let f = try Fixtures()
        try f.renderText(Fixtures.payslip, to: "upright.png")
        // The camera held sideways: pixels rotated, with the EXIF tag that says how to turn them back.
        try f.tool("vips", "rot", f.path("upright.png"), f.path("sideways.jpg"), "d270")
        try f.addPhoneMetadata("sideways.jpg")
        try f.tool("exiftool", "-q", "-overwrite_original", "-Orientation#=6", f.path("sideways.jpg"))
        #expect(try f.metadata("sideways.jpg").contains("GPSLatitude"))

        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("sideways.jpg")), language: "en")
        #expect(clean.mediaType == "image/jpeg")
        #expect(clean.pages == 1)
        try f.write("clean.jpg", clean.bytes)
        try expectNoMetadata(f, "clean.jpg")
        let width = Int(try f.tool("vipsheader", "-f", "width", f.path("clean.jpg")).trimmingCharacters(in: .whitespacesAndNewlines))!
        let height = Int(try f.tool("vipsheader", "-f", "height", f.path("clean.jpg")).trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(width > height, "the orientation tag was applied to the pixels")
        #expect(clean.readability == .readable)
        #expect(clean.text.contains("Net pay"))
        #expect(clean.text.contains("Mrs Lim"))
        guard case .deliver(let text) = documents.verdict(text: clean.text, language: "en", readability: clean.readability) else {
            Issue.record("a payslip must be delivered: \(clean.text)")
            return
        }
        #expect(text.contains("Basic salary"))
    }

    @Test("a screenshot (PNG with text chunks and XMP) stays PNG, without them")
    func screenshot() throws {
        let f = try Fixtures()
        try f.renderText("Madam 10:42\nSalary next month lah\nMe 10:43\nYou said that in March. 3 months no salary already", to: "chat.png")
        try f.tool("exiftool", "-q", "-overwrite_original", "-PNG:Comment=taken at Bukit Timah", "-XMP:Creator=Maria Santos",
                   "-PNG:Author=Maria", f.path("chat.png"))
        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("chat.png")), language: "tl")
        #expect(clean.mediaType == "image/png")
        try f.write("clean.png", clean.bytes)
        try expectNoMetadata(f, "clean.png")
        #expect(clean.text.contains("salary"))
        #expect(documents.verdict(text: clean.text, language: "tl", readability: clean.readability) == .deliver(text: clean.text))
    }

    @Test("transparency is flattened onto white: OCR reads what a viewer would show")
    func transparency() throws {
        let f = try Fixtures()
        // Black text whose only shape is its alpha channel (black on transparent).
        try f.tool("vips", "text", f.path("mask.v"), "Salary not paid since January 2026\nMadam says next month", "--dpi", "300")
        let width = try f.tool("vipsheader", "-f", "width", f.path("mask.v")).trimmingCharacters(in: .whitespacesAndNewlines)
        let height = try f.tool("vipsheader", "-f", "height", f.path("mask.v")).trimmingCharacters(in: .whitespacesAndNewlines)
        try f.tool("vips", "black", f.path("ink.v"), width, height, "--bands", "3")
        try f.tool("vips", "bandjoin", "\(f.path("ink.v")) \(f.path("mask.v"))", f.path("rgba.v"))
        try f.tool("vips", "embed", f.path("rgba.v"), f.path("clear.png"), "40", "40", String(Int(width)! + 80), String(Int(height)! + 80))
        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("clear.png")), language: "en")
        try f.write("out.png", clean.bytes)
        #expect(try f.tool("vipsheader", "-f", "bands", f.path("out.png")).hasPrefix("3"))
        #expect(clean.text.contains("Salary not paid"), "\(clean.text)")
    }

    @Test("WebP becomes PNG; HEIC (heif-enc) becomes JPEG; neither keeps metadata")
    func webpAndHeic() throws {
        let f = try Fixtures()
        try f.renderText(Fixtures.payslip, to: "p.png")
        try f.tool("vips", "copy", f.path("p.png"), f.path("p.jpg"))
        try f.addPhoneMetadata("p.jpg")
        try f.tool("vips", "webpsave", f.path("p.jpg"), f.path("p.webp"))  // keeps EXIF and XMP by default
        try f.tool("heif-enc", "-q", "80", f.path("p.jpg"), "-o", f.path("p.heic"))
        #expect(EvidenceType.sniff(try f.bytes("p.webp")) == .webp)
        #expect(EvidenceType.sniff(try f.bytes("p.heic")) == .heic)

        let webp = try reader.read(UploadedEvidence(bytes: f.bytes("p.webp")), language: "id")
        #expect(webp.mediaType == "image/png")
        try f.write("webp.png", webp.bytes)
        try expectNoMetadata(f, "webp.png")
        #expect(webp.text.contains("Net pay"))

        let heic = try reader.read(UploadedEvidence(bytes: f.bytes("p.heic")), language: "en")
        #expect(heic.mediaType == "image/jpeg")
        try f.write("heic.jpg", heic.bytes)
        try expectNoMetadata(f, "heic.jpg")
        #expect(heic.text.contains("Net pay"))
    }

    @Test("a PDF with metadata, an attachment and a text layer is rebuilt from pixels")
    func pdf() throws {
        let f = try Fixtures()
        try f.renderText(Fixtures.payslip, to: "p1.png")
        try f.renderText("Overtime March 2026\n14 March: 06:00 to 23:30\n15 March: 06:00 to 23:00", to: "p2.png")
        try "\(f.path("p1.png"))\n\(f.path("p2.png"))\n".write(toFile: f.path("pages.txt"), atomically: true, encoding: .utf8)
        try f.tool("tesseract", f.path("pages.txt"), f.path("scan"), "-l", "eng", "pdf")   // a 2-page PDF with a text layer
        try "passport no P1234567 of Maria Santos".write(toFile: f.path("secret.txt"), atomically: true, encoding: .utf8)
        try f.tool("qpdf", f.path("scan.pdf"), "--add-attachment", f.path("secret.txt"), "--", f.path("attached.pdf"))
        try f.tool("exiftool", "-q", "-overwrite_original", "-Author=Maria Santos", "-Title=wages", "-Keywords=Bukit Timah",
                   f.path("attached.pdf"))
        #expect(try f.tool("qpdf", "--list-attachments", f.path("attached.pdf")).contains("secret.txt"))

        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("attached.pdf")), language: "en")
        #expect(clean.mediaType == "application/pdf")
        #expect(clean.pages == 2)
        try f.write("clean.pdf", clean.bytes)
        let info = try f.tool("pdfinfo", f.path("clean.pdf"))
        let fields = Dictionary(info.split(separator: "\n").map { line in
            (String(line.prefix { $0 != ":" }), String(line.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { a, _ in a })
        #expect(fields["Pages"] == "2")
        #expect(fields["Metadata Stream"] == "no" && fields["Custom Metadata"] == "no" && fields["JavaScript"] == "no")
        #expect(fields["Form"] == "none")
        for field in ["Author", "Title", "Keywords", "Producer", "Creator", "Subject", "CreationDate", "ModDate"] {
            #expect(fields[field] == nil, "\(field) survived: \(info)")
        }
        #expect(!(try f.tool("qpdf", "--list-attachments", f.path("clean.pdf"))).contains("secret"))
        #expect(try f.tool("pdffonts", f.path("clean.pdf")).split(separator: "\n").count == 2, "no fonts: no text layer")
        #expect(!String(decoding: clean.bytes, as: UTF8.self).contains("P1234567"))
        try f.tool("qpdf", "--check", f.path("clean.pdf"))
        #expect(clean.text.contains("Net pay"))
        #expect(clean.text.contains("Overtime"))
        #expect(clean.readability == .readable)
    }

    @Test("a passport data page is withheld as an immigration document")
    func passport() throws {
        let f = try Fixtures()
        try f.renderText(Fixtures.passportPage, to: "passport.png", font: "Noto Sans Mono 11")
        try f.tool("vips", "copy", f.path("passport.png"), f.path("passport.jpg"))
        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("passport.jpg")), language: "en")
        #expect(MachineReadableZone.isPresent(in: clean.text), "MRZ not found in: \(clean.text)")
        #expect(documents.verdict(text: clean.text, language: "en", readability: clean.readability) == .withhold(.immigrationDocument))
    }

    @Test("only the MRZ strip of a passport, photographed alone, is still withheld")
    func mrzOnly() throws {
        let f = try Fixtures()
        try f.renderText("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
                         to: "mrz.png", font: "Noto Sans Mono 11")
        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("mrz.png")), language: "es")
        #expect(documents.verdict(text: clean.text, language: "es", readability: clean.readability) == .withhold(.immigrationDocument),
                "\(clean.text)")
    }

    @Test("a visa sticker is withheld as an immigration document")
    func visa() throws {
        let f = try Fixtures()
        try f.renderText(Fixtures.visaSticker, to: "visa.png", font: "Noto Sans Mono 11")
        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("visa.png")), language: "bn")
        #expect(documents.verdict(text: clean.text, language: "bn", readability: clean.readability) == .withhold(.immigrationDocument),
                "\(clean.text)")
    }

    @Test("a photograph without text is no_text and delivered with no text")
    func noText() throws {
        let f = try Fixtures()
        // A smooth scene: two gradients and some noise, no writing.
        try f.tool("vips", "xyz", f.path("xyz.v"), "1200", "900")
        try f.tool("vips", "extract_band", f.path("xyz.v"), f.path("x.v"), "0")
        try f.tool("vips", "gaussnoise", f.path("noise.v"), "1200", "900", "--sigma", "12", "--mean", "0")
        try f.tool("vips", "linear", f.path("x.v"), f.path("scaled.v"), "0.2", "20")
        try f.tool("vips", "add", f.path("scaled.v"), f.path("noise.v"), f.path("sum.v"))
        try f.tool("vips", "bandjoin_const", f.path("sum.v"), f.path("rgb.v"), "90 140")
        try f.tool("vips", "cast", f.path("rgb.v"), f.path("room.v"), "uchar")
        try f.tool("vips", "copy", f.path("room.v"), f.path("room.jpg"))
        let clean = try reader.read(UploadedEvidence(bytes: f.bytes("room.jpg")), language: "en")
        #expect(clean.readability == .noText, "\(clean.text)")
        #expect(documents.verdict(text: clean.text, language: "en", readability: clean.readability) == .deliver(text: ""))
    }
}
