/// Replaces detected spans with the uniform marker and counts them.
///
/// Overlapping spans, and spans separated only by spaces or punctuation, become one marker: two
/// markers side by side would say "two things were removed here", which is more than an
/// inspector needs. Everything outside the spans is copied scalar for scalar from the input, so
/// every labour fact survives byte-exact.
///
/// The result is a fixed point: redacting it again changes nothing. A removal can join what it
/// separated (a span that crossed a full stop makes two sentences one, so a number in the second
/// now stands in a sentence about a passport), and the fuzzer found such texts; so the redactor
/// looks again at its own output until it finds nothing new.
///
/// Under a policy with a `learned_stage`, the learned classifier (`LearnedStage`) then reads what the
/// rules left and removes what it takes for a disclosure, except where the rules protect the words
/// (`protectedScalars`); its removals are counted as `.learned`. The rules then run again on the
/// joined result, as after any removal.
struct NarrativeRedactor: Sendable {
    let detector: NarrativeDetector
    let policyVersion: Int
    var learned: LearnedStage? = nil

    /// Looks beyond the first pass at most this many times; each further pass needs a removal
    /// from the one before, and the fuzzer has not needed more than one.
    static let maximumExtraPasses = 3

    func redact(_ text: String) -> Redaction {
        var result = redactByRules(text)
        guard let learned else { return result }
        // The rules and the classifier, in turn, until the classifier finds nothing new.
        for _ in 0...Self.maximumExtraPasses {
            let scalars = Array(result.text.unicodeScalars)
            let text = result.text
            let runs = learned.removals(in: scalars, protected: { protectedScalars(text) })
            guard !runs.isEmpty else { break }
            var out = String.UnicodeScalarView()
            var cursor = 0
            for r in runs {
                out.append(contentsOf: scalars[cursor..<r.lowerBound])
                out.append(contentsOf: Firewall.marker.unicodeScalars)
                cursor = r.upperBound
            }
            out.append(contentsOf: scalars[cursor...])
            var report = result.report
            report.record(.learned, count: runs.count)
            let again = redactByRules(Self.joiningAdjacentMarkers(String(out)))
            result = Redaction(text: again.text, report: report.merged(with: again.report))
        }
        return result
    }

    /// Whether the learned stage would remove a run of `text` that the rules left (false without
    /// one). Field values use it: a value is short, so one run is enough to drop the field.
    func learnedStageFinds(_ text: String) -> Bool {
        guard let learned, !text.isEmpty else { return false }
        return !learned.removals(in: Array(text.unicodeScalars), protected: { protectedScalars(text) }).isEmpty
    }

    /// The rules alone, to their fixed point.
    func redactByRules(_ text: String) -> Redaction {
        var result = redactOnce(text)
        var passes = 0
        while result.report.total > 0, passes < Self.maximumExtraPasses {
            let again = redactOnce(result.text)
            guard again.report.total > 0 else { break }
            result = Redaction(text: Self.joiningAdjacentMarkers(again.text), report: result.report.merged(with: again.report))
            passes += 1
        }
        return result
    }

