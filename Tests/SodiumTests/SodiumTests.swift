import Foundation
import Testing
@testable import Sodium

@Suite("libsodium wrapper")
struct SodiumTests {
    @Test("sealed boxes open only with the recipient's key")
    func sealedBox() throws {
        let alice = BoxKeyPair(), mallory = BoxKeyPair()
        let message = SecureBytes(copying: Array("case key material".utf8))
        let sealed = try SealedBox.seal(message, to: alice.publicKey)
        #expect(sealed.count == message.count + SealedBox.overhead)
        #expect(try SealedBox.open(sealed, with: alice).copyBytes() == message.copyBytes())
        #expect(throws: SodiumError.self) { try SealedBox.open(sealed, with: mallory) }
        var tampered = sealed
        tampered[tampered.count - 1] ^= 1
        #expect(throws: SodiumError.self) { try SealedBox.open(tampered, with: alice) }
    }

    @Test("an empty message seals and opens")
    func emptySealedBox() throws {
        let pair = BoxKeyPair()
        let sealed = try SealedBox.seal(SecureBytes(copying: []), to: pair.publicKey)
        #expect(try SealedBox.open(sealed, with: pair).count == 0)
    }

    @Test("AEAD binds the associated data, and nonces differ per message")
    func aead() throws {
        let key = AEAD.generateKey()
        let plaintext = SecureBytes(copying: Array("wages unpaid for 5 months".utf8))
        let a = try AEAD.seal(plaintext, associatedData: Array("case-1".utf8), key: key)
        let b = try AEAD.seal(plaintext, associatedData: Array("case-1".utf8), key: key)
        #expect(a != b)
        #expect(Array(a.prefix(AEAD.nonceBytes)) != Array(b.prefix(AEAD.nonceBytes)))
        #expect(try AEAD.open(a, associatedData: Array("case-1".utf8), key: key).copyBytes() == plaintext.copyBytes())
        let wrongContext = #expect(throws: SodiumError.self) { try AEAD.open(a, associatedData: Array("case-2".utf8), key: key) }
        #expect(wrongContext?.code == .authenticationFailed)
        #expect(throws: SodiumError.self) { try AEAD.open(a, associatedData: Array("case-1".utf8), key: AEAD.generateKey()) }
        #expect(throws: SodiumError.self) { try AEAD.open(Array(a.prefix(10)), associatedData: [], key: key) }
    }

    @Test("Argon2id is deterministic for the same salt and differs across salts")
    func argon2id() throws {
        let password = SecureBytes(copying: Array("correct horse".utf8))
        let salt1 = Random.bytes(PasswordHash.saltBytes), salt2 = Random.bytes(PasswordHash.saltBytes)
        let a = try PasswordHash.derive(length: 32, password: password, salt: salt1, cost: .minimum)
        let b = try PasswordHash.derive(length: 32, password: password, salt: salt1, cost: .minimum)
        let c = try PasswordHash.derive(length: 32, password: password, salt: salt2, cost: .minimum)
        #expect(a.constantTimeEquals(b))
        #expect(!a.constantTimeEquals(c))
        #expect(throws: SodiumError.self) { try PasswordHash.derive(length: 32, password: password, salt: [1, 2], cost: .minimum) }
        #expect(throws: SodiumError.self) { try PasswordHash.derive(length: 32, password: SecureBytes(copying: []), salt: salt1, cost: .minimum) }
    }

    @Test("BLAKE2b matches the RFC 7693 test vector for \"abc\"")
    func blake2bVector() {
        // RFC 7693 Appendix A: BLAKE2b-512("abc").
        let expected = "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        #expect(hex(GenericHash.hash(Array("abc".utf8), length: 64)) == expected)
    }

    @Test("keyed BLAKE2b depends on the key")
    func keyedBlake2b() throws {
        let message = Array("token digits".utf8)
        let k1 = SecureBytes(randomCount: 32), k2 = SecureBytes(randomCount: 32)
        let a = try message.withUnsafeBytes { try GenericHash.keyedHash($0, key: k1) }
        let b = try message.withUnsafeBytes { try GenericHash.keyedHash($0, key: k1) }
        let c = try message.withUnsafeBytes { try GenericHash.keyedHash($0, key: k2) }
        #expect(a.constantTimeEquals(b))
        #expect(!a.constantTimeEquals(c))
    }

