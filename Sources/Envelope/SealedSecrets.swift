import Foundation
import Sodium

/// The daemon's `secrets/` files sealed under a passphrase, as a backup carries them
/// (Docs/format.md §5.4): Argon2id derives the key from the passphrase and a fresh salt, and one
/// secretbox (XSalsa20-Poly1305, fresh random nonce) seals every file together, so a changed,
/// dropped or swapped file fails to open as a whole. The same construction as a private key file
/// (§5.2), for the same reason: a passphrase a person types protects a few hundred bytes at rest.
///
/// ```
/// {"safeintake_sealed_secrets": 1, "protection": "argon2id-secretbox", "salt": B64, "opslimit": N,
///  "memlimit": N, "nonce": B64, "ciphertext": B64}
/// plaintext: for each file, u8 name length, name (UTF-8), u32 big-endian length, contents
/// ```
public enum SealedSecrets {
    /// A file of the secrets folder: its name and contents.
    public struct File: Sendable {
        public let name: String
        public let contents: SecureBytes
        public init(name: String, contents: SecureBytes) {
            self.name = name
            self.contents = contents
        }
    }

    struct Contents: Codable {
        var safeintake_sealed_secrets: Int
        var protection: String
        var salt: String
        var opslimit: UInt64
        var memlimit: Int
        var nonce: String
        var ciphertext: String
    }

    /// Opening refuses costs above these: a file from elsewhere must not make the restore
    /// allocate gigabytes or spin for minutes before the passphrase is even checked.
    static let maximumCost = PasswordHash.Cost(operations: 16, memoryBytes: 1 << 30)

    /// Seals `files` under `passphrase`. Names are plain file names of at most 255 bytes.
    public static func seal(_ files: [File], passphrase: SecureBytes, cost: PasswordHash.Cost = .moderate) throws -> Data {
        let total = try files.reduce(0) { sum, file in
            guard !file.name.isEmpty, file.name.utf8.count <= 255, !file.name.contains("/") else {
                throw EnvelopeError(.malformedPlaintext, "a secrets file name must be a plain name of 1 to 255 bytes, got \"\(file.name)\"")
            }
            return sum + 1 + file.name.utf8.count + 4 + file.contents.count
        }
        let plaintext = SecureBytes(count: total) { (out: UnsafeMutableRawBufferPointer) -> Void in
            var at = 0
            for file in files {
                let name = Array(file.name.utf8)
                out[at] = UInt8(name.count)
                at += 1
                for byte in name { out[at] = byte; at += 1 }
                let length = UInt32(file.contents.count)
                for shift in stride(from: 24, through: 0, by: -8) { out[at] = UInt8(truncatingIfNeeded: length >> UInt32(shift)); at += 1 }
                file.contents.withUnsafeBytes { bytes in
                    if let base = bytes.baseAddress { (out.baseAddress! + at).copyMemory(from: base, byteCount: bytes.count) }
                }
                at += file.contents.count
            }
        }
        let salt = Random.bytes(PasswordHash.saltBytes)
        let key = try PasswordHash.derive(length: SecretBox.keyBytes, password: passphrase, salt: salt, cost: cost)
        let sealed = try SecretBox.seal(plaintext, key: key)
        let contents = Contents(safeintake_sealed_secrets: 1, protection: "argon2id-secretbox", salt: Base64.encode(salt),
                                opslimit: cost.operations, memlimit: cost.memoryBytes,
                                nonce: Base64.encode(sealed.nonce), ciphertext: Base64.encode(sealed.ciphertext))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(contents) + Data("\n".utf8)
    }

    /// Opens what `seal` wrote. `passphrase` is asked for after the file's shape was checked.
    public static func open(_ data: Data, passphrase: () throws -> SecureBytes) throws -> [File] {
        guard let contents = try? JSONDecoder().decode(Contents.self, from: data) else {
            throw EnvelopeError(.malformedKeyFile, "not SafeIntake sealed secrets (expected the JSON of Docs/format.md §5.4)")
        }
        guard contents.safeintake_sealed_secrets == 1, contents.protection == "argon2id-secretbox" else {
            throw EnvelopeError(.unsupportedVersion, "sealed secrets version \(contents.safeintake_sealed_secrets) (\(contents.protection)) is not supported by this build")
        }
        guard let salt = Base64.decode(contents.salt), let nonce = Base64.decode(contents.nonce),
              let ciphertext = Base64.decode(contents.ciphertext) else {
            throw EnvelopeError(.malformedKeyFile, "the sealed secrets are not valid base64")
        }
        let cost = PasswordHash.Cost(operations: contents.opslimit, memoryBytes: contents.memlimit)
        guard cost.operations <= maximumCost.operations, cost.memoryBytes <= maximumCost.memoryBytes else {
            throw EnvelopeError(.malformedKeyFile, "the sealed secrets ask for an Argon2id cost above \(maximumCost.operations) passes and 1 GiB: not written by SafeIntake")
        }
        let key = try PasswordHash.derive(length: SecretBox.keyBytes, password: try passphrase(), salt: salt, cost: cost)
        let plaintext: SecureBytes
        do {
            plaintext = try SecretBox.open(ciphertext, nonce: nonce, key: key)
        } catch {
            throw EnvelopeError(.wrongPassphrase, "wrong passphrase for the sealed secrets (or the backup was altered)")
        }
        return try plaintext.withUnsafeBytes { bytes throws(EnvelopeError) -> [File] in
            var files: [File] = []
            var at = 0
            while at < bytes.count {
                let nameLength = Int(bytes[at])
                at += 1
                guard at + nameLength + 4 <= bytes.count,
                      let name = String(bytes: bytes[at..<(at + nameLength)], encoding: .utf8) else {
                    throw EnvelopeError(.malformedPlaintext, "the sealed secrets are cut short")
                }
                at += nameLength
                let length = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
                at += 4
                guard at + length <= bytes.count else { throw EnvelopeError(.malformedPlaintext, "the sealed secrets are cut short") }
                files.append(File(name: name, contents: SecureBytes(copying: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + length)]))))
                at += length
            }
            return files
        }
    }
}
