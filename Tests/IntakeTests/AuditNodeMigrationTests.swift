import AuditLog
import Foundation
import GRDB
@testable import Storage
import Testing

/// Schema v5 re-keys the stored Merkle nodes (Storage/AuditNodeMigration). A log written in the v4
/// layout must come out with every root and proof unchanged, and keep growing correctly.
@Suite("Audit nodes migrate to append order")
struct AuditNodeMigrationTests {
    static let v4 = "v4: aggregate firewall tally"

    @Test("a v4 log of 1,100 entries keeps its roots and proofs, and appends after the migration extend it")
    func v4LogMigrates() throws {
        try withTemporaryFolder { folder in
            let entries = AuditLogStorageTests.entries
            let reference = InMemoryMerkleStore()
            try writeV4Log(Array(entries[..<1100]), reference: reference,
                           at: folder.appendingPathComponent(SQLiteStore.fileName))

            let store = try SQLiteStore(directory: folder)  // migrates to v5
            let reader = store.auditNodeReader()
            for size: UInt64 in [1, 2, 3, 7, 8, 9, 511, 512, 513, 1023, 1024, 1025, 1099, 1100] {
                let root = try reference.root(size: size)
                #expect(try MerkleTree.root(size: size, reader: reader) == root, "root at \(size)")
                for index in Set([0, size / 2, size - 1]) {
                    #expect(try MerkleTree.inclusionProof(index: index, size: size, reader: reader)
                            == reference.inclusionProof(index: index, size: size), "inclusion of \(index) in \(size)")
                }
            }

            try store.appendAuditEntriesForBenchmark(Array(entries[1100...]))
            for entry in entries[1100...] { try reference.append(leafData: entry) }
            let size = UInt64(entries.count)
            #expect(try MerkleTree.root(size: size, reader: reader) == MerkleVerifier.root(ofLeafHashes: entries.map(MerkleHash.leaf)))
            #expect(try MerkleTree.consistencyProof(from: 1100, to: size, reader: reader)
                    == reference.consistencyProof(from: 1100, to: size))
        }
    }

    @Test("a node no log can have stops the migration with the reason, and nothing changes")
    func damagedNodeIsRefused() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent(SQLiteStore.fileName)
            try writeV4Log(Array(AuditLogStorageTests.entries[..<5]), reference: InMemoryMerkleStore(), at: file)
            let queue = try DatabaseQueue(path: file.path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO audit_nodes (level, node_index, hash) VALUES (70, 0, zeroblob(32))")
            }
            try queue.close()

            #expect {
                _ = try SQLiteStore(directory: folder)
            } throws: { error in
                "\(error)".contains("level 70, index 0") && "\(error)".contains("damaged")
            }
            let columns = try DatabaseQueue(path: file.path).read { db in try db.columns(in: "audit_nodes").map(\.name) }
            #expect(columns == ["level", "node_index", "hash"])
        }
    }

    /// A database migrated up to v4, holding `entries` as a v4 daemon stored them.
    private func writeV4Log(_ entries: [[UInt8]], reference: InMemoryMerkleStore, at file: URL) throws {
        let queue = try DatabaseQueue(path: file.path)
        try Schema.migrator.migrate(queue, upTo: Self.v4)
        try queue.write { db in
            for (index, entry) in entries.enumerated() {
                let nodes = try MerkleTree.nodesToStore(appendingLeafHash: MerkleHash.leaf(entry), at: UInt64(index), reader: reference)
                try reference.append(leafData: entry)
                try db.execute(sql: "INSERT INTO audit_entries (entry_index, data) VALUES (?, ?)", arguments: [index, Data(entry)])
                for node in nodes {
                    try db.execute(sql: "INSERT INTO audit_nodes (level, node_index, hash) VALUES (?, ?, ?)",
                                   arguments: [node.level, Int64(node.index), Data(node.hash)])
                }
            }
        }
        try queue.close()
    }
}
