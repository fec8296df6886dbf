import AuditLog
import Foundation
import GRDB

/// Appends audit entries inside the caller's transaction, with the Merkle nodes each completes, so
/// an entry and the change it records commit or roll back together.
enum AuditAppender {
    static func append(_ entries: [[UInt8]], in db: Database) throws {
        guard !entries.isEmpty else { return }
        var index = try size(db)
        let reader = DatabaseNodeReader(db: db)
        for data in entries {
            try db.runCached(sql: "INSERT INTO audit_entries (entry_index, data) VALUES (?, ?)", arguments: [Int64(index), Data(data)])
            let nodes = try MerkleTree.nodesToStore(appendingLeafHash: MerkleHash.leaf(data), at: index, reader: reader)
            for node in nodes {
                guard let position = MerkleNode.appendOrderPosition(level: node.level, index: node.index) else {
                    preconditionFailure("the audit log has reached 2^62 entries")
                }
                try db.runCached(sql: "INSERT INTO audit_nodes (position, hash) VALUES (?, ?)", arguments: [position, Data(node.hash)])
            }
            index += 1
        }
    }

    static func size(_ db: Database) throws -> UInt64 {
        UInt64(try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(entry_index) + 1, 0) FROM audit_entries")) ?? 0)
    }
}

/// Reads Merkle nodes within an open transaction.
struct DatabaseNodeReader: MerkleNodeReader {
    let db: Database

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        guard let position = MerkleNode.appendOrderPosition(level: level, index: index),
              let hash = try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit_nodes WHERE position = ?"),
                                           arguments: [position]) else {
            throw MissingNode(level: level, index: index)
        }
        return [UInt8](hash)
    }
}

/// Reads Merkle nodes from the pool, each read in its own snapshot. Callers that need one
/// consistent view use sizes they have already fixed, and nodes never change once written.
struct PoolNodeReader: MerkleNodeReader {
    let pool: DatabasePool

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        try pool.read { db in try DatabaseNodeReader(db: db).node(level: level, index: index) }
    }
}

/// A Merkle node the tree algorithms asked for is not stored: the log is shorter than asked, or damaged.
struct MissingNode: Error, CustomStringConvertible {
    let level: Int
    let index: UInt64
    var description: String { "the audit log has no stored node at level \(level), index \(index): it is shorter than asked or damaged" }
}
