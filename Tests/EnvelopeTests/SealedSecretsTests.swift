import Foundation
import Envelope
import Sodium
import Testing

/// The secrets a backup carries, sealed under a passphrase (Docs/format.md §5.4).
@Suite("sealed secrets: Argon2id + secretbox over every file at once")
struct SealedSecretsTests {
    let passphrase = SecureBytes(copying: Array("four unrelated words here".utf8))
    let files = [SealedSecrets.File(name: "token-pepper", contents: SecureBytes(randomCount: 32)),
                 SealedSecrets.File(name: "log-signing.key", contents: SecureBytes(randomCount: 32)),
                 SealedSecrets.File(name: "operator.pub", contents: SecureBytes(copying: Array("{\"public\": true}\n".utf8)))]

    @Test("what is sealed opens with the passphrase, every name and byte the same, and shows none in the clear")
    func roundTrip() throws {
        let sealed = try SealedSecrets.seal(files, passphrase: passphrase, cost: .minimum)
        for file in files {
            #expect(sealed.range(of: Data(file.contents.copyBytes())) == nil)
        }
        let opened = try SealedSecrets.open(sealed) { passphrase }
        #expect(opened.map(\.name) == files.map(\.name))
        for (a, b) in zip(opened, files) { #expect(a.contents.constantTimeEquals(b.contents)) }
    }

    @Test("a wrong passphrase and a changed byte are both refused as wrong_passphrase, naming no secret")
    func refusals() throws {
        let sealed = try SealedSecrets.seal(files, passphrase: passphrase, cost: .minimum)
        #expect(throws: EnvelopeError.self) { _ = try SealedSecrets.open(sealed) { SecureBytes(copying: Array("not it at all, sorry".utf8)) } }
        var object = try #require(try JSONSerialization.jsonObject(with: sealed) as? [String: Any])
        let encoded = try #require(object["ciphertext"] as? String)
        var ciphertext = try #require(Data(base64Encoded: encoded))
        ciphertext[ciphertext.count / 2] ^= 0x01
        object["ciphertext"] = ciphertext.base64EncodedString()
        let altered = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try SealedSecrets.open(altered) { passphrase }
            Issue.record("an altered file opened")
        } catch let error as EnvelopeError {
            #expect(error.code == .wrongPassphrase)
        }
    }

    @Test("a file asking for more than 1 GiB of Argon2id memory is refused before the passphrase is asked")
    func costCap() throws {
        let sealed = try SealedSecrets.seal(files, passphrase: passphrase, cost: .minimum)
        var object = try #require(try JSONSerialization.jsonObject(with: sealed) as? [String: Any])
        object["memlimit"] = 1 << 34
        var asked = false
        #expect(throws: EnvelopeError.self) {
            _ = try SealedSecrets.open(try JSONSerialization.data(withJSONObject: object)) { asked = true; return passphrase }
        }
        #expect(!asked)
    }
}
