/// What happens to a worker because of her status, in words the language lexicons missed until set
/// s's first look (2026-12-07), where each family below leaked at least once. Each is written for
/// the family in the languages we read, not for the sentence it was seen in:
///
/// - **Proceedings and immigration jail**: "removal proceedings", "immigration court", "jela ya
///   uhamiaji", "ester bet" (Amharic, prison), an absconding report *declared* ("elle a déclaré que
///   je me suis enfuie"), an exit ban ("jaate waqt ban lagega").
/// - **The fine that grows each day she overstays** ("दिनको जरिवाना", "denda-nya udah 1,800 dinar",
///   "overstay fine"): weak cues, a disclosure only beside one, because a fine alone is as often
///   the employer's deduction.
/// - **The days her visa has left** ("visa ku cuma tinggal 14 hari"): valid status.
/// - **The name she lives under** ("nobody here knows my real name", "passport la vera peru").
/// - **Hong Kong's non-refoulement claim** ("免遣返聲請", "擔保書" the recognizance paper and its number).
/// - **A stay that ran out** in Spanish ("caducó su estancia de turista") and an expired visa in
///   romanised Khmer ("visa knhom hors kanhchhob").
extension Lexicon {
    static let statusEvents: [LexiconEntry] = [
        L(.enforcement,
          "removal proceedings", "deportation proceedings", "immigration court", "immigration judge",
          "notice to appear", "master calendar hearing", "immigration hearing", "jela ya uhamiaji", "gereza la uhamiaji",
          "mahabusu ya uhamiaji", "selo ya uhamiaji", "kizuizini cha uhamiaji", "ester bet", "esir bet", "isir bet",
          "declaree en fuite", "declare en fuite", "signalee en fuite", "signale en fuite", "declare que je me suis enfuie",
          "declare que je me suis enfui", "declaree comme fugitive", "plainte pour fuite", "ban lagega", "ban lag jayega",
          "ban lag jaega", "ban lag gaya", "ban laga hai", "ban lagwa diya"),
        L(.weak(.explicitStatus),
          "overstay fine", "overstay fines", "overstay penalty", "daily fine", "fine per day", "fine every day",
          "airport fine", "fine at the airport", "denda-nya", "dendanya", "denda nya", "denda overstay", "denda per hari",
          "denda harian", "kena denda", "दिनको जरिवाना", "जरिवाना बढ्दै", "जरिवाना बढिरहेको", "dinko jarimana",
          "jarimana badhdai", "रोज का जुर्माना", "roz ka jurmana", "غرامة يومية", "غرامة الإقامة", "غرامة الاقامة",
          "غرامات الإقامة", "غرامات الاقامة", "غرامة تأخير", "faini ya kila siku", "faini ya overstay", "multa diaria",
          "multa por dia", "multa por cada dia"),
        L(.strong(.validStatus),
          "visa ku cuma tinggal", "visaku cuma tinggal", "visa cuma tinggal", "visa saya cuma tinggal", "visa tinggal",
          "visa ku tinggal", "visaku tinggal", "visa saya tinggal", "visa sisa", "visa saya sisa", "izin tinggal sisa",
          "permit ku tinggal", "permit tinggal"),
        L(.strong(.explicitStatus),
          "nobody here knows my real name", "no one here knows my real name", "nobody knows my real name",
          "no one knows my real name", "under a different name", "under another name",
          "another name on my passport", "different name on my passport", "passport la vera peru", "passport la vera per",
          "passportla vera peru", "vera peru passport", "vera per passport", "en peru passport la vera"),
        L(.strong(.asylum),
          "免遣返聲請", "免遣返声请", "酷刑聲請", "酷刑声请", "聲請人身份", "声请人身份", "擔保書", "担保书", "行街紙", "行街纸"),
        L(.idKeyword, "擔保書編號", "担保书编号", "擔保書", "担保书", "行街紙", "行街纸"),
        L(.strong(.entryRoute),
          "estancia de turista", "estadia de turista", "estancia como turista", "caduco su estancia", "caduco mi estancia",
          "se vencio la estancia", "se le vencio la estancia", "estancia caducada", "estancia vencida"),
        L(.state(.explicitStatus), "hors kanhchhob", "hos kanhchhob", "huos kamnot", "hous kamnot", "hos kamnot", "huos kanhchhob"),
    ].flatMap { $0 }
}
