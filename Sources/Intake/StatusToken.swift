import Sodium

/// A reporter's one-time status token (Docs/format.md §6): 24 digits, shown as six groups of four.
///
/// Digits because reporters read them out, type them on feature phones, send them by SMS and save
/// them as a phone contact. The first 8 digits are a random *locator* that finds the stored
/// verifier without a scan; the next 15 are the *secret* (log2(10^15) ≈ 49.8 bits); the last is a
/// Damm check digit over the other 23, so that a mistyped number can be told apart from an unknown
/// one without asking the database.
public struct StatusToken: Sendable {
    public static let locatorDigits = 8
    public static let secretDigits = 15
    public static let checkDigits = 1
    public static let totalDigits = locatorDigits + secretDigits + checkDigits
    /// Secret entropy in bits, for the odds computed in Docs.
    public static let secretBits = Double(secretDigits) * 3.321928094887362

    /// The locator digits; not secret on their own.
    public let locator: String
    /// All 24 digits (locator and check digit included) in a wiped-on-release buffer.
    public let digits: SecureBytes

    /// A fresh random token.
    public static func generate() -> StatusToken {
        let digits = SecureBytes(count: totalDigits) { (out: UnsafeMutableRawBufferPointer) -> Void in
            for i in 0..<(totalDigits - checkDigits) {
                out[i] = UInt8(Random.uniform(10))
            }
            out[totalDigits - 1] = DammCheckDigit.interim(out[..<(totalDigits - 1)])
            for i in 0..<totalDigits { out[i] += UInt8(ascii: "0") }
        }
        return StatusToken(digits: digits)
    }

    private init(digits: SecureBytes) {
        self.digits = digits
        self.locator = digits.withUnsafeBytes { String(decoding: $0[..<Self.locatorDigits], as: UTF8.self) }
    }

    /// Parses what a reporter typed: 24 digits in any Unicode decimal digit system
    /// (`TypedDigits`), optionally separated by dashes or spaces of any kind, whose check digit
    /// holds. Returns nil for anything else; the JSON API answers that exactly as an unknown token.
    public static func parse(_ text: String) -> StatusToken? {
        TypedDigits.collect(text, maxCount: totalDigits).flatMap(checked)
    }

    /// A token from its 24 ASCII digits in a wiped buffer (a visit pass's plaintext), or nil when
    /// they are not 24 digits whose check digit holds. The digits never pass through a `String`.
    static func checked(_ digits: SecureBytes) -> StatusToken? {
        guard digits.count == totalDigits,
              digits.withUnsafeBytes({ bytes in bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                  && DammCheckDigit.isValid(bytes.lazy.map { $0 - UInt8(ascii: "0") }) }) else { return nil }
        return StatusToken(digits: digits)
    }

    /// True when `text` cannot be any token: wrong number of digits, a wrong check digit, or
    /// something that is not a digit. A property of what was typed, not of the database, so the
    /// pages may say "check the number you typed" for it (and keep what she typed in the box).
    public static func isMistyped(_ text: String) -> Bool {
        parse(text) == nil
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
