/// The phrases that show each forced-labour indicator, in every language the firewall reads. The
/// pattern notation is the firewall lexicons' (folded, `*` for a prefix); `.blocker` phrases are
/// decoys that hide an indicator they overlap ("day off", "paid on time").
///
/// Two kinds of list: **phrases** (`I(.indicator, …)`), each of which shows its indicator alone, and
/// **roles** (`Role`), word classes that show an indicator only in pairs, in one sentence
/// (`IndicatorTagger.pairRules`): "salary" is no indicator and "nahi" is none, but "4 mahine ki
/// salary nahi di" is withholding of wages.
///
/// One file per language family (`IndicatorLexicon+<Family>.swift`) for the phrases, and one per
/// concern for the word classes every language shares (`+Freedom`, `+Hours`, `+Living`,
/// `+Recruitment`, `+Wages`, `+Documents`). Scripts without spaces (Thai, Khmer, Burmese, Chinese)
/// and Arabic are matched inside words, so their phrases are kept long enough not to occur inside
/// unrelated words.
///
/// Tuned first on the indicator labels of set f (`Tests/FirewallCorpus/narratives-f.jsonl`), then
/// on sets e, g, i and j after their first looks (issue 21); only set h, never opened while tuning,
/// measures it now (Docs/statistics.md).
enum IndicatorLexicon {
    static func I(_ indicator: ForcedLabourIndicator, _ patterns: String...) -> [LexiconEntry] {
        patterns.map { LexiconEntry(pattern: $0, cue: .indicator(indicator)) }
    }

    /// Word classes the pair and number rules of `IndicatorTagger` combine.
    enum Role: CaseIterable, Sendable {
        /// Salary, wages, pay, money.
        case wage
        /// Not paid, owed, withheld, deducted, pending: with a wage word, withholding of wages.
        case unpaid
        /// Passport, identity card, documents.
        case document
        /// Took, keeps, holds, confiscated, hid, won't return: with a document, retention; with a phone, isolation.
        case custody
        /// Phone, mobile.
        case phone
        /// Police, immigration, deportation, sending home.
        case enforcement
        /// Threat wording: "will", "if I complain", "says", "threatens".
        case threat
        /// An hours word right after a number ("16 hours", "18 ghante", "14 小時").
        case hours
        /// A number from twelve to twenty-four written as a word ("sixteen", "सोलह", "ষোলো", "十六"): with an
        /// hours word right after it, a long working day, like a written number.
        case longDayNumber
        /// Hospital, clinic, doctor: with `afraid`, abuse of vulnerability (she cannot get care).
        case care
        /// Afraid, cannot, does not dare.
        case afraid
        /// "My room", "into my room": with `night`, the visits the corpus reports as sexual violence.
        case room
        /// At night.
        case night
        /// An hours word the number follows ("පැය 18", "masaa 18"): Sinhala and Swahili order.
        case hoursBeforeNumber
        /// Not, no, never, without, not allowed, in languages that put it before or after what it denies
        /// ("wala", "tidak", "ไม่", "بدون"): with a rest day, a phone, going out or calling home, the
        /// thing denied.
        case denial
        /// A denial that comes before what it denies ("no day off", "sin día libre", "pas de repos"): a
        /// "no" after a rest day denies something else ("a day off but no pay").
        case denialBefore
        /// A denial that comes after what it denies ("chutti nahi", "ছুটি দেয় না", "leave illa").
        case denialAfter
        /// Calling, talking to or visiting someone: with a denial, isolation (unless the police).
        case contact
        /// Going out, leaving the house ("lumabas", "keluar", "salir", "bahar", "veliye", "ออก"):
        /// with a denial, restriction of movement.
        case goOut
        /// Firing her, throwing her out, sending her back: with a condition, a threat.
        case dismissal
        /// If, when, unless ("kapag", "kalau", "si", "agar", "bhane", "اذا", "ถ้า").
        case condition
        /// A day off, a rest day ("libur", "descanso", "folga", "chutti", "ছুটি", "วันหยุด", "اجازه"):
        /// with a denial, excessive overtime.
        case restDay
        /// Sleeping, a bed: with a bad place, abusive living conditions.
        case sleep
        /// The floor, the kitchen, a balcony, a storeroom, the laundry, a corridor, a garage.
        case badPlace
        /// Food, meals, eating.
        case food
        /// Only, once a day, leftovers, expired, not enough: with food, abusive living conditions.
        case scarcity
        /// An agent, agency, broker or the cost of her travel ("dalal", "calo", "仲介", "ticket").
        case recruiter
        /// Owing, deducting, charging, repaying: with a recruiter, debt bondage.
        case charge
        /// A night word after a clock hour ("11 at night", "jam 12 malam", "11h đêm").
        case nightAfterHour
        /// A night word before a clock hour ("raat 1 baje", "রাত ১টা", "ည ၁၂ နာရီ").
        case nightBeforeHour
        /// A morning word after a clock hour: 1 to 3 of them is the small hours ("jam 2 pagi").
        case morningAfterHour
        /// A late clock hour written as a word ("eleven", "once", "gyarah", "বারো").
        case lateHourWord
        /// Promised, agreed, the contract said ("bhaneko", "kiyala", "sonnanga", "وعد", "janji").
        case promise
        /// Not, instead of, in place of, between two amounts ("badala ya", "au lieu de").
        case contrast
        /// Her employer's relatives ("her mother", "his brother", "ibunya", "kapatid niya", "بنتها"):
        /// with a house or a business, work for another household.
        case employerKin
        /// A house, flat, shop, restaurant, office or farm.
        case workplace
        /// Once a month, one day a month: with a rest day, the only one she gets.
        case monthly
        /// Months or weeks ("4 months", "3 mash", "nelalu", "miezi", "werhi"): with a not-given word,
        /// pay withheld that long even when no wage word is written.
        case payPeriod
        /// Not given, not received, still owed, pending ("baki", "kodukala", "ivvaledu", "hin kaffalle",
        /// "haijalipwa", "ayhabetnin"): with a wage word or a pay period, withholding of wages.
        case notGiven
        /// Deducting, cutting, taking from her pay: with a recruiter, her recruitment debt repaid from
        /// her salary ("dalal protimase 50 dinar kete ney", "agency take 3 months salary").
        case deduction
        /// Stealing, a thief: with a threat or a condition, the accusation employers threaten workers with.
        case theft
        /// Locking, shutting in ("lock", "band kar", "tala", "يقفل", "fungia", "kunci", "encierra").
        case lock
        /// A door, gate, room or house: with a lock word, restriction of movement (not a passport locked
        /// in a safe).
        case confinePlace
        /// Permission, a permit to go out ("izin", "ruhusa", "ijazat", "permiso", "اذن"): with going
        /// out, restriction of movement.
        case permission
        /// What a deduction is said to be for ("for food", "for the room", "por alojamiento", "buat
        /// makan"): with a taking or deducting word, withholding of wages.
        case deductionReason
        /// A window, heating, electricity, a fan, a blanket: with a denial ("no window", "sans
        /// chauffage", "بلا مكيف"), abusive living conditions.
        case amenity
        /// Vacation, holidays ("vacaciones", "ferie", "Urlaub"): with a denial, excessive overtime, unless
        /// a wage word is beside it (holiday pay withheld is not a year without rest).
        case vacation
    }

