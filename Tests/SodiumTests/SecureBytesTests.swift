import Testing
@testable import Sodium

@Suite("SecureBytes placement")
struct SecureBytesTests {
    @Test("heap and guarded buffers hold the same bytes and compare equal in constant time")
    func placementsHoldTheSameBytes() {
        let bytes: [UInt8] = Array(0..<200).map { UInt8($0) }
        let heap = SecureBytes(copying: bytes)
        let guarded = SecureBytes(copying: bytes, guarded: true)
        #expect(!heap.isGuarded)
        #expect(guarded.isGuarded)
        #expect(heap.copyBytes() == bytes)
        #expect(guarded.copyBytes() == bytes)
        #expect(heap.constantTimeEquals(guarded))
        #expect(!heap.constantTimeEquals(SecureBytes(copying: bytes.dropLast())))
    }

    @Test("a guarded copy keeps the secret; copying a guarded buffer again returns it unchanged")
    func guardedCopy() {
        let random = SecureBytes(randomCount: 32)
        let kept = random.guardedCopy()
        #expect(kept.isGuarded)
        #expect(kept.constantTimeEquals(random))
        #expect(kept.guardedCopy() === kept)
    }

    @Test("empty buffers work in both placements")
    func emptyBuffers() {
        for guarded in [false, true] {
            let empty = SecureBytes(copying: [UInt8](), guarded: guarded)
            #expect(empty.count == 0)
            #expect(empty.copyBytes().isEmpty)
        }
    }

    @Test("a failing fill leaves no buffer behind and rethrows")
    func failingFill() {
        struct Refused: Error {}
        for guarded in [false, true] {
            #expect(throws: Refused.self) {
                _ = try SecureBytes(count: 16, guarded: guarded) { (_: UnsafeMutableRawBufferPointer) throws(Refused) -> Void in
                    throw Refused()
                }
            }
        }
    }

    @Test("signing works the same from a heap seed and a guarded seed (RFC 8032 test 1)")
    func signingFromEitherPlacement() throws {
        let seedBytes = bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let fromHeap = try SigningKeyPair(seed: SecureBytes(copying: seedBytes))
        let fromGuarded = try SigningKeyPair(seed: SecureBytes(copying: seedBytes, guarded: true))
        #expect(fromHeap.publicKey == fromGuarded.publicKey)
        #expect(fromHeap.sign([]) == fromGuarded.sign([]))
        #expect(Array(fromGuarded.sign([]).prefix(8)) == bytes("e5564300c360ac72"))
    }
}
