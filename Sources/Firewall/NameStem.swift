/// One policy stem compiled for matching against the words of a field name (see
/// `FirewallPolicy.defaultJSON` for the notation).
struct NameStem: Sendable, Equatable {
    let words: [String]
    let prefixLast: Bool
    let anywhere: Bool
    /// The words as UTF-8 bytes when every one is ASCII (nil otherwise): an ASCII field name can
    /// only match these, and comparing bytes needs no Unicode normalisation.
    let asciiWords: [[UInt8]]?

    init(_ text: String) {
        var t = text
        var prefix = false
        if t.hasSuffix("*") { prefix = true; t.removeLast() }
        let words = FieldNameNormaliser.words(t)
        self.words = words
        // Scripts without spaces between words (Thai, Burmese, Khmer, Lao, Hangul, CJK) can only
        // be matched as substrings; Indic and Arabic words take suffixes, so match as prefixes.
        let scalars = words.joined().unicodeScalars
        self.anywhere = scalars.contains { NameStem.isUnspacedScript($0) }
        let nonLatin = scalars.contains { !$0.isASCII && !ScalarFolding.isLatinWordScalar($0) }
        self.prefixLast = prefix || nonLatin
        self.asciiWords = scalars.allSatisfy(\.isASCII) ? words.map { Array($0.utf8) } : nil
    }

    /// `matches` for a name whose words are all ASCII: stems in other scripts cannot match it.
    func matches(ascii name: [[UInt8]]) -> Bool {
        guard let words = asciiWords, !words.isEmpty, !anywhere, name.count >= words.count else { return false }
        for i in 0...(name.count - words.count) {
            var ok = true
            for (j, w) in words.enumerated() {
                let t = name[i + j]
                let last = j == words.count - 1
                if last && prefixLast ? !t.starts(with: w) : t != w { ok = false; break }
            }
            if ok { return true }
        }
        return false
    }

    func matches(_ name: [String], joined: String) -> Bool {
        guard !words.isEmpty else { return false }
        if anywhere { return joined.contains(words.joined()) }
        guard name.count >= words.count else { return false }
        for i in 0...(name.count - words.count) {
            var ok = true
            for (j, w) in words.enumerated() {
                let t = name[i + j]
                let last = j == words.count - 1
                if last && prefixLast ? !t.hasPrefix(w) : t != w { ok = false; break }
            }
            if ok { return true }
        }
        return false
    }

    static func isUnspacedScript(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x1100...0x11FF, 0x3040...0x30FF,
             0x3130...0x318F, 0x4E00...0x9FFF, 0xAC00...0xD7AF:
            return true
        default:
            return false
        }
    }
}

/// A set of stems; matches when any stem does.
struct NameStemSet: Sendable, Equatable {
    let stems: [NameStem]

    init(_ texts: [String]) { stems = texts.map(NameStem.init) }

    func matches(_ name: [String], joined: String) -> Bool {
        stems.contains { $0.matches(name, joined: joined) }
    }

    func matches(ascii name: [[UInt8]]) -> Bool {
        stems.contains { $0.matches(ascii: name) }
    }
}
