import Envelope
import Foundation
import Sodium

/// One visit to the status page (Docs/format.md §6.3, issue 18 #2): she reads, answers and reads
/// again with the token handed to her when the visit began, and that one token is the number she
/// leaves with.
///
/// Tokens stay one-time where that protects her: a number typed into the box is spent, so one
/// found later on her phone opens nothing she has not already left behind. Within a visit the page
/// carries this pass instead: the next token and the visit's end, sealed (XChaCha20-Poly1305)
/// under a key derived from the daemon's token pepper, so that every daemon of a deployment can
/// open it and the server stores nothing about the visit. No cookie, nothing in the URL: it travels
/// as a hidden form field (or the JSON API's `"visit"`), and dies `lifetime` after its last use.
public struct VisitPass: Sendable {
    /// How long a visit lasts after its last page, in seconds.
    public static let lifetime: TimeInterval = 20 * 60
    static let associatedData = Array("safeintake/visit-pass/v1".utf8)
    static let plaintextBytes = StatusToken.totalDigits + 8 + 8

    /// The token she leaves with; live in the store and not spent while the visit lasts.
    public let token: StatusToken
    /// Her thread mark when the visit began: what came after it stays marked new all visit.
    public let seenBefore: Int64
    /// Unix seconds after which the pass is refused.
    let expires: Int64

    public init(token: StatusToken, seenBefore: Int64, now: Date) {
        self.token = token
        self.seenBefore = seenBefore
        self.expires = Int64(now.timeIntervalSince1970 + Self.lifetime)
    }

    /// The pass as the page carries it: base64 of the AEAD ciphertext (nonce included).
    public func sealed(key: SecureBytes) throws -> String {
        let plaintext = SecureBytes(count: Self.plaintextBytes) { (out: UnsafeMutableRawBufferPointer) -> Void in
            token.digits.withUnsafeBytes { out.copyMemory(from: $0) }
            Self.store(expires, at: StatusToken.totalDigits, in: out)
            Self.store(seenBefore, at: StatusToken.totalDigits + 8, in: out)
        }
        return Base64.encode(try AEAD.seal(plaintext, associatedData: Self.associatedData, key: key))
    }

    /// The pass in `text`, or nil when it is not one this deployment sealed, or the visit is over.
    public static func open(_ text: String, key: SecureBytes, now: Date) -> VisitPass? {
        guard text.utf8.count <= 512, let bytes = Base64.decode(text),
              let plaintext = try? AEAD.open(bytes, associatedData: associatedData, key: key),
              plaintext.count == plaintextBytes else { return nil }
        let (digits, expires, seen) = plaintext.withUnsafeBytes { raw in
            (SecureBytes(copying: raw[..<StatusToken.totalDigits]),
             load(at: StatusToken.totalDigits, in: raw), load(at: StatusToken.totalDigits + 8, in: raw))
        }
        guard Int64(now.timeIntervalSince1970) <= expires, let token = StatusToken.checked(digits) else { return nil }
        return VisitPass(token: token, seenBefore: seen, expires: expires)
    }

    private init(token: StatusToken, seenBefore: Int64, expires: Int64) {
        self.token = token
        self.seenBefore = seenBefore
        self.expires = expires
    }

    private static func store(_ value: Int64, at offset: Int, in out: UnsafeMutableRawBufferPointer) {
        for i in 0..<8 { out[offset + i] = UInt8(truncatingIfNeeded: value >> (56 - 8 * i)) }
    }

    private static func load(at offset: Int, in raw: UnsafeRawBufferPointer) -> Int64 {
        (0..<8).reduce(Int64(0)) { $0 << 8 | Int64(raw[offset + $1]) }
    }
}
