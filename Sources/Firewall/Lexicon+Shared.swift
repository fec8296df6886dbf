/// Cues that are not words of one language: visa class codes, abbreviations used across the
/// Gulf, Asia and the Americas, and separators that behave as conjunctions.
extension Lexicon {
    static let shared: [LexiconEntry] = [
        L(.state(.validStatus),
          "b-1", "b-2", "b1", "b2", "a-3", "a3", "g-5", "g5", "e-9", "e9", "e-7", "h-2a", "h-2b", "h-1b", "h2a", "h2b",
          "j-1", "f-1", "d-2", "d-4", "c-3", "c3", "f-4", "h-2", "e-2", "d-10", "k-eta", "u", "t", "tn", "l-1", "o-1"),
        L(.clauseBreak, " - ", " – ", " — ", " / "),
    ].flatMap { $0 }

    // Placeholders until each family's lexicon file is written.
}
