import AuditLog
import Testing

/// Tampering with the log: each attack is caught, by the check that should catch it, with a
/// message that names the problem.
@Suite("Log auditor")
struct LogAuditorTests {
    /// An honest log of 20 entries; the auditor trusted it at 12 entries last time.
    struct Scenario {
        let signer: NoteSigner
        let entries: [[UInt8]]
        let store: InMemoryMerkleStore
        let previous: Checkpoint
        let signedNote: String
        let auditor: LogAuditor

        init() throws {
            signer = try Fixtures.signer()
            entries = Fixtures.entries(20)
            store = try Fixtures.store(entries)
            previous = try Fixtures.checkpoint(store, size: 12)
            signedNote = try Fixtures.checkpoint(store, size: 20).signedNote(by: signer).encoded
            auditor = LogAuditor(verifierKey: try NoteVerifierKey(parsing: signer.encodedVerifierKey))
        }

        var proof: [[UInt8]] { get throws { try store.consistencyProof(from: 12, to: 20) } }

        func audit(entries: [[UInt8]], note: String? = nil, proof: [[UInt8]]? = nil, previous: Checkpoint?? = nil) throws -> AuditReport {
            try auditor.audit(signedCheckpoint: note ?? signedNote, previous: previous ?? self.previous,
                              consistencyProof: proof ?? self.proof, entries: entries)
        }

