/// Rewrites misspelled status words to the spelling the lexicons use, before any phrase is matched.
///
/// Workers write from cheap phones, in a second or third language, often by ear: "my viza
/// expaired", "overstey", "no docoments", "iligal", "pasport". An exact-match lexicon misses every
/// one of them, and listing misspellings one by one only covers the ones someone has already seen.
/// So each Latin word of the folded text that no lexicon knows is compared with the lexicons' own
/// status words, after a light phonetic folding (doubled letters collapsed), and replaced by the
/// nearest one when it is close enough:
/// - one edit for words of five to seven letters, two for longer ones (an edit is an insertion,
///   deletion, substitution or swap of neighbours), and the first letter must agree;
/// - words of four letters or fewer are too short to correct safely ("visa" is one letter from
///   "visit" and "vise"), so their variants are listed (`shortVariants`);
/// - a word any lexicon knows is never rewritten, and neither is a common word of the languages
///   we read that happens to lie near a status word (`SpellingExclusions`): "departed" is not
///   "deported", "expected" not "expired".
/// Rewriting happens in folded coordinates and keeps each scalar's origin, so a removal still
/// maps back exactly to the worker's own characters, and what is kept is kept verbatim.
struct SpellingNormaliser: Sendable {
    /// Status words by collapsed form, grouped by first letter and collapsed length, so a word is
    /// compared only with the few that could be within reach.
    private let keywords: [Key: [(collapsed: [Unicode.Scalar], word: [Unicode.Scalar])]]

    private struct Key: Hashable {
        let first: Unicode.Scalar
        let length: Int
    }
    /// Every Latin word that is a lexicon phrase on its own: never rewritten. Words of longer
    /// phrases may be ("estoy ilegal"), so the lexicon's phrases go through the same rewriting
    /// (`normalisedPattern`) and still meet the text.
    private let known: Set<[Unicode.Scalar]>

    /// Status words come from the lexicons of languages written in Latin letters by their own
    /// speakers (English, Romance, Austronesian, Swahili); romanised lexicons give none: their
    /// words are short transliterations ("khalsa", "sakiyo"), one edit from place and family names
    /// ("Khalda"), and they list their own spelling variants. Every lexicon's words are known.
    static let shared = SpellingNormaliser(
        lexicon: Lexicon.all,
        keywordSource: Lexicon.english + Lexicon.romance + Lexicon.austronesian + Lexicon.swahili + Lexicon.shared)

    /// Cues whose words are worth correcting toward: the words that carry a disclosure ("overstay",
    /// "visa", "expired", "deported", "illegal"). Context words ("stayed", "until", "released",
    /// "remained") are left alone: they are common, and near many other common words.
    private static func isStatusCue(_ cue: Cue) -> Bool {
        switch cue {
        case .strong, .enforcement, .statusDoc, .passport, .papers, .statusAdjective, .state(.explicitStatus):
            return true
        default:
            return false
        }
    }

    init(lexicon: [LexiconEntry], keywordSource: [LexiconEntry]? = nil) {
        let source = keywordSource.map { Set($0.map(\.pattern)) }
        var keywords: [Key: [(collapsed: [Unicode.Scalar], word: [Unicode.Scalar])]] = [:]
        var known = Set<[Unicode.Scalar]>()
        var seen = Set<[Unicode.Scalar]>()
        for entry in lexicon {
            let folded = entry.pattern.unicodeScalars.compactMap(ScalarFolding.fold).filter { $0 != "*" }
            let words = folded.split(separator: " ").map(Array.init)
            if words.count == 1, words[0].allSatisfy(ScalarFolding.isLatinWordScalar) { known.insert(words[0]) }
            // Only a phrase of one word is a status word on its own; the ordinary words of
            // longer phrases ("after it ended") are not worth correcting toward.
            guard words.count == 1, let word = words.first, Self.isStatusCue(entry.cue), word.count >= 5,
                  source?.contains(entry.pattern) ?? true,
                  word.allSatisfy(ScalarFolding.isASCIILetter), !seen.contains(word) else { continue }
            seen.insert(word)
            let collapsed = Self.collapsed(word)
            keywords[Key(first: word[0], length: collapsed.count), default: []].append((collapsed, word))
        }
        self.keywords = keywords
        self.known = known
    }

    /// Short status words and their common spellings, which are too short for edit distance.
    static let shortVariants: [String: String] = [
        "viza": "visa", "vissa": "visa", "visaa": "visa", "vizza": "visa", "veesa": "visa", "veeza": "visa",
        "vesa": "visa", "vza": "visa", "vsa": "visa", "wiza": "visa", "visah": "visa",
        "pasprt": "passport", "paspt": "passport", "psprt": "passport", "pspt": "passport",
        "ilgl": "illegal", "ilegl": "illegal", "xpired": "expired", "xpire": "expire", "xpd": "expired",
        "exprd": "expired", "expird": "expired", "docs": "documents",
        "permt": "permit", "prmit": "permit", "deprt": "deport",
    ]

