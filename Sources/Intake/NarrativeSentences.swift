import Firewall

/// A redacted narrative cut into sentences, so that the reporter can see what an inspector will
/// read and take out more of it (issue 16, item 7).
///
/// The cut is deterministic and needs nothing but the text: the daemon cuts the firewall's output
/// when it shows the preview and cuts it again, from her original words, when she confirms, so a
/// sentence's `id` names the same sentence both times. Sentences end at a line break, or at a
/// sentence-ending mark (`. ! ? …` and the full stops of the pages' scripts) that is followed by
/// white space, the end, or closing quotes and brackets; marks of scripts that write no space after
/// a full stop (Devanagari, Bengali, Urdu, Arabic, Amharic, Burmese, Khmer, CJK) end a sentence on
/// their own. Nothing is dropped: the sentences and the white space between them give back the text.
public struct NarrativeSentences: Sendable, Equatable {
    /// One sentence: its 1-based id, its text, and whether the firewall removed all of it.
    public struct Sentence: Sendable, Equatable {
        public let id: Int
        public let text: String
        /// Nothing but removal markers and punctuation: there is nothing left for her to remove.
        public let removedWhole: Bool
    }

    /// At most this many sentences are told apart; the rest of a longer text is one last sentence.
    /// (A 10,000-character narrative of ordinary sentences has a few hundred.)
    public static let maxSentences = 1000

    public let text: String
    public let sentences: [Sentence]
    /// The white space before each sentence, and after the last (`gaps.count == sentences.count + 1`).
    let gaps: [Substring]

    public init(_ text: String) {
        self.text = text
        var sentences: [Sentence] = []
        var gaps: [Substring] = []
        var i = text.startIndex
        while true {
            let start = text[i...].firstIndex { !$0.isWhitespace } ?? text.endIndex
            gaps.append(text[i..<start])
            guard start < text.endIndex else { break }
            let end = sentences.count == Self.maxSentences - 1 ? Self.trimmedEnd(text, from: start) : Self.sentenceEnd(text, from: start)
            let sentence = String(text[start..<end])
            sentences.append(Sentence(id: sentences.count + 1, text: sentence, removedWhole: Self.isRemovedWhole(sentence)))
            i = end
        }
        self.sentences = sentences
        self.gaps = gaps
    }

    /// The text with each sentence in `ids` replaced by the firewall's marker: the inspector cannot
    /// tell a sentence she took out from one the firewall took out. Unknown ids are ignored here
    /// (callers check them first: `invalidIDs(in:)`).
    public func replacing(_ ids: Set<Int>) -> String {
        guard !ids.isEmpty else { return text }
        var out = ""
        for (n, sentence) in sentences.enumerated() {
            out += gaps[n]
            out += ids.contains(sentence.id) ? Firewall.marker : sentence.text
        }
        out += gaps[sentences.count]
        return out
    }

    /// The ids in `ids` that name no sentence of this text.
    public func invalidIDs(in ids: Set<Int>) -> [Int] {
        ids.filter { $0 < 1 || $0 > sentences.count }.sorted()
    }

    // MARK: - Cutting

    /// Full stops after which no space is written in their scripts: one ends a sentence by itself.
    static let standaloneStops: Set<Character> = [
        "\u{0964}", "\u{0965}",             // Devanagari danda, double danda (Hindi, Nepali, Bengali)
        "\u{06D4}", "\u{061F}",             // Urdu full stop, Arabic question mark
        "\u{1362}", "\u{1367}", "\u{1368}", // Ethiopic full stop, question mark, paragraph separator
        "\u{104B}",                         // Burmese section mark (full stop)
        "\u{17D4}", "\u{17D5}",             // Khmer khan, bariyoosan
        "\u{3002}", "\u{FF01}", "\u{FF1F}", // ideographic full stop, fullwidth ! and ?
    ]
    /// Marks that end a sentence when white space or the end follows.
    static let spacedStops: Set<Character> = [".", "!", "?", "\u{2026}", "\u{0DF4}"]
    /// What may follow a stop and still belong to its sentence.
    static let closers: Set<Character> = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{300D}", "\u{FF09}"]

    private static func sentenceEnd(_ text: String, from start: String.Index) -> String.Index {
        var i = start
        while i < text.endIndex {
            let c = text[i]
            if c.isNewline { return trimmedEnd(text, from: start, upTo: i) }
            if standaloneStops.contains(c) || spacedStops.contains(c) {
                var j = text.index(after: i)
                while j < text.endIndex, standaloneStops.contains(text[j]) || spacedStops.contains(text[j]) || closers.contains(text[j]) {
                    j = text.index(after: j)
                }
                if standaloneStops.contains(c) || j == text.endIndex || text[j].isWhitespace { return j }
                i = j
                continue
            }
            i = text.index(after: i)
        }
        return trimmedEnd(text, from: start, upTo: text.endIndex)
    }

    /// `upTo` (the end by default) moved back over trailing white space, never before `start`.
    private static func trimmedEnd(_ text: String, from start: String.Index, upTo limit: String.Index? = nil) -> String.Index {
        var end = limit ?? text.endIndex
        while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return end
    }

    private static func isRemovedWhole(_ sentence: String) -> Bool {
        guard sentence.contains(Firewall.marker) else { return false }
        return sentence.replacing(Firewall.marker, with: "").allSatisfy { $0.isWhitespace || $0.isPunctuation || $0.isSymbol }
    }
}
