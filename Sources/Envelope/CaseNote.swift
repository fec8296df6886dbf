import Sodium

/// An internal note on a case, written by a key holder and encrypted on their machine under the
/// case key of the current epoch (Docs/format.md §3.1, record type 0x02). Closing a case carries
/// its outcome as a note of kind `outcome`. The server stores notes without being able to read them.
///
/// Note format 2 is signed by its author (Ed25519, the author's agency signing key), so a note
/// can be attributed end to end and a forged or junk note told apart from a colleague's. Format 1
/// notes (written before notes were signed) stay readable and are reported as unsigned.
public struct CaseNote: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case note
        case outcome
        /// The author's copy of a message sent to the reporter (sealed to her key, which no
        /// inspector holds), so every holder, including one assigned later, reads the whole thread.
        case messageToReporter = "message_to_reporter"
    }

    public var caseID: CaseID
    /// Key id of the author (the signed request that carried it is checked against the same key).
    public var author: String
    public var kind: Kind
    public var text: String
    /// The note format it was read from: 1 (unsigned, from before notes were signed) or 2 (signed
    /// by `author`, and the signature verified when it was opened). New notes are always 2.
    public private(set) var format: Int

    public init(caseID: CaseID, author: String, kind: Kind, text: String) {
        self.caseID = caseID
        self.author = author
        self.kind = kind
        self.text = text
        self.format = Self.currentFormat
    }

    /// The format this code writes.
    public static let currentFormat = 2
    /// True when the note carries its author's verified signature.
    public var isSigned: Bool { format >= 2 }

    /// The plaintext's JSON (§3.1): format 1 has the first four members only; format 2 adds
    /// `v` and `sig`. Readers of format 1 ignore members they do not know, so they can still read
    /// format 2 notes (without checking the signature).
    struct Plaintext: Codable {
        var caseID: CaseID
        var author: String
        var kind: Kind
        var text: String
        var v: Int?
        var sig: String?

        enum CodingKeys: String, CodingKey {
            case caseID = "case", author, kind, text, v, sig
        }
    }

    /// Signs with the author's key and seals the note under the case key of one epoch (format 2).
    public func seal(caseKey: SecureBytes, signedBy signing: SigningKeyPair) throws -> [UInt8] {
        let signature = signing.sign(Self.signedMessage(caseID: caseID, author: author, kind: kind, text: text))
        let plaintext = Plaintext(caseID: caseID, author: author, kind: kind, text: text, v: Self.currentFormat, sig: Base64.encode(signature))
        return try SealedRecord.seal(SealedJSON.encode(plaintext), type: .note, caseID: caseID, caseKey: caseKey)
    }

    /// Seals an unsigned format-1 note, as clients wrote before notes were signed. Only for tests
    /// that check old notes stay readable; nothing in the product writes format 1.
    func sealUnsignedFormat1(caseKey: SecureBytes) throws -> [UInt8] {
        let plaintext = Plaintext(caseID: caseID, author: author, kind: kind, text: text, v: nil, sig: nil)
        return try SealedRecord.seal(SealedJSON.encode(plaintext), type: .note, caseID: caseID, caseKey: caseKey)
    }

    /// Opens a note record, checks it names `caseID` and, for format 2, that it is signed by the
    /// agency key it names (`signingKey` gives a key id's Ed25519 public key; nil: unknown key,
    /// refused). A format-1 note opens unsigned (`isSigned` false); any other format is refused.
    public static func open(_ record: [UInt8], caseID: CaseID, caseKey: SecureBytes,
                            signingKey: (String) -> [UInt8]?) throws(EnvelopeError) -> CaseNote {
        let plaintext = try SealedRecord.open(record, expecting: .note, caseID: caseID, caseKey: caseKey)
        let wire = try SealedJSON.decode(Plaintext.self, from: plaintext, what: "note")
        guard wire.caseID == caseID else {
            throw EnvelopeError(.wrongCase, "the decrypted note names case \(wire.caseID), not \(caseID)")
        }
        var note = CaseNote(caseID: wire.caseID, author: wire.author, kind: wire.kind, text: wire.text)
        switch wire.v {
        case nil:
            guard wire.sig == nil else {
                throw EnvelopeError(.malformedPlaintext, "the note carries a signature but no format version")
            }
            note.format = 1
        case Self.currentFormat?:
            guard let signature = wire.sig.flatMap(Base64.decode), let key = signingKey(wire.author),
                  SigningKeyPair.verify(signature: signature, message: signedMessage(caseID: caseID, author: wire.author, kind: wire.kind, text: wire.text),
                                        publicKey: key) else {
                throw EnvelopeError(.badSignature, "the note is not signed by the agency key it names")
            }
            note.format = Self.currentFormat
        case let other?:
            throw EnvelopeError(.unsupportedVersion, "note format \(other) is not supported (this build reads 1 and 2)")
        }
        return note
    }

    /// `UTF8("safeintake/case-note/v2") || 0x00 || UTF8(case) || 0x00 || UTF8(author) || 0x00 ||
    /// UTF8(kind) || 0x00 || UTF8(text)`: every field but the last is fixed-form without NUL
    /// (hex ids, a kind word), so the fields cannot be shifted into one another.
    static func signedMessage(caseID: CaseID, author: String, kind: Kind, text: String) -> [UInt8] {
        var message = EnvelopeFormat.caseNoteLabel + [0x00]
        for field in [caseID.rawValue, author, kind.rawValue] {
            message += Array(field.utf8) + [0x00]
        }
        return message + Array(text.utf8)
    }
}
