import Sodium

/// A reporter's optional duress code: 6 to 8 digits chosen at filing (Docs/format.md §6.2).
///
/// Checked in place of her token's secret — the token's first two groups (the locator) followed by
/// the code — it shows an ordinary "no news" answer, stops replies and flags the case, so a
/// reporter forced to show her status in front of an employer gives nothing away.
public struct DuressCode: Sendable {
    public static let digitRange = 6...8
    let digits: SecureBytes

    /// Parses the code a reporter chose at filing; nil unless it is 6–8 digits. (Four digits could be guessed in
    /// minutes by someone who knows the locator: Docs/abuse-resistance.md.)
    public static func parse(_ text: String) -> DuressCode? {
        guard let digits = TypedDigits.collect(text, maxCount: digitRange.upperBound), digitRange.contains(digits.count) else { return nil }
        return DuressCode(digits: digits)
    }

    /// Splits a status-check entry of locator + duress code (14–16 digits, dashes and spaces
    /// ignored) into its parts; nil for anything else, including a full 24-digit token.
    public static func parseEntry(_ text: String) -> (locator: String, code: DuressCode)? {
        let locatorDigits = StatusToken.locatorDigits
        guard let all = TypedDigits.collect(text, maxCount: locatorDigits + digitRange.upperBound),
              (locatorDigits + digitRange.lowerBound...locatorDigits + digitRange.upperBound).contains(all.count) else { return nil }
        return all.withUnsafeBytes { bytes in
            (String(decoding: bytes[..<locatorDigits], as: UTF8.self),
             DuressCode(digits: SecureBytes(copying: bytes[locatorDigits...])))
        }
    }
}
