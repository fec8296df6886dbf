/// Pay below what was promised, told with two amounts in one sentence: "agent ne kaha tha 1500
/// milega, milta hai 900", "Padi dollar 300 kiyala 150 yi denne", "madam pay 700 not 1200",
/// "analipwa KES 8,000 badala ya KES 15,000" → deception.
///
/// It shows when two different amounts (20 or more, or written "3k"; a bare year such as 2024 is not
/// an amount) are told with a promise word (`Role.promise`: "promised", "contract", "agreed",
/// "bhaneko", "kiyala", "sonnanga", "وعد") in their sentence or, for "the agent said 1,000. She pays
/// 700.", in one sentence and the next; or when a contrast word (`Role.contrast`: "not", "instead
/// of", "au lieu de", "badala ya", "sa halip na") stands between two amounts of one sentence.
extension IndicatorTagger {
    static func showsPayBelowPromise(in text: [Unicode.Scalar], roleHits: [RoleHit], sentence: [Int]) -> Bool {
        let amounts = moneyAmounts(in: text)
        guard amounts.count >= 2 else { return false }
        for (a1, a2) in zip(amounts, amounts.dropFirst()) where a1.value != a2.value {
            let s1 = sentence[a1.start], s2 = sentence[a2.start]
            // The promise and the pay in one sentence, or told one sentence after the other.
            if s2 - s1 <= 1, roleHits.contains(where: { $0.role == .promise && (s1...s2).contains(sentence[$0.start]) }) {
                return true
            }
            if s1 == s2, a2.start - a1.end <= 40, roleHits.contains(where: {
                $0.role == .contrast && $0.start >= a1.end && $0.end <= a2.start
                    && $0.start - a1.end <= 32 && onlyCurrencyWords(text[$0.end..<a2.start])
            }) {
                return true
            }
        }
        return false
    }

    /// True when `gap` holds at most two short words ("dhs", "AED", "the", "RM") and no verb that
    /// makes the contrast something else ("1500 not paid, 300 deducted").
    static func onlyCurrencyWords(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        let words = String(String.UnicodeScalarView(gap)).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
        let verbs: Set<String> = ["paid", "pay", "yet", "given", "gave", "give", "sent"]
        return words.count <= 2 && words.allSatisfy { $0.unicodeScalars.count <= 5 && !verbs.contains(String($0)) }
    }

    /// Time units that make a number a count of hours, days or months, not money ("de 7 a 23 h").
    static let timeUnits: Set<String> = [
        "h", "hr", "hrs", "hour", "hours", "horas", "hs", "heures", "ore", "jam", "oras", "ghante", "ghanta", "ganta",
        "din", "day", "days", "dias", "jours", "hari", "araw", "month", "months", "meses", "mois", "bulan", "buwan",
        "week", "weeks", "semanas", "year", "years", "anos", "ans", "tahun", "taon", "am", "pm", "mani", "tieng",
    ]

    /// True when the word right after `position` (after at most one space) is a time unit.
    static func isFollowedByTimeUnit(_ position: Int, in text: [Unicode.Scalar]) -> Bool {
        var k = position
        if k < text.count, text[k] == " " { k += 1 }
        var word = ""
        while k < text.count, ScalarFolding.isLatinWordScalar(text[k]), !ScalarFolding.isDigit(text[k]), word.count < 8 {
            word.unicodeScalars.append(text[k])
            k += 1
        }
        return timeUnits.contains(word)
    }

    /// True when the letters ending at `last` are a currency written against the number: one to three
    /// letters after a space or the start ("rm700", "sgd400", "hk$" is not a letter).
    static func isCurrencyPrefix(endingAt last: Int, in text: [Unicode.Scalar]) -> Bool {
        var k = last
        while k >= 0, ScalarFolding.isLatinWordScalar(text[k]), !ScalarFolding.isDigit(text[k]) { k -= 1 }
        let letters = last - k
        return (1...3).contains(letters) && (k < 0 || !ScalarFolding.isLatinWordScalar(text[k]))
    }

    /// Amounts of money: digit runs with thousands separators ("1,500", "1.500", "15.000"), or a
    /// "k" after them ("3k"), of 20 or more; not years (1950–2039 written without a separator),
    /// times ("7:30") or parts of longer tokens ("A-123", "5x").
    static func moneyAmounts(in text: [Unicode.Scalar]) -> [(start: Int, end: Int, value: Int)] {
        var out: [(start: Int, end: Int, value: Int)] = []
        var k = 0
        while k < text.count {
            let glued = k > 0 && (ScalarFolding.isDigit(text[k - 1]) || text[k - 1] == ":" || text[k - 1] == "-"
                                  || ScalarFolding.isLatinWordScalar(text[k - 1]) && !isCurrencyPrefix(endingAt: k - 1, in: text))
            guard ScalarFolding.isDigit(text[k]), !glued else {
                k += 1
                continue
            }
            let start = k
            var value = 0
            var grouped = false
            while k < text.count {
                if ScalarFolding.isDigit(text[k]) {
                    value = value * 10 + Int(text[k].value - 0x30)
                    k += 1
                } else if text[k] == "," || text[k] == ".", k + 3 < text.count, ScalarFolding.isDigit(text[k + 1]),
                          ScalarFolding.isDigit(text[k + 2]), ScalarFolding.isDigit(text[k + 3]),
                          k + 4 == text.count || !ScalarFolding.isDigit(text[k + 4]) {
                    grouped = true
                    k += 1
                } else {
                    break
                }
            }
            if value > 100_000_000 { continue }
            var thousands = false
            if k < text.count, text[k] == "k", k + 1 == text.count || !ScalarFolding.isLatinWordScalar(text[k + 1]) {
                thousands = true
                k += 1
            }
            if k < text.count, text[k] == ":" { continue }
            if !grouped, !thousands, (1950...2039).contains(value) { continue }
            if isFollowedByTimeUnit(k, in: text) { continue }
            let amount = thousands ? value * 1000 : value
            if amount >= 20 { out.append((start, k, amount)) }
        }
        return out
    }
}