    static let all: [LexiconEntry] = english + romance + austronesian + southAsian + arabic + mainlandSoutheastAsian
        + african + chinese + lateAndWeekPhrases

    static let roles: [Role: [String]] = {
        var r: [Role: [String]] = [:]
        for family in [careAndRoomRoles, englishRoles, romanceRoles, austronesianRoles, southAsianRoles, arabicRoles,
                       mainlandSoutheastAsianRoles, africanRoles, chineseRoles, freedomRoles, hoursRoles, livingRoles,
                       recruitmentRoles, otherHouseholdRoles, wageRoles, documentRoles,
                       confinementRoles, amenityRoles] {
            r.merge(family) { $0 + $1 }
        }
        return r
    }()

    /// Twelve to twenty-four (and "twenty-four"), in every language, for `Role.longDayNumber`.
    static let longDayNumbers: [String] = [
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "twenty-four",
        "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veinticuatro",
        "doze", "treze", "catorze", "quinze", "dezesseis", "dezasseis", "dezessete", "dezoito", "vinte", "vinte e quatro",
        "douze", "treize", "quatorze", "seize", "dix-sept", "dix-huit", "vingt", "dodici", "quattordici", "sedici", "diciotto",
        "labindalawa", "labing-apat", "labing apat", "labinlima", "labing-anim", "labing anim", "labimpito", "labing-walo",
        "labing walo", "dalawampu", "dua belas", "tiga belas", "empat belas", "lima belas", "enam belas", "tujuh belas",
        "delapan belas", "lapan belas", "sembilan belas", "dua puluh", "dua puluh empat",
        "बारह", "तेरह", "चौदह", "पंद्रह", "पन्द्रह", "सोलह", "सत्रह", "अठारह", "उन्नीस", "बीस", "चौबीस", "baarah", "barah",
        "chaudah", "pandrah", "solah", "satrah", "atharah", "athara", "bees", "chaubees",
        "بارہ", "تیرہ", "چودہ", "پندرہ", "سولہ", "سترہ", "اٹھارہ", "بیس", "چوبیس",
        "बाह्र", "तेह्र", "चौध", "पन्ध्र", "सोह्र", "सत्र", "अठार", "अठाह्र", "उन्नाइस", "चौबिस", "bahra", "chaudha",
        "pandhra", "sohra", "athaara",
        "বারো", "তেরো", "চোদ্দ", "চৌদ্দ", "পনেরো", "ষোলো", "ষোল", "সতেরো", "আঠারো", "উনিশ", "বিশ", "চব্বিশ", "baro",
        "choddo", "ponero", "sholo", "shotero", "atharo", "chobbish",
        "දොළහ", "දාහතර", "පහළොව", "දාසය", "දාහත", "දහඅට", "විස්ස", "දොලහ", "dolaha", "dahathara", "pahalowa",
        "dahasaya", "dahaata", "wissa",
        "பன்னிரண்டு", "பதினான்கு", "பதினைந்து", "பதினாறு", "பதினேழு", "பதினெட்டு", "இருபது", "pathinaaru",
        "pathinettu", "pannendu", "irupathu",
        "اثنعش", "ثنعش", "اربعتعش", "اربعطعش", "خمستعش", "ستعش", "سطعش", "سبعتعش", "ثمنتعش", "عشرين", "اثنتي عشره",
        "اثني عشر", "اربع عشره", "خمس عشره", "ست عشره", "ثماني عشره", "tna3sh", "arba3ta3sh", "sitta3sh", "tmanta3sh",
        "สิบสอง", "สิบสี่", "สิบห้า", "สิบหก", "สิบเจ็ด", "สิบแปด", "ยี่สิบ",
        "ដប់ពីរ", "ដប់បួន", "ដប់ប្រាំ", "ដប់ប្រាំមួយ", "ដប់ប្រាំពីរ", "ដប់ប្រាំបី", "ម្ភៃ",
        "ဆယ့်နှစ်", "ဆယ့်လေး", "ဆယ့်ငါး", "ဆယ့်ခြောက်", "ဆယ့်ခုနစ်", "ဆယ့်ရှစ်", "နှစ်ဆယ်",
        "muoi hai", "muoi bon", "muoi lam", "muoi sau", "muoi bay", "muoi tam", "hai muoi",
        "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
        "አስራ ሁለት", "አስራ አራት", "አስራ አምስት", "አስራ ስድስት", "አስራ ሰባት", "አስራ ስምንት", "ሃያ", "asra hulet",
        "asra arat", "asra sidist", "asra sint",
    ]