    /// The scalars of `text` the rules protect from the learned stage: the words the lexicons read
    /// as a threat, custody, a decoy, a labour noun or a non-document number's label; the number
    /// such a label names; three words around a decoy; and the whole clause of a threat, or of
    /// custody next to a document, as these set the rules' verdict on a clause (in a long clause,
    /// the words within `ScopedRemoval.contextRadius` of them). Amounts and hours are protected by
    /// the stage itself (`LearnedStage.amountsAndHours`).
    func protectedScalars(_ text: String) -> [Bool] {
        let folded = FoldedText(Self.neutralisingMarkers(text))
        let t = folded.folded
        var protected = [Bool](repeating: false, count: folded.original.count)
        guard !t.isEmpty else { return protected }
        func mark(_ r: Range<Int>) {
            guard !r.isEmpty else { return }
            for i in folded.originalRange(r) where i < protected.count { protected[i] = true }
        }
        let matches = detector.lexicon.matches(in: t)
        for m in matches {
            switch m.cue {
            case .threat, .custody, .blocker, .labourNoun, .nonDocNumber: mark(m.start..<m.end)
            default: break
            }
        }
        for m in Self.labourIndicators.matches(in: t) { mark(m.start..<m.end) }
        let clauses = ClauseSegmenter.clauses(t, breaks: matches)
        guard !clauses.isEmpty else { return protected }
        var clauseAt = [Int32](repeating: -1, count: t.count)
        for (ci, c) in clauses.enumerated() { for i in c.range { clauseAt[i] = Int32(ci) } }
        var cues = [ClauseClassifier.CueSet](repeating: .init(), count: clauses.count)
        let clauseOf = matches.map { NarrativeDetector.clause(of: $0, clauseAt: clauseAt) }
        var clauseMatches = [[Lexicon.Match]](repeating: [], count: clauses.count)
        for (mi, m) in matches.enumerated() where clauseOf[mi] >= 0 {
            cues[Int(clauseOf[mi])].add(m.cue)
            clauseMatches[Int(clauseOf[mi])].append(m)
        }
        let words = WordIndex(t)
        // "she will cancel my visa and deport me": a short clause that continues a threat in the
        // same sentence is part of it, as the detector reads it.
        for ci in clauses.indices.dropFirst() where clauses[ci].sentence == clauses[ci - 1].sentence
            && cues[ci - 1].threat && words.count(clauses[ci].range) <= 4 {
            mark(clauses[ci - 1].range.upperBound..<clauses[ci].range.upperBound)
        }
        for m in matches {
            switch m.cue {
            case .nonDocNumber:
                // "my case at the labour court is 7730012", "claim no. XY-2025-0017": the
                // number a case, claim, phone or account word labels, within four words.
                var i = m.end
                for _ in 0...4 {
                    while i < t.count, t[i] == " " { i += 1 }
                    var j = i
                    var digit = false
                    while j < t.count, t[j] != " ", t[j] != "\n" {
                        if ScalarFolding.isDigit(t[j]) { digit = true }
                        j += 1
                    }
                    if digit { mark(m.start..<j); break }
                    if j >= t.count || t[j] == "\n" { break }
                    i = j
                }
            case .blocker:
                // A decoy's neighbours, which the classifier's window reads with it ("she pays the
                // agent with her Visa card"): three words either side, in its clause.
                let ci = clauseAt[m.start]
                guard ci >= 0 else { continue }
                let a = words.word(at: m.start), b = words.word(at: max(m.end - 1, m.start))
                let near = clauses[Int(ci)].range.filter { words.word(at: $0) >= a - 3 && words.word(at: $0) <= b + 3 }
                if let first = near.first, let last = near.last { mark(first..<(last + 1)) }
            default:
                break
            }
        }
        var bindingsOf: [Int32: [CustodyBinding]] = [:]
        for (mi, m) in matches.enumerated() where m.cue == .threat || m.cue == .custody {
            let ci = clauseOf[mi]
            guard ci >= 0 else { continue }
            let c = clauses[Int(ci)]
            let set = cues[Int(ci)]
            // Custody matters to the rules only next to a document ("took my passport").
            guard m.cue == .threat || set.passport || set.statusDoc || set.papers else { continue }
            if words.count(c.range) <= ScopedRemoval.longClauseWords {
                // A confiscation beside status about another document protects only its own
                // words, as the rules read it ("wala akong visa kinikeep ni madam passport ko").
                let own = clauseMatches[Int(ci)]
                var bindings: [CustodyBinding] = []
                if m.cue == .custody {
                    bindings = bindingsOf[ci] ?? CustodyBinding.bindings(own, clause: c.range, in: t, words: words)
                    bindingsOf[ci] = bindings
                }
                if let rest = NarrativeDetector.outsideCustody(own, bindings: bindings, context: set),
                   ClauseClassifier.strongCategory(rest) != nil || ClauseClassifier.weakCategory(rest) != nil {
                    for b in bindings { mark(b.span) }
                } else {
                    mark(c.range)
                }
            } else if m.cue == .threat {
                let w = words.word(at: m.start)
                let near = c.range.filter { abs(words.word(at: $0) - w) <= ScopedRemoval.contextRadius }
                if let a = near.first, let b = near.last { mark(a..<(b + 1)) }
            } else if let span = Self.custodySpan(m, in: c.range, matches: clauseMatches[Int(ci)], t: t, words: words) {
                mark(span)
            }
        }
        return protected
    }

    /// The forced-labour indicator phrases that tell what was done to her ("el kafeel 7abasni",
    /// "boro chele amar gaye hat dito", "not paid 5 month"): the learned stage, reading romanised
    /// and run-on text, took such words for status, and they are the inspector's case. Abuse of
    /// vulnerability is left out: its phrases are about what she cannot do, often because of her
    /// status ("cannot go to the hospital"), and threats are protected as threats.
    static let labourIndicators = Lexicon(IndicatorLexicon.all.filter { entry in
        if case .indicator(let i) = entry.cue { return i != .abuseOfVulnerability && i != .intimidationThreats }
        return false
    })

