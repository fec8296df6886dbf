import Envelope
import Foundation
import Sodium

/// Stateless anti-forgery tokens for the pages' forms, so that no cookie is ever needed.
///
/// A token is `version ‖ purpose ‖ nonce(16) ‖ expiry hour(4, big-endian) ‖ MAC(16)`, base64,
/// where MAC is keyed BLAKE2b over a domain label and everything before it. The key is drawn at
/// start and lives only in memory: a restart invalidates open forms, and the pages then show the
/// reporter's words again with a fresh token rather than losing them. The expiry is an hour
/// count, as coarse as every other time SafeIntake keeps.
///
/// The token proves the form came from these pages. Because anyone can fetch a fresh one, it is
/// checked together with the browser's `Sec-Fetch-Site`/`Origin` headers (`RequestOrigin`), which
/// a page on another site cannot forge.
public struct FormTokens: Sendable {
    /// What a token may be used for; a status-check token cannot file a complaint.
    public enum Purpose: UInt8, Sendable {
        case complaint = 1
        case status = 2
    }

    public enum Verdict: Equatable, Sendable {
        case valid(nonce: [UInt8], expiry: UInt32)
        /// Well formed and ours, but older than `lifetimeHours`.
        case expired
        /// Not ours, tampered with, for another purpose, or not a token at all.
        case invalid
    }

    static let version: UInt8 = 1
    static let domain = Array("safeintake/reporter-web/form-token/v1".utf8)
    static let nonceBytes = 16
    static let macBytes = 16
    static let encodedBytes = 2 + nonceBytes + 4 + macBytes

    /// How long a form stays usable: long enough to write a complaint slowly on a phone.
    public let lifetimeHours: UInt32
    private let key: SecureBytes
    private let now: @Sendable () -> Date

    public init(lifetimeHours: UInt32 = 4, key: SecureBytes = SecureBytes(randomCount: 32, guarded: true),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetimeHours = lifetimeHours
        self.key = key
        self.now = now
    }

    /// A fresh token for one form.
    public func issue(for purpose: Purpose) -> String {
        let expiry = currentHour() + lifetimeHours
        var body: [UInt8] = [Self.version, purpose.rawValue] + Random.bytes(Self.nonceBytes)
        body += withUnsafeBytes(of: expiry.bigEndian, Array.init)
        return Base64.encode(body + mac(body))
    }

    public func check(_ text: String, for purpose: Purpose) -> Verdict {
        guard text.utf8.count <= 64, let bytes = Base64.decode(text), bytes.count == Self.encodedBytes else { return .invalid }
        let body = Array(bytes[..<(bytes.count - Self.macBytes)])
        guard ConstantTime.equals(mac(body), Array(bytes[body.count...])) else { return .invalid }
        guard body[0] == Self.version, body[1] == purpose.rawValue else { return .invalid }
        let expiry = body[(2 + Self.nonceBytes)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let hour = currentHour()
        guard expiry <= hour + lifetimeHours else { return .invalid }
        guard hour <= expiry else { return .expired }
        return .valid(nonce: Array(body[2..<(2 + Self.nonceBytes)]), expiry: expiry)
    }

    /// Hours since 1970, the only clock the tokens carry.
    func currentHour() -> UInt32 {
        UInt32(clamping: Int(now().timeIntervalSince1970 / 3600))
    }

    private func mac(_ body: [UInt8]) -> [UInt8] {
        let message = Self.domain + body
        // The key is 32 random bytes, within BLAKE2b's key range, so this cannot throw.
        let tag = message.withUnsafeBytes { try? GenericHash.keyedHash($0, key: key, length: Self.macBytes) }
        return tag?.copyBytes() ?? []
    }
}
