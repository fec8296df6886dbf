/// Finds every disclosure of immigration status in a narrative, in any supported language.
///
/// One pass of the lexicon automaton finds all cues; the text is cut into clauses; each clause is
/// classified from its cues (`ClauseClassifier`); clauses with only weak cues are removed when
/// their sentence, or the one before, already disclosed status; and document numbers are found
/// wherever they stand (`DocumentNumberScanner`). Work is linear in the text length.
struct NarrativeDetector: Sendable {
    struct Finding: Equatable {
        let range: Range<Int>
        let category: DisclosureCategory
    }

    let lexicon: Lexicon

    init(lexicon: Lexicon = Lexicon()) {
        self.lexicon = lexicon
    }

    /// Findings in folded-scalar coordinates, unsorted, possibly overlapping.
    func findings(in t: [Unicode.Scalar]) -> [Finding] {
        guard !t.isEmpty else { return [] }
        let matches = lexicon.matches(in: t)
        let clauses = ClauseSegmenter.clauses(t, breaks: matches)
        guard !clauses.isEmpty else { return [] }

        var clauseAt = [Int32](repeating: -1, count: t.count)
        for (ci, c) in clauses.enumerated() { for i in c.range { clauseAt[i] = Int32(ci) } }
        var cues = [ClauseClassifier.CueSet](repeating: .init(), count: clauses.count)
        var clauseMatches = [[Lexicon.Match]](repeating: [], count: clauses.count)
        for m in matches {
            let ci = NarrativeDetector.clause(of: m, clauseAt: clauseAt)
            if ci >= 0 {
                cues[Int(ci)].add(m.cue)
                clauseMatches[Int(ci)].append(m)
            }
        }
        // "they ask for papers, and I have nothing": the papers of one clause and the nothing of
        // the next, in the same sentence, say together what neither says alone.
        for ci in clauses.indices.dropFirst() where clauses[ci].sentence == clauses[ci - 1].sentence
            && cues[ci].nothing && (cues[ci - 1].papers || cues[ci - 1].statusDoc) && !cues[ci - 1].custody {
            cues[ci].papers = true
            cues[ci - 1].nothing = true
        }
        NarrativeDetector.addSentenceContext(&cues, clauses: clauses)
        // "majikan bilang kalau lapor polisi saya yang ditangkap": a conditional threat in the
        // clause after the one that names who speaks it is hers (the employer's), not the
        // worker's own fear.
        for ci in clauses.indices.dropFirst() where clauses[ci].sentence == clauses[ci - 1].sentence
            && cues[ci - 1].threatener && cues[ci].threat {
            cues[ci].threatener = true
        }
        let words = WordIndex(t)
        for ci in clauses.indices { clauseMatches[ci].sort { $0.start < $1.start } }
        // Each custody word holds one document (or a list of them): the others are judged as if
        // no one held anything.
        var bindings = [[CustodyBinding]](repeating: [], count: clauses.count)
        for ci in clauses.indices where cues[ci].custody {
            bindings[ci] = CustodyBinding.bindings(clauseMatches[ci], clause: clauses[ci].range, in: t, words: words)
            cues[ci].held = CustodyBinding.heldKinds(bindings[ci])
        }
        // "she will cancel my visa and deport me": a short clause that continues a threat in the
        // same sentence is part of the threat.
        for ci in clauses.indices.dropFirst() where clauses[ci].sentence == clauses[ci - 1].sentence
            && cues[ci - 1].threat && words.count(clauses[ci].range) <= 4 {
            cues[ci].threat = true
        }
        let long = clauses.map { words.count($0.range) > ScopedRemoval.longClauseWords }
        var groups = [[ScopedRemoval.Group]](repeating: [], count: clauses.count)
        for ci in clauses.indices where long[ci] {
            groups[ci] = ScopedRemoval.groups(clauseMatches[ci], bindings: bindings[ci], in: t, words: words)
            for gi in groups[ci].indices {
                groups[ci][gi].cues.fearContext = cues[ci].fearContext
                groups[ci][gi].cues.authorityNear = cues[ci].authorityNear
                groups[ci][gi].cues.custodyNear = cues[ci].custodyNear
            }
        }

        var out: [Finding] = []
        var removed = [Bool](repeating: false, count: clauses.count)
        var disclosingSentences = Set<Int>()
        var numbers = DocumentNumberScanner.spans(in: t, matches: matches, clauses: clauses)
        numbers += DocumentNumberScanner.repeats(of: numbers, in: t)
        for r in numbers {
            let ci = clauseAt[r.lowerBound] >= 0 ? clauseAt[r.lowerBound] : clauseAt[max(r.upperBound - 1, r.lowerBound)]
            if ci >= 0 { disclosingSentences.insert(clauses[Int(ci)].sentence) }
        }
        var groupRemoved = groups.map { [Bool](repeating: false, count: $0.count) }
        for (ci, c) in clauses.enumerated() {
            if long[ci] {
                for (gi, g) in groups[ci].enumerated() {
                    guard let category = ClauseClassifier.strongCategory(g.cues) else { continue }
                    groupRemoved[ci][gi] = true
                    disclosingSentences.insert(c.sentence)
                    out.append(Finding(range: ScopedRemoval.removal(g, category, in: t, clause: c.range, matches: clauseMatches[ci]), category: category))
                }
            } else if let category = ClauseClassifier.strongCategory(cues[ci])
                        ?? NarrativeDetector.statusBeforeThreat(cues[ci], words: words, matches: clauseMatches[ci]) {
                removed[ci] = true
                disclosingSentences.insert(c.sentence)
                for r in NarrativeDetector.shortClauseRemovals(c.range, cues: cues[ci], bindings: bindings[ci], in: t, words: words,
                                                               matches: clauseMatches[ci], judge: ClauseClassifier.strongCategory) {
                    out.append(Finding(range: r, category: category))
                }
            } else if ci > 0, removed[ci - 1], clauses[ci - 1].sentence == c.sentence, cues[ci].validState,
                      !cues[ci].custody, !cues[ci].labourNoun, !cues[ci].threat,
                      words.count(c.range) <= NarrativeDetector.continuationWords {
                // "my residence permit, valid until 2027": a short clause that only says until
                // when the status just removed holds goes with it.
                removed[ci] = true
                out.append(Finding(range: c.range, category: .validStatus))
            }
        }
        if !disclosingSentences.isEmpty {
            for (ci, c) in clauses.enumerated() where !removed[ci] {
                guard disclosingSentences.contains(c.sentence) || disclosingSentences.contains(c.sentence - 1) else { continue }
                if long[ci] {
                    for (gi, g) in groups[ci].enumerated() where !groupRemoved[ci][gi] {
                        guard let category = ClauseClassifier.weakCategory(g.cues) else { continue }
                        out.append(Finding(range: ScopedRemoval.removal(g, category, in: t, clause: c.range, matches: clauseMatches[ci]), category: category))
                    }
                } else if let category = ClauseClassifier.weakCategory(cues[ci]) {
                    removed[ci] = true
                    for r in NarrativeDetector.shortClauseRemovals(c.range, cues: cues[ci], bindings: bindings[ci], in: t, words: words,
                                                                   matches: clauseMatches[ci], judge: ClauseClassifier.weakCategory) {
                        out.append(Finding(range: r, category: category))
                    }
                }
            }
        }
        for r in numbers {
            out.append(Finding(range: r, category: .documentIdentifier))
        }
        return out
    }
}