        func failure(entries: [[UInt8]]? = nil, note: String? = nil, proof: [[UInt8]]? = nil, previous: Checkpoint?? = nil) throws -> AuditLogError? {
            let entries = entries ?? self.entries
            return #expect(throws: AuditLogError.self) {
                try audit(entries: entries, note: note, proof: proof, previous: previous)
            }
        }
    }

    @Test func anHonestLogPasses() throws {
        let s = try Scenario()
        let report = try s.audit(entries: s.entries)
        #expect(report.checkpoint.size == 20)
        #expect(report.checks.count == 3)
        #expect(report.checks[0].hasPrefix("signature:"))
        #expect(report.checks[1].hasPrefix("consistency:"))
        #expect(report.checks[2].hasPrefix("entries:"))
        // First run, nothing trusted yet.
        #expect(try s.audit(entries: s.entries, proof: [], previous: .some(nil)).checkpoint.size == 20)
        // Leaf hashes instead of data.
        let byHash = try s.auditor.audit(signedCheckpoint: s.signedNote, previous: s.previous,
                                         consistencyProof: s.proof, leafHashes: s.entries.map(MerkleHash.leaf))
        #expect(byHash == report)
    }

    @Test func aChangedEntryIsDetected() throws {
        let s = try Scenario()
        var recent = s.entries
        recent[15][3] ^= 0x20
        let error = try s.failure(entries: recent)
        #expect(error?.code == .recomputedRootMismatch)
        #expect(error?.reason.contains("an entry was changed, removed, inserted or reordered") == true)

        var old = s.entries
        old[3][3] ^= 0x20
        let oldError = try s.failure(entries: old)
        #expect(oldError?.code == .historyRewritten)
        #expect(oldError?.reason.contains("the first 12 entries recompute") == true)
    }

    @Test func aDroppedEntryIsDetected() throws {
        let s = try Scenario()
        var recent = s.entries
        recent.remove(at: 16)
        let error = try s.failure(entries: recent)
        #expect(error?.code == .entryCountMismatch)
        #expect(error?.reason.contains("covers 20 entries but only 19 were supplied") == true)

        var old = s.entries
        old.remove(at: 5)
        #expect(try s.failure(entries: old)?.code == .historyRewritten)

        // With indices, as the HTTP API delivers them, the gap itself is named.
        var replay = s.auditor.replay(checkpoint: try s.auditor.verifyCheckpoint(s.signedNote), previous: s.previous)
        for i in 0..<16 { try replay.append(entryData: s.entries[i], index: UInt64(i)) }
        let gap = #expect(throws: AuditLogError.self) { try replay.append(entryData: s.entries[17], index: 17) }
        #expect(gap?.code == .entryCountMismatch)
        #expect(gap?.reason.contains("entries 16..<17 are missing") == true)

        // A surplus entry is named too.
        let surplus = try s.failure(entries: s.entries + [s.entries[0]])
        #expect(surplus?.code == .entryCountMismatch)
        #expect(surplus?.reason.contains("more entries were supplied than the 20") == true)
    }

    @Test func reorderedEntriesAreDetected() throws {
        let s = try Scenario()
        var recent = s.entries
        recent.swapAt(14, 17)
        let error = try s.failure(entries: recent)
        #expect(error?.code == .recomputedRootMismatch)

        var old = s.entries
        old.swapAt(2, 9)
        #expect(try s.failure(entries: old)?.code == .historyRewritten)

        var across = s.entries
        across.swapAt(11, 12)  // straddles the trusted size
        #expect(try s.failure(entries: across)?.code == .historyRewritten)
    }

    /// The operator rewrites entry 4, rebuilds the tree, and signs with the real log key.
    @Test func aReSignedForkedHistoryIsDetected() throws {
        let s = try Scenario()
        var forkedEntries = s.entries
        forkedEntries[4] = Fixtures.entries(1, tag: "rewritten")[0]
        let forked = try Fixtures.store(forkedEntries)

        // A longer forked checkpoint, with the consistency proof the forked store produces.
        let forkedNote = try Fixtures.checkpoint(forked, size: 20).signedNote(by: s.signer).encoded
        let error = try s.failure(entries: forkedEntries, note: forkedNote, proof: forked.consistencyProof(from: 12, to: 20))
        #expect(error?.code == .inconsistent)
        #expect(error?.reason.contains("is not proven to extend the log at 12 entries") == true)
        // Even with the honest proof, the forked root does not fit.
        #expect(try s.failure(entries: forkedEntries, note: forkedNote)?.code == .inconsistent)

        // A forked checkpoint at the very size the auditor already trusts.
        let sameSize = try Fixtures.checkpoint(forked, size: 12).signedNote(by: s.signer).encoded
        let fork = try s.failure(entries: Array(forkedEntries.prefix(12)), note: sameSize, proof: [])
        #expect(fork?.code == .fork)
        #expect(fork?.reason.contains("two different roots for the same 12 entries") == true)

        // An auditor who kept no state still catches it if the entries are the honest ones.
        let stateless = try s.failure(entries: s.entries, note: forkedNote, proof: [], previous: .some(nil))
        #expect(stateless?.code == .recomputedRootMismatch)
    }

    @Test func aShrunkenLogIsDetected() throws {
        let s = try Scenario()
        let shrunk = try Fixtures.checkpoint(s.store, size: 10).signedNote(by: s.signer).encoded
        let error = try s.failure(entries: Array(s.entries.prefix(10)), note: shrunk, proof: [])
        #expect(error?.code == .rollback)
        #expect(error?.reason.contains("the log shrank from 12 entries") == true)
    }

    @Test func signatureProblemsAreDetected() throws {
        let s = try Scenario()
        // Another key signs an otherwise honest checkpoint.
        let impostor = try Fixtures.signer(99)
        let forged = try Fixtures.checkpoint(s.store, size: 20).signedNote(by: impostor).encoded
        #expect(try s.failure(note: forged)?.code == .noTrustedSignature)
        // The size in the signed text is edited.
        let edited = s.signedNote.replacingOccurrences(of: "\n20\n", with: "\n19\n")
        #expect(try s.failure(entries: Array(s.entries.prefix(19)), note: edited)?.code == .badSignature)
        // Not a note at all.
        #expect(try s.failure(note: "hello")?.code == .malformedNote)
    }

    @Test func aPreviousCheckpointOfAnotherLogIsRefused() throws {
        let s = try Scenario()
        let foreign = try Fixtures.checkpoint(s.store, size: 12, origin: "other.example/log")
        #expect(try s.failure(previous: .some(foreign))?.code == .originMismatch)
    }

    @Test func anEmptyPreviousCheckpointIsExtendedByAnyLog() throws {
        let s = try Scenario()
        let empty = try Checkpoint(origin: s.signer.name, size: 0, rootHash: MerkleHash.emptyRoot)
        #expect(try s.audit(entries: s.entries, proof: [], previous: .some(empty)).checkpoint.size == 20)
        let bogusEmpty = try Checkpoint(origin: s.signer.name, size: 0, rootHash: [UInt8](repeating: 1, count: 32))
        #expect(try s.failure(proof: [], previous: .some(bogusEmpty))?.code == .fork)
    }
}
