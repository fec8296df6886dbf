/// Finds immigration-document numbers: a document word ("passport", "iqama", "FIN", "رقم الإقامة",
/// "राहदानी नम्बर", "เลขที่ใบอนุญาตทำงาน"), optional label words ("no.", "number is", "ko ay"),
/// then an identifier in any shape a person types it:
/// `P4829133`, `R 123 456 (7)`, `784-1983-5521904-2`, `31/2022/118834`, `B 4521 887`,
/// `٢٤٨٧٩١٣٥٦٠`, partial (`ending 4471`), or spelled out (`P four eight two nine…`).
///
/// The whole "keyword … number" stretch is removed so that neither the number nor the fact that
/// a visa number exists survives. A bare label ("no. AK0392817") counts too when the sentence is
/// about an immigration document, unless the label belongs to a labour number (phone, claim,
/// licence, case), which an inspector needs.
enum DocumentNumberScanner {
    static func spans(in t: [Unicode.Scalar], matches: [Lexicon.Match], clauses: [Clause]) -> [Range<Int>] {
        var labelAt: [Int: Int] = [:]       // start → farthest end of an id label starting there
        var nonDocEnds: [Int] = []
        var nonDocStarts: [Int] = []
        for m in matches {
            switch m.cue {
            case .idLabel, .idKeyword: labelAt[m.start] = max(labelAt[m.start] ?? 0, m.end)
            case .nonDocNumber: nonDocEnds.append(m.end); nonDocStarts.append(m.start)
            default: break
            }
        }
        // Sentences that mention an immigration document (for bare labels).
        var docSentences = Set<Int>()
        var sentenceOf: [Int] = []
        if !clauses.isEmpty {
            sentenceOf = [Int](repeating: -1, count: t.count + 1)
            for c in clauses { for i in c.range { sentenceOf[i] = c.sentence } }
            // Fill gaps (punctuation between clauses) with the previous sentence.
            var last = 0
            for i in 0..<sentenceOf.count { if sentenceOf[i] < 0 { sentenceOf[i] = last } else { last = sentenceOf[i] } }
            for m in matches where m.cue == .idKeyword || m.cue == .passport || m.cue == .statusDoc {
                docSentences.insert(sentenceOf[m.start])
            }
        }
        // Where document words start, once: each number below asks whether a nearer one stands
        // before it, or whether its keyword is a passport word.
        let documentStarts = matches.filter { $0.cue == .passport || $0.cue == .statusDoc }.map(\.start).sorted()
        let passportEnds = Dictionary(matches.filter { $0.cue == .passport }.map { ($0.start, $0.end) }, uniquingKeysWith: max)
        var out: [Range<Int>] = []
        // A document word in any language, then up to `looseWords` words no lexicon knows, then a
        // long number: "pasipoti namba yangu ni BT 7 7 4 1 2 0 9", "लिखित ... N០៤៤៧១៩២". The
        // number must be strong (six digits or more), so "passport for 3 years" stays.
        for m in matches where m.cue == .passport || m.cue == .statusDoc {
            // The document word stays ("held her passport (no. …)" is confiscation); its number goes.
            if let end = looseIdentifierEnd(in: t, after: m.end, labels: labelAt),
               // A nearer document word owns the number ("หนังสือเดินทางไว้ บัตรสีชมพูเลขที่ ๐ ๐๙๓๒…": the
               // pink card's, and "ไว้", kept, stays).
               !Self.anyStart(in: (m.end + 1)..<max(end, m.end + 1), documentStarts) {
                // "keeps my passport in her drawer, number E1234567": what the comma or the
                // bracket ends is custody.
                var start = t[m.end..<end].lastIndex(where: { clauseCommas.contains($0) || $0 == "(" }).map { $0 + 1 } ?? m.end
                while start < end, t[start] == " " { start += 1 }
                out.append(start..<listEnd(in: t, after: end, labels: labelAt, nonDocStarts: nonDocStarts))
            }
        }
        // Keywords first: a number a keyword reaches is its; a bare label before the keyword
        // ("nililinis ko hkid ko po R5538217") must not pull the removal back over a labour fact.
        var claimed = Set<Int>()
        let labourStarts = matches.filter { $0.cue == .labourNoun }.map(\.start)
        for m in matches.sorted(by: { ($0.cue == .idKeyword ? 0 : 1) < ($1.cue == .idKeyword ? 0 : 1) }) {
            let isKeyword = m.cue == .idKeyword
            let isBareLabel = m.cue == .idLabel && !sentenceOf.isEmpty && docSentences.contains(sentenceOf[m.start])
                && !nonDocEnds.contains { $0 <= m.start && m.start - $0 <= 3 }
            guard isKeyword || isBareLabel else { continue }
            if let (idStart, end) = identifier(in: t, after: m.end, labels: labelAt, requireStrong: !isKeyword),
               !claimed.contains(idStart), !isWage(t, idStart..<end, labourStarts: labourStarts) {
                claimed.insert(idStart)
                // "has held her passport, no. EE0628451": the confiscation stays, only the number goes.
                let between = t[m.end..<idStart]
                let cutAt = between.lastIndex(where: { clauseCommas.contains($0) || $0 == "(" }).map { $0 + 1 }
                // "holds my passport N4428917": the passport word stays, as in the loose reading
                // above; a label after it ("passport no.") goes with the number.
                let passportEnd = passportEnds[m.start].map { end in
                    t[min(end, idStart)..<idStart].firstIndex { $0 != " " } ?? idStart
                }
                out.append((cutAt ?? passportEnd ?? m.start)..<listEnd(in: t, after: end, labels: labelAt, nonDocStarts: nonDocStarts))
            }
        }
        return out
    }

