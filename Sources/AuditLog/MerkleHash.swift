import Sodium

/// RFC 9162 §2.1.1 Merkle tree hashing, with SHA-256.
///
/// Leaves and interior nodes are hashed under different one-byte prefixes so that no leaf hash can
/// ever equal a node hash: without that separation an attacker could present an interior node as a
/// leaf and prove the inclusion of data that was never logged (a second-preimage attack).
public enum MerkleHash {
    /// Prefixed to a leaf's data: `leaf = SHA-256(0x00 || data)`.
    public static let leafPrefix: UInt8 = 0x00
    /// Prefixed to two child hashes: `node = SHA-256(0x01 || left || right)`.
    public static let nodePrefix: UInt8 = 0x01
    /// Every hash in the tree is a SHA-256 digest.
    public static let byteCount = 32
    /// The root of the empty tree, SHA-256 of the empty string (RFC 9162 §2.1.1).
    public static let emptyRoot: [UInt8] = SHA256.hash([])

    /// The hash of one log entry.
    public static func leaf(_ data: [UInt8]) -> [UInt8] {
        SHA256.hash(prefix: leafPrefix, data)
    }

    /// The hash of an interior node from its two children.
    public static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        SHA256.hash(prefix: nodePrefix, left, right)
    }
}
