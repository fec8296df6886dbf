import Firewall

/// A file she attached, as it arrived: attacker-controlled bytes that no code in this process
/// parses beyond the first bytes that name its type (`EvidenceType.sniff`).
public struct UploadedEvidence: Sendable, Equatable {
    public var bytes: [UInt8]
    public init(bytes: [UInt8]) { self.bytes = bytes }
}

/// The file types accepted as evidence, named by their magic bytes, never by a name or a
/// declared content type.
public enum EvidenceType: String, Sendable, Equatable, CaseIterable {
    case jpeg = "image/jpeg", png = "image/png", webp = "image/webp", heic = "image/heic", pdf = "application/pdf"
}

/// What the sandboxed reader made of an upload: new pixels (or a rebuilt PDF) carrying no
/// metadata, and the text read from it. Exists only in memory.
public struct SanitisedEvidence: Sendable {
    /// `image/jpeg`, `image/png` or `application/pdf`: what the clean bytes are.
    public var mediaType: String
    public var bytes: [UInt8]
    /// The OCR text before the firewall (never stored, never shown).
    public var text: String
    public var readability: TextReadability
    /// Pages read (1 for an image).
    public var pages: Int
    public init(mediaType: String, bytes: [UInt8], text: String, readability: TextReadability, pages: Int) {
        self.mediaType = mediaType
        self.bytes = bytes
        self.text = text
        self.readability = readability
        self.pages = pages
    }
}

/// Why an upload could not be read at all: each becomes a clear 4xx for the reporter and nothing
/// of the complaint is stored.
public enum EvidenceError: Error, Sendable, Equatable {
    /// Not one of `EvidenceType` (by its bytes).
    case unsupportedType
    /// The decoder rejected it: truncated, malformed or hostile.
    case malformed
    /// Over the operator's byte, pixel or page limits.
    case tooLarge
    /// The reader ran out of time or memory.
    case exhausted
    /// The sandbox could not start (bubblewrap or a tool missing): the operator must fix the host.
    case readerUnavailable(String)
}

/// Turns an upload into clean bytes and text, somewhere a decoder bug cannot reach keys or other
/// cases. The production reader is `EvidenceSandbox.SandboxedEvidenceReader`. Synchronous and
/// slow (seconds): call it off the event loop.
public protocol EvidenceReader: Sendable {
    func read(_ upload: UploadedEvidence, language: String) throws(EvidenceError) -> SanitisedEvidence
}