    /// Whether a sorted list holds a value in `range` (binary search).
    static func anyStart(in range: Range<Int>, _ sorted: [Int]) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] < range.upperBound
    }

    /// A short number followed within two words by a wage word is the wage ("passport ko 3800 lng
    /// sahod": 3800 is her pay); six digits or more are an identifier whatever follows.
    static func isWage(_ t: [Unicode.Scalar], _ r: Range<Int>, labourStarts: [Int]) -> Bool {
        guard t[r].filter(ScalarFolding.isDigit).count < 6 else { return false }
        var i = r.upperBound
        var words = 0
        while i < t.count, words < 3 {
            while i < t.count, t[i] == " " { i += 1 }
            if labourStarts.contains(i) { return true }
            while i < t.count, t[i] != " " { i += 1 }
            words += 1
        }
        return false
    }

    /// Commas in the scripts we read (Latin, Chinese full-width, Japanese, Arabic): what stands
    /// before one, between a document word and its number, is a clause of its own.
    static let clauseCommas: Set<Unicode.Scalar> = [",", "\u{FF0C}", "\u{3001}", "\u{060C}"]

    /// How many unknown words may stand between a document word and its number.
    static let looseWords = 3

    /// The end of a strong identifier that starts within `looseWords` words after `start`.
    static func looseIdentifierEnd(in t: [Unicode.Scalar], after start: Int, labels: [Int: Int]) -> Int? {
        var i = start
        for _ in 0...looseWords {
            if let (_, end) = identifier(in: t, after: i, labels: labels, requireStrong: true) { return end }
            while i < t.count, t[i] == " " { i += 1 }
            guard i < t.count, !ScalarFolding.isDigit(t[i]) else { return nil }
            var j = i
            while j < t.count, t[j] != " ", !sentenceEnds.contains(t[j]) { j += 1 }
            guard j > i, j - i <= 16, j < t.count, t[j] == " " else { return nil }
            i = j
        }
        return nil
    }

    /// Full stops in every script we read: a loose number never reaches across one.
    static let sentenceEnds: Set<Unicode.Scalar> = [
        ".", "!", "?", "\n", "\r", "\u{061F}", "\u{06D4}", "\u{0964}", "\u{0965}", "\u{104B}", "\u{1362}", "\u{3002}",
        "\u{17D4}", "\u{0DF4}",
    ]

    /// Every other place a number removed as a document number stands, whatever is written around
    /// it or glued to it: "Madam wrote WP-2291-8834 on the contract", "copied it as
    /// wasWP-2291-8834" (the fuzzer found the glued one kept). Numbers are compared by their
    /// digits, five or more, so "WP 2291 8834" is the same number.
    static func repeats(of spans: [Range<Int>], in t: [Unicode.Scalar]) -> [Range<Int>] {
        var known = Set<[Unicode.Scalar]>()
        for span in spans {
            for run in digitRuns(in: t, within: span) where run.digits.count >= 5 { known.insert(run.digits) }
        }
        guard !known.isEmpty else { return [] }
        var out: [Range<Int>] = []
        for run in digitRuns(in: t, within: 0..<t.count) where known.contains(run.digits) {
            guard !spans.contains(where: { $0.contains(run.range.lowerBound) }) else { continue }
            // A letter prefix glued to the number goes with it ("WP-", "wasWP-").
            var start = run.range.lowerBound
            if start > 1, t[start - 1] == "-", isLetter(t[start - 2]) { start -= 1 }
            while start > 0, isLetter(t[start - 1]) { start -= 1 }
            out.append(start..<run.range.upperBound)
        }
        return out
    }

    /// Runs of ASCII digits in `range`, allowing one space, dash, slash or dot between groups
    /// ("2291-8834", "R 123 456"), each with its digits alone.
    static func digitRuns(in t: [Unicode.Scalar], within range: Range<Int>) -> [(range: Range<Int>, digits: [Unicode.Scalar])] {
        var runs: [(range: Range<Int>, digits: [Unicode.Scalar])] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard ScalarFolding.isDigit(t[i]) else { i += 1; continue }
            let start = i
            var digits: [Unicode.Scalar] = []
            while i < range.upperBound {
                if ScalarFolding.isDigit(t[i]) {
                    digits.append(t[i])
                    i += 1
                } else if [" ", "-", "/", "."].contains(t[i]), i + 1 < range.upperBound, ScalarFolding.isDigit(t[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            runs.append((start..<i, digits))
        }
        return runs
    }

    /// Where a list of identifiers that starts with the one ending at `end` ends: "passport no.
    /// EB7715239 and EB7715240", "K7781234, K9981234 and K1181234", "K7781234 / K9981234" all go
    /// whole (the fuzzer found the later ones kept). Each later one must be a strong identifier
    /// (six digits or more) and must not be a labour number, so a wage or phone listed after it
    /// ("… and 2000 dollars", "… and my phone 9123 4567") stays.
    static func listEnd(in t: [Unicode.Scalar], after end: Int, labels: [Int: Int], nonDocStarts: [Int]) -> Int {
        var end = end
        for _ in 0..<16 {
            guard let next = afterListJoint(in: t, at: end),
                  !nonDocStarts.contains(where: { $0 >= next && $0 - next < 16 }),
                  let (_, following) = identifier(in: t, after: next, labels: labels, requireStrong: true) else { break }
            end = following
        }
        return end
    }

    /// The position after a list joint at `i` (a comma, slash, semicolon, ampersand or plus, or a
    /// word for "and" or "or", with the spaces around it); nil when none is there.
    static func afterListJoint(in t: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < t.count, t[j] == " " { j += 1 }
        var joined = false
        if j < t.count, listPunctuation.contains(t[j]) {
            j += 1
            joined = true
            while j < t.count, t[j] == " " { j += 1 }
        }
        var k = j
        while k < t.count, t[k] != " " { k += 1 }
        if k < t.count, k > j, conjunctions.contains(String(String.UnicodeScalarView(t[j..<k]))) {
            j = k + 1
            joined = true
        }
        return joined ? j : nil
    }

    static let listPunctuation: Set<Unicode.Scalar> = [",", "/", ";", "&", "+", "\u{3001}", "\u{060C}"]

    /// "And" and "or" in the lexicon's languages (folded: lower case, no accents).
    static let conjunctions: Set<String> = [
        "and", "or", "y", "o", "e", "ou", "et", "at", "dan", "atau", "na", "au", "und", "oder",
        "\u{0648}", "\u{0623}\u{0648}", "\u{0627}\u{0648}", "\u{0914}\u{0930}", "\u{0930}", "\u{0935}\u{093E}", "\u{0E41}\u{0E25}\u{0E30}", "\u{0E2B}\u{0E23}\u{0E37}\u{0E2D}",
    ]

    /// Skips label words and separators after a keyword, then reads an identifier. Returns the end
    /// of the identifier, or nil if there is none (then nothing is removed).
    static func identifier(in t: [Unicode.Scalar], after start: Int, labels: [Int: Int], requireStrong: Bool) -> (Int, Int)? {
        var i = start
        var hops = 0
        while hops < 8 {
            while i < t.count, isSeparator(t[i]) { i += 1 }
            guard i < t.count else { return nil }
            if let e = labels[i], e > i, !startsIdentifier(t, i) {
                i = e
                hops += 1
                continue
            }
            break
        }
        guard i < t.count else { return nil }
        let idStart = i
        var digits = 0
        var numberWords = 0
        var chunks = 0
        var end: Int? = nil
        var j = i
        var openParen = false
        while j < t.count {
            // One chunk of letters/digits.
            var k = j
            var d = 0
            var letters = 0
            while k < t.count, ScalarFolding.isLatinWordScalar(t[k]) || ScalarFolding.isDigit(t[k]) {
                if ScalarFolding.isDigit(t[k]) { d += 1 } else { letters += 1 }
                k += 1
            }
            if k == j { break }
            let word = String(String.UnicodeScalarView(t[j..<k]))
            if d > 0 && letters <= 4 {
                digits += d
            } else if d == 0 && numberWordsSet.contains(word) {
                numberWords += 1
            } else if d == 0 && letters <= 2 && digits == 0 && numberWords == 0 && chunks < 3 {
                // A letter prefix ("R 123 456", "A 214-587-930"): only if digits follow.
            } else if d == 0 && letters == 1 && digits > 0 && j > 0 && (t[j - 1] == "-" || t[j - 1] == "(") {
                // A check letter after a dash or in brackets ("AB-1234567-C", "R123456(A)").
                end = k
            } else {
                break
            }
            chunks += 1
            if d > 0 || numberWords > 0 { end = k }
            j = k
            if openParen, j < t.count, t[j] == ")" { j += 1; openParen = false; end = j }
            // Separator inside an identifier: one space, dash, slash, dot, or an opening parenthesis.
            guard j < t.count else { break }
            let s = t[j]
            if s == " " || s == "-" || s == "/" || s == "." || s == "(" {
                if s == "(" { openParen = true }
                var n = j + 1
                if s != " ", n < t.count, t[n] == " " { n += 1 }
                if n < t.count, t[n] == "(" { openParen = true; n += 1 }
                guard n < t.count, ScalarFolding.isLatinWordScalar(t[n]) || ScalarFolding.isDigit(t[n]) else { break }
                j = n
            } else {
                break
            }
        }
        let enough = digits >= 4 || numberWords >= 4 || (digits + numberWords >= 4 && numberWords > 0)
        guard enough, let e = end else { return nil }
        if requireStrong && digits + numberWords < 6 { return nil }
        return (idStart, e)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        ScalarFolding.isLatinWordScalar(s) && !ScalarFolding.isDigit(s)
    }

    private static func startsIdentifier(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        ScalarFolding.isDigit(t[i])
    }

    private static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == ":" || s == "#" || s == "-" || s == "=" || s == "(" || s == "," || s == "'" || s == "\""
    }

    /// Digits spelled out in the languages whose speakers commonly dictate numbers in words.
    static let numberWordsSet: Set<String> = [
        "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "double", "triple",
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
        "um", "dois", "quatro", "sete", "oito", "nove",
        "un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf",
        "nol", "kosong", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "lapan", "sembilan",
        "isa", "dalawa", "tatlo", "apat", "anim", "pito", "walo", "siyam",
    ]
}
