/// A C2SP signed note (https://c2sp.org/signed-note): a text ending in a newline, a blank line, and
/// one or more signature lines.
///
/// Parsing checks the syntax only; nothing in the text should be believed until `verify(_:)` has
/// found a valid signature by a trusted key.
public struct SignedNote: Sendable, Equatable {
    /// More signatures than this are refused (the spec asks verifiers to accept at least 16; Go's
    /// `note` package stops at 100).
    public static let maximumSignatures = 100
    /// A larger note is refused before any parsing: checkpoints are a few hundred bytes.
    public static let maximumBytes = 1 << 20

    private static let newline: UInt8 = 0x0A

    /// The signed text, including its final newline.
    public let text: String
    public let signatures: [NoteSignature]

    /// A note from its parts; `text` must be valid note text and there must be a signature.
    public init(text: String, signatures: [NoteSignature]) throws(AuditLogError) {
        try Self.requireValidText(text)
        guard !signatures.isEmpty else {
            throw AuditLogError(.malformedNote, "a signed note needs at least one signature")
        }
        guard signatures.count <= Self.maximumSignatures else {
            throw AuditLogError(.malformedNote, "the note has \(signatures.count) signatures; at most \(Self.maximumSignatures) are accepted")
        }
        self.text = text
        self.signatures = signatures
    }

    /// Signs `text` with each signer.
    public init(signing text: String, with signers: [NoteSigner]) throws(AuditLogError) {
        try Self.requireValidText(text)
        try self.init(text: text, signatures: signers.map { $0.signature(of: text) })
    }

    /// Parses a note received as bytes, which must be valid UTF-8.
    public init(parsing bytes: [UInt8]) throws(AuditLogError) {
        guard bytes.count <= Self.maximumBytes else {
            throw AuditLogError(.malformedNote, "the note is \(bytes.count) bytes; at most \(Self.maximumBytes) are accepted")
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw AuditLogError(.malformedNote, "the note is not valid UTF-8")
        }
        try self.init(parsing: string)
    }

    /// Parses a note. The text ends at the last blank line; every line after it must be a signature.
    public init(parsing message: String) throws(AuditLogError) {
        let bytes = Array(message.utf8)
        guard bytes.count <= Self.maximumBytes else {
            throw AuditLogError(.malformedNote, "the note is \(bytes.count) bytes; at most \(Self.maximumBytes) are accepted")
        }
        try Self.requireNoControlCharacters(bytes)
        guard let split = Self.lastBlankLine(in: bytes) else {
            throw AuditLogError(.malformedNote, "the note has no blank line separating its text from its signatures")
        }
        let textBytes = bytes[...split]
        let signatureBytes = bytes[(split + 2)...]
        guard signatureBytes.last == Self.newline else {
            throw AuditLogError(.malformedNote, "the note has no signature lines, or its last line does not end in a newline")
        }
        let lines = signatureBytes.dropLast().split(separator: Self.newline, omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatures else {
            throw AuditLogError(.malformedNote, "the note has \(lines.count) signatures; at most \(Self.maximumSignatures) are accepted")
        }
        var signatures: [NoteSignature] = []
        for line in lines {
            signatures.append(try NoteSignature(parsingLine: Substring(decoding: line, as: UTF8.self)))
        }
        try self.init(text: String(decoding: textBytes, as: UTF8.self), signatures: signatures)
    }

    /// The note as sent: text, blank line, signature lines.
    public var encoded: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// This note with one more signature.
    public func adding(signatureBy signer: NoteSigner) throws(AuditLogError) -> SignedNote {
        try SignedNote(text: text, signatures: signatures + [signer.signature(of: text)])
    }

    /// Checks that `key` signed this note. Signatures by other keys are ignored, as the spec requires
    /// (they may be witnesses' cosignatures or a rotated key); a signature that claims to be by
    /// `key` but does not verify rejects the whole note.
    public func verify(_ key: NoteVerifierKey) throws(AuditLogError) {
        _ = try verify(anyOf: [key])
    }

    /// Checks the note against several trusted keys and returns those whose signatures verified;
    /// throws unless at least one did, or if any signature claiming a trusted key is invalid.
    public func verify(anyOf keys: [NoteVerifierKey]) throws(AuditLogError) -> [NoteVerifierKey] {
        let message = Array(text.utf8)
        var verified: [NoteVerifierKey] = []
        for signature in signatures {
            guard let key = keys.first(where: { signature.isClaimed(by: $0) }) else { continue }
            guard key.isValidSignature(signature.signature, for: message) else {
                throw AuditLogError(.badSignature, "the signature by \(key.name) (key ID \(NoteVerifierKey.hex(key.keyID))) does not verify: the note was altered or not signed by this key")
            }
            if !verified.contains(key) { verified.append(key) }
        }
        guard !verified.isEmpty else {
            let expected = keys.map(\.encoded).joined(separator: ", ")
            let present = signatures.map { "\($0.keyName)+\(NoteVerifierKey.hex($0.keyID))" }.joined(separator: ", ")
            throw AuditLogError(.noTrustedSignature, "the note is not signed by a trusted key (trusted: \(expected); signatures present: \(present))")
        }
        return verified
    }

    /// Note text must end in a newline and hold no control characters other than newlines.
    static func requireValidText(_ text: String) throws(AuditLogError) {
        let bytes = Array(text.utf8)
        guard bytes.last == newline else {
            throw AuditLogError(.malformedNote, "note text must be non-empty and end with a newline")
        }
        try requireNoControlCharacters(bytes)
    }

    private static func requireNoControlCharacters(_ bytes: [UInt8]) throws(AuditLogError) {
        if let offset = bytes.firstIndex(where: { $0 < 0x20 && $0 != newline }) {
            throw AuditLogError(.malformedNote, "the note contains control character 0x\(String(bytes[offset], radix: 16)) at byte \(offset); only newlines are allowed")
        }
    }

    /// The index of the first newline of the last "\n\n" in the message.
    private static func lastBlankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == newline, bytes[i + 1] == newline { return i }
            i -= 1
        }
        return nil
    }
}
