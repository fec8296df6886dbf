import Sodium

/// Digits as a reporter types them into the one box of the status page: any Unicode decimal digit
/// system (phone keyboards type "٤٧٤٧", "४७४७", "၄၇၄၇", "៤៧៤៧" or "４７４７" as readily as
/// "4747"), with dashes and spaces of any kind between them.
///
/// One reader for tokens, duress entries and the back-off's locator, so that no path can be
/// reached by writing the same number in another script (a guesser typing Arabic-Indic digits
/// must meet the same per-locator back-off as one typing ASCII).
public enum TypedDigits {
    /// Longest input read, in UTF-8 bytes: longer is not a number anyone typed.
    public static let maxInputBytes = 200

    /// The ASCII digits of `text` in order, in a wiped-on-release buffer; nil when `text` holds
    /// anything but digits and separators, or more than `maxCount` digits.
    public static func collect(_ text: String, maxCount: Int) -> SecureBytes? {
        guard text.utf8.count <= maxInputBytes else { return nil }
        var collected = [UInt8]()
        collected.reserveCapacity(maxCount)
        defer { SecureBytes.wipe(&collected) }
        for scalar in text.unicodeScalars {
            if let digit = decimalValue(scalar) {
                guard collected.count < maxCount else { return nil }
                collected.append(UInt8(ascii: "0") + digit)
            } else if !isSeparator(scalar) {
                return nil
            }
        }
        return SecureBytes(copying: collected)
    }

    /// The first `count` digits of `text` as a number, when it has at least that many and nothing
    /// but digits and separators; nil otherwise. Not secret: used for the locator only.
    public static func leadingValue(_ text: String, count: Int) -> UInt64? {
        guard count <= 18, let digits = collect(text, maxCount: 64), digits.count >= count else { return nil }
        return digits.withUnsafeBytes { bytes in
            bytes[..<count].reduce(UInt64(0)) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
        }
    }

    /// The value of a decimal digit of any script (Unicode `Numeric_Type=Decimal`), or nil.
    static func decimalValue(_ s: Unicode.Scalar) -> UInt8? {
        if s.isASCII { return s.value >= 0x30 && s.value <= 0x39 ? UInt8(s.value - 0x30) : nil }
        guard s.properties.numericType == .decimal, let v = s.properties.numericValue, v >= 0, v <= 9 else { return nil }
        return UInt8(v)
    }

    /// Dashes and spaces as phones type them: ASCII, no-break and thin spaces, Unicode dashes.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x2D, 0xA0, 0x2007, 0x2009, 0x200A, 0x202F, 0x3000, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }
}
