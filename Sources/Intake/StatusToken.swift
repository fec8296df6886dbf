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

    /// Parses what a reporter typed: 24 digits in any Unicode decimal digit system (phone keyboards
    /// type "٤٧٤٧", "४७४७", "၄၇၄၇", "៤៧៤៧" or "４７４７" as readily as "4747"), optionally separated
    /// by dashes or spaces of any kind. Returns nil for anything else; callers answer that exactly
    /// as they answer an unknown token.
    public static func parse(_ text: String) -> StatusToken? {
        guard text.utf8.count <= 200 else { return nil }
        var collected = [UInt8]()
        collected.reserveCapacity(totalDigits)
        defer { SecureBytes.wipe(&collected) }
        for scalar in text.unicodeScalars {
            if let digit = decimalValue(scalar) {
                guard collected.count < totalDigits else { return nil }
                collected.append(UInt8(ascii: "0") + digit)
            } else if !isSeparator(scalar) {
                return nil
            }
        }
        guard collected.count == totalDigits else { return nil }
        return StatusToken(digits: SecureBytes(copying: collected))
    }

    /// The value of a decimal digit of any script (Unicode `Numeric_Type=Decimal`), or nil.
    private static func decimalValue(_ s: Unicode.Scalar) -> UInt8? {
        if s.isASCII { return s.value >= 0x30 && s.value <= 0x39 ? UInt8(s.value - 0x30) : nil }
        guard s.properties.numericType == .decimal, let v = s.properties.numericValue, v >= 0, v <= 9 else { return nil }
        return UInt8(v)
    }

    /// Dashes and spaces as phones type them: ASCII, no-break and thin spaces, Unicode dashes.
    private static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x2D, 0xA0, 0x2007, 0x2009, 0x200A, 0x202F, 0x3000, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: return true
        default: return false
        }
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