extension NarrativeDetector {
    /// The fewest words a new statement after a short clause's status keeps.
    static let minimumKeptWords = 3

    /// What goes of a short disclosing clause: all of it, up to a new statement that begins after
    /// its last status cue and its time phrase. A message typed without punctuation is cut into
    /// short clauses only at conjunctions, so "o lai lam chu bat lam 2 nha ngu o kho" (stayed on,
    /// the boss makes me work two houses, I sleep in the storeroom) is one clause; its status goes
    /// with whatever comes before it in the clause (a leading "after 10 months" is hers too), and
    /// the statement that follows (a subject such as "she", "madam", "chu", or a word about work,
    /// a threat or custody) stays.
    static func shortClauseRemoval(_ clause: Range<Int>, in t: [Unicode.Scalar], words: WordIndex, matches: [Lexicon.Match]) -> Range<Int> {
        var statusEnd = clause.lowerBound
        // A negation is a status cue only beside one ("no permit"); a later one is the next
        // statement's ("… ela me chama de macaca, não tenho folga"). So is the police a threat
        // names after the status ("visit visa imeisha na wanasema watanipeleka police"), unless
        // what the authorities would do follows the threat word: then it was her fear all along
        // ("police le samatyo bhane nepal pathai dinchha", if the police catch me they send me home).
        let statusCues = matches.filter { ScopedRemoval.isStatusCue($0.cue) && $0.cue != .negation }
        let firstStatus = statusCues.map(\.start).min() ?? clause.lowerBound
        let threatStart = matches.filter { m in
            (m.cue == .threat || m.cue == .threatener) && m.start > firstStatus
                && !matches.contains { $0.cue == .consequence && $0.start > m.start }
        }.map(\.start).min() ?? clause.upperBound
        for m in statusCues where m.start < threatStart { statusEnd = max(statusEnd, m.end) }
        guard statusEnd > clause.lowerBound else { return clause }
        let start = statusStart(clause, in: t, words: words, matches: matches)
        let clause = start..<clause.upperBound
        let timed = ScopedRemoval.withTimePhrase(clause.lowerBound..<statusEnd, in: t, limit: clause.upperBound).upperBound
        var contextStarts = Set<Int>()
        for m in matches where m.start >= timed && ScopedRemoval.isContextCue(m.cue) { contextStarts.insert(m.start) }
        var position = timed
        while true {
            let word = ScopedRemoval.nextToken(in: t, after: position, limit: clause.upperBound)
            guard !word.isEmpty else { return clause }
            if contextStarts.contains(word.startIndex) || StatementStarts.words.contains(String(String.UnicodeScalarView(word))) {
                // The rest must be a statement of its own (three words or more) and must not
                // date the status ("ako dito sa Kuwait mula 2021" goes with "TNT na po").
                let rest = word.startIndex..<clause.upperBound
                guard words.count(rest) >= minimumKeptWords, !Self.holdsYear(t, rest) else { return clause }
                var end = word.startIndex
                while end > clause.lowerBound, t[end - 1] == " " { end -= 1 }
                return clause.lowerBound..<end
            }
            position = word.endIndex
        }
    }