    /// Care and fear, room and night, in every language: `Role.care`, `.afraid`, `.room`, `.night`.
    static let careAndRoomRoles: [Role: [String]] = [
        .care: ["hospital", "clinic", "doctor", "ospital", "doktor", "klinik", "rumah sakit", "hospitali", "hospitalini",
                "daktari", "medico", "hospital", "clinica", "hopital", "medecin", "ospedale", "medico", "mustashfa",
                "المستشفى", "مستشفى", "المستشفي", "الطبيب", "طبيب", "الدكتور", "دكتور", "عالمستشفى",
                "अस्पताल", "डॉक्टर", "डाक्टर", "हस्पताल", "ہسپتال", "اسپتال", "ڈاکٹر", "aspatal", "hospital", "daktar",
                "হাসপাতাল", "ডাক্তার", "ඉස්පිරිතාල", "රෝහල", "දොස්තර", "வைத்தியசாலை", "மருத்துவமனை", "ஆஸ்பத்திரி",
                "டாக்டர்", "โรงพยาบาล", "หมอ", "医院", "醫院", "看病", "看医生", "看醫生", "benh vien", "bac si",
                "មន្ទីរពេទ្យ", "ពេទ្យ", "ဆေးရုံ", "ဆရာဝန်", "ሆስፒታል", "ሐኪም", "ክሊኒክ"],
        .afraid: ["afraid", "scared", "cannot", "can't", "cant", "can not", "don't dare", "dont dare", "takot", "hindi makapunta",
                  "di makapunta", "takut", "tidak berani", "tak berani", "gak berani", "miedo", "no puedo", "no voy", "medo",
                  "nao posso", "peur", "je ne peux pas", "paura", "non posso", "اخاف", "خايفه", "خايف", "ما اقدر", "ما بقدر",
                  "لا استطيع", "ما اتجرا", "डर", "नहीं जा सकती", "नहीं जा सकता", "dar", "darr", "nahi ja sakti", "ڈر",
                  "نہیں جا سکتی", "سکتی", "सक्दिन", "जान सक्दिन", "डराउँछु", "ভয়", "পারি না", "පුළුවන් නෑ", "බය", "බෑ",
                  "බැහැ", "பயம", "பயமா", "முடியாது", "ไม่กล้า", "กลัว", "不敢", "怕", "so di", "khong dam", "ko dam",
                  "ខ្លាច", "មិនហ៊ាន", "မသွားရဲ", "ကြောက်", "አልችልም", "እፈራለሁ", "naogopa", "ninaogopa", "siwezi"],
        .room: ["my room", "her room", "into my room", "to my room", "kwarto ko", "kuwarto ko", "kamar saya", "kamarku",
                "kamar aku", "bilik saya", "mi cuarto", "mi habitacion", "ma chambre", "meu quarto", "غرفتي", "غرفتها",
                "mere kamre", "mere kamra", "मेरे कमरे", "میرے کمرے", "मेरो कोठा", "कोठामा", "kotha ma",
                "আমার ঘরে", "আমার রুমে", "මගේ කාමර", "කාමරේට", "කාමරයට", "kamareta", "kamarayata", "என் அறை",
                "என் அறைக்கு", "அறைக்குள்", "ห้องฉัน", "ห้องหนู", "ห้องนอนฉัน", "ห้องนอนหนู", "我的房间", "我的房間", "我房间",
                "我房間", "phong toi", "phong em", "បន្ទប់ខ្ញុំ", "អခန်း", "အခန်းထဲ", "ክፍሌ", "chumbani kwangu", "chumbani"],
        .night: ["at night", "night", "gabi", "malam", "noche", "la nuit", "noite", "notte", "بالليل", "الليل", "ليلا",
                 "raat", "रात", "رات", "राति", "रातमा", "রাতে", "রাত", "රෑට", "රෑ", "ராத்திரி", "இரவில்", "இரவு",
                 "กลางคืน", "ตอนดึก", "晚上", "夜里", "夜裡", "半夜", "ban dem", "dem", "ពេលយប់", "យប់", "ညဘက်",
                 "ညည", "ማታ", "ሌሊት", "usiku"],
    ]

