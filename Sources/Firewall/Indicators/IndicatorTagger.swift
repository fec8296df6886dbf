/// Tags a narrative with the ILO forced-labour indicators it shows.
///
/// It reads the text the firewall *left*, never the worker's original: an indicator must not carry
/// anything the firewall removed (a tag such as "abuse of vulnerability: irregular status" would be
/// a status disclosure by another name). The removal markers are blanked before matching, so not
/// even the fact that something was removed can show an indicator. The same folding and spelling
/// tolerance as the firewall apply, and the same one-pass automaton, over the indicator lexicon
/// (`IndicatorLexicon`), in every language at once. A phrase shows its indicator unless a decoy
/// phrase overlaps it ("day off", "paid on time").
///
/// Phrases alone miss what workers say with the words apart ("madam ne 3 mahine se paise nahi
/// diye", "passport ko thein htar tal", "police-ku solluven nu madam mirattaraanga"), so
/// **pair rules** (`pairRules`) combine two word classes (`IndicatorLexicon.Role`) that occur in the
/// same sentence, at most `window` folded scalars apart, in either order, for example:
///
/// - a wage word or a pay period and a non-payment word ("salary" + "nahi", "3 mash" + "baki") →
///   withholding of wages; a deduction and what it is said to be for ("keep" + "for dormitory");
/// - an identity document and a taking/keeping word or place ("passport" + "kinuha", "PP" + "held
///   by", "passport" + "ke paas") → retention of documents;
/// - a phone and a taking word or a denial, or calling home and a denial unless the call is to the
///   police ("cannot" + "call my family") → isolation;
/// - going out and a denial, a lock and a door or room, permission and going out → restriction;
/// - police, immigration or deportation and a threat word, dismissal or a theft accusation and a
///   condition ("kapag nagreklamo" + "tatanggalin") → intimidation and threats;
/// - a rest day and a denial ("ছুটি" + "দেয় না") or once a month, the employer's relatives and
///   their houses or shops ("rumah" + "ibunya") → excessive overtime;
/// - sleeping and a place no one should sleep, food and scarcity or a denial → abusive conditions;
/// - a recruiter and a debt or a deduction from her pay → debt bondage;
/// - a hospital or doctor and fear or inability ("hospital" + "afraid", "ሆስፒታል" + "አልችልም") →
///   abuse of vulnerability: she cannot get care (the reason, usually her status, is removed);
/// - her room and the night ("আমার ঘরে" + "রাতে", "ክፍሌ" + "ማታ") → sexual violence: the employer's
///   son or husband coming to her room at night, as workers report it without naming the act.
///
/// And three **number rules**: a number of 12 to 24 right before an hours word ("16 ghante", "17
/// oras", "１４小时", "18 seat") is a working day of 12 hours or more, and one of 50 or more a working
/// week ("70 heures", "100+ hrs/wk") → excessive overtime. The firewall folds every script's digits
/// to ASCII first; a number written as a word ("sixteen hours", "सोलह घंटे", "ষোলো ঘণ্টা",
/// `Role.longDayNumber`) counts the same. Sinhala and Swahili put the number after the hours word
/// ("පැය 18", "masaa 18"), which `Role.hoursBeforeNumber` reads. Clock times that end the day late
/// or span 13 hours or more ("raat 1 baje", "11h đêm", "7:00 a 21:00") are excessive overtime too
/// (`showsLateOrLongHours`), and two amounts with a promise or a contrast between them ("1500 bola
/// tha, 900 deta hai", "700 not 1200") are deception (`showsPayBelowPromise`).
///
/// Sentences end at `. ! ? ; । ॥ ။ ። ۔ 。！？` and line breaks (a dot inside a number does not end
/// one). Everything is one automaton pass for the phrases and one for all the roles, then linear
/// sweeps: pure, deterministic, linear time.
public struct IndicatorTagger: Sendable {
    private let lexicon: Lexicon
    /// A word of one class found in the folded text.
    typealias RoleHit = (start: Int, end: Int, role: IndicatorLexicon.Role)

    /// Every word class in one automaton, and the class of each of its entries.
    private let roleLexicon: Lexicon
    private let roleOfEntry: [IndicatorLexicon.Role]

    /// A pair rule: a hit of `a` and one of `b` in one sentence, at most `window` scalars apart (in
    /// that order when `ordered`), show `indicator`, unless a hit of the `unless` role starts between
    /// them or within `window` after them ("cannot call" is isolation, "cannot call the police" is not).
    struct PairRule: Sendable {
        let a: IndicatorLexicon.Role
        let b: IndicatorLexicon.Role
        let window: Int
        let indicator: ForcedLabourIndicator
        var unless: IndicatorLexicon.Role? = nil
        var ordered = false
    }

