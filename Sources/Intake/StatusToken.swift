import Sodium

/// A reporter's one-time status token (Docs/format.md §6): 24 digits, shown as six groups of four.
///
/// Digits because reporters read them out, type them on feature phones, send them by SMS and save
/// them as a phone contact. The first 8 digits are a random *locator* that finds the stored
/// verifier without a scan; the last 16 are the *secret* (log2(10^16) ≈ 53.1 bits).
public struct StatusToken: Sendable {
    public static let locatorDigits = 8
    public static let secretDigits = 16
    public static let totalDigits = locatorDigits + secretDigits
    /// Secret entropy in bits, for the odds computed in Docs.
    public static let secretBits = Double(secretDigits) * 3.321928094887362

    /// The locator digits; not secret on their own.
    public let locator: String
    /// All 24 digits (locator included) in a wiped-on-release buffer.
    public let digits: SecureBytes

    /// A fresh random token.
    public static func generate() -> StatusToken {
        let digits = SecureBytes(count: totalDigits) { (out: UnsafeMutableRawBufferPointer) -> Void in
            for i in 0..<totalDigits {
                out[i] = UInt8(ascii: "0") + UInt8(Random.uniform(10))
            }
        }
        return StatusToken(digits: digits)
    }

    private init(digits: SecureBytes) {
        self.digits = digits
        self.locator = digits.withUnsafeBytes { String(decoding: $0[..<Self.locatorDigits], as: UTF8.self) }
    }

    /// Parses what a reporter typed: 24 digits, optionally separated by dashes or spaces.
    /// Returns nil for anything else; callers answer that exactly as they answer an unknown token.
    public static func parse(_ text: String) -> StatusToken? {
        guard text.utf8.count <= 64 else { return nil }
        var collected = [UInt8]()
        collected.reserveCapacity(totalDigits)
        defer { SecureBytes.wipe(&collected) }
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): collected.append(c)
            case UInt8(ascii: "-"), UInt8(ascii: " "): continue
            default: return nil
            }
        }
        guard collected.count == totalDigits else { return nil }
        return StatusToken(digits: SecureBytes(copying: collected))
    }

    /// The token as shown to the reporter: `DDDD-DDDD-DDDD-DDDD-DDDD-DDDD`.
    public func formatted() -> String {
        digits.withUnsafeBytes { bytes in
            var out = [UInt8]()
            for (i, d) in bytes.enumerated() {
                if i > 0 && i % 4 == 0 { out.append(UInt8(ascii: "-")) }
                out.append(d)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
