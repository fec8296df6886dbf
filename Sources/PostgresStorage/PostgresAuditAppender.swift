import AuditLog
import NIOCore
import PostgresNIO

/// Appends audit entries inside the caller's transaction, with the Merkle nodes each completes, so
/// an entry and the change it records commit or roll back together.
///
/// With several daemons on one database the log must still be one sequence: every append first
/// locks the single `audit_log_head` row (`SELECT ... FOR UPDATE`), which holds the log's size.
/// A second daemon's append waits on that lock until the first commits, then reads the new size
/// (READ COMMITTED re-reads a row it waited for) and the nodes the first wrote. So appends are
/// serialised across daemons, every index is used once, and the tree is the same whichever daemon
/// wrote an entry. The lock is taken just before the entries are written, to keep it short: it is
/// held through COMMIT, so the log's append rate is bounded by the server's commit (fsync) rate.
enum PostgresAuditAppender {
    /// Appends `entries` and returns the index of the first (the log's size before the append).
    @discardableResult
    static func append(_ entries: [[UInt8]], in session: PostgresSession) throws -> UInt64 {
        guard !entries.isEmpty else { return try size(session) }
        let first = try lockedSize(session)
        var pending = PendingNodes(session: session)
        var indices: [Int64] = []
        for (offset, data) in entries.enumerated() {
            let index = first + UInt64(offset)
            indices.append(Int64(index))
            let nodes = try MerkleTree.nodesToStore(appendingLeafHash: MerkleHash.leaf(data), at: index, reader: pending)
            pending.add(nodes)
        }
        try session.execute("""
            INSERT INTO audit_entries (entry_index, data)
            SELECT * FROM unnest(\(indices)::BIGINT[], \(entries.map(\.bytea))::BYTEA[])
            """)
        try session.execute("""
            INSERT INTO audit_nodes (level, node_index, hash)
            SELECT * FROM unnest(\(pending.levels)::INTEGER[], \(pending.indices)::BIGINT[], \(pending.hashes)::BYTEA[])
            """)
        try session.execute("UPDATE audit_log_head SET size = \(Int64(first) + Int64(entries.count))")
        return first
    }

    /// The log's size, read without a lock: a committed size whose entries and nodes are all there.
    static func size(_ session: PostgresSession) throws -> UInt64 {
        try readSize(session, "SELECT size FROM audit_log_head")
    }

    /// Takes the log's lock now rather than at the append, for transactions whose reads must not be
    /// overtaken by another daemon's append (the policy history). Held until the transaction ends.
    static func lock(_ session: PostgresSession) throws {
        _ = try lockedSize(session)
    }

    /// The log's size with its head row locked until the transaction ends.
    private static func lockedSize(_ session: PostgresSession) throws -> UInt64 {
        try readSize(session, "SELECT size FROM audit_log_head FOR UPDATE")
    }

    private static func readSize(_ session: PostgresSession, _ query: PostgresQuery) throws -> UInt64 {
        guard let row = try session.rows(query).first else {
            throw PostgresStoreError(.corruptRow, "the audit_log_head row is missing; the database was edited by hand or not migrated")
        }
        let size = try decodeRow { try row.decode(Int64.self) }
        return UInt64(size)
    }
}

/// Nodes computed in this append but not yet written, in front of the ones in the database: a
/// batch of entries can complete subtrees whose children it wrote itself.
private struct PendingNodes: MerkleNodeReader {
    let session: PostgresSession
    private var written: [NodeKey: [UInt8]] = [:]
    private(set) var levels: [Int32] = []
    private(set) var indices: [Int64] = []
    private(set) var hashes: [ByteBuffer] = []

    init(session: PostgresSession) {
        self.session = session
    }

    mutating func add(_ nodes: [MerkleNode]) {
        for node in nodes {
            written[NodeKey(level: node.level, index: node.index)] = node.hash
            levels.append(Int32(node.level))
            indices.append(Int64(node.index))
            hashes.append(node.hash.bytea)
        }
    }

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        if let hash = written[NodeKey(level: level, index: index)] { return hash }
        return try SessionNodeReader(session: session).node(level: level, index: index)
    }

    private struct NodeKey: Hashable {
        let level: Int
        let index: UInt64
    }
}

/// Reads Merkle nodes on one session (inside its transaction, when it has one).
struct SessionNodeReader: MerkleNodeReader {
    let session: PostgresSession

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        let rows = try session.rows("SELECT hash FROM audit_nodes WHERE level = \(Int32(level)) AND node_index = \(Int64(index))")
        guard let row = rows.first else {
            throw AuditLogError(.missingNode, "the audit log has no stored node at level \(level), index \(index): it is shorter than asked or damaged")
        }
        return [UInt8](bytea: try decodeRow { try row.decode(ByteBuffer.self) })
    }
}

/// Reads Merkle nodes through the pool, one short read each. Callers that need one consistent view
/// use sizes they have already read, and nodes never change once written.
struct PoolNodeReader: MerkleNodeReader {
    let pool: BlockingConnectionPool

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        try pool.withSession { try SessionNodeReader(session: $0).node(level: level, index: index) }
    }
}
