import Foundation

/// What text the intake accepts: printable Unicode plus tab, line feed and carriage return.
/// NUL and other control characters have no place in a complaint and break downstream tools.
public enum TextRules {
    public static func isAcceptable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: true
            case 0x00...0x1F, 0x7F...0x9F: false
            default: true
            }
        }
    }

    /// Largest message between reporter and inspector, in characters (Unicode scalars, as
    /// Docs/openapi.yaml's `maxLength` counts them).
    public static let maxMessageCharacters = 4 * 1024

    /// Checks a message a reporter or inspector writes: not empty, not too long, no control characters.
    static func checkMessage(_ text: String) throws(IntakeError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw IntakeError(.invalidValue, "the message is empty")
        }
        guard text.unicodeScalars.count <= maxMessageCharacters else {
            throw IntakeError(.tooLarge, "the message is longer than \(maxMessageCharacters) characters")
        }
        guard isAcceptable(text) else {
            throw IntakeError(.invalidEncoding, "the message contains control characters")
        }
    }
}
