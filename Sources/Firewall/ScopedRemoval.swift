/// Finds the disclosures inside a *long* clause, and removes only them.
///
/// A short clause is removed whole when it discloses ("deported from Malaysia in 2019" leaves
/// nothing behind). But a message typed without punctuation is one clause: "tlg sy blm dibyr 5bln
/// majikan pukul sy visa sy mati udh lama sy takut keluar" holds unpaid wages, a beating and an
/// expired visa, and removing the clause would take the labour facts with the status. So in a
/// clause longer than `longClauseWords`, status cues that stand close together (at most
/// `linkGap` words apart) form a *group*; a group is judged by the same rules as a clause
/// (`ClauseClassifier`), with the context words (threat, custody, labour) found within
/// `contextRadius` words of it; and a group that discloses is removed with the time phrase that
/// follows it ("last june", "since 2022", "4 months", "udh lama") and nothing else.
enum ScopedRemoval {
    /// Clauses up to this many words are judged and removed whole, as before.
    static let longClauseWords = 10
    /// Status cues at most this many words apart belong to one group ("no valid permit", "visa
    /// sy mati": 1; "visa not renewed by the agency": 2).
    static let linkGap = 2
    /// How far a threat, custody or labour word reaches to change a group's verdict.
    static let contextRadius = 5
    /// How far before a group a threat reaches: a conditional threat names the authority at the
    /// end of its consequence ("if I go out she call the General Security", 7 words on).
    static let threatReach = 12
    /// At most this many words of a time phrase go with a removed group.
    static let timePhraseWords = 4

    struct Group {
        var range: Range<Int>
        var firstWord: Int
        var lastWord: Int
        var cues: ClauseClassifier.CueSet
    }

    /// Whether a cue takes part in a disclosure (rather than setting its context).
    static func isStatusCue(_ cue: Cue) -> Bool {
        switch cue {
        case .strong, .enforcement, .statusDoc, .passport, .papers, .state, .negation, .statusAdjective, .route,
             .movement, .renew, .weak, .nothing, .consequence, .demand, .idCard, .hide, .authority, .grace, .report, .abscond:
            return true
        default:
            return false
        }
    }

    /// Subjects that never follow a noun as its possessive, as "sy" and "ko" do ("visa sy mati").
    static let subjects: Set<String> = ["i", "im", "i'm", "she", "he", "we", "they"]

    /// Whether a subject (`subjects`) stands as a word of its own between two positions.
    static func subjectBetween(_ a: Int, _ b: Int, in t: [Unicode.Scalar]) -> Bool {
        var position = a
        while position < b {
            let token = nextToken(in: t, after: position, limit: b)
            guard !token.isEmpty else { return false }
            if subjects.contains(String(String.UnicodeScalarView(token))) { return true }
            position = token.endIndex
        }
        return false
    }

    static func isContextCue(_ cue: Cue) -> Bool {
        switch cue {
        case .threat, .custody, .labourNoun, .avoidance, .threatener: return true
        default: return false
        }
    }

