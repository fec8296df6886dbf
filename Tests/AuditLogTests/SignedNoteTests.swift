import AuditLog
import Foundation
import Sodium
import Testing

/// c2sp.org/signed-note: the spec's own example, byte-level tampering, unknown keys, malformed notes.
@Suite("C2SP signed notes")
struct SignedNoteTests {
    static func example() throws -> SignedNoteExample {
        try SharedVectors.decode(SignedNoteExample.self, "c2sp/signed-note-example.json")
    }

    @Test func specExampleVerifies() throws {
        let example = try Self.example()
        let key = try NoteVerifierKey(parsing: example.verifier_key)
        #expect(key.name == "example.com/foo")
        #expect(key.keyID == 0x530d903a)
        #expect(key.encoded == example.verifier_key)
        let note = try SignedNote(parsing: example.note)
        #expect(note.text == example.signed_text)
        #expect(note.encoded == example.note)
        try note.verify(key)
    }

    /// Changing any one byte of the text, or of the signature, makes the note unacceptable:
    /// either it no longer parses, or its signature no longer verifies.
    @Test func everyAlteredByteIsRejected() throws {
        let example = try Self.example()
        let key = try NoteVerifierKey(parsing: example.verifier_key)
        let bytes = Array(example.note.utf8)
        let textLength = example.signed_text.utf8.count
        var rejected = 0
        for offset in 0..<textLength {
            var altered = bytes
            altered[offset] = altered[offset] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            #expect(throws: AuditLogError.self, "text byte \(offset)") {
                try SignedNote(parsing: altered).verify(key)
            }
            rejected += 1
        }
        // The signature: flip each bit position's byte of the decoded key ID + signature.
        let note = try SignedNote(parsing: example.note)
        let signature = try #require(note.signatures.first)
        for offset in 0..<(4 + signature.signature.count) {
            var raw = withUnsafeBytes(of: signature.keyID.bigEndian, Array.init) + signature.signature
            raw[offset] ^= 0x01
            let line = "— \(signature.keyName) \(Fixtures.base64(raw))\n"
            let altered = note.text + "\n" + line
            let error = #expect(throws: AuditLogError.self, "signature byte \(offset)") {
                try SignedNote(parsing: altered).verify(key)
            }
            // A changed key ID makes the signature someone else's; a changed signature is bad.
            #expect(error?.code == (offset < 4 ? .noTrustedSignature : .badSignature))
            rejected += 1
        }
        #expect(rejected == textLength + 68)
    }

    @Test func signaturesFromUnknownKeysAreIgnored() throws {
        let example = try Self.example()
        let key = try NoteVerifierKey(parsing: example.verifier_key)
        let stranger = try Fixtures.signer(1, name: "witness.example/w1")
        // Same name as the trusted key but another key (so another key ID): also a stranger.
        let namesake = try Fixtures.signer(2, name: "example.com/foo")
        let note = try SignedNote(parsing: example.note)
            .adding(signatureBy: stranger)
            .adding(signatureBy: namesake)
        #expect(try note.verify(anyOf: [key]) == [key])
        let reparsed = try SignedNote(parsing: note.encoded)
        #expect(reparsed == note)
        try reparsed.verify(key)

        // Signed only by strangers: no trusted signature.
        let unsigned = try SignedNote(signing: example.signed_text, with: [stranger, namesake])
        let error = #expect(throws: AuditLogError.self) { try unsigned.verify(key) }
        #expect(error?.code == .noTrustedSignature)
    }

    @Test func aBadSignatureClaimingTheTrustedKeyRejectsTheWholeNote() throws {
        let example = try Self.example()
        let key = try NoteVerifierKey(parsing: example.verifier_key)
        let note = try SignedNote(parsing: example.note)
        let good = note.signatures[0]
        let forged = NoteSignature(keyName: good.keyName, keyID: good.keyID, signature: [UInt8](repeating: 7, count: 64))
        let both = try SignedNote(text: note.text, signatures: [forged, good])
        let error = #expect(throws: AuditLogError.self) { try both.verify(key) }
        #expect(error?.code == .badSignature)
    }

    @Test func ourSignaturesVerifyAndRoundTrip() throws {
        let signer = try Fixtures.signer()
        let text = "SafeIntake audit log\n\nwith an empty line inside\n"
        let note = try SignedNote(signing: text, with: [signer])
        let parsed = try SignedNote(parsing: note.encoded)
        #expect(parsed.text == text)
        #expect(parsed == note)
        try parsed.verify(signer.verifierKey)
        let key = try NoteVerifierKey(parsing: signer.encodedVerifierKey)
        #expect(key == signer.verifierKey)
        try parsed.verify(key)
    }

    @Test(arguments: [
        "",                                                        // empty
        "text\n",                                                  // no blank line, no signature
        "text\n\n",                                                // blank line but no signature
        "text\n\n— example.com/foo AAAA\n",                        // signature too short (3 bytes)
        "text\n\n— example.com/foo Uw2QOkn8\n",                    // 6 bytes: fine length, see below
        "text\n\n-- example.com/foo Uw2QOkn8srV1yJGh\n",            // not an em dash
        "text\n\n— example.com/foo Uw2QOkn8srV1yJGh",               // last line without newline
        "text\n\n— example.com/foo  Uw2QOkn8srV1yJGh\n",            // two spaces
        "text\n\n— example.com+foo Uw2QOkn8srV1yJGh\n",             // plus in name
        "text\n\n— example.com/foo Uw2QOkn8srV1yJG!\n",             // not base64
        "text\n\n— example.com/foo Uw2QOkn8srV1yJF=\n",             // non-canonical trailing bits
        "te\txt\n\n— example.com/foo Uw2QOkn8srV1yJGh\n",           // control character in text
        "text\n\n— example.com/foo Uw2QOkn8srV1yJGh\n\n",           // trailing blank line
        "text\n\n— example.com/foo Uw2QOkn8srV1yJGh\r\n",           // carriage return
    ])
    func malformedNotesAreRejected(message: String) throws {
        let key = try NoteVerifierKey(parsing: "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
        let error = #expect(throws: AuditLogError.self) { try SignedNote(parsing: message).verify(key) }
        // The 6-byte signature parses (key ID + 2 bytes) and then fails as a bad signature.
        let expected: AuditLogError.Code = message.contains("Uw2QOkn8\n") ? .badSignature : .malformedNote
        #expect(error?.code == expected, "\(error?.description ?? "")")
    }

    @Test func invalidUTF8AndOversizedNotesAreRejected() throws {
        var bytes = Array("text \u{00e9}\n\n— a/b Uw2QOkn8srV1yJGh\n".utf8)
        bytes[5] = 0xFF
        let error = #expect(throws: AuditLogError.self) { try SignedNote(parsing: bytes) }
        #expect(error?.code == .malformedNote)
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: SignedNote.maximumBytes) + Array("\n\n— a/b Uw2QOkn8srV1yJGh\n".utf8)
        #expect(throws: AuditLogError.self) { try SignedNote(parsing: huge) }
        let line = "— a/b Uw2QOkn8srV1yJGh\n"
        let crowded = "text\n\n" + String(repeating: line, count: SignedNote.maximumSignatures + 1)
        #expect(throws: AuditLogError.self) { try SignedNote(parsing: crowded) }
        #expect(throws: Never.self) { try SignedNote(parsing: "text\n\n" + String(repeating: line, count: 16)) }
    }

    @Test func noteTextMustEndWithANewline() throws {
        let signer = try Fixtures.signer()
        #expect(throws: AuditLogError.self) { try SignedNote(signing: "no newline", with: [signer]) }
        #expect(throws: AuditLogError.self) { try SignedNote(signing: "", with: [signer]) }
        #expect(throws: AuditLogError.self) { try SignedNote(signing: "bell\u{07}\n", with: [signer]) }
        #expect(throws: AuditLogError.self) { try SignedNote(text: "fine\n", signatures: []) }
    }
}

