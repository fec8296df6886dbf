/// Swahili (Kenyan, Tanzanian and Ugandan workers in the Gulf and Lebanon), with the English and
/// Gulf loanwords they mix in: "viza yangu imeisha" (my visa has ended), "sina vibali" (I have
/// no permits), "haramu" (illegal), "kafala", "huroob"; "mama amechukua pasipoti yangu" (madam
/// took my passport) is confiscation and kept.
extension Lexicon {
    static let swahili: [LexiconEntry] = [
        L(.strong(.explicitStatus), "sina vibali", "sina kibali", "sina karatasi", "sina hati", "bila vibali",
          "bila kibali", "bila karatasi", "bila viza", "sina viza", "sina visa", "sina iqama", "nimekuwa haramu",
          "niko haramu", "mhamiaji haramu", "nimezidisha muda", "muda umeisha", "overstay"),
        L(.strong(.validStatus), "viza halali", "visa halali", "kibali halali", "bado ni halali", "iko halali",
          "niko halali"),
        L(.strong(.entryRoute), "viza ya utalii", "visa ya utalii", "viza ya kutembelea", "visa ya kutembelea",
          "nilivuka mpaka", "kwa njia ya panya", "njia za panya", "kama mtalii"),
        L(.strong(.asylum), "mkimbizi", "wakimbizi", "hifadhi ya ukimbizi"),
        L(.enforcement, "nilifukuzwa nchini", "kurudishwa nyumbani kwa nguvu", "nilikamatwa", "kukamatwa na uhamiaji",
          "kizuizini", "gerezani", "deport"),
        L(.threat, "ametishia", "anatishia", "atanipeleka", "ataniripoti", "ataita polisi", "ataita uhamiaji",
          "vitisho", "kunitisha", "watanipeleka polisi", "watanipeleka kwa polisi", "nikilalamika", "nikiripoti",
          "wataita polisi", "ataita police", "wataita police",
          "watanipeleka police", "wanasema watanipeleka", "anasema atanipeleka"),
        L(.statusDoc, "viza", "kibali cha kazi", "kibali cha ukaazi", "kibali", "vibali", "iqama", "karatasi"),
        L(.passport, "pasipoti", "paspoti", "pasipoti yangu"),
        L(.negation, "sina", "hana", "bila", "hakuna", "hataki", "hakufanya"),
        L(.state(.explicitStatus), "imeisha", "imekwisha", "imefutwa", "ilifutwa", "imekwisha muda"),
        L(.state(.validStatus), "halali", "hadi", "mpaka mwaka"),
        L(.custody, "amechukua", "alichukua", "amezuia", "ameshika", "anashikilia", "hataki kunirudishia", "iko kwa", "ziko kwa",
          "iko na", "ziko na", "anayo", "wanayo", "ameificha", "amefungia", "hajarudisha", "hanirudishii"),
        L(.renew, "kunirenew", "kurenew", "kuhuisha", "kuongeza muda"),
        L(.statusAdjective, "haramu", "kinyume cha sheria"),
        L(.labourNoun, "mshahara", "pesa", "kukata", "anakata", "malipo", "saa za kazi", "makato", "mkataba"),
        L(.idKeyword, "namba ya pasipoti", "nambari ya pasipoti", "pasipoti namba", "namba ya viza"),
        L(.idLabel, "namba", "nambari", "yangu ni", "ni"),
        L(.clauseBreak, "lakini", "kwa sababu", "kwa hivyo", "sasa", "halafu", "tena"),
    ].flatMap { $0 }
}
