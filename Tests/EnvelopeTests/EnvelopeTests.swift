import Foundation
import Testing
import Envelope
import Sodium

@Suite("envelope format v1")
struct EnvelopeTests {
    let caseID = CaseID.generate()
    let view: AgencyView

    init() {
        view = AgencyView(caseID: caseID, language: "tl", fields: ["employer_name": "Mrs. Lim"], narrative: "Hindi ako binayaran ng 5 buwan.")
    }

    @Test("a sealed agency view opens with the case key, for its case only")
    func sealAndOpen() throws {
        let key = AEAD.generateKey()
        let record = try view.seal(caseKey: key)
        #expect(record[0] == 0x01 && record[1] == RecordType.agencyView.rawValue)
        #expect((record.count - 2 - AEAD.nonceBytes - AEAD.tagBytes) % EnvelopeFormat.paddingBlockSize == 0)
        #expect(try AgencyView.open(record, caseID: caseID, caseKey: key) == view)
        let moved = #expect(throws: EnvelopeError.self) { try AgencyView.open(record, caseID: CaseID.generate(), caseKey: key) }
        #expect(moved?.code == .cannotOpen)
        #expect(throws: EnvelopeError.self) { try AgencyView.open(record, caseID: caseID, caseKey: AEAD.generateKey()) }
    }

    @Test("unknown versions and record types are rejected before decryption")
    func versions() throws {
        let key = AEAD.generateKey()
        var record = try view.seal(caseKey: key)
        record[0] = 0x02
        #expect((#expect(throws: EnvelopeError.self) { try AgencyView.open(record, caseID: caseID, caseKey: key) })?.code == .unsupportedVersion)
        record[0] = 0x01
        record[1] = 0x7f
        #expect((#expect(throws: EnvelopeError.self) { try AgencyView.open(record, caseID: caseID, caseKey: key) })?.code == .unknownRecordType)
    }

    @Test("plaintext sizes are hidden within 1 KiB")
    func paddingHidesLength() throws {
        let key = AEAD.generateKey()
        let short = AgencyView(caseID: caseID, language: "en", fields: [:], narrative: "a")
        let longer = AgencyView(caseID: caseID, language: "en", fields: [:], narrative: String(repeating: "a", count: 700))
        #expect(try short.seal(caseKey: key).count == longer.seal(caseKey: key).count)
    }

    @Test("a key wrap opens for its recipient and its case only")
    func keyWrap() throws {
        let recipient = BoxKeyPair(), other = BoxKeyPair()
        let key = AEAD.generateKey()
        let wrap = try KeyWrap.wrap(key, caseID: caseID, to: recipient.publicKey)
        #expect(wrap.count == KeyWrap.byteCount)
        #expect(try KeyWrap.unwrap(wrap, caseID: caseID, with: recipient).constantTimeEquals(key))
        #expect((#expect(throws: EnvelopeError.self) { try KeyWrap.unwrap(wrap, caseID: caseID, with: other) })?.code == .cannotOpen)
        #expect((#expect(throws: EnvelopeError.self) { try KeyWrap.unwrap(wrap, caseID: CaseID.generate(), with: recipient) })?.code == .wrongCase)
        var future = wrap
        future[0] = 2
        #expect((#expect(throws: EnvelopeError.self) { try KeyWrap.unwrap(future, caseID: caseID, with: recipient) })?.code == .unsupportedVersion)
    }

    @Test("case ids are 32 lowercase hex characters")
    func caseIDs() {
        #expect(CaseID(CaseID.generate().rawValue) != nil)
        #expect(CaseID("ABCDEF0123456789abcdef0123456789") == nil)
        #expect(CaseID("abc") == nil)
        #expect(CaseID.generate() != CaseID.generate())
    }

    @Test("passphrase-protected key files round-trip and refuse a wrong passphrase")
    func protectedKeyFile() throws {
        let pair = try AgencyKeyPair.generate(name: "inspector-7", role: .inspector)
        let file = try pair.keyFile(passphrase: SecureBytes(copying: Array("tama na".utf8)), cost: .minimum)
        #expect(try AgencyKeyPair.needsPassphrase(keyFile: file))
        let text = String(decoding: file, as: UTF8.self)
        #expect(!text.contains(Base64.encode(pair.box.secretKey.copyBytes())))
        let reopened = try AgencyKeyPair(keyFile: file) { SecureBytes(copying: Array("tama na".utf8)) }
        #expect(reopened.publicKey == pair.publicKey)
        let wrong = #expect(throws: EnvelopeError.self) { try AgencyKeyPair(keyFile: file) { SecureBytes(copying: Array("mali".utf8)) } }
        #expect(wrong?.code == .wrongPassphrase)
    }

    @Test("dev key files need no passphrase and are marked dev-only")
    func devKeyFile() throws {
        let pair = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        let file = try pair.keyFile(passphrase: nil)
        #expect(try !AgencyKeyPair.needsPassphrase(keyFile: file))
        #expect(String(decoding: file, as: UTF8.self).contains("DEVELOPMENT KEY"))
        let reopened = try AgencyKeyPair(keyFile: file) { Issue.record("no passphrase should be asked"); return SecureBytes(copying: [1]) }
        #expect(reopened.publicKey.keyID == pair.publicKey.keyID && reopened.devOnly)
    }

    @Test("a key file whose public key was swapped is refused")
    func tamperedKeyFile() throws {
        let pair = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        let other = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        var object = try JSONSerialization.jsonObject(with: pair.keyFile(passphrase: nil)) as! [String: Any]
        object["box_public_key"] = Base64.encode(other.publicKey.boxPublicKey)
        let tampered = try JSONSerialization.data(withJSONObject: object)
        #expect((#expect(throws: EnvelopeError.self) { try AgencyKeyPair(keyFile: tampered) { SecureBytes(copying: [1]) } })?.code == .keyMismatch)
    }

    @Test("public key files round-trip and their key id is checked")
    func publicKeyFile() throws {
        let pair = try AgencyKeyPair.generate(name: "supervisor", role: .supervisor)
        let file = try pair.publicKey.publicKeyFile()
        #expect(try AgencyPublicKey(publicKeyFile: file) == pair.publicKey)
        var object = try JSONSerialization.jsonObject(with: file) as! [String: Any]
        object["key_id"] = String(repeating: "0", count: 32)
        #expect(throws: EnvelopeError.self) { try AgencyPublicKey(publicKeyFile: JSONSerialization.data(withJSONObject: object)) }
    }

    @Test("request signatures bind method, path, challenge and body")
    func requestSignatures() {
        let key = SigningKeyPair()
        let signature = AgencyRequestSignature.sign(method: "GET", pathAndQuery: "/v1/agency/cases", challenge: "c1", body: [], with: key)
        #expect(AgencyRequestSignature.verify(signature: signature, method: "GET", pathAndQuery: "/v1/agency/cases", challenge: "c1", body: [], signPublicKey: key.publicKey))
        #expect(!AgencyRequestSignature.verify(signature: signature, method: "GET", pathAndQuery: "/v1/agency/cases/x", challenge: "c1", body: [], signPublicKey: key.publicKey))
        #expect(!AgencyRequestSignature.verify(signature: signature, method: "GET", pathAndQuery: "/v1/agency/cases", challenge: "c2", body: [], signPublicKey: key.publicKey))
        #expect(!AgencyRequestSignature.verify(signature: signature, method: "POST", pathAndQuery: "/v1/agency/cases", challenge: "c1", body: [1], signPublicKey: key.publicKey))
    }
}