@Suite("C2SP verifier keys")
struct NoteVerifierKeyTests {
    static let example = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"

    @Test func keyIDFollowsTheRecommendedHash() throws {
        let key = try NoteVerifierKey(parsing: Self.example)
        let input = Array("example.com/foo".utf8) + [0x0A, 0x01] + key.publicKey
        let digest = SHA256.hash(input)
        #expect(key.keyID == UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3]))
        #expect(NoteVerifierKey.keyID(name: key.name, publicKey: key.publicKey) == key.keyID)
        #expect(try NoteVerifierKey(parsing: Self.example + "\n") == key)
        // Go's note package parses the ID with ParseUint(_, 16, 32), so upper case is accepted too.
        #expect(try NoteVerifierKey(parsing: Self.example.replacingOccurrences(of: "530d903a", with: "530D903A")) == key)
    }

    @Test(arguments: [
        "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",  // wrong key ID
        "example.com/bar+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",  // ID belongs to another name
        "example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",   // 7-digit ID
        "example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",  // type 0x02
        "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U",    // short key
        "example.com/foo+530d903a",                                               // no key
        "+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",                 // empty name
        "example com+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",      // space in name
    ])
    func malformedKeysAreRejected(text: String) {
        let error = #expect(throws: AuditLogError.self) { try NoteVerifierKey(parsing: text) }
        #expect(error?.code == .malformedVerifierKey)
    }
}