    static let englishRoles: [Role: [String]] = [
        .longDayNumber: longDayNumbers,
        .hoursBeforeNumber: ["පැය", "paya", "peya", "masaa"],
        .wage: ["salary", "salery", "sallary", "salry", "salar", "wage", "wages", "pay", "payment", "paid", "money"],
        .unpaid: ["not", "never", "didn't", "didnt", "did not", "don't", "dont", "doesn't", "doesnt", "hasn't", "hasnt",
                  "haven't", "havent", "won't", "wont", "owe*", "withh*", "delay*", "pending", "deduct*", "yet",
                  "irregular*", "cut*"],
        .document: ["passport", "pasport", "passprt", "paspor", "id", "id card", "ic", "documents", "document",
                    "papers", "identity card", "travel document*", "residence card"],
        .custody: ["sottratto", "tolto", "bhenge", "bhange", "ভেঙে", "le leti", "le leta", "le lete", "wesida",
                   "wesidu", "aragena", "අරගෙන", "ተወስዷ*", "*ተወስዷ", "took", "retain*", "still with", "is with",
                   "are with", "with madame", "with sir", "with the office", "in their office", "in his office", "take",
                   "taken", "takes", "taking", "keep", "keeps", "kept", "keeping", "hold", "holds",
                   "held", "holding", "confiscat*", "seize*", "hid", "hide*", "hidden", "locked away", "locks away",
                   "won't give", "wont give", "not give", "not return*", "never return*", "refuses to return", "refused to return",
                   "with her", "with him", "with the employer", "with my employer", "with the agency", "with madam",
                   "with the agent", "in her locker", "in his safe", "snatch*", "grab*", "removed my"],
        .phone: ["telefoney", "telefone", "telefono", "ስልኳ*", "*ስልኳ", "ስልክ*", "phone", "mobile", "cellphone",
                 "cell phone", "handphone", "smartphone", "sim card", "sim"],
        .enforcement: ["cops", "the cops", "arrest*", "lindela", "depot", "1345", "the van", "inm",
                       "estacion migratoria", "migracion", "tam ruat", "jingcha", "baojing", "ارحل", "رحلك", "polis",
                       "police", "home office", "immigration office", "deportation", "police", "huroob", "absconding",
                       "runaway", "ice", "lmra", "labour department", "labor department", "polis", "immigration",
                       "immigrations", "deport*", "jail", "prison",
                       "send me back", "send me home", "sent back"],
        .threat: ["yilekugnal", "yilekunal", "tha nung", "nung hav", "nwng hav", "niyeay tha", "kaw mal", "set mal",
                  "mal", "jiu", "me van a", "te van a", "van a llevar", "yibleni", "yibla", "will", "would", "'ll",
                  "gonna", "going to", "threat*", "warn*", "if i", "if you", "unless",
                  "says", "said", "say"],
        .hours: ["hours", "hrs", "hr", "hour", "*h", "*hrs", "*hours", "hours/day", "hrs/day"],
    ]

