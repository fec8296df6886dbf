/// A new PDF built from nothing but page images: one JPEG (`DCTDecode`) image per page, drawn to
/// fill the page. No document information dictionary, no XMP, no fonts or text, no outline,
/// annotations, forms, scripts or embedded files: the reader's "rebuilt" PDF (PDF 1.4, the
/// subset every viewer reads). Pure.
public enum ImagePDF {
    public struct Page: Sendable {
        public var jpeg: [UInt8]
        public var width: Int
        public var height: Int
        public init(jpeg: [UInt8], width: Int, height: Int) {
            self.jpeg = jpeg
            self.width = width
            self.height = height
        }
    }

    /// Pages are sized so the long edge is 842 points (A4's), keeping each image's proportions.
    public static func build(_ pages: [Page]) -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        func object(_ number: Int, _ body: [UInt8]) {
            precondition(offsets.count == number - 1)
            offsets.append(out.count)
            out += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        // 1: catalog, 2: page tree, then three objects per page: page, content, image.
        let kids = pages.indices.map { "\(3 + 3 * $0) 0 R" }.joined(separator: " ")
        object(1, Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(2, Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        for (i, page) in pages.enumerated() {
            let n = 3 + 3 * i
            let scale = 842.0 / Double(max(page.width, page.height, 1))
            let w = (Double(page.width) * scale * 100).rounded() / 100
            let h = (Double(page.height) * scale * 100).rounded() / 100
            let content = Array("q \(w) 0 0 \(h) 0 0 cm /Im0 Do Q".utf8)
            object(n, Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(w) \(h)] /Resources << /XObject << /Im0 \(n + 2) 0 R >> >> /Contents \(n + 1) 0 R >>".utf8))
            object(n + 1, Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("\nendstream".utf8))
            object(n + 2, Array("<< /Type /XObject /Subtype /Image /Width \(page.width) /Height \(page.height) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length \(page.jpeg.count) >>\nstream\n".utf8)
                + page.jpeg + Array("\nendstream".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }
}
