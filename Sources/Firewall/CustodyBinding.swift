/// Which document a custody word holds, and the words that tell the confiscation.
///
/// Someone holding a document is a labour fact ("madam keeps my passport"), so custody keeps the
/// status rules off that document: "wala akong passport, kinuha ni madam" (I have no passport,
/// madam took it) is confiscation, not a missing passport. But a message typed without punctuation
/// puts other documents in the same clause: in "wala akong visa kinikeep ni madam passport ko"
/// madam keeps the passport, and "wala akong visa" (I have no visa) is status all the same. A
/// clause-wide custody flag kept it; binding each custody word to the document it holds lets the
/// rules judge the visa on its own, and lets the removal leave the confiscation standing.
struct CustodyBinding: Equatable {
    /// The kinds of document held.
    let held: DocumentKinds
    /// Folded-scalar range from the first to the last word of the confiscation: the holder or a
    /// possessive next to it, the custody word, and the documents held.
    let span: Range<Int>
    /// The custody word and the documents held, without the words around them.
    let core: Range<Int>

    /// How far (in words) a custody word reaches for its document: as far as a threat or labour
    /// word reaches a status group.
    static let reach = ScopedRemoval.contextRadius
    /// A second document this close to a held one, with no status word near them, is held too
    /// ("kinuha ni madam ang passport at visa ko").
    static let coordinationGap = 2

    /// The bindings of the custody words of one clause. `matches` are the clause's own, sorted by
    /// start. A custody word with no document within `reach` binds nothing.
    static func bindings(_ matches: [Lexicon.Match], clause: Range<Int>, in t: [Unicode.Scalar], words: WordIndex) -> [CustodyBinding] {
        var out: [CustodyBinding] = []
        let documents = documentMatches(matches)
        for m in matches where m.cue == .custody {
            let w = words.word(at: m.start)
            let near = documents.filter { abs(words.word(at: $0.start) - w) <= reach }
            guard let first = preferred(near, from: w, words: words) else { continue }
            var held = [first]
            for d in near where d.start != first.start && coordinated(d, with: first, matches: matches, words: words) {
                held.append(d)
            }
            let lower = min(m.start, held.map(\.start).min() ?? m.start)
            let upper = max(m.end, held.map(\.end).max() ?? m.end)
            // A word can be two kinds at once ("papeles": papers and a status document).
            let kinds = matches.reduce(into: DocumentKinds()) { kinds, d in
                if held.contains(where: { $0.start == d.start }) { kinds.formUnion(DocumentKinds(cue: d.cue)) }
            }
            out.append(CustodyBinding(held: kinds, span: widened(lower..<upper, clause: clause, in: t), core: lower..<upper))
        }
        return out
    }

    /// The held kinds of a clause: what all its custody words hold.
    static func heldKinds(_ bindings: [CustodyBinding]) -> DocumentKinds {
        bindings.reduce(into: DocumentKinds()) { $0.formUnion($1.held) }
    }

    /// Whether `m` lies inside one of the bindings' spans.
    static func inside(_ m: Lexicon.Match, _ bindings: [CustodyBinding]) -> Bool {
        bindings.contains { $0.span.lowerBound <= m.start && m.end <= $0.span.upperBound }
    }

    // MARK: choosing the document

    /// One match per document word (a word can match several entries, of one kind or two); a
    /// word that is also a passport is kept as one, so `preferred` finds it.
    private static func documentMatches(_ matches: [Lexicon.Match]) -> [Lexicon.Match] {
        var seen = Set<Int>()
        let passportsFirst = matches.filter { $0.cue == .passport } + matches.filter { $0.cue != .passport }
        return passportsFirst.filter { !DocumentKinds(cue: $0.cue).isEmpty && seen.insert($0.start).inserted }
    }

    /// The passport if there is one near: it is what employers and agents hold, far more often
    /// than a visa or a permit, and a negated visa beside a held passport is status. Otherwise the
    /// nearest document; at equal distance, the one after the custody word ("keeps my permit").
    private static func preferred(_ near: [Lexicon.Match], from w: Int, words: WordIndex) -> Lexicon.Match? {
        let passports = near.filter { $0.cue == .passport }
        let pool = passports.isEmpty ? near : passports
        return pool.min { a, b in
            let da = abs(words.word(at: a.start) - w), db = abs(words.word(at: b.start) - w)
            return da != db ? da < db : a.start > b.start
        }
    }

