extension EvidenceType {
    /// The type an upload's first bytes name, or nil. Reads at most the first 12 bytes; never a
    /// file name or a declared content type. Strict: the signature must start at byte 0 (a PDF
    /// with junk before `%PDF-`, which some readers tolerate, is refused).
    ///
    /// - JPEG: `FF D8 FF`.
    /// - PNG: the eight-byte signature `89 50 4E 47 0D 0A 1A 0A`.
    /// - WebP: `RIFF`, four length bytes, `WEBP`.
    /// - HEIC: an ISO BMFF `ftyp` box (bytes 4–7) whose major brand is an HEVC image brand
    ///   (`heic heix heim heis hevc hevx`) or the generic HEIF brands phones write (`mif1 msf1`).
    ///   AVIF (`avif avis`) is not accepted.
    /// - PDF: `%PDF-`.
    public static func sniff(_ bytes: [UInt8]) -> EvidenceType? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("ftyp".utf8), at: 4), bytes.count >= 12 {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            if heifBrands.contains(brand) { return .heic }
        }
        return nil
    }

    private static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]
}
