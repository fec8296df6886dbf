/// Decides, from the cues found in one clause, whether the clause discloses immigration status.
///
/// The rules are the same for every language; only the word lists differ. They encode what the
/// development corpus and caseworkers' practice agree on:
/// - some phrases disclose on their own ("undocumented", "huroob", "tourist visa", "asylum");
/// - deportation, detention and raids are history — unless the clause is a threat ("she will
///   have me deported"), which an inspector must see;
/// - a status document discloses only with what happened to it: expired/cancelled/not renewed,
///   valid/until, or negated ("no visa"); mentioning it is not a disclosure ("work permit
///   conditions"), and neither is someone holding it ("madam keeps my passport" — confiscation);
/// - "illegal"/"irregular" disclose only when not about a labour fact ("illegal deduction");
/// - an irregular route discloses only with movement ("came by boat").
/// Weak cues ("stayed", "never renewed it", "came back") disclose only next to a disclosure.
struct ClauseClassifier {
    struct CueSet {
        var strong: DisclosureCategory? = nil
        var enforcement = false
        var statusDoc = false
        var passport = false
        var papers = false
        var explicitState = false
        var validState = false
        var negation = false
        var statusAdjective = false
        var labourNoun = false
        var threat = false
        var custody = false
        /// The documents custody holds. Every kind unless the detector has bound each custody
        /// word to its document (`CustodyBinding`): then a document nobody holds is judged as if
        /// no custody word stood in the clause.
        var held: DocumentKinds = []
        var route = false
        var movement = false
        var renew = false
        var nothing = false
        var weak: DisclosureCategory? = nil
        var avoidance = false
        var consequence = false
        var threatener = false
        var demand = false
        var idCard = false
        var hide = false
        var authority = false
        var grace = false
        var report = false
        var abscond = false
        /// Set by the detector from the sentence: she cannot or dare not go, in this clause or the
        /// one before it (or a consequence before it continues one).
        var fearContext = false
        /// Set by the detector: the police or officers in this clause or the one before it in the
        /// same sentence.
        var authorityNear = false
        /// Set by the detector: someone holds a document in a neighbouring clause of the same
        /// sentence ("they ask for my ID at the gate and madam keeps it" is confinement).
        var custodyNear = false

        /// Whether any cue other than negation or movement has been added.
        var hasStatusCue: Bool {
            strong != nil || enforcement || statusDoc || passport || papers || explicitState || validState
                || statusAdjective || route || renew || weak != nil || nothing || consequence || demand || hide || grace || abscond
        }

        mutating func add(_ cue: Cue) {
            switch cue {
            case .strong(let c): strong = strong.map { min($0, c) } ?? c
            case .enforcement: enforcement = true
            case .statusDoc: statusDoc = true
            case .passport: passport = true
            case .papers: papers = true
            case .state(let c): if c == .validStatus { validState = true } else { explicitState = true }
            case .negation: negation = true
            case .statusAdjective: statusAdjective = true
            case .labourNoun: labourNoun = true
            case .threat: threat = true
            case .custody:
                custody = true
                held = .all
            case .route: route = true
            case .movement: movement = true
            case .renew: renew = true
            case .nothing: nothing = true
            case .weak(let c): weak = weak ?? c
            case .avoidance: avoidance = true
            case .consequence: consequence = true
            case .threatener: threatener = true
            case .demand: demand = true
            case .idCard: idCard = true
            case .hide: hide = true
            case .authority: authority = true
            case .grace: grace = true
            case .report: report = true
            case .abscond: abscond = true
            case .idKeyword, .idLabel, .nonDocNumber, .clauseBreak, .clauseStart, .blocker, .indicator: break
            }
        }
    }

    /// The category a clause discloses on its own, or nil.
    static func strongCategory(_ c: CueSet) -> DisclosureCategory? {
        if let s = c.strong {
            // A threat to denounce is a labour fact even when worded with enforcement terms, or as
            // the absconding report she would be filed under ("إذا اشتكيت بيسوي علي بلاغ هروب").
            if !(c.threat && (s == .enforcementHistory || c.abscond)) { return s }
        }
        if c.enforcement && !c.threat { return .enforcementHistory }
        if c.statusDoc {
            if c.negation && !c.held.contains(.statusDoc) { return .explicitStatus }
            // "she will cancel my visa" is a threat, an inspector's business; "my visa was
            // cancelled" is status.
            if c.explicitState && !c.threat { return .explicitStatus }
            if c.validState && !c.held.contains(.statusDoc) { return .validStatus }
        }
        if c.papers && c.negation && !c.held.contains(.papers) { return .explicitStatus }
        if c.nothing && ((c.papers && !c.held.contains(.papers)) || (c.statusDoc && !c.held.contains(.statusDoc))) {
            return .explicitStatus
        }
        // "I don't have my passport, she keep it": without it because someone holds it, said in
        // the next clause (or the one before), is confiscation.
        if c.passport && c.negation && !c.held.contains(.passport) && !c.custodyNear { return .entryRoute }
        if c.statusAdjective && !c.labourNoun { return .explicitStatus }
        if c.route && c.movement { return .entryRoute }
        // Indirect: what her status does to her life, told without a status word.
        // "I cannot go to the police because they will send me home": she fears the outcome,
        // nobody threatens her with it, so the future tense is no threat here. It is her status,
        // not an event, so a long clause loses no circumstances with it.
        if c.consequence && c.fearContext && !c.threatener && !c.custody { return .explicitStatus }
        // "police le samatyo bhane ta nepal pathai dinchha": the police themselves, no threatener.
        if c.consequence && c.authority && !c.threatener && !c.custody { return .explicitStatus }
        // "I cannot go to the hospital because they ask for the ID".
        if c.demand && (c.idCard || c.papers || c.statusDoc || c.passport) && c.fearContext && !c.custody
            && !c.custodyNear {
            return .explicitStatus
        }
        // "when the police come madam hides me in the store room".
        if c.hide && (c.authority || c.authorityNear) { return .explicitStatus }
        // "my 14 days after termination already finished", "o meu tempo de ficar acabou".
        if c.grace && (c.explicitState || c.weak == .explicitStatus) && !c.threat { return .explicitStatus }
        // "Majikan melaporkan S 'kabur' ke imigrasi", "الكفيل بلّغ عني هروب": a filed report; a
        // threat to file one stays a threat.
        if c.report && c.abscond && !c.threat {
            return .enforcementHistory
        }
        return nil
    }

    /// The category a clause discloses when it stands next to a disclosure, or nil.
    static func weakCategory(_ c: CueSet) -> DisclosureCategory? {
        if let w = c.weak { return w }
        if c.renew && c.negation && !c.threat { return .explicitStatus }
        // "broker hold my passport since i come": the passport someone holds says nothing of how
        // she came.
        if c.movement && ((c.statusDoc && !c.held.contains(.statusDoc)) || (c.passport && !c.held.contains(.passport))) {
            return .entryRoute
        }
        if c.statusDoc && !c.held.contains(.statusDoc) && !c.labourNoun { return .explicitStatus }
        if c.explicitState && !c.custody && !c.labourNoun { return .explicitStatus }
        return nil
    }
}
