import AuditLog
import Testing

/// c2sp.org/tlog-checkpoint: strict parsing and rendering, and signing round trips.
@Suite("C2SP checkpoints")
struct CheckpointTests {
    static let root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="

    @Test func rendersAndParsesTheSpecLayout() throws {
        let store = try Fixtures.store(Fixtures.standardLeaves)
        let checkpoint = try Checkpoint(origin: "example.com/log", size: 8, rootHash: store.root())
        #expect(checkpoint.text == "example.com/log\n8\n\(Self.root)\n")
        #expect(try Checkpoint(parsing: checkpoint.text) == checkpoint)
        let extended = try Checkpoint(parsing: "example.com/log\n8\n\(Self.root)\nextension one\nextension two\n")
        #expect(extended.extensionLines == ["extension one", "extension two"])
        #expect(try Checkpoint(parsing: extended.text) == extended)
        #expect(try Checkpoint(parsing: "o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n").rootHash == MerkleHash.emptyRoot)
        #expect(try Checkpoint(parsing: "o\n18446744073709551615\n\(Self.root)\n").size == UInt64.max)
    }

    @Test(arguments: [
        "example.com/log\n8\n\(root)",                    // no final newline
        "example.com/log\n8\n",                           // no root line
        "\n8\n\(root)\n",                                 // empty origin
        "example.com/log\n08\n\(root)\n",                 // leading zero
        "example.com/log\n+8\n\(root)\n",                 // sign
        "example.com/log\n 8\n\(root)\n",                 // space
        "example.com/log\n\n\(root)\n",                   // empty size
        "example.com/log\n18446744073709551616\n\(root)\n",  // overflows UInt64
        "example.com/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg\n",  // unpadded
        "example.com/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\n", // non-canonical
        "example.com/log\n8\nAAAA\n",                      // 3-byte root
        "example.com/log\n8\n\(root)\n\n",                // empty extension line
        "example.com/log\n8\n\(root)\next\r\n",            // control character
    ])
    func malformedCheckpointsAreRejected(text: String) {
        let error = #expect(throws: AuditLogError.self) { try Checkpoint(parsing: text) }
        #expect(error?.code == .malformedCheckpoint)
    }

    @Test func constructionValidates() {
        #expect(throws: AuditLogError.self) { try Checkpoint(origin: "", size: 0, rootHash: MerkleHash.emptyRoot) }
        #expect(throws: AuditLogError.self) { try Checkpoint(origin: "a\nb", size: 0, rootHash: MerkleHash.emptyRoot) }
        #expect(throws: AuditLogError.self) { try Checkpoint(origin: "a", size: 0, rootHash: [1]) }
        #expect(throws: AuditLogError.self) { try Checkpoint(origin: "a", size: 0, rootHash: MerkleHash.emptyRoot, extensionLines: [""]) }
    }

    @Test func signedCheckpointRoundTrips() throws {
        let signer = try Fixtures.signer()
        let store = try Fixtures.store(Fixtures.entries(11))
        let checkpoint = try Fixtures.checkpoint(store, size: 11)
        let note = try checkpoint.signedNote(by: signer)
        #expect(note.encoded.hasPrefix("safeintake.example/audit\n11\n"))
        #expect(note.encoded.contains("\n\n— safeintake.example/audit "))
        let key = try NoteVerifierKey(parsing: signer.encodedVerifierKey)
        #expect(try Checkpoint.verified(from: note.encoded, key: key) == checkpoint)

        // The size changed after signing: the signature no longer holds.
        let edited = note.encoded.replacingOccurrences(of: "\n11\n", with: "\n12\n")
        let error = #expect(throws: AuditLogError.self) { try Checkpoint.verified(from: edited, key: key) }
        #expect(error?.code == .badSignature)
    }

    @Test func anotherLogsCheckpointIsRefused() throws {
        let signer = try Fixtures.signer()
        let store = try Fixtures.store(Fixtures.entries(3))
        let foreign = try Fixtures.checkpoint(store, size: 3, origin: "other.example/log")
        let note = try foreign.signedNote(by: signer)
        let error = #expect(throws: AuditLogError.self) { try Checkpoint.verified(from: note, key: signer.verifierKey) }
        #expect(error?.code == .originMismatch)
        #expect(try Checkpoint.verified(from: note, key: signer.verifierKey, origin: "other.example/log") == foreign)
    }
}