    /// `thing` denied, in the order each language puts its denial: a `.denial` on either side, a
    /// `.denialBefore` before it, a `.denialAfter` after it.
    static func denied(_ thing: IndicatorLexicon.Role, _ window: Int, _ indicator: ForcedLabourIndicator,
                       unless: IndicatorLexicon.Role? = nil) -> [PairRule] {
        [PairRule(a: thing, b: .denial, window: window, indicator: indicator, unless: unless),
         PairRule(a: .denialBefore, b: thing, window: window, indicator: indicator, unless: unless, ordered: true),
         PairRule(a: thing, b: .denialAfter, window: window, indicator: indicator, unless: unless, ordered: true)]
    }

    static let pairRules: [PairRule] = [
        PairRule(a: .wage, b: .unpaid, window: 36, indicator: .withholdingOfWages),
        PairRule(a: .wage, b: .notGiven, window: 36, indicator: .withholdingOfWages),
        PairRule(a: .payPeriod, b: .notGiven, window: 24, indicator: .withholdingOfWages),
        PairRule(a: .deductionReason, b: .unpaid, window: 30, indicator: .withholdingOfWages),
        PairRule(a: .document, b: .custody, window: 36, indicator: .retentionOfIdentityDocuments),
        PairRule(a: .phone, b: .custody, window: 24, indicator: .isolation),
        PairRule(a: .lock, b: .confinePlace, window: 16, indicator: .restrictionOfMovement, unless: .document),
        PairRule(a: .permission, b: .goOut, window: 24, indicator: .restrictionOfMovement),
        PairRule(a: .enforcement, b: .threat, window: 36, indicator: .intimidationThreats),
        PairRule(a: .dismissal, b: .condition, window: 36, indicator: .intimidationThreats),
        PairRule(a: .theft, b: .threat, window: 36, indicator: .intimidationThreats),
        PairRule(a: .theft, b: .condition, window: 36, indicator: .intimidationThreats),
        PairRule(a: .care, b: .afraid, window: 40, indicator: .abuseOfVulnerability),
        PairRule(a: .room, b: .night, window: 40, indicator: .physicalSexualViolence),
        PairRule(a: .restDay, b: .monthly, window: 24, indicator: .excessiveOvertime),
        PairRule(a: .employerKin, b: .workplace, window: 16, indicator: .excessiveOvertime),
        PairRule(a: .sleep, b: .badPlace, window: 32, indicator: .abusiveWorkingLivingConditions),
        PairRule(a: .food, b: .scarcity, window: 24, indicator: .abusiveWorkingLivingConditions),
        PairRule(a: .recruiter, b: .charge, window: 40, indicator: .debtBondage),
        PairRule(a: .recruiter, b: .deduction, window: 30, indicator: .debtBondage, unless: .deductionReason),
    ] + denied(.phone, 20, .isolation) + denied(.contact, 24, .isolation, unless: .enforcement)
        + denied(.goOut, 20, .restrictionOfMovement) + denied(.restDay, 24, .excessiveOvertime, unless: .goOut)
        + denied(.food, 12, .abusiveWorkingLivingConditions) + denied(.amenity, 12, .abusiveWorkingLivingConditions)
        + denied(.vacation, 16, .excessiveOvertime, unless: .wage)

    public init() {
        lexicon = Lexicon(IndicatorLexicon.all)
        let roles = IndicatorLexicon.Role.allCases.flatMap { role in
            (IndicatorLexicon.roles[role] ?? []).map { (role, $0) }
        }
        roleLexicon = Lexicon(roles.map { LexiconEntry(pattern: $0.1, cue: .labourNoun) })
        roleOfEntry = roles.map(\.0)
    }

