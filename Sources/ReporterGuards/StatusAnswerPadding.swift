/// Every answer to `POST /v1/status` — a 200 with the case's news, the 404 for a spent, unknown or
/// malformed token, the duress answer — is padded with trailing spaces (still valid JSON) to the
/// same size, so someone watching the encrypted traffic cannot tell a valid check from a refused
/// one by its length.
///
/// The size is one block of 8 KiB, which holds the status, the next token and several inspector
/// messages. Only an answer carrying more than about 8 KiB of messages needs a second block (the
/// next multiple of 8 KiB): that one, rare case shows through as "a valid check with long
/// messages" (Docs/abuse-resistance.md).
public enum StatusAnswerPadding {
    public static let block = 8 * 1024

    /// `bytes` followed by spaces up to the next multiple of `block` (at least one block). For JSON
    /// answers.
    public static func pad(_ json: [UInt8]) -> [UInt8] {
        let size = max(block, (json.count + block - 1) / block * block)
        return json + [UInt8](repeating: UInt8(ascii: " "), count: size - json.count)
    }

    /// An HTML page followed by one comment of filler (`<!--` spaces `-->`) up to the next multiple
    /// of `block` (at least one block), so every status page — news, no news, duress, not found —
    /// has the same length. A comment after `</html>` is valid HTML and shows nothing.
    public static func padHTML(_ html: [UInt8]) -> [UInt8] {
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        let least = html.count + open.count + close.count
        let size = max(block, (least + block - 1) / block * block)
        return html + open + [UInt8](repeating: UInt8(ascii: " "), count: size - least) + close
    }
}