    /// The status groups of one clause, each with its cues and context. `matches` are the
    /// clause's own, sorted by start; `bindings` say which document each custody word holds.
    static func groups(_ matches: [Lexicon.Match], bindings: [CustodyBinding], in t: [Unicode.Scalar], words: WordIndex) -> [Group] {
        var groups: [Group] = []
        for m in matches where isStatusCue(m.cue) {
            let w = words.word(at: m.start)
            // A group of only a negation or a movement joins the next cue only if it is the next
            // word ("no permit"): "they pay only 700 not 1500 my visa finish" keeps "not 1500".
            // A negation after a subject is the next statement's ("my iqama i not paid 5 month"),
            // unless a status word follows it ("iqama expired she dont renew").
            if var last = groups.last, w - last.lastWord <= (last.cues.hasStatusCue ? linkGap : 1),
               !(m.cue == .negation && subjectBetween(last.range.upperBound, m.start, in: t)
                 && !matches.contains { $0.start >= m.end && isStatusCue($0.cue) && $0.cue != .negation && words.word(at: $0.start) - w <= 1 }) {
                last.range = last.range.lowerBound..<max(last.range.upperBound, m.end)
                last.lastWord = max(last.lastWord, words.word(at: max(m.end - 1, m.start)))
                last.cues.add(m.cue)
                groups[groups.count - 1] = last
            } else {
                var cues = ClauseClassifier.CueSet()
                cues.add(m.cue)
                groups.append(Group(range: m.start..<m.end, firstWord: w, lastWord: words.word(at: max(m.end - 1, m.start)), cues: cues))
            }
        }
        // The threat, custody and labour words near a group set its verdict as in a clause. A
        // custody word counts only for a group about the document it holds, or about none.
        for gi in groups.indices {
            var held = DocumentKinds()
            let documents = matches.reduce(into: DocumentKinds()) { kinds, d in
                if groups[gi].range.contains(d.start) { kinds.formUnion(DocumentKinds(cue: d.cue)) }
            }
            for m in matches where isContextCue(m.cue) {
                let w = words.word(at: m.start)
                let before = m.cue == .threat || m.cue == .threatener ? threatReach : contextRadius
                guard w >= groups[gi].firstWord - before && w <= groups[gi].lastWord + contextRadius else { continue }
                if m.cue == .custody {
                    let binding = bindings.first { $0.span.lowerBound <= m.start && m.end <= $0.span.upperBound }
                    if let binding, !documents.isEmpty, documents.isDisjoint(with: binding.held) { continue }
                    held.formUnion(binding?.held ?? [])
                }
                groups[gi].cues.add(m.cue)
            }
            if groups[gi].cues.custody { groups[gi].cues.held = held }
        }
        return groups
    }

    /// At most this many words of an event's circumstances go with it.
    static let eventTailWords = 8
    /// The words of an event's circumstances that go with it whatever they are; beyond them, up to
    /// `eventTailWords`, only as far as the last date.
    static let eventNearWords = 4

    /// The removal for a group that discloses `category`. Status ("my visa expired") takes its
    /// time phrase along. An *event* (a crossing, a detention, an asylum claim) is told with its
    /// circumstances ("in a depot at Semenyih for 5 months in 2023"), each of which can identify
    /// her: it takes up to `eventTailWords` more words, but stops before a new statement (a
    /// subject such as "she", "sy", "ako") or a word about work, a threat or custody.
    static func removal(_ g: Group, _ category: DisclosureCategory, in t: [Unicode.Scalar], clause: Range<Int>,
                        matches: [Lexicon.Match]) -> Range<Int> {
        // What the authorities would do to her has not happened: a number after it ("… send me
        // back 8 months' wages unpaid") is no time of hers.
        if g.cues.consequence && (g.cues.fearContext || g.cues.authority) { return g.range }
        let timed = withTimePhrase(g.range, in: t, limit: clause.upperBound)
        switch category {
        case .enforcementHistory, .entryRoute, .asylum: break
        default: return timed
        }
        var stops = Set<Int>()
        for m in matches where isContextCue(m.cue) || m.cue == .clauseStart { stops.insert(m.start) }
        // The first `eventNearWords` words go with the event; further ones only up to a date
        // ("… for 5 months in 2023"), so that an unpunctuated message's next statement ("nafanya
        // kazi masaa 18 …", I work 18 hours) stays.
        var end = timed.upperBound, dated = timed.upperBound
        for taken in 0..<eventTailWords {
            let word = nextToken(in: t, after: end, limit: clause.upperBound)
            guard !word.isEmpty, !stops.contains(word.startIndex),
                  !StatementStarts.words.contains(String(String.UnicodeScalarView(word))) else { break }
            end = word.endIndex
            if taken < eventNearWords || TimeWords.isDate(word) { dated = end }
        }
        return g.range.lowerBound..<dated
    }

