import AuditLog
import CFuzzerDriver
import Foundation

/// The auditor's proof checks (`MerkleVerifier`, RFC 9162 §2.1.3.2 and §2.1.4.2) against a real
/// log of up to 64 entries, with proofs the fuzzer tampers with.
///
/// Properties: every true inclusion and consistency proof verifies (completeness), and no
/// tampered one does (soundness): a flipped bit, a hash dropped, added, replaced or moved, a leaf
/// claimed at another index, or a consistency proof claimed from another old size. The tree size
/// itself is left alone: the root is what binds a size, through the signed checkpoint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMerkleProofs(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count >= 4 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: start, count: count))
    let size = UInt64(input[0] % 64) + 1
    let index = UInt64(input[1]) % size
    let log = logs[Int(size)]
    let root = try! log.root(size: size)

    let leafHash = MerkleHash.leaf(try! log.leafData(at: index))
    let inclusion = try! log.inclusionProof(index: index, size: size)
    precondition(MerkleVerifier.verifyInclusion(leafHash: leafHash, index: index, size: size, proof: inclusion, root: root),
                 "a true inclusion proof for leaf \(index) of \(size) was refused")
    if let (claimedIndex, tampered) = tamper(inclusion, index: index, size: size, with: input[2...]) {
        precondition(!MerkleVerifier.verifyInclusion(leafHash: leafHash, index: claimedIndex, size: size, proof: tampered, root: root),
                     "a tampered inclusion proof for leaf \(index) of \(size) (as leaf \(claimedIndex)) was accepted")
    }

    let from = index + 1  // 1...size: a proof from the empty tree is refused by design
    let oldRoot = try! log.root(size: from)
    let consistency = try! log.consistencyProof(from: from, to: size)
    precondition(MerkleVerifier.verifyConsistency(from: from, to: size, proof: consistency, oldRoot: oldRoot, newRoot: root),
                 "a true consistency proof from \(from) to \(size) was refused")
    if let (claimedFrom, tampered) = tamper(consistency, index: from, size: size + 1, with: input[2...]), claimedFrom >= 1 {
        precondition(!MerkleVerifier.verifyConsistency(from: claimedFrom, to: size, proof: tampered, oldRoot: oldRoot, newRoot: root),
                     "a tampered consistency proof from \(from) to \(size) (claimed from \(claimedFrom)) was accepted")
    }
    return 0
}

/// Logs of 1 to 64 entries with distinct leaves (equal leaves would make a swapped index honest).
/// Read from libFuzzer's one thread only.
nonisolated(unsafe) private let logs: [InMemoryMerkleStore] = (0...64).map { size in
    let store = InMemoryMerkleStore()
    for entry in 0..<size { _ = try! store.append(leafData: Array("entry \(entry)".utf8)) }
    return store
}

/// One change to a proof, chosen by the fuzzer's bytes; nil when the change would leave it as it was.
private func tamper(_ proof: [[UInt8]], index: UInt64, size: UInt64, with bytes: ArraySlice<UInt8>) -> (UInt64, [[UInt8]])? {
    var proof = proof
    var index = index
    let how = bytes.first! % 6
    let at = Int(bytes.dropFirst().first ?? 0)
    let bit = Int(bytes.dropFirst(2).first ?? 0)
    switch how {
    case 0:  // flip one bit
        guard !proof.isEmpty else { return nil }
        proof[at % proof.count][(bit / 8) % 32] ^= 1 << (bit % 8)
    case 1:  // drop a hash
        guard !proof.isEmpty else { return nil }
        proof.remove(at: at % proof.count)
    case 2:  // add a hash
        proof.insert(MerkleHash.leaf([UInt8(bit)]), at: at % (proof.count + 1))
    case 3:  // replace a hash with another node of the tree
        guard !proof.isEmpty else { return nil }
        let other = MerkleHash.leaf(Array("entry \(bit % 64)".utf8))
        guard proof[at % proof.count] != other else { return nil }
        proof[at % proof.count] = other
    case 4:  // swap two hashes
        guard proof.count >= 2 else { return nil }
        let (i, j) = (at % proof.count, bit % proof.count)
        guard proof[i] != proof[j] else { return nil }
        proof.swapAt(i, j)
    default:  // claim another index (another old size, for consistency)
        let other = UInt64(at) % size
        guard other != index else { return nil }
        index = other
    }
    return (index, proof)
}

var argumentCount = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzMerkleProofs($0, $1) })
