import Foundation

/// Which way a language's text runs; sets `dir` on the page so the browser mirrors the layout.
public enum TextDirection: String, Sendable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}

/// One language of the pages: its code, its own name for itself, its direction and its strings.
public struct UILanguage: Sendable {
    /// BCP 47 code ("tl", "ar"); also the complaint's `language`.
    public let code: String
    /// The name as its speakers write it ("Tagalog", "العربية"), shown on the language choice.
    public let nativeName: String
    public let direction: TextDirection
    /// `msgctxt` key → translated text.
    public let strings: [String: String]

    public init(code: String, nativeName: String, direction: TextDirection, strings: [String: String]) {
        self.code = code
        self.nativeName = nativeName
        self.direction = direction
        self.strings = strings
    }

    /// The string for `key`, with `{name}` placeholders filled from `values`.
    /// Every shipped catalog has every key (tested); an empty string is never shown.
    public func text(_ key: Msg, _ values: [String: String] = [:]) -> String {
        var text = strings[key.rawValue] ?? key.rawValue
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}