    /// `range` grown over the time phrase that follows it, within `limit`.
    static func withTimePhrase(_ range: Range<Int>, in t: [Unicode.Scalar], limit: Int) -> Range<Int> {
        // A cue written as a word prefix ("visa finish*") ends inside its word ("finished"): the
        // whole word goes, not a marker with "ed" after it.
        var end = range.upperBound
        while end < limit, end > range.lowerBound, !isSpace(t[end]), !isSpace(t[end - 1]), isLetter(t[end]) { end += 1 }
        for _ in 0..<timePhraseWords {
            let token = nextToken(in: t, after: end, limit: limit)
            guard !token.isEmpty else { break }
            // "in 2023", "pada 2021", "noong Marso": a preposition goes when a date follows it.
            let leadsToDate = TimeWords.prepositions.contains(String(String.UnicodeScalarView(token)))
                && TimeWords.isTimeToken(nextToken(in: t, after: token.endIndex, limit: limit))
            guard TimeWords.isTimeToken(token) || leadsToDate else { break }
            end = token.endIndex
        }
        return range.lowerBound..<end
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\t" }

    static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

    /// The next run of non-space scalars after position `i`, before `limit` (empty at the end).
    static func nextToken(in t: [Unicode.Scalar], after i: Int, limit: Int) -> ArraySlice<Unicode.Scalar> {
        var a = i
        while a < limit, t[a] == " " { a += 1 }
        var b = a
        while b < limit, t[b] != " " { b += 1 }
        return t[a..<b]
    }
}

/// The word each folded scalar belongs to: words are runs of non-space scalars, numbered from 0.
/// Spaces belong to the word before them. A number is not a word of its own: it shares the
/// number of the word before it, so "pink card no. 00 3145 6789 01 2 is expired" keeps "card"
/// and "expired" close, as a reader sees them.
struct WordIndex {
    private let index: [Int32]

    init(_ t: [Unicode.Scalar]) {
        var index = [Int32](repeating: 0, count: t.count)
        var w: Int32 = -1
        var i = 0
        while i < t.count {
            if ScopedRemoval.isSpace(t[i]) { index[i] = max(w, 0); i += 1; continue }
            var j = i
            var numeric = true
            while j < t.count, !ScopedRemoval.isSpace(t[j]) {
                if !(ScalarFolding.isDigit(t[j]) || t[j] == "." || t[j] == "-" || t[j] == "/") { numeric = false }
                j += 1
            }
            if !numeric || w < 0 { w += 1 }
            for k in i..<j { index[k] = w }
            i = j
        }
        self.index = index
    }

    func word(at i: Int) -> Int { Int(index[i]) }

    /// How many words `r` spans.
    func count(_ r: Range<Int>) -> Int {
        guard !r.isEmpty else { return 0 }
        return word(at: r.upperBound - 1) - word(at: r.lowerBound) + 1
    }
}

/// Words that make up a time phrase after a disclosure, in the languages we read: numbers,
/// units, months and the small words around them. They are not status on their own; they only
/// go with a disclosure they follow ("my visa expired last june": "last june" goes too, so the
/// date of the overstay does not stay behind).
enum TimeWords {
    /// A year ("2023", "2023,") or a month or period word ("months", "march"): what dates an event.
    static func isDate(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        let scalars = trimmed(token)
        return isYear(scalars) || (!scalars.isEmpty && words.contains(String(String.UnicodeScalarView(scalars))))
    }

    /// Four digits from 1950 to 2039, in any digit system: a year, not a wage of 1500.
    static func isYear(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count == 4 else { return false }
        var value = 0
        for c in s {
            guard ScalarFolding.isDigit(c), let d = c.properties.numericValue else { return false }
            value = value * 10 + Int(d)
        }
        return (1950...2039).contains(value)
    }

    /// `token` without the punctuation after it ("2023," → "2023").
    static func trimmed(_ token: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var end = token.endIndex
        while end > token.startIndex, ".,;:!?".unicodeScalars.contains(token[end - 1]) { end -= 1 }
        return token[token.startIndex..<end]
    }

