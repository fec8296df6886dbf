/// Rest days and clock hours in every language: the word classes of the overtime rules. A rest day
/// with a denial ("walang day off", "tidak dikasih libur", "sin día libre", "छुट्टी नहीं", "ছুটি
/// দেয় না", "ไม่มีวันหยุด", "بدون اجازه") is excessive overtime (`IndicatorTagger.pairRules`); the
/// night and morning words place a clock hour ("11 de la noche", "raat 2 baje", "jam 1 pagi") for
/// `IndicatorTagger.showsLateOrLongHours`.
extension IndicatorLexicon {
    static let hoursRoles: [Role: [String]] = [
        .restDay: ["a nar", "anar", "preian", "prei", "siku ya kupumzika", "siku ya mapumziko", "ມື້ພັກ", "ວັນພັກ", "leave ae", "leave e",
            "leave-ae", "휴무", "休み", "休日", "dia de descanso", "un dia de descanso", "ngay nghi nao",
            "nghi ngay nao", "chhutti ko din", "ছুটির দিন", "nivaduwak", "නිවාඩුවක්", "விடுப்பு", "ഒഴിവ്",
            "day off", "days off", "dayoff", "day-off", "off day", "offday", "off-day", "rest day", "rest days",
            "restday",
            "rest-day", "rd", "weekly rest", "weekly off", "time to rest", "rest time", "sunday off", "weekend off",
            "free day", "holiday", "holidays", "statutory holiday*", "annual leave", "ruhetag", "freier tag",
            "pahinga", "libur", "hari libur", "cuti", "rehat", "hari rehat", "istirahat",
            "dia libre", "dias libres", "descanso", "descansar", "franco", "dia de salida", "folga", "folgas",
            "dia de folga", "repos", "jour de repos", "conge", "conges", "jour off", "jour libre", "riposo",
            "giorno libero",
            "chutti", "chhutti", "chhuti", "chuti", "chhuttee", "छुट्टी", "چھٹی", "aaram", "आराम", "آرام", "bida",
            "बिदा", "bida din", "ছুটি", "නිවාඩු", "niwadu", "nivadu", "niwaadu", "ஓய்வு", "விடுமுறை", "oyvu", "oivu",
            "leave illa", "leave kidaiyathu", "leave kidaiyaathu", "selavu", "సెలవు", "avadhi", "ozhivu", "ലീവ്",
            "วันหยุด", "หยุด", "wan yut", "wan yood", "wan yud", "ថ្ងៃឈប់", "ឈប់សម្រាក", "thngai chhop",
            "thngai chhob", "thngai samrak", "ပိတ်ရက်", "နားရက်", "အနားယူ", "pate yet", "peik yet", "na yet", "nar yet",
            "ngay nghi", "ngay off", "nghi ngoi", "nghi phep", "cho nghi", "duoc nghi", "休假", "放假", "假期", "休息",
            "假日", "휴일", "휴가", "쉬는", "اجازه", "عطله", "راحه", "يوم راحه", "اوف", "ijaza", "ejaza", "3otla",
            "ra7a", "ዕረፍት", "እረፍት", "erft", "ereft", "erefit", "mapumziko", "kupumzika", "likizo", "boqonnaa",
        ],
        // Paid leave said as a holiday: denied, a year without rest, unless it is the holiday pay that
        // is denied ("not pay my vacation", "sem férias" with a salary beside it).
        .vacation: ["vacation", "vacations", "vacaciones", "ferie", "urlaub", "bakasyon", "bakasyon ko"],
        .nightAfterHour: [
            "night", "at night", "nite", "midnite", "malam", "mlm", "mlam", "noche", "noite", "nuit", "soir", "notte",
            "gabi", "yup", "yub", "yop", "យប់", "dem", "khuya", "lil", "leil", "lel", "layl", "bel leil",
            "bil leil", "بالليل", "الليل", "في الليل", "usiku", "ሌሊት", "ማታ", "밤", "夜",
        ],
        .nightBeforeHour: [
            "raat", "rat", "rati", "raati", "ratri", "raatri", "রাত", "রাতে", "रात", "राति", "रातको", "رات", "රෑ",
            "raa",
            "ராத்திரி", "இரவு", "iravu", "raathri", "rathri", "raatri", "ratre", "राती", "রাত্রি", "രാത്രി", "rathiri", "raathiri", "ည", "晚上", "夜晚", "凌晨", "半夜", "夜里", "夜裡", "밤",
            "ሌሊት", "ከሌሊቱ", "leilit", "lelit", "halkan",
        ],
        .morningAfterHour: [
            "pagi", "dini hari", "subuh", "de la manana", "de la madrugada", "madrugada", "da manha", "da madrugada",
            "du matin", "in the morning", "sang", "madaling araw", "ng madaling araw", "fajr", "el fajr",
        ],
        .lateHourWord: [
            "ten", "eleven", "twelve", "diez", "once", "doce", "dez", "onze", "doze", "dix", "douze", "dieci", "undici",
            "dodici", "alas diyes", "alas onse", "alas dose", "sepuluh", "sebelas", "dua belas", "gyarah", "gyara",
            "barah", "baara", "ग्यारह", "बारह", "گیارہ", "بارہ", "egaro", "এগারো", "বারো", "দুইটা", "দুটো", "তিনটা",
            "एघार", "बाह्र", "दुई बजे",
        ],
        .hours: ["ghnte", "ghante", "gantalu", "ganta", "gantala", "manikkoor", "manikkur", "mani neram", "மணி நேர",
                 "chuamong", "시간", "時間", "se'at"],
    ]
}

