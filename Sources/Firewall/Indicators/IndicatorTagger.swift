/// Tags a narrative with the ILO forced-labour indicators it shows.
///
/// It reads the text the firewall *left*, never the worker's original: an indicator must not carry
/// anything the firewall removed (a tag such as "abuse of vulnerability: irregular status" would be
/// a status disclosure by another name). The same folding and spelling tolerance as the firewall
/// apply, and the same one-pass automaton, over the indicator lexicon (`IndicatorLexicon`), in every
/// language at once. A phrase shows its indicator unless a decoy phrase overlaps it ("day off",
/// "paid on time"). Pure and deterministic, like the firewall.
public struct IndicatorTagger: Sendable {
    private let lexicon: Lexicon

    public init() {
        lexicon = Lexicon(IndicatorLexicon.all)
    }

    /// The indicators `text` shows, sorted by name.
    public func indicators(in text: String) -> [ForcedLabourIndicator] {
        let folded = FoldedText(NarrativeRedactor.neutralisingMarkers(text)).folded
        var found = Set<ForcedLabourIndicator>()
        for m in lexicon.matches(in: folded) {
            if case .indicator(let i) = m.cue { found.insert(i) }
        }
        return found.sorted()
    }
}

extension Firewall {
    /// Redacts `text`, then tags what is left: the path a complaint takes at intake.
    public func indicators(in text: String, tagger: IndicatorTagger) -> [ForcedLabourIndicator] {
        tagger.indicators(in: redact(text).text)
    }
}
