/// The one HTML escaping every page SafeIntake renders goes through (the reporter's pages, the
/// inspector's local UI, the auditor's report): `&`, `<`, `>`, `"` and `'` become character
/// references, so reporter-written text can neither open a tag nor leave a quoted attribute.
/// Everything else (any script, any language) passes unchanged.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
