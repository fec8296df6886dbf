/// Every language's phrases, compiled once into one automaton.
///
/// The language of a complaint is only a hint: workers mix languages ("expired na yung visa ko",
/// "ana bidoon iqama"), so all lexicons are always active. Phrases that would be ambiguous across
/// languages are kept out of the shared set (Spanish "esta" is not the US ESTA).
struct Lexicon: Sendable {
    struct Compiled: Sendable {
        let cue: Cue
        let checkLeft: Bool
        let checkRight: Bool
        /// The entry's index in the source list.
        let source: Int
    }

    let entries: [Compiled]
    let automaton: PatternAutomaton

    static let all: [LexiconEntry] =
        english + romance + austronesian + southAsian + arabic + mainlandSoutheastAsian + eastAfrican + shared
        + documentNumbers + chinese + japanese + swahili + romanised + nativeScripts + indirect
        + possession + circumstances + labourPaperwork + custody + renewal + statusEvents

    init(_ source: [LexiconEntry] = Lexicon.all) {
        var compiled: [Compiled] = []
        var patterns: [(scalars: [Unicode.Scalar], value: Int)] = []
        for (index, e) in source.enumerated() {
            var p = e.pattern
            var left = true
            var right = true
            if p.hasPrefix("*") && p.count > 1 { left = false; p.removeFirst() }
            if p.hasSuffix("*") && p.count > 1 { right = false; p.removeLast() }
            let scalars = SpellingNormaliser.shared.normalisedPattern(p.unicodeScalars.compactMap(ScalarFolding.fold))
            guard let first = scalars.first, let last = scalars.last else { continue }
            // A word-boundary check only means something next to a Latin letter or digit. Indic and
            // Ethiopic words are spaced but take suffixes ("भिसाको" = visa + of): check the start only.
            let indicStart = ScalarFolding.isSpacedSuffixingScalar(first)
            left = left && (ScalarFolding.isLatinWordScalar(first) || indicStart)
            right = right && ScalarFolding.isLatinWordScalar(last)
            patterns.append((scalars, compiled.count))
            compiled.append(Compiled(cue: e.cue, checkLeft: left, checkRight: right, source: index))
        }
        entries = compiled
        automaton = PatternAutomaton(patterns: patterns)
    }

    /// A cue found in the text, in folded-scalar coordinates.
    struct Match: Equatable {
        let start: Int
        let end: Int
        let cue: Cue
    }

    func matches(in text: [Unicode.Scalar]) -> [Match] {
        let out = boundaryHits(in: text).map { Match(start: $0.start, end: $0.end, cue: entries[$0.compiled].cue) }
        return Lexicon.applyBlockers(out, length: text.count)
    }

    /// Every phrase found at word boundaries, with the index of its entry in the source list (no
    /// decoys applied): for callers that keep their own value per entry, such as the indicator
    /// tagger's word classes, all matched in one pass.
    func entryMatches(in text: [Unicode.Scalar]) -> [(start: Int, end: Int, entry: Int)] {
        boundaryHits(in: text).map { ($0.start, $0.end, entries[$0.compiled].source) }
    }

    private func boundaryHits(in text: [Unicode.Scalar]) -> [(start: Int, end: Int, compiled: Int)] {
        var out: [(start: Int, end: Int, compiled: Int)] = []
        for hit in automaton.hits(in: text) {
            let e = entries[hit.value]
            if e.checkLeft, hit.start > 0 {
                let before = text[hit.start - 1]
                if ScalarFolding.isLatinWordScalar(before) || ScalarFolding.isSpacedSuffixingScalar(before) { continue }
            }
            if e.checkRight, hit.end < text.count, ScalarFolding.isLatinWordScalar(text[hit.end]) { continue }
            out.append((hit.start, hit.end, hit.value))
        }
        return out
    }

    /// Drops every cue that overlaps a decoy phrase at least as long as itself, except the
    /// structural ones (clause breaks, id labels and keywords) and the context ones (threat,
    /// custody, labour), which decoys must not hide. Linear: each position records the longest
    /// decoy over it once, then each cue checks its own span.
    static func applyBlockers(_ matches: [Match], length: Int) -> [Match] {
        guard matches.contains(where: { $0.cue == .blocker }) else { return matches }
        // For each position, the length of the longest decoy covering it.
        var blocked = [Int](repeating: 0, count: length)
        for b in matches where b.cue == .blocker {
            for i in b.start..<b.end { blocked[i] = max(blocked[i], b.end - b.start) }
        }
        return matches.filter { m in
            switch m.cue {
            case .blocker, .clauseBreak, .clauseStart, .idLabel, .idKeyword, .nonDocNumber, .labourNoun, .threat, .custody: return true
            default:
                // A decoy hides the cues it overlaps that are no longer than itself ("visa card"
                // hides "visa" and "my visa"), not a longer phrase that only touches it ("no one
                // make my papers" is not hidden by the decoy "papers she").
                return !(m.start..<m.end).contains { blocked[$0] >= m.end - m.start }
            }
        }
    }
}