    static func isTimeToken(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        var scalars = Array(token)
        while let last = scalars.last, ".,;:!?".unicodeScalars.contains(last) { scalars.removeLast() }
        guard !scalars.isEmpty else { return false }
        if scalars.allSatisfy({ ScalarFolding.isDigit($0) || $0 == "/" || $0 == "-" }) { return true }
        let word = String(String.UnicodeScalarView(scalars))
        if words.contains(word) { return true }
        // "5bln", "3yrs", "2022,": a number glued to its unit.
        if let firstLetter = scalars.firstIndex(where: { !ScalarFolding.isDigit($0) }), firstLetter > 0 {
            return words.contains(String(String.UnicodeScalarView(scalars[firstLetter...])))
        }
        return false
    }

    /// Prepositions that go with a time phrase only when a number or a month follows them.
    static let prepositions: Set<String> = [
        "in", "on", "at", "from", "by", "en", "em", "a", "pada", "di", "sa", "noong", "nung", "tangu", "ke",
    ]

    static let words: Set<String> = [
        // English
        "since", "until", "till", "last", "ago", "already", "before", "long", "time", "year", "years", "yr", "yrs", "month", "months",
        "mos", "mo", "week", "weeks", "wk", "wks", "day", "days", "next", "past", "yesterday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // Tagalog, Indonesian, Malay
        "na", "pa", "nung", "noong", "nakaraang", "taon", "buwan", "linggo", "araw", "mula", "hanggang", "sejak",
        "dari", "lama", "udh", "udah", "sudah", "sdh", "dah", "tahun", "thn", "bulan", "bln", "minggu", "mgg", "hari",
        "lalu", "kemarin", "tgl", "tanggal", "januari", "februari", "maret", "mei", "juni", "juli", "agustus",
        "oktober", "desember", "agt", "des", "okt",
        // Spanish, Portuguese, French, Italian
        "desde", "hace", "hasta", "ano", "anos", "mes", "meses", "semana", "semanas", "dia", "dias", "pasado",
        "ya", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre", "depuis", "jusqu'a", "ans", "mois", "dernier", "derniere", "ja",
        "mesi", "anni", "fa", "scorso",
        // Romanised South Asian and Arabic
        "saal", "sal", "mahine", "mahina", "din", "pehle", "pahile", "barsa", "barsha", "bochor",
        "mash", "age", "theke", "aage", "sana", "sanawat", "shahr", "shuhur", "min", "mn", "mundu", "varusham",
        "masam", "awurudu",
        // Swahili
        "mwaka", "miaka", "mwezi", "miezi", "jana", "juzi",
    ]
}

/// Words that open a new statement in run-on messages: subjects, the people of a complaint, and
/// the openers of a plea. An event's circumstances stop before them ("deported 2019 she took my
/// passport": "she" starts the next fact).
enum StatementStarts {
    static let words: Set<String> = [
        "i", "im", "i'm", "ive", "i've", "she", "he", "they", "we", "my", "her", "his", "our", "their", "me",
        "madam", "maam", "mam", "ma'am", "sir", "boss", "employer", "agent", "agency", "sponsor", "kafeel", "but", "now",
        "pls", "please", "then", "after", "because", "bcoz", "so",
        "ako", "siya", "sila", "kami", "amo", "ang", "yung", "pero", "ngayon", "tapos",
        "sy", "saya", "aku", "dia", "mereka", "majikan", "tlg", "tolong", "skrg", "sekarang", "tapi", "tp",
        "yo", "ella", "el", "mi", "ellos", "patrona", "patron", "senora", "ahora",
        "eu", "ela", "ele", "minha", "meu", "patroa", "patrao", "senhora", "chu", "toi", "tui", "je", "elle", "il", "ma", "mon", "io", "lei", "lui", "mia",
        "main", "mai", "mera", "meri", "mero", "usne", "unhone", "malik", "ami", "amar",
        "ana", "ani", "enta", "inti", "hiye", "huwe", "mama", "baba",
        "mimi", "yeye", "wao", "nina", "naan", "en", "mage", "api",
    ]
}