extension IndicatorLexicon {
    /// Her employer's relatives and the places they make her work too ("his brother house too",
    /// "rumah ibunya juga", "bahay ng kapatid niya", "بيت اهله"), and the words that put her only rest
    /// day at once a month.
    static let otherHouseholdRoles: [Role: [String]] = [
        .employerKin: [
            "her mother", "her mother's", "his mother", "his mother's", "her sister", "her sister's", "his sister",
            "his sister's", "her brother", "her brother's", "his brother", "his brother's", "her daughter",
            "her daughter's", "his daughter", "his daughter's", "her son", "her son's", "his son", "his son's",
            "her cousin", "his cousin", "her parents", "his parents", "her relatives", "his relatives", "her in-laws",
            "madam mother", "madam's mother", "madam sister", "madam's sister", "sir's mother", "employer's mother",
            "employer's sister", "married daughters", "ibunya", "anaknya", "adiknya", "kakaknya", "saudaranya",
            "mertuanya", "suaminya", "anak majikan", "ibu majikan", "adik majikan", "kapatid niya", "niyang kapatid",
            "nanay niya", "anak niya", "su madre", "su hija", "su hijo", "su hermana", "su suegra", "sa mere",
            "sa fille", "son fils", "sa soeur", "uski maa", "uski beti", "uski behen", "unki beti", "unke bete",
            "madam ki beti", "madam ki maa", "sahuni ko", "امها", "بنتها", "اختها", "ابنها", "اهله", "اهلها", "لاهله",
            "اخوه", "mama yake", "dada yake", "binti yake", "kaka yake",
        ],
        .workplace: [
            "house", "houses", "home", "flat", "apartment", "villa", "restaurant", "shop", "store", "office", "salon",
            "factory", "farm", "business", "bakery", "rumah", "toko", "kedai", "warung", "restoran", "pabrik", "kantor",
            "bahay", "opisina", "tindahan", "casa", "tienda", "negocio", "restaurante", "oficina", "loja", "maison",
            "boutique", "bureau", "ghar", "घर", "گھر", "bari", "বাড়ি", "বাসা", "basa", "gedara", "ගෙදර", "veedu",
            "veetla", "வீடு", "nyumba", "nyumbani", "بيت", "بيوت", "محل", "مطعم", "ቤት", "บ้าน", "ร้าน", "ផ្ទះ",
            "nha", "家", "店", "屋企",
        ],
        .monthly: [
            "once a month", "once in a month", "1x a month", "1x/month", "1x per month", "1x month", "one day a month",
            "1 day a month", "one day per month", "1 day per month", "once in 3 months", "once in three months",
            "sebulan sekali", "1x sebulan", "sekali sebulan", "satu hari sebulan", "sebulan 1x", "sehari sebulan",
            "isang beses sa isang buwan", "isang beses isang buwan", "una vez al mes", "un dia al mes",
            "uma vez por mes", "um dia por mes", "une fois par mois", "un jour par mois", "mahine me ek",
            "mahine mein ek",
            "mahina ma ek", "মাসে একদিন", "mase ekdin", "한 달에 한 번", "一個月一次", "一个月一次", "每月一天",
            "一個月一天", "一个月一天", "مره في الشهر", "مره بالشهر", "يوم في الشهر", "mara moja kwa mwezi",
        ],
    ]
}

extension IndicatorLexicon {
    /// Midnight and the week with no day in it, in the languages the phrase lists left out: each
    /// alone a working day or week past any limit ("tgh malam", "mezzanotte", "منتصف الليل",
    /// "深夜まで", "a seven-day week", "rund um die Uhr").
    static let lateAndWeekPhrases: [LexiconEntry] = I(.excessiveOvertime,
        "tgh malam", "tngh malam", "tengah malem", "meia-noite", "meia noite", "mezzanotte", "hatinggabi",
        "hating gabi", "منتصف الليل", "نص الليل", "لنص الليل", "usiku wa manane", "夜中まで", "深夜まで", "深夜",
        "夜十時", "夜十一時", "夜十二時", "밤늦게까지", "자정", "one at night", "two at night", "1 at night",
        "2 at night", "seven-day week", "seven day week", "7-day week", "7 day week", "sieben-tage-woche",
        "sieben tage die woche", "rund um die uhr", "rund-um-die-uhr", "sette giorni su sette", "7 giorni su 7",
        "sept jours sur sept", "7 jours sur 7", "7j/7", "de domingo a domingo", "de segunda a segunda",
        "lunes a domingo", "segunda a domingo", "lundi au dimanche", "senin sampai minggu", "senin-minggu",
        "lunes a lunes", "sabados y domingos tambien", "weekends too", "weekends also")
}
