/// The phrases that show each forced-labour indicator, in every language the firewall reads. The
/// pattern notation is the firewall lexicons' (folded, `*` for a prefix); `.blocker` phrases are
/// decoys that hide an indicator they overlap ("day off", "paid on time").
///
/// Tuned on the indicator labels of set f (`Tests/FirewallCorpus/narratives-f.jsonl`); the held-out
/// set e measures it (Docs/statistics.md).
enum IndicatorLexicon {
    static func I(_ indicator: ForcedLabourIndicator, _ patterns: String...) -> [LexiconEntry] {
        patterns.map { LexiconEntry(pattern: $0, cue: .indicator(indicator)) }
    }

    static let all: [LexiconEntry] = english

    static let english: [LexiconEntry] = [
        I(.withholdingOfWages, "not paid", "not pay", "dont pay", "don't pay", "didn't pay", "did not pay", "never paid",
          "no salary", "no pay", "unpaid", "owe me", "owes me", "owed me", "salary delayed", "withheld my salary",
          "withhold my salary", "keeps my salary", "kept my salary", "half salary", "only paid", "pay only", "paid only",
          "take all my salary", "took my salary", "deduct*", "cut my salary", "salary cut"),
        I(.excessiveOvertime, "18 hours", "17 hours", "16 hours", "15 hours", "14 hours", "20 hours", "19 hours",
          "18 hrs", "17 hrs", "16 hrs", "15 hrs", "14 hrs", "no day off", "no rest day", "no off day", "no rest",
          "without rest", "without a day off", "every day without", "7 days a week", "seven days a week", "24 hours",
          "round the clock", "until midnight", "till midnight", "until 1am", "until 2am", "5am to", "4am to"),
        I(.physicalSexualViolence, "beat me", "beats me", "beaten", "hit me", "hits me", "slap*", "kick*", "punch*",
          "pull my hair", "pulled my hair", "burn* me", "rape*", "touch me", "touched me", "touches me",
          "sexual*", "molest*", "abused me", "hurt me", "push* me", "threw", "choke*", "bruise*"),
        I(.restrictionOfMovement, "lock me", "locked me", "locks me", "locked in", "locked inside", "cannot go out",
          "can't go out", "cant go out", "not allowed to go out", "not allowed to leave", "cannot leave",
          "can't leave", "not let me out", "doesn't let me go out", "never let me out", "confine*"),
        I(.isolation, "take my phone", "took my phone", "takes my phone", "no phone", "cannot call my family",
          "can't call my family", "not allowed to call", "not allowed to talk", "no contact", "alone in the house",
          "not allowed to use phone", "cannot contact"),
        I(.intimidationThreats, "threat*", "will call the police", "will call police", "will report me",
          "will call immigration", "will deport", "will send me", "will kill", "shout*", "yell*", "scream*",
          "insult*", "curse*", "scared", "afraid", "frighten*", "says she will", "says he will", "if i complain"),
        I(.retentionOfIdentityDocuments, "keep my passport", "keeps my passport", "kept my passport",
          "took my passport", "take my passport", "takes my passport", "has my passport", "holds my passport",
          "holding my passport", "held my passport", "passport is with", "confiscat*", "keep my pasport",
          "keep my documents", "took my documents", "my passport with", "won't give back my passport",
          "not give my passport", "refuses to return"),
        I(.debtBondage, "debt", "loan", "pay back", "repay", "salary deduction for agency", "agency fee", "placement fee",
          "recruitment fee", "owe the agency", "owe the agent", "work for free until"),
        I(.deception, "promised", "promise me", "told me it would be", "different job", "not the job", "lied",
          "cheated", "tricked", "fake contract", "contract said", "like contract", "not like contract",
          "different from contract", "agent promise"),
        I(.abusiveWorkingLivingConditions, "sleep in the kitchen", "sleep on the floor", "sleep in the store",
          "store room", "storeroom", "no food", "leftover*", "left over", "no bed", "no window", "bathroom floor",
          "little food", "only bread", "hungry", "starv*", "no room", "balcony"),
        I(.abuseOfVulnerability, "because i have no", "because i am alone", "she knows i", "he knows i",
          "knows i cannot", "knows i can't", "take advantage", "no one to help", "nowhere to go"),
        L(.blocker, "day off is", "paid on time", "pays on time", "no debt", "no loan"),
    ].flatMap { $0 }
}