    static let english: [LexiconEntry] = [
        I(.withholdingOfWages, "docked", "docks", "paid for only", "paid only for", "paid me nothing",
          "pays me nothing", "pay me nothing", "paid nothing", "only got money", "only got paid", "when she remembers",
          "when they remember", "when he remembers", "quando ela se lembra", "cuando se acuerda", "quand elle y pense",
          "jamais ete paye*", "mei fa gongzi",
          "not paid", "not pay", "not on time", "not paid on time", "never on time", "against the", "without paying",
          "take back", "took back", "less than my contract", "less than minimum",
          "less than the minimum wage", "for rent", "into her own account", "into his own account", "did not return", "not paying", "dont pay", "don't pay", "didn't pay", "didnt pay",
          "did not pay", "never paid", "never pay*", "not pay me", "not paying me", "didn't pay me", "didnt pay me", "give only", "gives only",
          "but contract", "but the contract", "but my contract", "but contract say", "cannot access", "not to me", "after that nothing",
          "nothing until now", "not paid extra", "without extra pay", "no extra pay", "not been paid", "haven't been paid", "havent been paid",
          "hasn't paid", "hasnt paid", "has not paid", "have not paid", "not give my salary", "not giving my salary",
          "no salary", "no pay", "no wages", "without pay", "without salary", "unpaid", "owe me", "owes me",
          "owed me", "salary delayed", "delayed salary", "late salary", "salary is late", "withheld", "withhold*",
          "keeps my salary", "kept my salary", "keep my salary", "keep my pay", "keeps my pay", "keeps the rest",
          "kept the rest", "half salary", "half my salary", "only paid", "pay only", "paid only", "pays only",
          "only pay", "only pays", "only give", "only gives", "take all my salary", "took my salary", "takes my salary",
          "deduct*", "cut my salary", "cuts my salary", "salary cut", "pay cut", "back pay", "arrears",
          "not received my salary", "didn't receive", "did not receive", "never received", "never receive",
          "paid irregularly", "irregular salary", "instead of", "less than agreed", "less than the agreed",
          "less than promised", "pocket money", "months without pay", "months unpaid", "wage theft", "underpa*",
          "not paid overtime", "no overtime pay", "salary not", "still not pay", "still not paid", "not yet paid",
          "not give salary", "never give salary", "refuse to pay", "refuses to pay", "refused to pay"),
        I(.excessiveOvertime, "7 days", "seven days", "monday to sunday", "no lunch", "no lunch break", "without lunch",
          "on call", "all night", "whole night", "the whole night", "night and day", "until they sleep",
          "until they go to bed", "until they went to bed", "until the kids sleep", "until the children sleep",
          "until everyone sleeps", "last child sleeps", "work in another house", "work at another house",
          "clean another house", "her restaurant", "his restaurant", "their restaurant", "her shop", "his shop",
          "their shop", "her office", "his office", "their office", "her salon", "his farm", "her business",
          "his business", "their business", "family business", "home business", "family factory", "breakfast shop",
          "statutory holidays", "no statutory", "till 3am", "until 3am", "to 3am", "at 3am", "till 2am", "till 1am",
          "till midnight", "past midnight", "after midnight",
          "no day off", "to 1 night", "1 night", "11 night", "to 1am", "to 2am", "until 1am", "until 2am", "no sleep",
          "not give me sleep",
          "sleep more than", "not had a day off", "not had any day off", "not had any rest day", "not had a rest day",
          "not given rest day",
          "not given a rest day", "not given day off", "not given any day off", "never give me off", "never give me day off",
          "never given a day off", "not give me off", "not give me day off", "without a single", "without a rest day",
          "without rest day", "without any rest", "no single day off", "not one day off", "12 night", "until 12 night",
          "to 10pm", "until 10pm", "to 10 pm", "to 11pm", "until 11pm", "hours of sleep", "no off", "7 days no", "7 days,",
          "work 7 days", "working 7 days", "7 days a wk", "no statutory holiday", "no annual leave", "without annual leave",
          "not give me statutory", "around the clock", "including nights", "cook for her parents", "no day-off", "no dayoff", "no days off", "no off day", "no offday",
          "no rest day", "no rest days", "no weekly rest", "no weekly day off", "no holiday", "no holidays",
          "no rest", "no break", "no breaks", "without rest", "without a break", "without break",
          "without a day off", "without day off", "without any day off", "never rest", "never a day off",
          "not even one day off", "not given a day off", "not allowed a day off", "no time to rest", "no time to sleep",
          "7 days a week", "seven days a week", "everyday no rest", "every day no rest", "24 hours",
          "24/7", "24 7", "round the clock", "all day and night", "day and night", "morning till night",
          "morning to night", "morning until night", "until midnight", "till midnight", "til midnight",
          "to midnight", "midnight", "midnite", "mid night", "11pm", "11 pm", "12am", "12 am", "1am", "1 am",
          "2am", "2 am",  "late at night", "late night",
          "one rest day per month", "one day off a month", "one day off per month", "1 day off a month",
          "day off once a month", "once a month day off", "only one day off", "rest day once a month",
          "overtime", "over time", "2 houses", "3 houses", "4 houses", "two houses", "three houses",
          "four houses", "many houses", "two families", "three families",  "her relatives",
          "his relatives", "her cousins", "her sister's house", "her mother's house", "sleep only",
          "only sleep", "4 hours sleep", "5 hours sleep", "work all day", "work nonstop", "non stop", "nonstop",
          "twelve hours", "fourteen hours", "fifteen hours", "sixteen hours", "seventeen hours", "eighteen hours",
          "nineteen hours", "twenty hours"),
        I(.physicalSexualViolence, "burn my", "burn marks", "burn mark", "burns on", "hit my", "hits my", "pukul aku",
          "pukul ak", "kena pukul", "pukul dgn", "pukul pakai", "poussee", "m'a poussee", "m'a pousse", "bousculee",
          "piteko", "pitai", "pitaai", "adichaar", "adichan", "adichaaru", "adikkiraan", "adikiran", "haath lagata",
          "haath lagaya", "haath lagati", "haath uthaya", "haath uthata", "haath uthati", "garam chamcha",
          "garam chammach", "garam pani", "daaga", "daag diya", "alichomwa", "ananichoma", "kuchomwa", "kwa pasi",
          "reebdi", "na reeba", "reebame", "ti khoy", "ti khoi", "kottadu", "kodtadu", "kottindi", "*bugbog", "danh e",
          "bam tim", "gahanna", "vay neang", "veay neang", "alinichapa", "ananichapa", "metachign", "metachegn",
          "temetach*",
          "beat me", "beatings", "beating", "beaten up", "beats me", "beating me", "beaten", "beat her", "beats her",
          "hit me",
          "hits me", "hitting me", "hit her", "hits her", "slap*", "kick*", "punch*", "pinch*", "pull my hair",
          "pulled my hair", "pulls my hair", "pulled her hair", "burned me", "burnt me", "burns me", "burn me", "burnt my", "burned my", "burns my",
          "burnt her", "burned her", "rape*", "touch me", "touched me", "touches me", "touching me", "touched her",
          "touches her", "inappropriately", "sexual*", "molest*", "grope*", "groping", "harass*", "abused me",
          "abuses me", "abusing me", "physical abuse", "physically", "hurt me", "hurts me", "hurting me", "pushed me", "pushes me", "push me", "pushing me",
          "pushed her", "threw", "throws things", "throw things", "choke*", "strangl*", "bruise*", "injur*",
          "wound*", "bleed*", "bleeding", "broke my", "broken arm", "broken finger", "bite me", "bit me",
          "spit on", "violence", "violent", "assault*", "with a stick", "with slipper", "with a slipper",
          "with a belt", "with the iron", "with an iron", "with hot water", "comes to my room", "come to my room",
          "came to my room", "enters my room", "entered my room", "into my room at night", "in my room at night",
          "to my room at night", "forced himself", "forced me to sleep with", "kiss me", "kissed me"),
        I(.restrictionOfMovement, "keep me in house", "keep me in the house", "keeps me in the house",
          "kept me in the house", "locked in when", "locked in whenever", "locked in every", "locked in for",
          "door was always locked", "door is always locked", "curfew", "for every outing", "jumped from", "to escape",
          "climbed out", "cannot leave until", "can't leave until", "not leave until", "not let me go home",
          "dont let me go home", "don't let me go home",
          "lock me", "locked me", "locks me", "locking me",  "locked inside",
          "locks the door", "locked the door", "locks the gate", "locked the gate", "lock the gate", "lock the door",
          "cannot go out", "can't go out", "cant go out", "can not go out", "cannot go outside", "can't go outside",
          "not allowed to go out", "not allowed out", "not allowed outside", "not allowed to leave",
          "never allowed to go out", "never allowed out", "not allowed to go outside", "cannot leave",
          "can't leave", "cant leave", "not let me out", "not let me go out", "not let me leave", "doesn't let me leave", "doesnt let me leave", "does not let me leave", "don't let me leave",
          "dont let me leave", "never let me leave", "must come back", "have to come back by", "not allowed to leave the house",
          "doesn't let me go out", "doesnt let me go out", "don't let me go out", "dont let me go out",
          "never let me out", "never let me go out", "won't let me go out", "wont let me go out",
          "won't let me leave", "wont let me leave", "confine*", "trapped", "kept inside", "keep me inside",
          "keeps me inside", "stay inside", "never go out", "never went out", "permission to go out",
          "permit to go out", "not allowed to go", "no permission to go out", "cannot step out", "prisoner",
          "like a prison", "like prison", "only once in"),
        I(.isolation, "don't know anyone", "do not know anyone", "dont know anyone", "don't know anybody",
          "know no one", "check my phone", "checks my phone", "checked my phone", "reads my messages",
          "nao conheco ninguem", "je ne connais personne", "walang kakilala", "tidak kenal siapa", "tak kenal sesiapa",
          "kisi ko nahi jaanti", "keu ke chini na",
          "take my phone", "took my phone", "takes my phone", "taken my phone", "took her phone",
          "no phone", "without phone", "without a phone", "no mobile", "cannot call my family", "can't call my family",
          "cant call my family", "cannot call home", "can't call home", "not allowed to call", "not allowed to talk",
          "not allowed to speak", "not allowed to use phone", "not allowed to use my phone",
          "not allowed to use the phone", "not allowed to use her phone", "not allowed to have a phone",
          "not allowed to contact", "not allowed to meet", "not allowed to have friends", "no contact",
          "cannot contact", "can't contact", "cant contact", "no internet", "no wifi", "no wi-fi",
          "cut off from", "alone in the house", "isolated", "isolation", "don't know where i am",
          "dont know where i am", "don't know the address", "dont know the address", "cannot talk to my family",
          "can't talk to my family", "cannot speak to anyone", "not allowed to speak to", "no one to talk",
          "don't let me call", "dont let me call", "doesn't let me call", "won't let me call", "don't let me use",
          "dont let me use", "doesn't let me use", "hides my phone", "hid my phone", "broke my phone",
          "smashed my phone"),
        I(.intimidationThreats, "knows where", "same will happen to me", "same thing will happen", "lose everything",
          "perde tudo", "call the van", "accuse me of stealing", "accused me of stealing", "say i stole",
          "says i stole", "said i stole", "tell the police i stole", "theft complaint", "file theft",
          "threat*", "will call the police", "will call police", "call the police on",
          "will report me", "report me to", "will call immigration", "call immigration", "call ice", "call the ice", "blacklist*", "put me in prison", "put me in jail",
          "send me to jail", "send me to prison", "bring police", "bring the police", "fire me", "terminate me if", "report me", "will deport",
          "deport me", "get me deported", "have me deported", "send me back", "send me home", "will send me",
          "will kill", "kill me", "shout*", "yell*", "scream*", "insult*", "curse*", "cursing", "scold*",
          "verbal abuse", "verbally", "bad words", "call me names", "calls me names", "calls me stupid",
          "called me stupid", "stupid", "donkey", "animal", "haramiya", "harami", "says she will", "says he will",
          "if i complain", "if i leave", "if i run", "if i tell", "if i go to", "if i report", "warned me",
          "warns me", "blackmail*", "tell the police", "intimidat*", "humiliat*", "frighten*", "make me afraid",
          "angry at me", "scream at me"),
        I(.retentionOfIdentityDocuments, "keep my passport", "keeps my passport", "kept my passport",
          "keeping my passport", "took my passport", "take my passport", "takes my passport", "taken my passport",
          "has my passport", "holds my passport", "holding my passport", "held my passport",
          "passport held", "passport is with", "passport is still with", "still with madam", "still with the employer", "retained her passport",
          "retained my passport", "retains my passport", "retained the passport", "passport with", "passport kept", "passport taken",
          "passport confiscated", "confiscat*", "keep my pasport", "keep my documents", "took my documents",
          "keeps my documents", "kept my documents", "keep my papers", "keeps my papers", "took my papers",
          "kept my papers", "took my id", "keeps my id", "kept my id", "my passport with", "won't give back my passport",
          "wont give back my passport", "not give my passport", "not give back my passport",
          "not return my passport", "refuses to return", "refused to return", "never returned my passport",
          "for safekeeping", "safe keeping", "in her locker", "in his safe", "in the safe", "without my passport",
          "no access to my passport", "passport back"),
        I(.debtBondage, "borrow*", "lender", "moneylender", "to give back my passport", "to get my passport back",
          "to get back my passport", "pay to get", "for free", "years for free", "prestamista", "usurero",
          "debt", "debts", "loan", "loans", "pay back", "paying back", "repay*", "salary deduction for agency",
          "agency fee", "visa processing", "for visa processing", "pay agency", "paid agency", "take from me for the job", "from me for the job", "agency fees", "placement fee", "placement fees", "recruitment fee", "recruitment fees",
          "processing fee", "training fee", "medical fee", "visa fee", "agent fee", "fee", "fees", "owe the agency",
          "owe the agent", "owe my agent", "owe my employer", "work for free until", "until i pay",
          "until i finish paying", "work off", "months of my salary", "months salary as",
          "for the agency", "to the agency", "for the agent", "to pay the agency", "paid the agent",
          "paid the agency", "charged me", "charge me", "brokerage", "pay for my ticket", "pay my ticket",
          "cost of my ticket"),
        I(.deception, "signed whatever", "sign whatever", "without reading", "never saw the contract",
          "did not see the contract", "didn't see the contract", "didnt see the contract", "was told this job",
          "told me the job", "told me it was", "said the job", "caregiver job only", "babysitting only",
          "only house work", "only housework", "recruited for a", "recruited as a", "kumbe", "ternyata", "resulta que",
          "me dijeron que era", "me dijeron que iba", "disseram que era", "on m'avait dit", "m'avait promis",
          "ibinenta ako", "aayusin daw", "kaam milega par", "milega par", "milega lekin", "er kotha bole", "kotha bole",
          "nu sonnaru", "nu sonnanga", "agent sonnaru", "結果只", "结果只", "說好的", "说好的", "half of what", "half what",
          "del sueldo acordado", "sueldo acordado", "run with my money", "ran away with my money",
          "ran off with my money", "kontrak tertulis", "contract says", "contract say", "transferred me",
          "without asking me", "without my consent", "sin mi consentimiento", "sin preguntarme",
          "promised", "changed my contract", "changed the contract", "contract changed", "new contract reducing",
          "sold my contract",
          "sold me", "could not read", "couldn't read", "promise me", "promised me", "promise*", "told me it would be", "different job",
          "not the job", "another job", "different work", "different employer", "different country", "lied", "lies",
          "liar", "cheated", "cheat", "tricked", "trick", "fake contract", "fake job", "fake", "contract said",
          "like contract", "not like contract", "different from contract", "different from the contract",
          "not in the contract", "not in my contract", "agent promise", "instead of agreed", "instead of the agreed",
          "the agreed", "agreed salary", "supposed to be", "was supposed", "were supposed", "told me the salary",
          "told me salary", "made me sign", "make me sign", "sign papers", "signed papers", "didn't understand",
          "did not understand", "in arabic and", "said she will fix", "say she fix", "but nothing", "never happened",
          "misled", "mislead*", "deceiv*", "deception", "not what", "contract substitution", "new contract",
          "second contract"),
        I(.abusiveWorkingLivingConditions, "no light", "without light", "no electricity", "in one room",
          "people in one room", "8 people", "not allowed to use the bathroom",
          "not allowed to use the family's bathroom", "not allowed to use the toilet",
          "not allowed to use their bathroom", "refuses breaks", "refused breaks", "back pain", "no lunch",
          "without window", "sans fenetre", "sem janela", "bila dirisha", "tanpa jendela", "chumba kimoja",
          "kwa chumba kimoja", "sans lumiere",
          "sleep in the kitchen", "sleep on floor", "sleeping on floor", "sleep on the ground", "eats once a day",
          "eat once a day",
          "from their plates", "after they finish", "not eat properly", "only rice", "no food allowance", "shares a room with", "with the dog",
          "with the family dog", "not take me to hospital", "refused to take me to hospital", "no medical treatment", "sleeps in the kitchen", "sleeping in the kitchen", "slept in the kitchen",
          "sleeps on the floor", "sleeping on the floor", "slept on the floor", "sleeps in the living room", "sleeps in the laundry",
          "sleep in balcony", "sleep on balcony", "basement", "no heat", "no heating", "windowless", "mattress in the kitchen",
          "sleep on a mattress", "expired food", "expire food", "expired bread", "expire bread", "spoiled food", "rotten food",
          "not feed me", "they not feed", "doesn't feed me", "not let me eat", "does not let me eat", "one meal a day",
          "what is left", "left from the", "restricted to rice", "cctv in the bathroom", "permission to go toilet",
          "permission to go to the toilet", "cut my hair", "as punishment", "sleep on the floor", "sleep in the store",
          "sleep in the laundry", "sleep in the bathroom", "sleep in the living room", "sleep on the balcony",
          "sleep in the hallway", "sleep on the kitchen floor", "kitchen floor", "laundry room", "store room",
          "storeroom", "storage room", "no food", "not enough food", "leftover*", "left over", "no bed", "no mattress",
          "no window", "no windows", "no ac", "no aircon", "no air con", "no air-con", "no fan", "bathroom floor",
          "little food", "only bread", "only rice", "one meal", "hungry", "hunger", "starv*", "no room", "no own room",
          "no privacy", "balcony", "no toilet", "no water", "no medical", "no medicine", "sick but", "even when sick",
          "even when i am sick",  "don't give me food", "dont give me food", "doesn't give me food",
          "not give me food", "does not feed", "doesn't feed", "dont feed", "don't feed", "not fed",
          "kicked me out", "kicked out", "nowhere to sleep", "no place to sleep", "dangerous", "chemicals",
          "without gloves", "no rest when sick", "no health insurance",
          "no insurance"),
        I(.abuseOfVulnerability, "no one will", "nobody will", "nobody would", "no one would", "no one hire",
          "no other family", "no other employer", "people like you", "someone like me", "someone like you",
          "someone like her", "a woman like you", "lucky she", "lucky he", "lucky they", "we are lucky",
          "lucky to have", "should be thankful", "should be grateful", "be grateful", "be thankful",
          "take what she give", "take what he give", "take whatever", "nothing without her", "i am nothing",
          "you are nothing", "she knows", "he knows", "they know", "she know", "madam know", "keep quiet",
          "keeps quiet", "stay quiet", "tskuti", "because i pregnant", "because i am pregnant", "bcoz i pregnant",
          "pregnant", "newly arrived", "just arrived", "first time abroad", "no one to turn to",
          "because i have no", "because i am alone", "she knows i", "he knows i", "they know i",
          "knows i cannot", "knows i can't", "knows i cant", "take advantage", "taking advantage", "no one to help",
          "nowhere to go", "nowhere else to go", "cannot go to the hospital", "can't go to the hospital",
          "cannot go to hospital", "cannot go hospital", "can't go hospital", "cant go hospital", "scare me", "to scare", "can't go to hospital", "cannot go to the clinic", "can't go to the clinic",
          "cannot go to the doctor", "can't go to the doctor", "afraid to go to", "scared to go to",
          "afraid to complain", "afraid to say", "scared to say", "afraid to report", "scared to go", "afraid to go", "cannot go to police",
          "can't go to police", "cannot go to the police", "can't go to the police", "cannot go anywhere", "can't go anywhere", "pays me what she wants",
          "the family knows", "lucky he didn't", "lucky she didn't", "scared to complain", "too afraid", "i am hiding", "im hiding", "i'm hiding",
          "hiding", "hide me", "hides me", "hid me", "in hiding", "detention", "detained", "arrested",
          "fears the same", "fear the same", "same thing will happen", "cannot complain", "can't complain",
          "cannot claim", "can't claim", "cant claim", "cannot report", "can't report", "no one will believe",
          "i have nothing", "nothing in my name", "less than half", "less than the minimum", "below minimum",
          "don't speak", "dont speak", "cannot read", "can't read", "alone here", "i am alone", "no family here",
          "alone in this country"),
        L(.blocker, "never hit me", "never hits me", "never hit", "never beat me", "never beats me", "never beaten",
          "has never hit", "did not hit me", "didn't hit me", "didnt hit me", "does not hit me", "doesn't hit me",
          "doesnt hit me", "don't hit me", "never slapped", "never touched me", "no one hits me", "nobody hits me",
          "nunca me pega", "nunca me pego", "no me ha pegado", "nao me bate", "nunca me bateu", "ne me frappe pas",
          "ne m'a jamais frappee", "hindi ako sinasaktan", "hindi ako binubugbog", "hindi niya ako sinaktan",
          "tidak pernah memukul", "tidak pernah dipukul", "tak pernah pukul", "nahi maarti", "kabhi nahi maara",
          "passport is with me", "my passport with me", "passport with me", "i have my passport", "i keep my passport",
          "pasaporte lo tengo yo", "pasaporte conmigo", "helped me get my passport back", "got my passport back",
          "gave me my passport back", "returned my passport", "owe nothing", "i owe nothing", "don't owe", "do not owe",
          "dont owe",
          "day off is", "always paid on time", "she pays on time", "he pays on time", "they pay on time",
          "salary is paid on time", "paid on time every", "always pays on time", "paid in full", "pays in full",
          "paid every month", "no debt", "no loan", "no problem with my salary", "salary is ok", "salary is fine",
          "not afraid", "no threat", "i am not hiding", "every sunday off", "off every sunday",
          "fee paid by employer", "no fees", "no fee", "free of charge", "my own phone", "kept in touch",
          "immigration service", "immigration services", "immigration consultancy", "immigration consultant*",
          "immigration agency", "immigration and manpower", "immigration & manpower", "manpower immigration",
          "imigrasyon services", "migration services", "immigration servis", "immigration service ltd"),
        L(.blocker, "dai loan", "tarjeta de debito", "visa de debito", "carte de debit"),
        L(.blocker, "not afraid to", "not afraid to say", "not afraid to complain", "not afraid to report",
          "not afraid to go", "am not afraid", "no tengo miedo de", "tidak takut"),
    ].flatMap { $0 }
}
