/// Turns a structured-field name into the words it is made of, so one policy stem matches every
/// way a form designer may have spelt it: `visa_status`, `VisaStatus`, `Visa Status`,
/// `worker.visa.status`, `VISA-STATUS`, `estado_migratório`, `رقم_الإقامة`.
///
/// Steps: split camelCase humps and every separator that is not a letter or digit; fold each
/// scalar (`ScalarFolding`: case, Latin accents, Arabic letter variants, nukta); drop the Arabic
/// article and the clitics glued to it (`الإقامة` → `اقامه`, `بالترحيل` → `ترحيل`).
enum FieldNameNormaliser {
    static func words(_ name: String) -> [String] {
        if let ascii = asciiWords(name) { return ascii.map { String(decoding: $0, as: UTF8.self) } }
        return unicodeWords(name)
    }

    /// The same split and fold as `words`, as UTF-8 bytes, for a name that is pure ASCII; nil
    /// otherwise. Most form field names are ASCII, and this path needs no Unicode property lookups
    /// (a test checks it agrees with the general path on every ASCII name shape).
    static func asciiWords(_ name: String) -> [[UInt8]]? {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var previous: UInt8? = nil
        var bytes = name.utf8.makeIterator()
        var next = bytes.next()
        while let b = next {
            guard b < 0x80 else { return nil }
            next = bytes.next()
            let upper = b >= 0x41 && b <= 0x5A, lower = b >= 0x61 && b <= 0x7A, digit = b >= 0x30 && b <= 0x39
            guard upper || lower || digit else {
                if !current.isEmpty { words.append(current); current = [] }
                previous = nil
                continue
            }
            if let p = previous, upper {
                let previousLower = p >= 0x61 && p <= 0x7A, previousUpper = p >= 0x41 && p <= 0x5A
                let nextIsLower = next.map { $0 >= 0x61 && $0 <= 0x7A } ?? false
                if (previousLower || (previousUpper && nextIsLower)) && !current.isEmpty { words.append(current); current = [] }
            }
            current.append(upper ? b + 0x20 : b)
            previous = b
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func unicodeWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        let scalars = Array(name.unicodeScalars)
        func flush() {
            if !current.isEmpty { words.append(stripArabicArticle(String(current))) }
            current = String.UnicodeScalarView()
        }
        for (i, s) in scalars.enumerated() {
            let props = s.properties
            let isMark = props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark
                || props.generalCategory == .enclosingMark
            if !(props.isAlphabetic || isMark || ScalarFolding.isDigit(s) || s.properties.numericType != nil) {
                flush()
                previous = nil
                continue
            }
            if let p = previous, s.properties.isUppercase {
                // camelCase hump ("passportNo") or the end of an acronym ("HKIDNumber" → HKID Number).
                let nextIsLower = i + 1 < scalars.count && scalars[i + 1].properties.isLowercase
                if p.properties.isLowercase || (p.properties.isUppercase && nextIsLower) { flush() }
            }
            if let f = ScalarFolding.fold(s) { current.append(f) }
            previous = s
        }
        flush()
        return words
    }

    /// `ال` and the one-letter clitics before it (و ب ف ك ل) are part of the written word in
    /// Arabic but carry no meaning for field matching.
    private static func stripArabicArticle(_ w: String) -> String {
        let s = Array(w.unicodeScalars)
        guard s.count > 3, let first = s.first, (0x0600...0x06FF).contains(first.value) else { return w }
        var i = 0
        if [0x0648, 0x0628, 0x0641, 0x0643].contains(s[0].value), s.count > 4, s[1].value == 0x0627, s[2].value == 0x0644 {
            i = 3
        } else if s[0].value == 0x0627, s[1].value == 0x0644 {
            i = 2
        } else if s[0].value == 0x0644, s[1].value == 0x0644 {
            i = 2
        }
        return i == 0 ? w : String(String.UnicodeScalarView(s[i...]))
    }
}
