import Foundation
@testable import Envelope
import Sodium
import Testing

/// Notes, format 2 (signed by their author) and format 1 (before notes were signed): Docs/format.md §3.1.
@Suite("case notes: signed format 2, unsigned format 1 still readable")
struct CaseNoteTests {
    let caseID = CaseID.generate()
    let key = AEAD.generateKey()
    let author: AgencyKeyPair
    let stranger: AgencyKeyPair

    init() throws {
        author = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        stranger = try AgencyKeyPair.generate(name: "inspector-2", role: .inspector)
    }

    func signingKey(_ keyID: String) -> [UInt8]? {
        [author, stranger].first { $0.publicKey.keyID == keyID }?.publicKey.signPublicKey
    }

    func plaintext(of record: [UInt8]) throws -> [String: Any] {
        let bytes = try SealedRecord.open(record, expecting: .note, caseID: caseID, caseKey: key).copyBytes()
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("a note is written in format 2, signed by its author, and opens verified")
    func signed() throws {
        let note = CaseNote(caseID: caseID, author: author.publicKey.keyID, kind: .outcome, text: "Back pay recovered: RM 2,700 ✓")
        let record = try note.seal(caseKey: key, signedBy: author.signing)
        let json = try plaintext(of: record)
        #expect(json["v"] as? Int == 2)
        let signature = try #require((json["sig"] as? String).flatMap(Base64.decode))
        let message = Array("safeintake/case-note/v2".utf8) + [0] + Array(caseID.rawValue.utf8) + [0] + Array(author.publicKey.keyID.utf8)
            + [0] + Array("outcome".utf8) + [0] + Array(note.text.utf8)
        #expect(SigningKeyPair.verify(signature: signature, message: message, publicKey: author.publicKey.signPublicKey),
                "the signed bytes are exactly those of Docs/format.md §3.1")
        let opened = try CaseNote.open(record, caseID: caseID, caseKey: key, signingKey: signingKey)
        #expect(opened == note && opened.isSigned)
    }

    @Test("a format-2 note signed by another key than the author it names, or by an unknown key, does not open")
    func forged() throws {
        let claimed = CaseNote(caseID: caseID, author: author.publicKey.keyID, kind: .note, text: "Close this case")
        let forged = try claimed.seal(caseKey: key, signedBy: stranger.signing)
        let error = #expect(throws: EnvelopeError.self) { try CaseNote.open(forged, caseID: caseID, caseKey: key, signingKey: signingKey) }
        #expect(error?.code == .badSignature)
        let genuine = try claimed.seal(caseKey: key, signedBy: author.signing)
        #expect(throws: EnvelopeError.self) { try CaseNote.open(genuine, caseID: caseID, caseKey: key, signingKey: { _ in nil }) }
    }

    @Test("a format-2 note whose text, kind or author was changed after signing does not open")
    func tampered() throws {
        let note = CaseNote(caseID: caseID, author: author.publicKey.keyID, kind: .note, text: "Employer interviewed")
        var json = try plaintext(of: try note.seal(caseKey: key, signedBy: author.signing))
        for (member, value) in [("text", "Employer not interviewed"), ("kind", "outcome"), ("author", stranger.publicKey.keyID)] {
            var edited = json
            edited[member] = value
            let bytes = try JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys])
            let record = try SealedRecord.seal(SecureBytes(copying: [UInt8](bytes)), type: .note, caseID: caseID, caseKey: key)
            let error = #expect(throws: EnvelopeError.self, "\(member)") { try CaseNote.open(record, caseID: caseID, caseKey: key, signingKey: signingKey) }
            #expect(error?.code == .badSignature, "\(member)")
        }
        json["v"] = 3
        let future = try SealedRecord.seal(SecureBytes(copying: [UInt8](try JSONSerialization.data(withJSONObject: json))), type: .note,
                                           caseID: caseID, caseKey: key)
        let error = #expect(throws: EnvelopeError.self) { try CaseNote.open(future, caseID: caseID, caseKey: key, signingKey: signingKey) }
        #expect(error?.code == .unsupportedVersion)
    }

    @Test("a format-1 note (unsigned, as written before) still opens, marked unsigned; a signature without a version is refused")
    func format1() throws {
        let note = CaseNote(caseID: caseID, author: author.publicKey.keyID, kind: .note, text: "Written in 2026-11")
        let record = try note.sealUnsignedFormat1(caseKey: key)
        let json = try plaintext(of: record)
        #expect(Set(json.keys) == ["author", "case", "kind", "text"], "exactly the first format's members")
        let opened = try CaseNote.open(record, caseID: caseID, caseKey: key, signingKey: { _ in nil })
        #expect(opened.text == note.text && opened.author == note.author && !opened.isSigned && opened.format == 1)

        var downgraded = try plaintext(of: try note.seal(caseKey: key, signedBy: author.signing))
        downgraded["v"] = nil
        let bytes = try JSONSerialization.data(withJSONObject: downgraded)
        let odd = try SealedRecord.seal(SecureBytes(copying: [UInt8](bytes)), type: .note, caseID: caseID, caseKey: key)
        #expect(throws: EnvelopeError.self) { try CaseNote.open(odd, caseID: caseID, caseKey: key, signingKey: signingKey) }
    }

    @Test("a reader of format 1 (members it does not know ignored) still reads a format-2 note")
    func olderReaders() throws {
        struct FirstFormat: Decodable { var author: String; var kind: String; var text: String }
        let note = CaseNote(caseID: caseID, author: author.publicKey.keyID, kind: .note, text: "Readable by old clients")
        let bytes = try SealedRecord.open(try note.seal(caseKey: key, signedBy: author.signing), expecting: .note, caseID: caseID, caseKey: key)
        let old = try JSONDecoder().decode(FirstFormat.self, from: Data(bytes.copyBytes()))
        #expect(old.text == note.text && old.author == note.author)
    }
}
