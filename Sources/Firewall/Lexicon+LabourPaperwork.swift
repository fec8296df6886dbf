/// Look-alikes of status that are labour facts, by family of meaning, in the languages we read.
/// Each was the most frequent kind of labour fact lost on the decoys of sets i–p (Docs/firewall.md,
/// "Set r"), and each is written for the whole family, not the sentence it was seen in:
///
/// - **Pay and contract papers.** "She never gave me the papers of the contract", "aucun papier
///   pour mon salaire", "documento de pagamento": papers *of* or *for* a wage, a payslip or a
///   contract are the employer's paperwork, a labour fact. Only with the preposition: "no papers
///   no contract" is still a disclosure beside a labour fact.
/// - **Permission to go out.** "permiso ni ma'am para lumabas", "bahar jaane ka permit", "un giorno
///   di permesso": leave to go out or a day off is confinement, not a permit.
/// - **Illegal deductions** in the scripts whose word for "illegal" is a strong cue on its own.
/// - **Lodging.** Arabic "الإقامة" is also where she sleeps ("الإقامة في غرفة الغسيل").
///
/// And, after set s's first look (2026-12-07), where ten of its lost labour facts were these:
/// - **Enforcement words about things and rooms.** "She banned me from using my phone", "the parcel
///   got deported back from customs", "they detained my salary", "madame m'a expulsée de ma
///   chambre": house rules, a parcel, withheld pay, a room.
/// - **Similes.** "I live like a refugee", "यह घर जेल जैसा है", "parang kulungan": how she lives.
/// - **More lodging.** "the residence they built on the roof", "بدل الإقامة والأكل", "الإقامة مجانية".
///
/// All are blockers: they hide the status cues inside them and nothing outside them.
extension Lexicon {
    static let labourPaperwork: [LexiconEntry] = [
        L(.blocker, payPapers),
        L(.blocker,
          // Taglish, Hindi/Urdu romanised, Indonesian, Spanish, Italian, Thai
          "permiso para lumabas", "permiso ni madam", "permiso ni ma'am", "permiso ni mam", "permiso ni amo",
          "permiso ni sir", "permiso lumabas", "bahar jaane ka permit", "bahar jane ka permit", "bahar jaane ki permit",
          "bahar jane ki permission", "surat izin libur", "surat izin keluar", "permiso para salir",
          "permiso los domingos", "permiso el domingo", "permiso de salida", "giorno di permesso", "giorni di permesso",
          "permesso per uscire", "permesso di uscire", "ใบอนุญาตออกไป", "อนุญาตให้ออกไป"),
        L(.blocker,
          // Hindi, Nepali, Urdu, Bengali, Arabic, Sinhala, Telugu romanised, Indonesian
          "गैरकानूनी कटौती", "गैर कानूनी कटौती", "अवैध कटौती", "अवैध रूपमा काट", "غیر قانونی کٹوتی", "غیرقانونی کٹوتی",
          "خصماً غير قانوني", "خصما غير قانوني", "خصم غير قانوني", "الخصم غير القانوني", "অবৈধভাবে বেতন কেটে",
          "অবৈধ কাটা", "অবৈধভাবে কেটে", "නීති විරෝධී ලෙස කපනවා", "නීති විරෝධී ලෙස කපනව", "illegal ga kattistaadu",
          "illegal ga kattistunnaru", "ilegal motong", "ilegal memotong", "ilegal dipotong",
          // A fee for her visa or permit taken from her pay is a deduction, not her status.
          "visa renewal fee", "visa renewal fees", "renewal fee", "visa fee", "visa fees", "permit fee", "work permit fee",
          "permit levy", "levy for the permit", "ค่าทำใบอนุญาตทำงาน", "ค่าต่อใบอนุญาต", "biaya visa", "potongan visa",
          "bayad sa visa", "kaltas para sa visa", "رسوم الإقامة", "رسوم الاقامة", "رسوم التجديد"),
        L(.blocker,
          "الإقامة في غرفة", "الاقامة في غرفة", "الإقامة في المطبخ", "الاقامة في المطبخ", "الإقامة بالمطبخ",
          "الإقامة عند المدام", "الاقامة عند المدام", "الإقامة مع الأطفال", "الإقامة مع العائلة",
          "الإقامة مجانية", "الاقامة مجانية", "الإقامة والأكل", "الاقامة والاكل", "بدل الإقامة", "بدل الاقامة",
          "الإقامة والطعام", "الاقامة والطعام", "residence they built", "residence on the roof", "the residence costs",
          "residence is on the roof", "staff residence", "workers residence", "workers' residence"),
        L(.blocker,
          // English
          "banned me from", "ban me from", "bans me from", "banned from using", "banned from going", "banned from eating",
          "banned from calling", "banned from talking", "parcel got deported", "package got deported", "parcel was deported",
          "package was deported", "box was deported", "deported back from customs", "got deported back to",
          "detained my salary", "detained my wages", "detained my pay", "detained my money", "detained my phone",
          "detain my salary", "detains my salary", "detaining my salary", "expelled me from my room",
          "expelled me from the room", "kicked me out of my room", "kicked me out of the room",
          "like a refugee", "like refugee", "like a prisoner", "like prisoner", "like a jail", "like jail", "like in jail",
          "like a prison", "like prison", "like in prison",
          // French, Spanish, Portuguese
          "expulsee de ma chambre", "expulse de ma chambre", "expulsee de la chambre", "comme une prison", "comme en prison",
          "comme une refugiee", "me expulso del cuarto", "me expulso de mi cuarto", "como una carcel", "como en la carcel",
          "como una prision", "me expulsou do quarto", "como uma prisao", "como na prisao", "como uma cadeia",
          // Hindi, Urdu, Nepali, Bengali (native and romanised)
          "जेल जैसा", "जेल जैसी", "जेल की तरह", "कैदी की तरह", "jail jaisa", "jail jaisi", "jail jesa", "jail ki tarah",
          "جیل جیسا", "جیل جیسی", "جیل کی طرح", "जेल जस्तो", "jail jasto", "জেলের মতো", "জেলখানার মতো", "jailer moto",
          // Tagalog, Indonesian, Malay, Swahili, Arabic
          "parang kulungan", "parang preso", "parang bilanggo", "parang nasa kulungan", "seperti penjara", "kayak penjara",
          "macam penjara", "kama gerezani", "kama jela", "kama mfungwa", "زي السجن", "مثل السجن", "متل السجن", "كأني في سجن",
          "كاني في سجن", "كأني بالسجن"),
    ].flatMap { $0 }

