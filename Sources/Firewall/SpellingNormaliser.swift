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
    /// Status words by collapsed form, grouped by first letter for a short candidate list.
    private let keywords: [Unicode.Scalar: [(collapsed: [Unicode.Scalar], word: [Unicode.Scalar])]]
    /// Every Latin word that is a lexicon phrase on its own: never rewritten. Words of longer
    /// phrases may be ("estoy ilegal"), so the lexicon's phrases go through the same rewriting
    /// (`normalisedPattern`) and still meet the text.
    private let known: Set<[Unicode.Scalar]>

    static let shared = SpellingNormaliser(lexicon: Lexicon.all)

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

    init(lexicon: [LexiconEntry]) {
        var keywords: [Unicode.Scalar: [(collapsed: [Unicode.Scalar], word: [Unicode.Scalar])]] = [:]
        var known = Set<[Unicode.Scalar]>()
        var seen = Set<[Unicode.Scalar]>()
        for entry in lexicon {
            let folded = entry.pattern.unicodeScalars.compactMap(ScalarFolding.fold).filter { $0 != "*" }
            let words = folded.split(separator: " ").map(Array.init)
            if words.count == 1, words[0].allSatisfy(ScalarFolding.isLatinWordScalar) { known.insert(words[0]) }
            // Only a phrase of one word is a status word on its own; the ordinary words of
            // longer phrases ("after it ended") are not worth correcting toward.
            guard words.count == 1, let word = words.first, Self.isStatusCue(entry.cue), word.count >= 5,
                  word.allSatisfy(ScalarFolding.isASCIILetter), !seen.contains(word) else { continue }
            seen.insert(word)
            keywords[word[0], default: []].append((Self.collapsed(word), word))
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
    func normalise(_ folded: [Unicode.Scalar], origin: [Int]) -> (folded: [Unicode.Scalar], origin: [Int])? {
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
            if let replacement = correction(word) {
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

    /// A lexicon phrase as the rewritten text will spell it.
    func normalisedPattern(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        normalise(scalars, origin: Array(scalars.indices))?.folded ?? scalars
    }

    /// The status word `word` is a misspelling of, or nil.
    func correction(_ word: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard word.count >= 3, word.allSatisfy(ScalarFolding.isASCIILetter), !known.contains(word) else { return nil }
        let string = String(String.UnicodeScalarView(word))
        if let short = Self.shortVariants[string] { return Array(short.unicodeScalars) }
        guard word.count >= 5, !SpellingExclusions.words.contains(string), let candidates = keywords[word[0]] else { return nil }
        let collapsedWord = Self.collapsed(word)
        let budget = collapsedWord.count >= 8 ? 2 : 1
        var best: (distance: Int, word: [Unicode.Scalar])?
        for candidate in candidates where abs(candidate.collapsed.count - collapsedWord.count) <= budget {
            let d = Self.distance(collapsedWord, candidate.collapsed, limit: budget)
            if d <= budget, d < (best?.distance ?? Int.max) { best = (d, candidate.word) }
        }
        return best?.word
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
    /// row exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        let m = a.count, n = b.count
        var prev2 = [Int](repeating: 0, count: n + 1)
        var prev = Array(0...n)
        var cur = [Int](repeating: 0, count: n + 1)
        for i in 1...m {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...max(n, 1) where n > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev2, &prev)
            swap(&prev, &cur)
        }
        return prev[n]
    }
}
