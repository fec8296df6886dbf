import AuditLog
import Foundation
import Storage
import Testing

/// The audit log as SQLite stores it, checked against `InMemoryMerkleStore` (the same layout kept in
/// memory) and against `MerkleVerifier`'s one-pass root (a different algorithm altogether).
@Suite("Audit log in SQLite")
struct AuditLogStorageTests {
    static let count = 2500

    /// 256-byte entries, like the daemon's padded events, each distinct.
    static let entries: [[UInt8]] = (0..<count).map { i in
        let text = Array(#"{"type":"test","n":\#(i)}"#.utf8)
        return text + repeatElement(UInt8(ascii: " "), count: 256 - text.count)
    }

    /// Tree sizes to compare: the edges around powers of two, and a spread in between.
    static let sizes: [UInt64] = [1, 2, 3, 4, 5, 1023, 1024, 1025, 1536, 2047, 2048, 2049, 2499, 2500]
        + Array(stride(from: 7, to: UInt64(count), by: 211))

    @Test("batched, fsync'd and unsynced benchmark appends build the reference tree; its proofs verify")
    func benchmarkAppendsMatchReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(directory: folder)

        // Uneven batches across power-of-two boundaries, then single appends in both modes.
        let entries = Self.entries
        try store.appendAuditEntriesForBenchmark(Array(entries[0..<1]))
        try store.appendAuditEntriesForBenchmark(Array(entries[1..<1100]))
        for entry in entries[1100..<1110] { try store.appendAuditEntriesForBenchmark([entry]) }
        for entry in entries[1110..<1120] { try store.appendAuditEntriesForBenchmark([entry], fsync: false) }
        try store.appendAuditEntriesForBenchmark(Array(entries[1120...]))
        #expect(try store.effectiveSettings()["synchronous"] == "2", "appends without fsync must put synchronous = FULL back")

        let reference = InMemoryMerkleStore()
        for entry in entries { try reference.append(leafData: entry) }
        #expect(try store.auditLogSize() == UInt64(Self.count))
        #expect(try store.auditEntries(0..<UInt64(Self.count)) == entries)
        let reader = store.auditNodeReader()
        #expect(try MerkleTree.root(size: UInt64(Self.count), reader: reader) == MerkleVerifier.root(ofLeafHashes: entries.map(MerkleHash.leaf)))

        for size in Self.sizes {
            let root = try reference.root(size: size)
            #expect(try MerkleTree.root(size: size, reader: reader) == root, "root at \(size)")
            for index in Set([0, size / 3, size - 1]) {
                let proof = try MerkleTree.inclusionProof(index: index, size: size, reader: reader)
                #expect(proof == (try reference.inclusionProof(index: index, size: size)))
                #expect(MerkleVerifier.verifyInclusion(leafHash: MerkleHash.leaf(entries[Int(index)]), index: index, size: size, proof: proof, root: root),
                        "inclusion of \(index) in \(size)")
            }
            let old = size / 2 + 1
            let proof = try MerkleTree.consistencyProof(from: old, to: size, reader: reader)
            #expect(MerkleVerifier.verifyConsistency(from: old, to: size, proof: proof, oldRoot: try reference.root(size: old), newRoot: root),
                    "consistency from \(old) to \(size)")
        }
    }
}
