/// Working hours written as clock times: the long days workers describe without counting the hours
/// ("until 11 at night", "jam 12 malam", "raat 2 baje tak", "ည ၁၂ နာရီ", "de 7 h à 22 h",
/// "0530-2330", "7am to 9pm").
///
/// - **A late hour beside a night word**: 10, 11 or 12 at night, or 1 to 4 in the small hours
///   (and 22 to 24, 0), with the number right before a night word ("11 at night", "10 de la noche",
///   "11h đêm", `Role.nightAfterHour`) or right after one ("raat 1 baje", "রাত ১টা", "රෑ 1",
///   `Role.nightBeforeHour`), only filler words between them ("at", "de la", "ng", "ko", "baje").
///   An hour written as a word ("eleven at night", "once de la noche", `Role.lateHourWord`) counts
///   the same. 1 to 3 before a morning word ("jam 2 pagi", "2 de la mañana") is the small hours too.
/// - **A from–to range of 13 hours or more** between two clock times joined by a dash or a word
///   such as "to", "a", "às", "bis", "sampai", "hanggang", "đến" ("7:00 a 21:00", "6am to 9pm",
///   "0530-2330"). An end hour of 12 or less with no am/pm, minutes or 24-hour form is ambiguous
///   ("6 to 11") and left to the night-word reading.
extension IndicatorTagger {
    /// Hours that end a working day late, on a 12- or 24-hour clock.
    static let lateHours: Set<Int> = [10, 11, 12, 22, 23, 24, 0, 1, 2, 3, 4]

    /// Words allowed between an hour and its night word ("11 o'clock at night", "raat ko 2 baje").
    static let clockFillers: Set<String> = [
        "at", "in", "the", "of", "o'clock", "oclock", "h", "hrs", "hr", "pm", "de", "la", "las", "d", "da", "do", "du",
        "di", "a", "ng", "nang", "alas", "jam", "pukul", "pkl", "gio", "ta", "tar", "ko", "ke", "ki", "ka", "me", "ma",
        "baje", "bajey", "bje", "bajyo", "bajesamma", "ghadi", "mani", "maong", "mong", "morng", "mnong", "el", "al", "sa3a",
        "sa'a", "lel", "fel", "f", "b", "bil", "wala", "se", "tak", "porjonto", "paryanta", "samma", "wenakan", "wenakam",
        "को", "के", "बजे", "तक", "बजेसम्म", "সময়", "টা", "varai", "varaikum", "varaiku", "vare", "ore", "alle",
    ]

    /// Words that join the two ends of a working-hours range.
    static let rangeConnectors: Set<String> = [
        "-", "--", "~", "to", "till", "til", "until", "a", "as", "ate", "hasta", "hasta las", "a las", "ate as", "bis",
        "au", "jusqu'a", "sampai", "smp", "sampe", "smpe", "sd", "s/d", "hingga", "hanggang", "den", "dol", "thueng",
        "thung", "mpaka", "hadi", "se", "la", "l", "ila", "alle", "fino alle", "alle ore", "jusqu'à",
        "through", "thru", "لحد", "الى", "لين", "حتي", "至", "到", "ถึง", "ដល់",
    ]

    static func showsLateOrLongHours(in text: [Unicode.Scalar], roleHits: [RoleHit], sentence: [Int]) -> Bool {
        var lastHourWordEnd = -100
        for h in roleHits {
            switch h.role {
            case .lateHourWord:
                lastHourWordEnd = h.end
            case .nightAfterHour:
                if lastHourWordEnd >= 0, onlyFillers(text, lastHourWordEnd, h.start) { return true }
                if let n = clockHour(endingBefore: h.start, in: text), lateHours.contains(n) { return true }
            case .nightBeforeHour:
                if let n = clockHour(startingAfter: h.end, in: text), lateHours.contains(n) { return true }
                if let w = roleHits.first(where: { $0.role == .lateHourWord && $0.start >= h.end && $0.start - h.end <= 8 }),
                   onlyFillers(text, h.end, w.start) { return true }
            case .morningAfterHour:
                if let n = clockHour(endingBefore: h.start, in: text), (1...3).contains(n) { return true }
            default:
                break
            }
        }
        let times = clockTimes(in: text)
        for (t1, t2) in zip(times, times.dropFirst())
        where (sentence[t1.start] == sentence[t2.start] || t1.abbreviated) && t2.start - t1.end <= 12 {
            let gap = trimmed(String(String.UnicodeScalarView(text[t1.end..<t2.start])))
            guard rangeConnectors.contains(gap) else { continue }
            guard t2.meridiem != .none || t2.hour > 12 || t2.hasMinutes || t2.twentyFourHour else { continue }
            let from = t1.hour24, to = t2.hour24
            if (4...10).contains(from), (to - from + 24) % 24 >= 13 { return true }
        }
        return false
    }