    /// Whether `d` is listed with the held document `h` ("passport and visa"): close to it, with
    /// no status word within two words of `d` ("tdk punya visa paspor", "my passport my visa is
    /// expired": the visa is negated or expired, not held). A negation inside a custody phrase
    /// ("ไม่ยอมคืน", will not give back) says nothing about the document.
    private static func coordinated(_ d: Lexicon.Match, with h: Lexicon.Match, matches: [Lexicon.Match], words: WordIndex) -> Bool {
        let wd = words.word(at: d.start), wh = words.word(at: h.start)
        guard abs(wd - wh) <= coordinationGap else { return false }
        let custody = matches.filter { $0.cue == .custody }
        return !matches.contains { m in
            isPredicate(m.cue) && abs(words.word(at: m.start) - wd) <= coordinationGap
                && !custody.contains { $0.start < m.end && m.start < $0.end }
        }
    }

    /// Cues that say something happened to, or is true of, a document.
    private static func isPredicate(_ cue: Cue) -> Bool {
        switch cue {
        case .negation, .state, .nothing, .strong, .renew, .weak, .statusAdjective: return true
        default: return false
        }
    }

    // MARK: the words of the confiscation

    /// `span` widened over the holder before it ("madam keeps …", "la señora tiene …") and over
    /// up to two possessive or holder words after it ("passport ko", "paspor sy ditahan majikan",
    /// "… ni madam"). Not over a pronoun after it: "i", "she" begin the next statement.
    private static func widened(_ span: Range<Int>, clause: Range<Int>, in t: [Unicode.Scalar]) -> Range<Int> {
        var lower = span.lowerBound
        if let before = previousToken(in: t, before: lower, limit: clause.lowerBound),
           StatementStarts.words.contains(String(String.UnicodeScalarView(TimeWords.trimmed(before)))) {
            lower = before.startIndex
            // "la señora", "ang amo", "the agent".
            if let article = previousToken(in: t, before: lower, limit: clause.lowerBound),
               leadingArticles.contains(String(String.UnicodeScalarView(article))) {
                lower = article.startIndex
            }
        }
        var upper = span.upperBound
        for _ in 0..<2 {
            let after = ScopedRemoval.nextToken(in: t, after: upper, limit: clause.upperBound)
            guard !after.isEmpty, trailingWords.contains(String(String.UnicodeScalarView(TimeWords.trimmed(after)))) else { break }
            upper = after.endIndex
        }
        return lower..<upper
    }

    /// Possessives that follow a document and holders that follow a custody word.
    static let trailingWords: Set<String> = [
        "ko", "ku", "sy", "saya", "aku", "nya", "niya", "ni", "mo", "mio", "mia", "meu", "minha", "mine",
        "madam", "maam", "mam", "amo", "employer", "boss", "sponsor", "kafeel", "agent", "agency", "majikan",
        "patrona", "patron", "patroa", "patrao", "senora", "malik", "mama", "baba",
    ]

    /// Articles and case markers before a holder.
    static let leadingArticles: Set<String> = ["the", "la", "el", "le", "a", "o", "ang", "si", "yung", "un", "une", "mi", "my"]

    private static func previousToken(in t: [Unicode.Scalar], before i: Int, limit: Int) -> ArraySlice<Unicode.Scalar>? {
        var b = i
        while b > limit, t[b - 1] == " " { b -= 1 }
        var a = b
        while a > limit, t[a - 1] != " " { a -= 1 }
        return a < b ? t[a..<b] : nil
    }
}

/// The kinds of document a custody word can hold.
struct DocumentKinds: OptionSet, Sendable {
    let rawValue: UInt8
    static let passport = DocumentKinds(rawValue: 1)
    static let statusDoc = DocumentKinds(rawValue: 2)
    static let papers = DocumentKinds(rawValue: 4)
    static let idCard = DocumentKinds(rawValue: 8)
    static let all: DocumentKinds = [.passport, .statusDoc, .papers, .idCard]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The kind a document cue names; empty for any other cue.
    init(cue: Cue) {
        switch cue {
        case .passport: self = .passport
        case .statusDoc: self = .statusDoc
        case .papers: self = .papers
        case .idCard: self = .idCard
        default: self = []
        }
    }
}
