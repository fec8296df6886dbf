/// The learned second stage of the narrative redaction: after the rules, a small linear classifier
/// reads what they left and removes the runs of words it takes for a status disclosure that no
/// rule knew (a paraphrase no lexicon anticipated is beyond a word list; many
/// misspelled, romanised and run-on disclosures are not).
///
/// It is a union with the rules, never a replacement: it only removes more. It cannot see through a
/// marker (each stretch between markers is read on its own), and the rules veto it: a word the
/// lexicons read as a threat, custody of a document, a decoy ("Visa card"), a labour noun, a case
/// or phone number's label, and an amount of money or a number of hours, are never taken by it
/// (`protected`). Threats and custody of a document protect their whole short clause, as they set
/// the rules' verdict on it.
///
/// Exact and deterministic: features are hashed with FNV-1a, summed as integers, and the only
/// floating point is one multiply, one divide and one square root per feature group in a fixed
/// order (scripts/train-status-classifier/SPEC.md). Probabilities are compared in log-odds, so no
/// `exp` or `log` from a C library is needed.
struct LearnedStage: Sendable {
    let model: LearnedModel
    /// Log-odds thresholds.
    let removeAt: Double
    let keepVeto: Double
    let sureAt: Double
    let bridgeWords: Int
    let minWords: Int

    init(model: LearnedModel, settings: FirewallPolicy.LearnedStageSettings) {
        self.model = model
        self.removeAt = Self.logOdds(settings.removeAt)
        self.keepVeto = Self.logOdds(settings.keepVeto)
        self.sureAt = Self.logOdds(settings.sureAt)
        self.bridgeWords = settings.bridgeWords
        self.minWords = settings.minWords
    }

    struct Token: Equatable {
        let start: Int
        let end: Int
        let isWord: Bool
    }

    /// One scored word: the two logits (for tests and the conformance vectors).
    struct Scored {
        var token: Token
        /// The normalised token, UTF-8.
        var norm: [UInt8]
        var normalised: [Unicode.Scalar] { Array(String(decoding: norm, as: UTF8.self).unicodeScalars) }
        var accRemove: [Int] = []
        var accKeep: [Int] = []
        var counts: [Int] = []
        var logitRemove = 0.0
        var logitKeep = 0.0
    }

    /// The ranges of `t` (scalar offsets) to replace by the marker. `protected()` marks the
    /// scalars the rules protect; a token touching one is never removed and ends a run. It is
    /// called only when some run would be removed without it (protection can only take runs
    /// away), which is the rare case, so most texts pay nothing for it.
    func removals(in t: [Unicode.Scalar], protected: () -> [Bool]) -> [Range<Int>] {
        let scored = Self.pieces(t).map { score(t, $0) }
        guard scored.contains(where: { !decide(t, $0, protected: []).isEmpty }) else { return [] }
        let shield = protected()
        return scored.flatMap { decide(t, $0, protected: shield) }
    }

    // MARK: pieces and tokens

    private static let markerScalars = Array(Firewall.marker.unicodeScalars)

    /// The stretches of `t` between markers.
    static func pieces(_ t: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < t.count {
            if t[i] == "[", t[i...].starts(with: markerScalars) {
                out.append(start..<i)
                i += markerScalars.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(start..<t.count)
        return out
    }

    /// Python's `str.isspace`: White_Space, plus the four information separators.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Letters, marks, numbers (general category L*, M*, N*) and `_`.
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x80 else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x27, 0x2019, 0x2E, 0x2F, 0x3A: return true
        default: return false
        }
    }