    /// `s` without leading and trailing spaces and commas.
    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "," { t.removeFirst() }
        while let l = t.last, l == " " || l == "," { t.removeLast() }
        return String(t)
    }

    /// True when the scalars between `from` and `to` are at most three filler words.
    static func onlyFillers(_ text: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        guard from <= to, to - from <= 14 else { return false }
        let words = String(String.UnicodeScalarView(text[from..<to])).split(whereSeparator: { $0 == " " || $0 == "," })
        return words.count <= 3 && words.allSatisfy { clockFillers.contains(String($0)) }
    }

    /// The one- or two-digit hour that ends at most three filler words before `position`.
    static func clockHour(endingBefore position: Int, in text: [Unicode.Scalar]) -> Int? {
        var k = position - 1
        while k >= 0, position - k <= 15, !ScalarFolding.isDigit(text[k]) { k -= 1 }
        guard k >= 0, ScalarFolding.isDigit(text[k]), onlyFillers(text, k + 1, position) else { return nil }
        var run = digitRun(endingAt: k, in: text)
        // "10:30 at night": the hour is the part before the separator.
        if run.start >= 2, text[run.start - 1] == ":" || text[run.start - 1] == ".",
           ScalarFolding.isDigit(text[run.start - 2]) {
            run = digitRun(endingAt: run.start - 2, in: text)
        }
        guard run.count <= 2 else { return nil }
        if run.start > 0, ScalarFolding.isLatinWordScalar(text[run.start - 1]) || text[run.start - 1] == "," { return nil }
        return run.value
    }

    /// The digits that end at `last`: their value, first index and count.
    static func digitRun(endingAt last: Int, in text: [Unicode.Scalar]) -> (value: Int, start: Int, count: Int) {
        var k = last, value = 0, place = 1, count = 0
        while k >= 0, ScalarFolding.isDigit(text[k]), count < 6 {
            value += Int(text[k].value - 0x30) * place
            place *= 10
            count += 1
            k -= 1
        }
        return (value, k + 1, count)
    }

    /// The one- or two-digit hour that starts at most three filler words after `position`.
    static func clockHour(startingAfter position: Int, in text: [Unicode.Scalar]) -> Int? {
        var k = position
        while k < text.count, k - position <= 15, !ScalarFolding.isDigit(text[k]) { k += 1 }
        guard k < text.count, ScalarFolding.isDigit(text[k]), onlyFillers(text, position, k) else { return nil }
        var value = 0, digits = 0
        while k < text.count, ScalarFolding.isDigit(text[k]) {
            value = value * 10 + Int(text[k].value - 0x30)
            digits += 1
            k += 1
        }
        guard digits <= 2 else { return nil }
        if k + 1 < text.count, text[k] == "." || text[k] == ",", ScalarFolding.isDigit(text[k + 1]) { return nil }
        return value
    }

    enum Meridiem { case none, am, pm }

    struct ClockTime {
        let start: Int
        let end: Int
        let hour: Int
        let hasMinutes: Bool
        let meridiem: Meridiem
        /// Written "6h", "21h", "14hrs", "7 uhr": a 24-hour time ("de 6h à 1h" ends at 1 at night).
        var twentyFourHour = false
        /// Ends in "a.m." or "p.m.", whose dot does not end the sentence.
        var abbreviated = false

        var hour24: Int {
            switch meridiem {
            case .pm: return hour < 12 ? hour + 12 : hour
            case .am: return hour == 12 ? 0 : hour
            case .none: return hour % 24
            }
        }
    }

    /// Every clock time in the text: "7", "7:30", "7.30", "7h30", "0530", each with an optional
    /// "am"/"pm" or "h"/"hrs"/"uhr" after it. Numbers glued to other letters ("5kg", "3x") are not
    /// times; four digits are a 24-hour time only when they read as one (hh ≤ 24, mm < 60).
    static func clockTimes(in text: [Unicode.Scalar]) -> [ClockTime] {
        var out: [ClockTime] = []
        var k = 0
        while k < text.count {
            let glued = k > 0 && (ScalarFolding.isDigit(text[k - 1]) || ScalarFolding.isLatinWordScalar(text[k - 1])
                                  || text[k - 1] == "." || text[k - 1] == ",")
            guard ScalarFolding.isDigit(text[k]), !glued else {
                k += 1
                continue
            }
            let start = k
            var digits: [Int] = []
            while k < text.count, ScalarFolding.isDigit(text[k]) {
                digits.append(Int(text[k].value - 0x30))
                k += 1
            }
            var hour: Int
            var minutes = false
            switch digits.count {
            case 1, 2:
                hour = digits.reduce(0) { $0 * 10 + $1 }
                if k + 2 < text.count, text[k] == ":" || text[k] == "." || text[k] == "h",
                   ScalarFolding.isDigit(text[k + 1]), ScalarFolding.isDigit(text[k + 2]),
                   k + 3 == text.count || !ScalarFolding.isDigit(text[k + 3]) {
                    minutes = true
                    k += 3
                }
            case 4:
                hour = digits[0] * 10 + digits[1]
                guard digits[2] * 10 + digits[3] < 60 else { continue }
                minutes = true
            default:
                continue
            }
            guard hour <= 24 else { continue }
            var meridiem = Meridiem.none
            var twentyFour = false
            var m = k
            if m < text.count, text[m] == " " { m += 1 }
            let rest = String(String.UnicodeScalarView(text[m..<min(text.count, m + 5)]))
            if rest.hasPrefix("am") || rest.hasPrefix("a.m") { meridiem = .am; m += rest.hasPrefix("a.m") ? 3 : 2 }
            else if rest.hasPrefix("pm") || rest.hasPrefix("p.m") { meridiem = .pm; m += rest.hasPrefix("p.m") ? 3 : 2 }
            else if rest.hasPrefix("uhr") { m += 3; twentyFour = true }
            else if rest.hasPrefix("hrs") { m += 3 }
            else if rest.hasPrefix("h") { m += 1; twentyFour = m == k + 1 }
            else { m = k }
            let abbreviated = m > k && m < text.count && text[m] == "." && text[m - 1] == "m"
            if m < text.count, text[m] == "." { m += 1 }
            // Glued to other letters: "5kg", "3x", "2nd", "12mn".
            if m == k, k < text.count, ScalarFolding.isLatinWordScalar(text[k]) { continue }
            if m > k, m < text.count, ScalarFolding.isLatinWordScalar(text[m]) { continue }
            out.append(ClockTime(start: start, end: m, hour: hour, hasMinutes: minutes, meridiem: meridiem,
                                 twentyFourHour: twentyFour, abbreviated: abbreviated))
            k = m
        }
        return out
    }
}
