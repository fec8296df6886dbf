import AuditLog
import Sodium

/// Pretends to store a tree of `size` leaves of any size (up to 2^63) without holding it: answers
/// every complete subtree with a made-up hash and fails on anything else, so tests can check which
/// nodes the algorithms ask for and how many.
final class SyntheticReader: MerkleNodeReader {
    struct Incomplete: Error {}
    let size: UInt64
    private(set) var reads = 0
    init(size: UInt64) { self.size = size }
    func node(level: Int, index: UInt64) throws -> [UInt8] {
        reads += 1
        guard level < 64, index < (size >> UInt64(level)) else { throw Incomplete() }
        return SHA256.hash(Array("\(level)/\(index)".utf8))
    }
}