    /// `folded` with misspelled status words rewritten, and the origin of every scalar.
    func normalise(_ folded: [Unicode.Scalar], origin: [Int], original: [Unicode.Scalar]? = nil) -> (folded: [Unicode.Scalar], origin: [Int])? {
        var out: [Unicode.Scalar] = []
        var outOrigin: [Int] = []
        var changed = false
        var i = 0
        let n = folded.count
        while i < n {
            guard ScalarFolding.isASCIILetter(folded[i]), i == 0 || !ScalarFolding.isLatinWordScalar(folded[i - 1]) else {
                if changed { out.append(folded[i]); outOrigin.append(origin[i]) }
                i += 1
                continue
            }
            var j = i
            while j < n, ScalarFolding.isLatinWordScalar(folded[j]) { j += 1 }
            let word = Array(folded[i..<j])
            if !Self.isName(original, from: origin[i]), let replacement = correction(word) {
                if !changed {
                    out = Array(folded[..<i]); outOrigin = Array(origin[..<i])
                    out.reserveCapacity(n + 8); outOrigin.reserveCapacity(n + 8)
                    changed = true
                }
                // Every scalar of the replacement comes from the misspelled word's first scalar;
                // the word's end still maps to the scalar after it, so ranges stay exact.
                out.append(contentsOf: replacement)
                outOrigin.append(contentsOf: repeatElement(origin[i], count: replacement.count))
            } else if changed {
                out.append(contentsOf: word); outOrigin.append(contentsOf: origin[i..<j])
            }
            i = j
        }
        return changed ? (out, outOrigin) : nil
    }

    /// Whether the word at `start` in the worker's own text is written as a name: a capital then
    /// small letters, not at the start of a sentence ("Rania", "Harris" are not "razia", "habis").
    /// A word in capitals throughout ("VISA EXPAIRED") or a sentence's first word is corrected.
    static func isName(_ original: [Unicode.Scalar]?, from start: Int) -> Bool {
        guard let original, start + 1 < original.count, original[start].properties.isUppercase,
              original[start + 1].properties.isLowercase else { return false }
        var k = start - 1
        while k >= 0, original[k] == " " || original[k] == "\"" || original[k] == "'" || original[k] == "(" { k -= 1 }
        guard k >= 0 else { return false }
        return !".!?\n\r:;…".unicodeScalars.contains(original[k])
    }

    /// A lexicon phrase as the rewritten text will spell it.
    func normalisedPattern(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        normalise(scalars, origin: Array(scalars.indices))?.folded ?? scalars
    }

    /// The status word `word` is a misspelling of, or nil.
    func correction(_ word: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard word.count >= 3, word.count <= 24, word.allSatisfy(ScalarFolding.isASCIILetter), !known.contains(word) else { return nil }
        if word.count <= 6, let short = Self.shortVariants[String(String.UnicodeScalarView(word))] {
            return Array(short.unicodeScalars)
        }
        guard word.count >= 5 else { return nil }
        let collapsedWord = Self.collapsed(word)
        let budget = collapsedWord.count >= 8 ? 2 : 1
        var best: (distance: Int, word: [Unicode.Scalar])?
        for length in (collapsedWord.count - budget)...(collapsedWord.count + budget) {
            for candidate in keywords[Key(first: word[0], length: length)] ?? [] {
                let d = Self.distance(collapsedWord, candidate.collapsed, limit: budget)
                if d <= budget, d < (best?.distance ?? Int.max) { best = (d, candidate.word) }
            }
        }
        guard let best, !SpellingExclusions.words.contains(String(String.UnicodeScalarView(word))) else { return nil }
        return best.word
    }

    /// Doubled letters written once ("vissa" → "visa", "illegal" → "ilegal"): a common slip, and
    /// one that should cost nothing.
    static func collapsed(_ w: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(w.count)
        for s in w where s != out.last { out.append(s) }
        return out
    }

    /// Optimal-string-alignment distance, giving up (returning `limit + 1`) once every cell of a
    /// row exceeds `limit`. Rows live in one stack buffer: this runs for every unknown word.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        let m = a.count, n = b.count
        guard m > 0, n > 0 else { return max(m, n) }
        if bagDistance(a, b) > limit { return limit + 1 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (n + 1)) { buffer in
            var prev2 = buffer.baseAddress!
            var prev = prev2 + (n + 1)
            var cur = prev + (n + 1)
            for j in 0...n { prev[j] = j; prev2[j] = 0 }
            for i in 1...m {
                cur[0] = i
                var rowMin = i
                for j in 1...n {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                    cur[j] = v
                    rowMin = min(rowMin, v)
                }
                if rowMin > limit { return limit + 1 }
                (prev2, prev, cur) = (prev, cur, prev2)
            }
            return prev[n]
        }
    }

    /// A lower bound of the edit distance from letter counts alone (ASCII letters only), so most
    /// candidates are ruled out without the table.
    static func bagDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 26) { counts in
            counts.initialize(repeating: 0)
            for s in a where s.value >= 0x61 && s.value <= 0x7A { counts[Int(s.value - 0x61)] += 1 }
            for s in b where s.value >= 0x61 && s.value <= 0x7A { counts[Int(s.value - 0x61)] -= 1 }
            var surplus = 0, deficit = 0
            for c in counts { if c > 0 { surplus += c } else { deficit -= c } }
            return max(surplus, deficit)
        }
    }
}
