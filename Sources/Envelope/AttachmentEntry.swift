import Sodium

/// What the agency view says about one delivered attachment (Docs/format.md §16): where its sealed
/// bytes are, the key that opens them, and the text read from it after the firewall.
public struct AttachmentEntry: Sendable, Equatable, Codable {
    public var id: AttachmentID
    /// `image/jpeg`, `image/png` or `application/pdf`: what the clean bytes are.
    public var mediaType: String
    /// The secretstream key, base64: it lives only inside the sealed view.
    public var key: String
    /// The OCR text after the narrative firewall ("" when the picture had none).
    public var text: String
    /// Pages (1 for an image).
    public var pages: Int

    enum CodingKeys: String, CodingKey {
        case id, key, text, pages
        case mediaType = "media_type"
    }

    public init(id: AttachmentID, mediaType: String, key: SecureBytes, text: String, pages: Int) {
        self.id = id
        self.mediaType = mediaType
        self.key = key.withUnsafeBytes { Base64.encode(Array($0)) }
        self.text = text
        self.pages = pages
    }

    /// The key as a wiped-on-release buffer.
    public func secretKey() throws(EnvelopeError) -> SecureBytes {
        guard var bytes = Base64.decode(key), bytes.count == SecretStream.keyBytes else {
            throw EnvelopeError(.malformedPlaintext, "attachment \(id)'s key in the agency view is not a \(SecretStream.keyBytes)-byte base64 key")
        }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        return SecureBytes(copying: bytes)
    }

    /// A file name an inspector's download can use: the id and the type's extension, nothing she
    /// sent (her file names are never kept: they can carry her name or the employer's).
    public var fileName: String {
        let ext = switch mediaType {
        case "image/jpeg": "jpg"
        case "image/png": "png"
        case "application/pdf": "pdf"
        default: "bin"
        }
        return "\(id.rawValue.prefix(8)).\(ext)"
    }
}