    /// What goes of a short disclosing clause that also tells a confiscation: when the status
    /// outside the confiscation's words discloses on its own (`judge`), only that status, each
    /// stretch on either side of the confiscation read as a short clause of its own; otherwise the
    /// whole clause, as `shortClauseRemoval` says. "wala akong visa kinikeep ni madam passport ko"
    /// keeps "kinikeep ni madam passport ko", and "boss hold my passport i have no permit" keeps
    /// "boss hold my passport".
    static func shortClauseRemovals(_ clause: Range<Int>, cues: ClauseClassifier.CueSet, bindings: [CustodyBinding],
                                    in t: [Unicode.Scalar], words: WordIndex, matches: [Lexicon.Match],
                                    judge: (ClauseClassifier.CueSet) -> DisclosureCategory?) -> [Range<Int>] {
        let whole = [shortClauseRemoval(clause, in: t, words: words, matches: matches)]
        guard let rest = outsideCustody(matches, bindings: bindings, context: cues), judge(rest) != nil else { return whole }
        let outside = matches.filter { !CustodyBinding.inside($0, bindings) }
        var parts: [Range<Int>] = []
        var cursor = clause.lowerBound
        for span in bindings.map(\.span).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if span.lowerBound > cursor { parts.append(cursor..<span.lowerBound) }
            cursor = max(cursor, span.upperBound)
        }
        if cursor < clause.upperBound { parts.append(cursor..<clause.upperBound) }
        let removals: [Range<Int>] = parts.compactMap { part in
            let inPart = outside.filter { part.contains($0.start) }
            guard inPart.contains(where: { ScopedRemoval.isStatusCue($0.cue) && $0.cue != .negation }),
                  let trimmed = trimmingSpaces(part, in: t) else { return nil }
            return shortClauseRemoval(trimmed, in: t, words: words, matches: inPart)
        }
        return removals.isEmpty ? whole : removals
    }

    /// What a short clause discloses before a threat that follows it as a statement of its own:
    /// "viza yangu imeisha na wanasema watanipeleka police" (my visa has expired, and they say they
    /// will take me to the police). A threat in a clause keeps the status rules off it ("she will
    /// cancel my visa" is the threat, an inspector's business), but not off what she said before
    /// it. The threat must come after every status word, with a word between, and what comes
    /// before it must be a document's state, not the police or jail: in the languages that put the
    /// verb last the threat ends its own content ("पुलिस को बोलकर जेल भिजवा देगा", "ہروب کی دھمکی دی").
    static func statusBeforeThreat(_ cues: ClauseClassifier.CueSet, words: WordIndex, matches: [Lexicon.Match]) -> DisclosureCategory? {
        guard cues.threat else { return nil }
        let status = matches.filter { ScopedRemoval.isStatusCue($0.cue) && $0.cue != .negation }
        guard let firstStatus = status.map(\.start).min(),
              !matches.contains(where: { $0.cue == .threat && $0.start <= firstStatus }),
              let threatStart = matches.filter({ ($0.cue == .threat || $0.cue == .threatener) && $0.start > firstStatus }).map(\.start).min()
        else { return nil }
        let before = matches.filter { $0.end <= threatStart }
        guard let lastStatusEnd = before.filter({ ScopedRemoval.isStatusCue($0.cue) }).map(\.end).max(),
              words.word(at: threatStart) - words.word(at: lastStatusEnd - 1) >= 2 else { return nil }
        var told = ClauseClassifier.CueSet()
        for m in before { told.add(m.cue) }
        told.held = cues.held
        told.fearContext = cues.fearContext
        told.authorityNear = cues.authorityNear
        told.custodyNear = cues.custodyNear
        guard told.statusDoc, told.explicitState, told.strong == nil, !told.enforcement, !told.consequence, !told.authority,
              !told.report, !told.abscond else { return nil }
        return ClauseClassifier.strongCategory(told)
    }

    /// The cues of a clause outside its confiscations' words, with the clause's sentence context;
    /// nil when it tells no confiscation, or when a confiscation's words cut through a status
    /// phrase ("green card holder", "wala akong passport kinuha ni madam"), which is read whole.
    static func outsideCustody(_ matches: [Lexicon.Match], bindings: [CustodyBinding],
                               context: ClauseClassifier.CueSet) -> ClauseClassifier.CueSet? {
        guard !bindings.isEmpty else { return nil }
        let outside = matches.filter { !CustodyBinding.inside($0, bindings) }
        guard !outside.contains(where: { m in bindings.contains { $0.span.overlaps(m.start..<m.end) } }) else { return nil }
        var rest = ClauseClassifier.CueSet()
        for m in outside { rest.add(m.cue) }
        // Custody still keeps the rules that are not about a document off the rest ("… so I
        // cannot go out, they ask for ID"); the documents outside are nobody's.
        rest.custody = true
        rest.held = []
        rest.fearContext = context.fearContext
        rest.authorityNear = context.authorityNear
        rest.custodyNear = context.custodyNear
        return rest
    }

    /// `r` without the spaces at its ends, or nil when nothing else is in it.
    static func trimmingSpaces(_ r: Range<Int>, in t: [Unicode.Scalar]) -> Range<Int>? {
        var a = r.lowerBound, b = r.upperBound
        while a < b, ScopedRemoval.isSpace(t[a]) { a += 1 }
        while b > a, ScopedRemoval.isSpace(t[b - 1]) { b -= 1 }
        return a < b ? a..<b : nil
    }

    /// Where a short clause's status begins: at the clause's start, or at a new statement just
    /// before its first status word when what comes before is a statement of its own, three words
    /// or more with no status word and no time in it. "the sir touch me at night when | madam is
    /// sleeping my residence expired in january" keeps "madam is sleeping"; "after 10 months my
    /// visa expired" loses it all, as the months date the status.
    static func statusStart(_ clause: Range<Int>, in t: [Unicode.Scalar], words: WordIndex, matches: [Lexicon.Match]) -> Int {
        guard let firstStatus = matches.filter({ ScopedRemoval.isStatusCue($0.cue) }).map(\.start).min() else { return clause.lowerBound }
        var position = clause.lowerBound
        var statement: Int? = nil
        var timeBefore = false
        while true {
            let token = ScopedRemoval.nextToken(in: t, after: position, limit: clause.upperBound)
            guard !token.isEmpty, token.startIndex <= firstStatus else { break }
            if token.startIndex > clause.lowerBound, StatementStarts.words.contains(String(String.UnicodeScalarView(token))) {
                statement = token.startIndex
            } else if statement == nil, TimeWords.isTimeToken(token) {
                timeBefore = true
            }
            position = token.endIndex
        }
        guard let statement, !timeBefore, words.word(at: firstStatus) - words.word(at: statement) <= 2,
              words.count(clause.lowerBound..<statement) >= minimumKeptWords,
              !Self.holdsTime(t, clause.lowerBound..<statement) else { return clause.lowerBound }
        return statement
    }

    /// Whether a stretch holds a time word or a number (`TimeWords.isTimeToken`).
    static func holdsTime(_ t: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var position = r.lowerBound
        while true {
            let token = ScopedRemoval.nextToken(in: t, after: position, limit: r.upperBound)
            guard !token.isEmpty else { return false }
            if TimeWords.isTimeToken(token) { return true }
            position = token.endIndex
        }
    }

    /// Whether a stretch holds a year (`TimeWords.isYear`) as a word of its own.
    static func holdsYear(_ t: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var position = r.lowerBound
        while true {
            let token = ScopedRemoval.nextToken(in: t, after: position, limit: r.upperBound)
            guard !token.isEmpty else { return false }
            if TimeWords.isYear(TimeWords.trimmed(token)) { return true }
            position = token.endIndex
        }
    }

    /// A clause of at most this many words that says only until when a status just removed in
    /// the same sentence holds ("… valid until 2027") goes with it.
    static let continuationWords = 5

    /// The context an indirect disclosure needs from its sentence: "I cannot go to the police
    /// because they will send me home" is two clauses, and neither says it alone. A clause is in
    /// fear when it, or the clause before it in the same sentence, says she cannot or dare not go
    /// (a consequence continuing one carries it on: "… because they will jail me and send me
    /// home"); it is near the police when it or the clause before it in the sentence names them.
    static func addSentenceContext(_ cues: inout [ClauseClassifier.CueSet], clauses: [Clause]) {
        for ci in clauses.indices {
            let afterSame = ci > 0 && clauses[ci].sentence == clauses[ci - 1].sentence
            let beforeSame = ci + 1 < clauses.count && clauses[ci].sentence == clauses[ci + 1].sentence
            cues[ci].fearContext = cues[ci].avoidance
                || (afterSame && (cues[ci - 1].avoidance || (cues[ci - 1].fearContext && cues[ci - 1].consequence)))
            // Hiding after the police come ("when the police come, she hides me"), not before
            // calling them ("I hid in the bathroom and called the police").
            cues[ci].authorityNear = cues[ci].authority || (afterSame && cues[ci - 1].authority)
            cues[ci].custodyNear = (afterSame && cues[ci - 1].custody) || (beforeSame && cues[ci + 1].custody)
        }
    }

    /// The clause a cue belongs to, or -1. A cue whose first characters are a clause cut (Arabic
    /// "و" glued to "ویزا", Indonesian "kalau" opening "kalau lapor") belongs to the clause its
    /// remaining characters fall in.
    static func clause(of m: Lexicon.Match, clauseAt: [Int32]) -> Int32 {
        var p = m.start
        while p < m.end - 1, clauseAt[p] < 0 { p += 1 }
        return clauseAt[p]
    }

    /// Whether `text` says someone holds, took or keeps something ("kinuha ni amo", "chu giu").
    func mentionsCustody(_ text: String) -> Bool {
        lexicon.matches(in: FoldedText(text).folded).contains { $0.cue == .custody }
    }


    /// For developers: each clause with its cues and verdict. Never called by the firewall.
    func explain(_ text: String) -> [String] {
        let t = FoldedText(text).folded
        let matches = lexicon.matches(in: t)
        let clauses = ClauseSegmenter.clauses(t, breaks: matches)
        var sets = [ClauseClassifier.CueSet](repeating: .init(), count: clauses.count)
        for (ci, c) in clauses.enumerated() { matches.filter { c.range.contains($0.start) }.forEach { sets[ci].add($0.cue) } }
        NarrativeDetector.addSentenceContext(&sets, clauses: clauses)
        return clauses.enumerated().map { ci, c in
            let set = sets[ci]
            let cues = matches.filter { c.range.contains($0.start) }
            let words = cues.map { "\(String(String.UnicodeScalarView(t[$0.start..<$0.end])))=\($0.cue)" }
            let s = ClauseClassifier.strongCategory(set).map { "STRONG \($0)" } ?? ClauseClassifier.weakCategory(set).map { "weak \($0)" } ?? "-"
            return "s\(c.sentence) [\(String(String.UnicodeScalarView(t[c.range])))] \(s) :: \(words.joined(separator: ", "))"
        }
    }
}