    /// In a long clause, the confiscation a custody word tells runs from it to the document it
    /// holds (`CustodyBinding`: "madam took my passport", "paaspoortii koo madaamiin qabatte"), one
    /// word past each and the holder or possessive beside them: that is what the learned stage
    /// may not take. The words on its far side are often a new statement in a message typed without
    /// punctuation ("… qabatte heyyamni jireenyaa koo bara darbe dhumate": her permit ran out),
    /// which five words either side used to shield from the stage as well.
    /// `matches` are the clause's own.
    static func custodySpan(_ m: Lexicon.Match, in clause: Range<Int>, matches: [Lexicon.Match],
                            t: [Unicode.Scalar], words: WordIndex) -> Range<Int>? {
        guard let binding = CustodyBinding.bindings(matches, clause: clause, in: t, words: words).first(where: {
            $0.span.lowerBound <= m.start && m.end <= $0.span.upperBound
        }) else { return nil }
        let first = min(words.word(at: binding.core.lowerBound) - 1, words.word(at: binding.span.lowerBound))
        let last = max(words.word(at: binding.core.upperBound - 1) + 1, words.word(at: binding.span.upperBound - 1))
        let span = clause.filter { words.word(at: $0) >= first && words.word(at: $0) <= last }
        guard let a = span.first, let b = span.last else { return nil }
        return a..<(b + 1)
    }

    /// One pass. Markers already in the text (from an earlier pass, or typed by her) are read with
    /// their word blanked out, so "removed" cannot become a cue ("[removed] from …") while the
    /// brackets still stand where they stand.
    private func redactOnce(_ text: String) -> Redaction {
        let original = Array(text.unicodeScalars)
        let folded = FoldedText(Self.neutralisingMarkers(text))
        let findings = detector.findings(in: folded.folded).sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var report = FirewallReport(policyVersion: policyVersion)
        guard !findings.isEmpty else { return Redaction(text: text, report: report) }

        // Merge in folded coordinates.
        var merged: [Range<Int>] = []
        var categories: [DisclosureCategory] = []
        for f in findings {
            if let last = merged.last, f.range.lowerBound <= last.upperBound || onlyGap(folded.folded, last.upperBound, f.range.lowerBound) {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, f.range.upperBound)
                if f.range.lowerBound >= last.upperBound { report.record(f.category) }
            } else {
                merged.append(f.range)
                categories.append(f.category)
                report.record(f.category)
            }
        }

        var out = String.UnicodeScalarView()
        var cursor = 0
        for r in merged {
            let o = folded.originalRange(r)
            if o.lowerBound > cursor { out.append(contentsOf: original[cursor..<o.lowerBound]) }
            out.append(contentsOf: Firewall.marker.unicodeScalars)
            cursor = max(cursor, o.upperBound)
        }
        if cursor < original.count { out.append(contentsOf: original[cursor...]) }
        return Redaction(text: String(out), report: report)
    }

    private static let markerScalars = Array(Firewall.marker.unicodeScalars)

    /// `text` with the word inside every marker replaced by spaces: "[removed]" → "[       ]",
    /// the same number of scalars, so positions found in it are positions in `text`.
    static func neutralisingMarkers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i...].starts(with: markerScalars) {
                out.append(markerScalars[0])
                out.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: markerScalars.count - 2))
                out.append(markerScalars[markerScalars.count - 1])
                i += markerScalars.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Two markers with only spaces or punctuation between them become one, as within one pass.
    static func joiningAdjacentMarkers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i...].starts(with: markerScalars) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            i += markerScalars.count
            // Swallow what separates this marker from the next one, if only a short gap does.
            var j = i
            while j < scalars.count, j - i <= 4, !isWordScalar(scalars[j]), !scalars[j...].starts(with: markerScalars) { j += 1 }
            if j < scalars.count, j - i <= 4, scalars[j...].starts(with: markerScalars) {
                i = j
                continue  // the next marker is emitted when the loop reaches it
            }
            out.append(contentsOf: markerScalars)
        }
        return String(String.UnicodeScalarView(out))
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ScalarFolding.isDigit(s)
    }

    /// True when only spaces and punctuation lie between two spans (no letters, digits or words).
    private func onlyGap(_ t: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard b >= a, b - a <= 4 else { return false }
        for i in a..<b {
            let s = t[i]
            if s.properties.isAlphabetic || ScalarFolding.isDigit(s) { return false }
        }
        return true
    }
}
