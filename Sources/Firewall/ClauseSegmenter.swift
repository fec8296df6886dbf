/// Splits folded text into sentences and clauses.
///
/// Sentence ends: `. ! ?` (not after an abbreviation such as "Mr." or "no.", not inside "1.5"),
/// line breaks, and the full stops of other scripts (`। ॥ ။ ። ؟`). Clause ends: `, ; : ( ) [ ]`
/// and their Arabic, Burmese and Ethiopic forms, a spaced dash, the conjunctions the lexicons
/// mark as `.clauseBreak`, and — in Thai, Lao, Burmese, Khmer, Chinese and Japanese, which write no
/// spaces between words — the space between two phrases (but not around numbers or abbreviations
/// like "ตม.", which belong to their phrase).
enum ClauseSegmenter {
    static func clauses(_ t: [Unicode.Scalar], breaks: [Lexicon.Match]) -> [Clause] {
        let n = t.count
        // 0 = none, 1 = clause boundary, 2 = sentence boundary (at this scalar, which is excluded).
        var cut = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            let v = t[i].value
            switch v {
            case 0x0A, 0x0D, 0x21, 0x3F, 0x061F, 0x06D4, 0x0964, 0x0965, 0x104B, 0x1362, 0x3002, 0x17D4, 0x0DF4, 0xFF01, 0xFF1F:
                cut[i] = 2
            case 0x2E:
                if isSentenceDot(t, i) { cut[i] = 2 }
            case 0x2C, 0x3A:
                if !(i > 0 && i + 1 < n && ScalarFolding.isDigit(t[i - 1]) && ScalarFolding.isDigit(t[i + 1])) { cut[i] = 1 }
            case 0x3B, 0x28, 0x29, 0x5B, 0x5D, 0x060C, 0x061B, 0x104A, 0x1363, 0x1364, 0x2022, 0x22:
                cut[i] = 1
            case 0x2D:
                if i > 0 && i + 1 < n && t[i - 1] == " " && t[i + 1] == " " { cut[i] = 1 }
            case 0x20:
                if isPhraseSpace(t, i) { cut[i] = 1 }
            default:
                break
            }
        }
        for b in breaks where b.cue == .clauseBreak {
            // Cut on the conjunction's first word only: "after she asked" keeps "she asked".
            var end = b.start
            while end < b.end, t[end] != " " || end == b.start { end += 1 }
            for i in b.start..<end where cut[i] == 0 { cut[i] = 1 }
        }
        for b in breaks where b.cue == .clauseStart && b.start > 0 && cut[b.start - 1] == 0 && t[b.start - 1] == " " {
            cut[b.start - 1] = 1
        }
        var out: [Clause] = []
        var sentence = 0
        var start = 0
        func emit(_ end: Int) {
            var a = start
            var b = end
            while a < b, isTrim(t[a]) { a += 1 }
            while b > a, isTrim(t[b - 1]) { b -= 1 }
            if a < b { out.append(Clause(range: a..<b, sentence: sentence)) }
        }
        for i in 0..<n where cut[i] != 0 {
            emit(i)
            start = i + 1
            if cut[i] == 2 { sentence += 1 }
        }
        emit(n)
        return out
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mdm", "dr", "no", "nos", "st", "sr", "sra", "srta", "jr", "sig", "dept", "ave", "etc",
        "vs", "ltd", "co", "inc", "jl", "jln", "rd", "blk", "apt", "approx", "tel", "ref", "n", "nr", "pp", "ppt",
        "a.m", "p.m", "am", "pm", "hr", "hrs", "sgt", "lt", "capt", "gen", "mt", "ft", "sdn", "bhd", "pt", "tbk",
    ]

    private static func isSentenceDot(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        let n = t.count
        if i + 1 < n {
            let next = t[i + 1]
            if ScalarFolding.isDigit(next) || ScalarFolding.isLatinWordScalar(next) { return false }
            if next.value >= 0x0E00 && next.value <= 0x0E7F { return false }   // Thai abbreviation "มี.ค."
        }
        var j = i
        while j > 0, ScalarFolding.isLatinWordScalar(t[j - 1]) || t[j - 1] == "." { j -= 1 }
        if j < i {
            let word = String(String.UnicodeScalarView(t[j..<i]))
            if abbreviations.contains(word) { return false }
            if word.count == 1 && isInitial(t, j) { return false }
        } else if i > 0, t[i - 1].value >= 0x0E00, t[i - 1].value <= 0x0E7F {
            return false                                                   // "ตม." abbreviations
        }
        return true
    }

    /// A single letter followed by a dot is an initial ("Ms. T.", "J. R. Cruz") only after a
    /// title or another initial; otherwise it ends a sentence ("valid until 1447 H. The …").
    private static func isInitial(_ t: [Unicode.Scalar], _ j: Int) -> Bool {
        var k = j - 1
        while k >= 0, t[k] == " " { k -= 1 }
        guard k >= 0, t[k] == "." else { return false }
        var m = k
        while m > 0, ScalarFolding.isLatinWordScalar(t[m - 1]) { m -= 1 }
        let word = String(String.UnicodeScalarView(t[m..<k]))
        return word.count == 1 || ["mr", "ms", "mrs", "mdm", "dr", "sig", "sra"].contains(word)
    }

    /// Scripts written without spaces between words, where a space separates phrases: Thai, Lao,
    /// Burmese, Khmer, Chinese and Japanese ("我的工作准证到明年八月才到期 雇主扣了我四个月工资").
    private static func isUnspaced(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0E01...0x0E5B, 0x0E80...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }

    private static func isPhraseSpace(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 0, i + 1 < t.count, isUnspaced(t[i - 1]), isUnspaced(t[i + 1]) else { return false }
        // The next phrase is an abbreviation or a number with its unit: it belongs to this one.
        var j = i + 1
        var len = 0
        while j < t.count, t[j] != " " {
            if t[j] == "." { return false }
            j += 1
            len += 1
        }
        return len > 2
    }

    private static func isTrim(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x28, 0x29, 0x2D, 0x060C,
             0x061B, 0x061F, 0x0964, 0x0965, 0x104A, 0x104B, 0x1362, 0x1363, 0x1364, 0x5B, 0x5D:
            return true
        default:
            return false
        }
    }
}