    /// The indicators `text` shows, sorted by name.
    public func indicators(in text: String) -> [ForcedLabourIndicator] {
        let folded = FoldedText(NarrativeRedactor.neutralisingMarkers(text)).folded
        var found = Set<ForcedLabourIndicator>()
        var blocked = [Bool](repeating: false, count: folded.count)
        for m in lexicon.matches(in: folded) {
            switch m.cue {
            case .indicator(let i): found.insert(i)
            case .blocker: for k in m.start..<m.end { blocked[k] = true }
            default: break
            }
        }

        // Sentence number of every position.
        var sentence = [Int](repeating: 0, count: folded.count + 1)
        var s = 0
        for (k, c) in folded.enumerated() {
            sentence[k] = s
            if Self.endsSentence(c, next: k + 1 < folded.count ? folded[k + 1] : nil) { s += 1 }
        }
        sentence[folded.count] = s

        // Role matches, unblocked, in text order (a counting sort by start: linear, and stable).
        var unsorted: [RoleHit] = []
        for m in roleLexicon.entryMatches(in: folded) where !(m.start..<m.end).contains(where: { blocked[$0] }) {
            unsorted.append((m.start, m.end, roleOfEntry[m.entry]))
        }
        var slot = [Int](repeating: 0, count: folded.count + 1)
        for h in unsorted { slot[h.start + 1] += 1 }
        for k in 0..<folded.count { slot[k + 1] += slot[k] }
        var roleHits = unsorted
        for h in unsorted {
            roleHits[slot[h.start]] = h
            slot[h.start] += 1
        }

        for rule in Self.pairRules where !found.contains(rule.indicator) {
            if Self.pairMatches(rule, in: roleHits, sentence: sentence) { found.insert(rule.indicator) }
        }

        if !found.contains(.excessiveOvertime) {
            var lastWordNumberEnd = -10
            for h in roleHits {
                if h.role == .longDayNumber { lastWordNumberEnd = h.end; continue }
                if h.role == .hoursBeforeNumber, let n = Self.number(startingAt: h.end, in: folded), (12...24).contains(n) {
                    found.insert(.excessiveOvertime)
                    break
                }
                guard h.role == .hours else { continue }
                let afterWordNumber = h.start - lastWordNumberEnd >= 0 && h.start - lastWordNumberEnd <= 2
                if afterWordNumber {
                    found.insert(.excessiveOvertime)
                    break
                }
                if let n = Self.number(endingBefore: h.start, in: folded), (12...24).contains(n) || (50...140).contains(n) {
                    found.insert(.excessiveOvertime)
                    break
                }
            }
        }
        if !found.contains(.excessiveOvertime),
           Self.showsLateOrLongHours(in: folded, roleHits: roleHits, sentence: sentence) {
            found.insert(.excessiveOvertime)
        }
        if !found.contains(.deception), Self.showsPayBelowPromise(in: folded, roleHits: roleHits, sentence: sentence) {
            found.insert(.deception)
        }
        return found.sorted()
    }

    /// True when `rule`'s two roles meet in one sentence, within its window, in its order, with no
    /// hit of its `unless` role between them or within the window after them.
    static func pairMatches(_ rule: PairRule, in roleHits: [RoleHit], sentence: [Int]) -> Bool {
        var lastA: (start: Int, end: Int, sentence: Int)?
        var lastB: (start: Int, end: Int, sentence: Int)?
        for (k, h) in roleHits.enumerated() where h.role == rule.a || h.role == rule.b {
            let other = h.role == rule.a ? (rule.ordered ? nil : lastB) : lastA
            if let o = other, o.sentence == sentence[h.start], h.start - o.end <= rule.window {
                guard let u = rule.unless else { return true }
                let from = min(o.start, h.start)
                let to = max(o.end, h.end) + rule.window
                let blocked = roleHits[k...].prefix { $0.start <= to }.contains { $0.role == u && $0.start >= from }
                    || roleHits[..<k].reversed().prefix { $0.start >= from }.contains { $0.role == u }
                if !blocked { return true }
            }
            let mine = (h.start, h.end, sentence[max(h.end - 1, h.start)])
            if h.role == rule.a { lastA = mine } else { lastB = mine }
        }
        return false
    }

    /// The number written just before `position` (digits, then at most one space or hyphen), or nil.
    static func number(endingBefore position: Int, in text: [Unicode.Scalar]) -> Int? {
        var k = position - 1
        if k >= 0, text[k] == " " || text[k] == "-" { k -= 1 }
        if k >= 0, text[k] == "+" { k -= 1 }   // "100+ hrs"
        var value = 0
        var place = 1
        var digits = 0
        while k >= 0, ScalarFolding.isDigit(text[k]), digits < 4 {
            value += Int(text[k].value - 0x30) * place
            place *= 10
            digits += 1
            k -= 1
        }
        guard digits > 0 else { return nil }
        // "1.16 hours", "12,16 h": part of a larger number, or a decimal.
        if k >= 1, text[k] == "." || text[k] == ",", ScalarFolding.isDigit(text[k - 1]) { return nil }
        if k >= 0, ScalarFolding.isLatinWordScalar(text[k]) { return nil }
        return value
    }

    /// The number written just after `position` (at most one space, then digits), or nil.
    static func number(startingAt position: Int, in text: [Unicode.Scalar]) -> Int? {
        var k = position
        if k < text.count, text[k] == " " { k += 1 }
        var value = 0
        var digits = 0
        while k < text.count, ScalarFolding.isDigit(text[k]), digits < 4 {
            value = value * 10 + Int(text[k].value - 0x30)
            digits += 1
            k += 1
        }
        guard digits > 0 else { return nil }
        if k + 1 < text.count, text[k] == "." || text[k] == ",", ScalarFolding.isDigit(text[k + 1]) { return nil }
        return value
    }

    static func endsSentence(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        switch c {
        case ".": return next == nil || next == " " || next == "\n"
        case "!", "?", ";", "\n", "\u{0964}", "\u{0965}", "\u{104B}", "\u{1362}", "\u{06D4}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{17D4}":
            return true
        default: return false
        }
    }
}

extension Firewall {
    /// Redacts `text`, then tags what is left: the path a complaint takes at intake.
    public func indicators(in text: String, tagger: IndicatorTagger) -> [ForcedLabourIndicator] {
        tagger.indicators(in: redact(text).text)
    }
}
