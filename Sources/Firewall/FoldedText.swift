/// A narrative as the detector sees it: folded scalars (`ScalarFolding`) with, for each, the index
/// of the original scalar it came from, so a span found in the folded text maps back exactly to
/// the worker's own characters. Folding never reorders, and only drops scalars (accents,
/// harakat), and rewrites misspelled status words whole (`SpellingNormaliser`), so the map is
/// monotonic.
struct FoldedText {
    let original: [Unicode.Scalar]
    let folded: [Unicode.Scalar]
    /// `origin[i]` is the original index of `folded[i]`.
    let origin: [Int]

    init(_ text: String) {
        var original: [Unicode.Scalar] = []
        original.reserveCapacity(text.utf8.count)
        original.append(contentsOf: text.unicodeScalars)
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        folded.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        for (i, s) in original.enumerated() {
            if let f = ScalarFolding.fold(s) {
                folded.append(f)
                origin.append(i)
            }
        }
        self.original = original
        if let corrected = SpellingNormaliser.shared.normalise(folded, origin: origin, original: original) {
            self.folded = corrected.folded
            self.origin = corrected.origin
        } else {
            self.folded = folded
            self.origin = origin
        }
    }

    var count: Int { folded.count }

    /// The original-scalar range covered by folded range `r` (including any dropped accents that
    /// follow the last folded scalar, so a removed "é" leaves no stray combining mark behind).
    func originalRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { return 0..<0 }
        let start = origin[r.lowerBound]
        let end = r.upperBound < origin.count ? origin[r.upperBound] : original.count
        return start..<end
    }
}