    @Test("SHA-256 matches FIPS 180-2 vectors")
    func sha256Vectors() {
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash(prefix: 0x61, Array("b".utf8), Array("c".utf8)) == SHA256.hash(Array("abc".utf8)))
    }

    @Test("Ed25519 matches RFC 8032 test 1 and rejects altered messages")
    func ed25519() throws {
        // RFC 8032 §7.1, TEST 1 (empty message).
        let seed = SecureBytes(copying: bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        let pair = try SigningKeyPair(seed: seed)
        #expect(hex(pair.publicKey) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signature = pair.sign([])
        #expect(hex(signature) == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        #expect(SigningKeyPair.verify(signature: signature, message: [], publicKey: pair.publicKey))
        #expect(!SigningKeyPair.verify(signature: signature, message: [0], publicKey: pair.publicKey))
        #expect(!SigningKeyPair.verify(signature: signature, message: [], publicKey: SigningKeyPair().publicKey))
    }

    @Test("padding hides length within the block and round-trips")
    func padding() throws {
        for length in [0, 1, 1023, 1024, 1025, 5000] {
            let data = SecureBytes(copying: [UInt8](repeating: 7, count: length))
            let padded = Padding.pad(data, blockSize: 1024)
            #expect(padded.count % 1024 == 0)
            #expect(padded.count > length)
            #expect(try Padding.unpad(padded, blockSize: 1024).copyBytes() == data.copyBytes())
        }
        #expect(throws: SodiumError.self) { try Padding.unpad(SecureBytes(copying: [UInt8](repeating: 0, count: 1024)), blockSize: 1024) }
    }

    @Test("constant-time equality compares contents and lengths")
    func constantTime() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
    }

    @Test("secretbox opens with the right key only")
    func secretBox() throws {
        let key = SecureBytes(randomCount: SecretBox.keyBytes)
        let sealed = try SecretBox.seal(SecureBytes(copying: Array("secret".utf8)), key: key)
        #expect(try SecretBox.open(sealed.ciphertext, nonce: sealed.nonce, key: key).copyBytes() == Array("secret".utf8))
        #expect(throws: SodiumError.self) { try SecretBox.open(sealed.ciphertext, nonce: sealed.nonce, key: SecureBytes(randomCount: 32)) }
    }

    @Test("wipe zeroes an array")
    func wipe() {
        var secret: [UInt8] = [1, 2, 3, 4]
        SecureBytes.wipe(&secret)
        #expect(secret == [0, 0, 0, 0])
    }

    @Test("uniform draws stay in range and cover it")
    func uniform() {
        var seen = Set<UInt32>()
        for _ in 0..<500 { seen.insert(Random.uniform(10)) }
        #expect(seen == Set(0..<10))
    }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
func bytes(_ hex: String) -> [UInt8] {
    var out = [UInt8](), chars = Array(hex)
    for i in stride(from: 0, to: chars.count, by: 2) { out.append(UInt8(String(chars[i...i + 1]), radix: 16)!) }
    return out
}

/// SHA-256 fed in pieces (backup manifests, auditors' reports) equals the one-shot hash.
@Suite("SHA-256 in pieces")
struct SHA256HasherTests {
    @Test("chunked and one-shot agree, including the empty message (FIPS 180-2 'abc' vector)")
    func chunks() {
        let message = Array((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = SHA256.Hasher()
        for start in stride(from: 0, to: message.count, by: 997) {
            message[start..<min(start + 997, message.count)].withUnsafeBytes { hasher.update($0) }
        }
        #expect(hasher.finalize() == SHA256.hash(message))
        var abc = SHA256.Hasher()
        Array("abc".utf8).withUnsafeBytes { abc.update($0) }
        #expect(abc.finalize().map { String(format: "%02x", $0) }.joined() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var empty = SHA256.Hasher()
        #expect(empty.finalize() == SHA256.hash([UInt8]()))
    }
}

@Suite("secretstream")
struct SecretStreamTests {
    static let ad = Array("context".utf8)

    @Test("streams of every chunk boundary round-trip", arguments: [0, 1, SecretStream.chunkBytes - 1, SecretStream.chunkBytes,
                                                                     SecretStream.chunkBytes + 1, 3 * SecretStream.chunkBytes + 7])
    func roundTrip(_ count: Int) throws {
        let key = SecretStream.generateKey()
        let message = SecureBytes(randomCount: count)
        let sealed = try SecretStream.seal(message, associatedData: Self.ad, key: key)
        let chunks = max(1, (count + SecretStream.chunkBytes - 1) / SecretStream.chunkBytes)
        #expect(sealed.count == SecretStream.headerBytes + count + chunks * SecretStream.chunkOverhead)
        #expect(try SecretStream.open(sealed, associatedData: Self.ad, key: key).copyBytes() == message.copyBytes())
    }

    @Test("a truncated, reordered, altered or re-contexted stream does not open")
    func tamper() throws {
        let key = SecretStream.generateKey()
        let sealed = try SecretStream.seal(SecureBytes(randomCount: 2 * SecretStream.chunkBytes + 10), associatedData: Self.ad, key: key)
        let full = SecretStream.chunkBytes + SecretStream.chunkOverhead
        let header = Array(sealed[..<SecretStream.headerBytes])
        let first = Array(sealed[SecretStream.headerBytes..<(SecretStream.headerBytes + full)])
        let second = Array(sealed[(SecretStream.headerBytes + full)..<(SecretStream.headerBytes + 2 * full)])
        let last = Array(sealed[(SecretStream.headerBytes + 2 * full)...])
        let variants: [[UInt8]] = [
            header + first + second,          // the FINAL chunk dropped: ends on a full chunk
            header + second + first + last,   // reordered
            Array(sealed.dropLast()),         // cut short
            { var b = sealed; b[SecretStream.headerBytes + 5] ^= 1; return b }(),
        ]
        for variant in variants {
            #expect(throws: SodiumError.self) { try SecretStream.open(variant, associatedData: Self.ad, key: key) }
        }
        #expect(throws: SodiumError.self) { try SecretStream.open(sealed, associatedData: Array("other".utf8), key: key) }
        #expect(throws: SodiumError.self) { try SecretStream.open(sealed, associatedData: Self.ad, key: SecretStream.generateKey()) }
    }
}