    /// Chunk length for scripts written without spaces (0 for others).
    static func chunkLength(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return 3
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: return 6
        default: return 0
        }
    }

    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x21, 0x3F, 0x0964, 0x0965, 0x061F, 0x3002, 0xFF01, 0xFF1F, 0x104B, 0x17D4, 0x1362, 0x0A: return true
        default: return false
        }
    }

    /// Tokens of `t[range]`: runs of word scalars (joined across one of `- ' ’ . / :` when a word
    /// scalar follows), cut into chunks in scripts without spaces; every other non-space scalar
    /// is a token of its own.
    static func tokenize(_ t: [Unicode.Scalar], _ range: Range<Int>) -> [Token] {
        var toks: [Token] = []
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            let c = t[i]
            if isSpace(c) { i += 1; continue }
            guard isWord(c) else {
                toks.append(Token(start: i, end: i + 1, isWord: false))
                i += 1
                continue
            }
            var j = i + 1
            while j < n {
                if isWord(t[j]) {
                    j += 1
                } else if isJoiner(t[j]), j + 1 < n, isWord(t[j + 1]) {
                    j += 2
                } else {
                    break
                }
            }
            var chunk = 0
            for k in i..<j {
                chunk = chunkLength(t[k])
                if chunk != 0 { break }
            }
            if chunk != 0 && j - i > 2 * chunk {
                var s = i
                while s < j {
                    var e = min(s + chunk, j)
                    while e < j, isMark(t[e]) { e += 1 }
                    if j - e < chunk / 2 + 1 { e = j }
                    toks.append(Token(start: s, end: e, isWord: true))
                    s = e
                }
            } else {
                toks.append(Token(start: i, end: j, isWord: true))
            }
            i = j
        }
        return toks
    }

    // MARK: normalisation and features

    /// NFKC, lower case, Latin/Greek/Cyrillic accents (U+0300–U+036F) dropped, NFC, decimal
    /// digits to `0`, as UTF-8. ASCII is done inline; other scalars through a table generated
    /// from Python's `unicodedata` (`LearnedNormalisation`), then NFC over the token.
    static func normalisedUTF8(_ s: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        if s.allSatisfy({ $0.value < 0x80 }) {
            return s.map { c in
                let v = UInt8(c.value)
                if v >= 0x41 && v <= 0x5A { return v + 0x20 }
                if v >= 0x30 && v <= 0x39 { return 0x30 }
                return v
            }
        }
        var ascii = true
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(s.count)
        for (k, c) in zip(s.indices, s) {
            let v = c.value
            if v == 0x03A3, k > s.startIndex, s[k - 1].properties.isCased,
               k + 1 == s.endIndex || !s[k + 1].properties.isCased {
                // Python's lower case, like Unicode's, has a final form of sigma: "ΟΔΟΣ" → "οδος".
                ascii = false
                scalars.append("\u{03C2}")
            } else if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    scalars.append(Unicode.Scalar(v + 0x20)!)
                } else if v >= 0x30 && v <= 0x39 {
                    scalars.append("0")
                } else {
                    scalars.append(c)
                }
            } else {
                ascii = false
                if let mapped = LearnedNormalisation.table[v] {
                    scalars.append(contentsOf: mapped)
                } else {
                    scalars.append(c)
                }
            }
        }
        if ascii { return scalars.map { UInt8($0.value) } }
        return String(String.UnicodeScalarView(scalars))._nfcCodeUnits
    }

    static let fnvOffset: UInt32 = 0x811C_9DC5
    static let fnvPrime: UInt32 = 0x0100_0193
    /// Group tags: centre, previous, next, bag.
    static let tags: [UInt8] = [0x43, 0x50, 0x4E, 0x42]
    static let tagStates: [UInt32] = tags.map { (fnvOffset ^ UInt32($0)) &* fnvPrime }

    static func fnv1a(_ bytes: some Sequence<UInt8>, from state: UInt32 = fnvOffset) -> UInt32 {
        var h = state
        for b in bytes { h = (h ^ UInt32(b)) &* fnvPrime }
        return h
    }

    /// Per token: the sum of each head's weights over its n-grams in each group (centre,
    /// previous, next, bag; r = remove, k = keep), and the number of n-grams. Exact integers.
    struct TokenSums {
        var cr = 0, ck = 0, pr = 0, pk = 0, nr = 0, nk = 0, br = 0, bk = 0
        var count = 0

        /// A word's transliteration adds its n-grams to the word's own, in every group.
        mutating func add(_ o: TokenSums) {
            cr += o.cr; ck += o.ck; pr += o.pr; pk += o.pk
            nr += o.nr; nk += o.nk; br += o.br; bk += o.bk
            count += o.count
        }
    }

    /// Buffers reused from token to token.
    struct Scratch {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
    }

    /// The n-grams (2…5 scalars of " " + token + " ", and the whole padded token when longer
    /// than 5) hashed for each group and summed.
    func tokenSums(utf8 norm: [UInt8], word: Bool, scratch: inout Scratch) -> TokenSums {
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.bytes.append(0x20)
        scratch.bytes.append(contentsOf: norm)
        scratch.bytes.append(0x20)
        let bytes = scratch.bytes
        // Byte offset of each scalar, plus the end.
        scratch.offsets.removeAll(keepingCapacity: true)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { scratch.offsets.append(i) }
        scratch.offsets.append(bytes.count)
        let offsets = scratch.offsets
        let length = offsets.count - 1
        var out = TokenSums()
        let slots = model.slots
        let mask = model.mask
        let s0 = Self.tagStates[0], s1 = Self.tagStates[1], s2 = Self.tagStates[2], s3 = Self.tagStates[3]
        model.weights.withUnsafeBufferPointer { w in
            bytes.withUnsafeBufferPointer { bytes in
                func add(_ a: Int, _ b: Int) {
                    var h0 = s0, h1 = s1, h2 = s2, h3 = s3
                    for k in a..<b {
                        let v = UInt32(bytes[k])
                        h0 = (h0 ^ v) &* Self.fnvPrime
                        h1 = (h1 ^ v) &* Self.fnvPrime
                        h2 = (h2 ^ v) &* Self.fnvPrime
                        h3 = (h3 ^ v) &* Self.fnvPrime
                    }
                    if word {
                        let i0 = Int(((h0 >> 18) ^ h0) & mask)
                        out.cr += Int(w[i0]); out.ck += Int(w[slots + i0])
                    }
                    let i1 = Int(((h1 >> 18) ^ h1) & mask)
                    out.pr += Int(w[i1]); out.pk += Int(w[slots + i1])
                    let i2 = Int(((h2 >> 18) ^ h2) & mask)
                    out.nr += Int(w[i2]); out.nk += Int(w[slots + i2])
                    let i3 = Int(((h3 >> 18) ^ h3) & mask)
                    out.br += Int(w[i3]); out.bk += Int(w[slots + i3])
                    out.count += 1
                }
                for n in 2...5 where length >= n {
                    for k in 0...(length - n) { add(offsets[k], offsets[k + n]) }
                }
                if length > 5 { add(0, bytes.count) }
            }
        }
        return out
    }

    /// Every token of a piece with the logits of its words.
    func score(_ t: [Unicode.Scalar], _ piece: Range<Int>, trace: Bool = false) -> [Scored] {
        let toks = Self.tokenize(t, piece)
        guard toks.contains(where: \.isWord) else { return toks.map { Scored(token: $0, norm: []) } }
        var sums: [TokenSums] = []
        sums.reserveCapacity(toks.count)
        var scored: [Scored] = []
        scored.reserveCapacity(toks.count)
        var scratch = Scratch()
        for tok in toks {
            let norm = Self.normalisedUTF8(t[tok.start..<tok.end])
            var sum = tokenSums(utf8: norm, word: tok.isWord, scratch: &scratch)
            if model.transliterates, let latin = LearnedTransliteration.transliterate(utf8: norm) {
                sum.add(tokenSums(utf8: latin, word: tok.isWord, scratch: &scratch))
            }
            sums.append(sum)
            scored.append(Scored(token: tok, norm: norm))
        }
        let n = toks.count
        let scaleR = model.scale[0], scaleK = model.scale[1]
        for i in 0..<n where toks[i].isWord {
            // Groups in order: centre, previous, next, bag; each adds acc · scale / √count.
            var zr = model.bias[0]
            var zk = model.bias[1]
            var accR: [Int] = [], accK: [Int] = [], counts: [Int] = []
            func group(_ r: Int, _ k: Int, _ c: Int) {
                let root = Double(c).squareRoot()
                zr += Double(r) * scaleR / root
                zk += Double(k) * scaleK / root
                if trace { accR.append(r); accK.append(k); counts.append(c) }
            }
            group(sums[i].cr, sums[i].ck, sums[i].count)
            if i > 0 { group(sums[i - 1].pr, sums[i - 1].pk, sums[i - 1].count) }
            if i + 1 < n { group(sums[i + 1].nr, sums[i + 1].nk, sums[i + 1].count) }
            var br = 0, bk = 0, bc = 0
            for j in max(0, i - 3)..<min(n, i + 4) where j != i {
                br += sums[j].br
                bk += sums[j].bk
                bc += sums[j].count
            }
            if bc > 0 { group(br, bk, bc) }
            scored[i].accRemove = accR
            scored[i].accKeep = accK
            scored[i].counts = counts
            scored[i].logitRemove = zr
            scored[i].logitKeep = zk
        }
        return scored
    }

    // MARK: decision

    /// Runs of flagged words (SPEC.md §8), with the rules' protection as a veto.
    func decide(_ t: [Unicode.Scalar], _ scored: [Scored], protected: [Bool]) -> [Range<Int>] {
        // Most pieces have no word at the threshold: no run, and no need for the shields below.
        guard scored.contains(where: { $0.token.isWord && $0.logitRemove >= removeAt }) else { return [] }
        let amounts = Self.amountsAndHours(scored)
        let addresses = Self.addresses(scored)
        let guarded = zip(amounts, addresses).map { $0 || $1 }
        func isProtected(_ i: Int) -> Bool {
            if guarded[i] { return true }
            let tok = scored[i].token
            return protected.isEmpty ? false : (tok.start..<tok.end).contains { $0 < protected.count && protected[$0] }
        }
        var runs: [(first: Int, last: Int, words: Int, top: Double)] = []
        var current: (first: Int, last: Int, words: Int, top: Double)? = nil
        var pending = 0
        for (i, s) in scored.enumerated() {
            guard s.token.isWord else {
                if current != nil, Self.isSentenceEnd(t[s.token.start]) {
                    runs.append(current!)
                    current = nil
                    pending = 0
                }
                continue
            }
            let shielded = isProtected(i)
            let flagged = !shielded && s.logitRemove >= removeAt && (s.logitKeep < keepVeto || s.logitRemove >= sureAt)
            if flagged {
                if var c = current {
                    c.last = i
                    c.words += 1 + pending
                    c.top = max(c.top, s.logitRemove)
                    current = c
                } else {
                    current = (i, i, 1, s.logitRemove)
                }
                pending = 0
            } else if current != nil {
                pending += 1
                if pending > bridgeWords || s.logitKeep >= keepVeto || shielded {
                    runs.append(current!)
                    current = nil
                    pending = 0
                }
            }
        }
        if let c = current { runs.append(c) }
        return runs.compactMap { r in
            guard r.words >= minWords || r.top >= sureAt else { return nil }
            // A year right after a removed run dates the disclosure ("TNT … mula 2020"): it goes
            // with it, unless it is an amount, an hour or part of an address.
            var last = r.last
            if last + 1 < scored.count, scored[last + 1].token.isWord, !guarded[last + 1],
               TimeWords.isYear(t[scored[last + 1].token.start..<scored[last + 1].token.end]) { last += 1 }
            return scored[r.first].token.start..<scored[last].token.end
        }
    }

    /// Tokens that are an amount of money or a number of hours, or the currency or unit word of
    /// one: the number (with its group separators) right before or after a currency sign or word,
    /// or an hours word ("450 dollars", "$2,400", "RM450", "16 hrs", "12 jam", "50,000 रुपये").
    static func amountsAndHours(_ scored: [Scored]) -> [Bool] {
        var out = [Bool](repeating: false, count: scored.count)
        func isNumber(_ s: Scored) -> Bool { s.token.isWord && s.norm.contains(0x30) }
        func isUnit(_ s: Scored) -> Bool {
            guard s.token.isWord else {
                return s.token.end - s.token.start == 1 && s.normalised.first?.properties.generalCategory == .currencySymbol
            }
            // "rm450", "450sgd", "16hrs": the unit glued to the number.
            let letters = s.norm.filter { $0 != 0x30 && $0 != 0x2E && $0 != 0x2C }
            return letters.count <= 24 && units.contains(String(decoding: letters, as: UTF8.self))
        }
        func isSeparator(_ s: Scored) -> Bool {
            !s.token.isWord && (s.norm == [0x2C] || s.norm == [0x2E] || s.norm == [0x27] || s.norm == [0xE2, 0x80, 0x99])
        }
        for i in scored.indices where isUnit(scored[i]) {
            if isNumber(scored[i]) { out[i] = true; continue }
            // The number before or after the unit, with its group separators ("50,000 रुपये").
            for step in [-1, 1] {
                var j = i + step
                var found = false
                var crossed = false
                while j >= 0, j < scored.count, abs(j - i) <= 6 {
                    if isNumber(scored[j]), !crossed || scored[j].norm.count <= 3 {
                        out[j] = true
                        found = true
                        crossed = false
                    } else if found, !crossed, isSeparator(scored[j]) {
                        crossed = true   // a group separator, then at most three digits
                    } else {
                        break
                    }
                    j += step
                }
                if found { out[i] = true }
            }
        }
        return out
    }

    /// Tokens of an address, where she works and lives, which the inspector needs to find the house:
    /// a street word and the three words after it ("Jalan Mawar, number 12", "Calle Luna 14"), and
    /// a house-number label with the short number it labels ("no 12", "unit 12-03", "villa 23").
    /// Without this the learned stage read "Mawar, number 12" as a document number's context at
    /// `remove_at` 0.6. Numbers longer than five characters are never shielded here: a document
    /// number is long, and the rules remove those anyway.
    static func addresses(_ scored: [Scored]) -> [Bool] {
        var out = [Bool](repeating: false, count: scored.count)
        let words = scored.indices.filter { scored[$0].token.isWord }
        func text(_ i: Int) -> String { String(decoding: scored[i].norm, as: UTF8.self) }
        func isShortNumber(_ i: Int) -> Bool { scored[i].norm.contains(0x30) && scored[i].norm.count <= 5 }
        for (k, i) in words.enumerated() {
            let word = text(i)
            if streetWords.contains(word) {
                for j in words[k..<min(words.count, k + 4)] { out[j] = true }
                // And the words that lead to it from a house, flat or villa word ("the house is on
                // Jalan Mawar"), at most three back.
                let before = words[max(0, k - 3)..<k]
                if let label = before.firstIndex(where: { houseNumberLabels.contains(text($0)) }) {
                    for j in before[label...] { out[j] = true }
                }
            } else if houseNumberLabels.contains(word), k + 1 < words.count, isShortNumber(words[k + 1]) {
                out[i] = true
                out[words[k + 1]] = true
            }
        }
        return out
    }

    /// Words that start a street's name, normalised (lower case, no accents).
    static let streetWords: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "boulevard", "jalan", "jln", "jl", "lorong", "lrg",
        "gang", "calle", "avenida", "av", "carrera", "rua", "travessa", "rue", "via", "viale", "soi",
        "thanon", "duong", "pho", "ngo", "hem", "barangay", "brgy", "purok", "sitio", "marg", "gali", "nagar", "chowk",
        "shari", "sharia", "شارع", "طريق", "ถนน", "ซอย", "路", "街", "道",
    ]

    /// Labels of a house, flat or plot number, normalised.
    static let houseNumberLabels: Set<String> = [
        "number", "no", "nº", "num", "nr", "nomor", "numero", "house", "unit", "flat", "apt", "apartment", "villa",
        "block", "blk", "building", "bldg", "tower", "floor", "lot", "room", "casa", "piso", "andar", "rumah", "bilik",
        "منزل", "فيلا", "عمارة", "شقة", "بناية", "مبنى",
    ]

    /// Currency codes, names and signs' words, words for earnings, and hours, normalised (lower
    /// case, no accents).
    static let units: Set<String> = [
        "$", "usd", "dollar", "dollars", "us$", "sgd", "s$", "hkd", "hk$", "myr", "rm", "ringgit", "aed", "dhs", "dh", "dirham",
        "dirhams", "sar", "sr", "riyal", "riyals", "rial", "rials", "qar", "qr", "kwd", "kd", "dinar", "dinars", "bhd", "bd",
        "omr", "ro", "php", "peso", "pesos", "piso", "inr", "rs", "rupee", "rupees", "npr", "lkr", "bdt", "tk", "taka", "idr",
        "rupiah", "thb", "baht", "vnd", "dong", "eur", "euro", "euros", "gbp", "pound", "pounds", "jod", "lbp", "lira",
        "ksh", "kes", "shilling", "shillings", "ugx", "etb", "birr", "yuan", "rmb", "ntd", "nt$", "won", "krw", "yen", "jpy",
        "mop", "cad", "aud", "mxn", "cop", "soles", "reais", "quetzales", "lempiras", "colones", "k", "lakh", "lakhs",
        // Earnings without a currency ("I earn 2291 a year", "gaji 1500").
        "earn", "earns", "earned", "earning", "salary", "wage", "wages", "gaji", "sahod", "sueldo", "salario", "salaire",
        "luong", "tanakha", "talab", "راتب", "वेतन", "तलब", "तनखा", "বেতন", "เงินเดือน", "ค่าจ้าง", "工资", "工資", "薪水",
        "hours", "hour", "hrs", "hr", "h", "horas", "hora", "hs", "ore", "heures", "heure", "jam", "oras", "gio", "ghante",
        "ghanta", "ghanta", "ghantey", "saat", "saa", "masaa",
        "ساعة", "ساعات", "ساعه", "घंटे", "घंटा", "घण्टा", "ঘণ্টা", "ชั่วโมง", "ម៉ោង", "နာရီ", "小时", "小時", "시간",
        "ريال", "درهم", "دينار", "روپے", "रुपये", "रुपैयाँ", "টাকা", "บาท", "元",
    ]

    // MARK: log-odds

    /// log(p / (1 − p)); ±∞ at and beyond 0 and 1 (a threshold of 1.01 is "never").
    static func logOdds(_ p: Double) -> Double {
        if p >= 1 { return .infinity }
        if p <= 0 { return -.infinity }
        return naturalLog(p) - naturalLog(1 - p)
    }

    /// ln(x) for x > 0 to double precision: x = m · 2^e with m in [1, 2), ln m = 2 atanh((m−1)/(m+1)).
    static func naturalLog(_ x: Double) -> Double {
        let e = Double(x.exponent)
        let m = x.significand
        let y = (m - 1) / (m + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        while k < 80 {
            sum += term / k
            term *= y2
            k += 2
        }
        return e * 0.693_147_180_559_945_3 + 2 * sum
    }
}
