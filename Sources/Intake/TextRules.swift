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
}
