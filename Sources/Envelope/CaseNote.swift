import Sodium

/// An internal note on a case, written by a key holder and encrypted on their machine under the
/// case key of the current epoch (Docs/format.md §3, record type 0x02). Closing a case carries its
/// outcome as a note of kind `outcome`. The server stores notes without being able to read them.
public struct CaseNote: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case note
        case outcome
    }

    public var caseID: CaseID
    /// Key id of the author (the signed request that carried it is checked against the same key).
    public var author: String
    public var kind: Kind
    public var text: String

    enum CodingKeys: String, CodingKey {
        case caseID = "case", author, kind, text
    }

    public init(caseID: CaseID, author: String, kind: Kind, text: String) {
        self.caseID = caseID
        self.author = author
        self.kind = kind
        self.text = text
    }

    /// Seals the note under the case key of one epoch.
    public func seal(caseKey: SecureBytes) throws -> [UInt8] {
        try SealedRecord.seal(SealedJSON.encode(self), type: .note, caseID: caseID, caseKey: caseKey)
    }

    /// Opens a note record and checks it names `caseID`.
    public static func open(_ record: [UInt8], caseID: CaseID, caseKey: SecureBytes) throws(EnvelopeError) -> CaseNote {
        let plaintext = try SealedRecord.open(record, expecting: .note, caseID: caseID, caseKey: caseKey)
        let note = try SealedJSON.decode(CaseNote.self, from: plaintext, what: "note")
        guard note.caseID == caseID else {
            throw EnvelopeError(.wrongCase, "the decrypted note names case \(note.caseID), not \(caseID)")
        }
        return note
    }
}
