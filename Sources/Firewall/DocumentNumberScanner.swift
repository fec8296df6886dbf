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
        for m in matches {
            switch m.cue {
            case .idLabel, .idKeyword: labelAt[m.start] = max(labelAt[m.start] ?? 0, m.end)
            case .nonDocNumber: nonDocEnds.append(m.end)
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
        var out: [Range<Int>] = []
        for m in matches {
            let isKeyword = m.cue == .idKeyword
            let isBareLabel = m.cue == .idLabel && !sentenceOf.isEmpty && docSentences.contains(sentenceOf[m.start])
                && !nonDocEnds.contains { $0 <= m.start && m.start - $0 <= 3 }
            guard isKeyword || isBareLabel else { continue }
            if let (idStart, end) = identifier(in: t, after: m.end, labels: labelAt, requireStrong: !isKeyword) {
                // "has held her passport, no. EE0628451": the confiscation stays, only the number goes.
                let between = t[m.end..<idStart]
                let cutAt = between.lastIndex(where: { $0 == "," || $0 == "(" || $0 == "," }).map { $0 + 1 }
                out.append((cutAt ?? m.start)..<end)
            }
        }
        return out
    }

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
