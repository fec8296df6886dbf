/// The role a lexicon phrase plays when the detector decides whether a clause discloses status.
///
/// Few words disclose status on their own ("undocumented", "huroob", "ผีน้อย"). Most disclosures
/// are a *combination* — a status document plus what happened to it ("my visa" + "expired"),
/// a negation plus papers ("no" + "papers") — and most alarming-looking words are harmless
/// alone ("my employer keeps my passport", "illegal deduction", "call immigration"). Cues let
/// each language's lexicon stay a plain word list while one set of rules (`ClauseClassifier`)
/// does the combining for every language.
enum Cue: Sendable, Equatable, Hashable {
    /// Discloses status on its own.
    case strong(DisclosureCategory)
    /// Deportation, detention, raids, arrest by immigration: history, unless the clause is a threat.
    case enforcement
    /// A status document or status (visa, permit, iqama, residency, pink card, TPS).
    case statusDoc
    /// A passport: confiscation is a labour fact; only "no passport" or a number discloses.
    case passport
    /// Papers/documents: status only when negated ("no papers", "walang papeles").
    case papers
    /// What happened to a status document: expired/cancelled (explicit), valid/until (valid).
    case state(DisclosureCategory)
    case negation
    /// "illegal", "irregular": status unless the clause is about a labour fact ("illegal deduction").
    case statusAdjective
    /// Wages, deductions, fees, contract, dismissal: marks an "illegal …" clause as a labour one.
    case labourNoun
    /// Threat wording: "threatens", "will call", "if I complain".
    case threat
    /// Someone holds, keeps, took, confiscated, did not give a document: a labour violation.
    case custody
    /// An irregular way in: "by boat", "through the jungle", "backdoor", "jalur tikus".
    case route
    /// Moving into a country: came, entered, arrived, crossed, brought.
    case movement
    /// A renewal verb: disclosure only when negated and next to another disclosure.
    case renew
    /// Discloses only in a sentence (or right after one) that already disclosed status.
    case weak(DisclosureCategory)
    /// A word after which a number is an immigration-document number.
    case idKeyword
    /// "no.", "number", "رقم", "เลขที่": may stand between an id keyword and the number.
    case idLabel
    /// Numbers after these are labour facts (phone, claim, case, licence, account).
    case nonDocNumber
    /// "I have nothing", "none at all", "मसँग केही छैन", "我什么都没有": with papers or a status
    /// document in the same clause or the one before it ("they ask for papers, I have nothing"),
    /// a disclosure that no status word makes.
    case nothing
    /// She cannot, or dare not, go to the police, a clinic or the airport ("I cannot go to the
    /// police", "no me atrevo a ir", "siwezi kwenda", "ไปแจ้งความไม่ได้"). Not a disclosure: the
    /// context in which what the authorities would do to her, or a demand for her card, is one.
    case avoidance
    /// What the authorities would do to her: jail her, send her home, stop her ("they will put me
    /// in jail and send me home", "watanifunga na kunirudisha"). After an avoidance in the same
    /// sentence it is her status, however it is worded; otherwise it is a threat's outcome.
    case consequence
    /// A person who threatens ("she will", "madam will", "call the police", "report me"): a
    /// consequence in the same clause is her threat, never the worker's status.
    case threatener
    /// Someone asks for or checks a document ("they ask for", "piden", "wanaomba", "ඉල්ලනවා").
    case demand
    /// A bare identity card ("the ID", "kadi", "kartu", "البطاقة", "ကတ်"): status only when it is
    /// demanded where she cannot go ("I cannot go to the hospital because they ask for the ID").
    case idCard
    /// Hiding ("madam hides me", "chhupa deti hai", "ஒளிந்து"): status next to the police.
    case hide
    /// Police or officers who check ("police", "polisi", "ตำรวจ", "پولیس"); labour inspectors are
    /// not among them.
    case authority
    /// The time she was allowed to stay ("14 days after termination", "grace period", "tempo de
    /// ficar"): status when it ran out, or when she stayed after it.
    case grace
    /// Someone reported or filed something ("reported", "melaporkan", "báo", "بلّغ", "報").
    case report
    /// Leaving as a report names it ("absconding", "'kabur'", "bỏ trốn", "هروب", "逃跑"): with a
    /// report in the same clause, a filed absconding report. Leaving alone is no disclosure.
    case abscond
    /// A phrase that shows one of the ILO forced-labour indicators ("they lock me in", "owe me 5
    /// months"). Only the indicator lexicon uses it; the firewall's rules ignore it.
    case indicator(ForcedLabourIndicator)
    /// Ends a clause: "and", "but", "because", "และ", "لكن", "तर".
    case clauseBreak
    /// Starts a new clause and belongs to it: "tanpa dokumen" (without documents) is its own clause.
    case clauseStart
    /// A decoy phrase that hides every cue overlapping it ("visa debit card", "permit to go out").
    case blocker
}

/// One phrase of a lexicon. The pattern is written folded (lower case, no accents); a leading or
/// trailing `*` removes the word-boundary check on that side (`deport*` matches "deported").
/// Boundaries are only checked against Latin letters and digits, so Thai, Arabic and Indic
/// phrases match inside the words they are glued to.
struct LexiconEntry: Sendable {
    let pattern: String
    let cue: Cue
}

/// Builds lexicon entries tersely: `L(.negation, "no", "not", "never")`.
func L(_ cue: Cue, _ patterns: String...) -> [LexiconEntry] {
    patterns.map { LexiconEntry(pattern: $0, cue: cue) }
}
