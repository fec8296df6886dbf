import Testing
@testable import EvidenceSandbox
import Firewall
import Intake

/// The pure parts, without tools: sniffing, the sandbox's frames, Tesseract's TSV, the
/// readability rule, the language table.
@Suite("Sniffing, frames, TSV and readability")
struct OutputParsingTests {
    @Test("sniff by magic bytes only")
    func sniff() {
        #expect(EvidenceType.sniff([0xFF, 0xD8, 0xFF, 0xE1]) == .jpeg)
        #expect(EvidenceType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(EvidenceType.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(EvidenceType.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(EvidenceType.sniff([0, 0, 0, 0x18] + Array("ftypheic".utf8)) == .heic)
        #expect(EvidenceType.sniff([0, 0, 0, 0x18] + Array("ftypmif1".utf8)) == .heic)
        #expect(EvidenceType.sniff([0, 0, 0, 0x18] + Array("ftypavif".utf8)) == nil)
        #expect(EvidenceType.sniff(Array(" %PDF-1.7".utf8)) == nil)
        #expect(EvidenceType.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)) == nil)
        #expect(EvidenceType.sniff([0x89, 0x50, 0x4E, 0x47]) == nil)
        #expect(EvidenceType.sniff([]) == nil)
    }

    @Test("frames: exact lengths, nothing before, between or after")
    func frames() {
        let good = Array("IMAGE 3\n\u{1}\u{2}\u{3}SIZE 5\n1 1 3DONE 0\n".utf8)
        #expect(SandboxFrames.parse(good) == [SandboxFrame(name: "IMAGE", payload: [1, 2, 3]),
                                              SandboxFrame(name: "SIZE", payload: Array("1 1 3".utf8)),
                                              SandboxFrame(name: "DONE", payload: [])])
        for bad in ["IMAGE 4\nabc", "IMAGE 03\nabc", "image 3\nabc", "IMAGE3\nabc", "IMAGE 3abc", "LONGERNAME 0\n",
                    "IMAGE 99999999999\n", "DONE 0\n\n", "IMAGE -1\n", " DONE 0\n"] {
            #expect(SandboxFrames.parse(Array(bad.utf8)) == nil, "\(bad.debugDescription)")
        }
        #expect(SandboxFrames.parse([]) == [])
        #expect(SandboxFrames.parse(Array(String(repeating: "DONE 0\n", count: 300).utf8)) == nil, "too many frames")
    }

    static let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

    func row(_ page: Int, _ line: Int, _ conf: Double, _ text: String) -> String {
        "5\t\(page)\t1\t1\t\(line)\t1\t0\t0\t10\t10\t\(conf)\t\(text)\n"
    }

    @Test("TSV: words, lines and pages; other levels and broken rows skipped")
    func tsv() {
        let tsv = Self.header + "4\t1\t1\t1\t1\t0\t0\t0\t1\t1\t-1\t\n" + row(1, 1, 96, "Net") + row(1, 1, 95, "pay:")
            + row(1, 2, 90, "600.00") + row(2, 1, 91, "Page") + "5\t1\t1\t1\t1\tx\t0\t0\t1\t1\t90\tbroken\n"
            + row(1, 3, -1, "negative") + row(1, 3, 150, "toohigh") + row(1, 4, 80, "   ")
        let words = TesseractTSV.words(tsv)
        #expect(words.map(\.text) == ["Net", "pay:", "600.00", "Page", "broken"])
        #expect(TesseractTSV.text(Array(words.prefix(4))) == "Net pay:\n600.00\n\nPage")
    }

    func words(_ confident: Int, _ poor: Int) -> [OCRWord] {
        (0..<confident).map { _ in OCRWord(line: [1, 1, 1, 1], confidence: 90, text: "a") }
            + (0..<poor).map { _ in OCRWord(line: [1, 1, 1, 2], confidence: 20, text: "b") }
    }

    @Test("readability: 12 confident letters and half of all; under 60 letters is no text")
    func readability() {
        #expect(ReadabilityRule.readability([]) == .noText)
        #expect(ReadabilityRule.readability(words(12, 12)) == .readable)
        #expect(ReadabilityRule.readability(words(11, 0)) == .noText)
        #expect(ReadabilityRule.readability(words(12, 13)) == .noText)      // 25 letters, too few confident
        #expect(ReadabilityRule.readability(words(20, 40)) == .unreadable)  // 60 letters, a third confident
        #expect(ReadabilityRule.readability(words(30, 30)) == .readable)
        // Punctuation is not counted: a photo's speckles read as "..." do not make text.
        let speckles = (0..<100).map { _ in OCRWord(line: [1, 1, 1, 1], confidence: 10, text: ".,'") }
        #expect(ReadabilityRule.readability(speckles) == .noText)
        // Of two readings, a readable one wins; else an unreadable one (doubt withholds).
        #expect(ReadabilityRule.better([words(20, 40), words(30, 0)]).readability == .readable)
        #expect(ReadabilityRule.better([words(0, 5), words(20, 40)]).readability == .unreadable)
        #expect(ReadabilityRule.better([words(0, 5), words(1, 1)]).readability == .noText)
    }

    @Test("languages: hers and English, from a fixed table only")
    func languages() {
        #expect(OCRLanguages.tesseract(for: "es") == "spa+eng")
        #expect(OCRLanguages.tesseract(for: "tl") == "fil+eng")
        #expect(OCRLanguages.tesseract(for: "ar-SA") == "ara+eng")
        #expect(OCRLanguages.tesseract(for: "en") == "eng")
        #expect(OCRLanguages.tesseract(for: "eng; rm -rf /") == "eng")
        #expect(OCRLanguages.models.count == 16)
    }

    @Test("the rebuilt PDF: one image object per page, no info dictionary")
    func imagePDF() {
        let pdf = String(decoding: ImagePDF.build([ImagePDF.Page(jpeg: [0xFF, 0xD8, 0xFF, 0xD9], width: 2000, height: 1000)]), as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-1.4\n"))
        #expect(pdf.hasSuffix("%%EOF\n"))
        #expect(pdf.contains("/MediaBox [0 0 842.0 421.0]"))
        #expect(pdf.contains("/Filter /DCTDecode /Length 4"))
        #expect(!pdf.contains("/Info") && !pdf.contains("/Metadata") && !pdf.contains("/JavaScript"))
    }
}