    /// Papers words × "of/for" × (a determiner) × a pay or contract word, per language.
    static let payPapers: [String] = {
        func combine(_ papers: [String], _ links: [String], _ determiners: [String], _ pay: [String]) -> [String] {
            papers.flatMap { p in links.flatMap { l in determiners.flatMap { d in pay.map { w in
                [p, l, d, w].filter { !$0.isEmpty }.joined(separator: " ")
            } } } }
        }
        return combine(["papers", "paper", "documents", "document"], ["for", "of", "about"],
                       ["", "my", "the", "her", "his"],
                       ["salary", "wages", "wage", "pay", "payment", "payments", "contract", "overtime", "payslip"])
            + combine(["papeles", "papel", "documentos", "documento"], ["de", "del", "para", "por"],
                      ["", "el", "la", "los", "las", "mi", "mis"],
                      ["salario", "sueldo", "pago", "pagos", "contrato", "nómina", "nomina", "recibo", "recibos"])
            + combine(["papéis", "papeis", "papel", "documentos", "documento"], ["de", "do", "da", "dos", "das", "para", "pelo"],
                      ["", "o", "a", "os", "meu", "minha", "meus"],
                      ["salário", "salario", "pagamento", "pagamentos", "contrato", "holerite", "recibo"])
            + combine(["papiers", "papier", "documents", "document"], ["pour", "de", "du", "des"],
                      ["", "mon", "ma", "mes", "le", "la", "les"],
                      ["salaire", "paie", "paye", "paiement", "contrat", "fiche de paie", "bulletin de salaire"])
            + combine(["papeles", "papel", "dokumento"], ["para sa", "ng", "sa"], [""],
                      ["sahod", "sweldo", "suweldo", "kontrata", "bayad"])
            + combine(["dokumen", "surat", "kertas"], ["", "untuk"], [""],
                      ["slip gaji", "gaji", "kontrak", "kontrak kerja", "pembayaran"])
            + ["papiers, ni bulletins", "papiers, ni fiches", "papiers, ni contrat", "papier : ni contrat",
               "papiers : ni contrat", "papier, ni contrat", "papeles, ni recibos", "papeles, ni contrato",
               "the papers say salary", "papers say my salary", "papers say salary"]
    }()
}
