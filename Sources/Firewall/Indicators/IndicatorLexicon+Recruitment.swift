/// Recruiters and what they charge, promises and what is paid, in every language. An agent,
/// broker or the cost of her ticket beside owing, deducting or repaying ("dalal protimase 50 dinar
/// kete ney", "potong gaji buat loan agency", "owes the recruiter", "還仲介") is debt bondage
/// (`IndicatorTagger.pairRules`); a promise word or a contrast word with two amounts in one
/// sentence is deception (`IndicatorTagger.showsPayBelowPromise`).
extension IndicatorLexicon {
    static let recruitmentRoles: [Role: [String]] = [
        .recruiter: [
            "agent", "agents", "agency", "agencies", "broker", "brokers", "recruiter", "recruiters", "runner", "middleman",
            "manpower", "placement", "calo", "ahensya", "ahente", "agen", "agensi", "agencia", "agence", "agenzia",
            "dalal", "dalaal", "দালাল", "दलाल", "دلال", "এজেন্ট", "এজেন্সি", "एजेंट", "एजेन्ट", "एजेंसी", "एजेन्सी",
            "ایجنٹ", "ایجنسی", "manpower ko", "म्यानपावर", "ஏஜென்ட்", "ஏஜெண்ட்", "ஏஜென்சி", "ඒජන්සිය", "ඒජන්ත",
            "nayna", "นายหน้า", "เอเจนซี่", "ភ្នាក់ងារ", "ပွဲစား", "pwe sar", "pwal sar", "အေဂျင်စီ", "moi gioi",
            "cong ty moi gioi", "仲介", "中介", "المكتب", "مكتب الاستقدام", "الاستقدام", "الوكيل", "el maktab",
            "ኤጀንሲ", "ደላላ", "delala", "delalaw", "wakala", "wakala wa", "ejensii",
            "ticket", "tickets", "flight", "airfare", "air ticket", "pasaje", "billete", "boleto", "passagem", "billet",
            "tiket", "pamasahe", "टिकट", "ٹکٹ", "টিকিট", "tikit", "ticket eka", "تذكره", "تذاكر", "機票", "机票",
            "ve may bay", "ตั๋ว", "ቲኬት",
        ],
        .charge: [
            "owe", "owes", "owed", "owing", "debt", "debts", "loan", "loans", "repay*", "pay back", "paying back",
            "instal*", "demand*", "must pay", "have to pay", "work off", "work it off", "to release", "for free",
            "utang", "singil", "sinisingil", "bayaran ko", "hutang", "cicilan", "pinjaman", "tagih", "menagih",
            "bayar balik", "deuda", "le debo", "debo", "divida", "devo", "dette", "je dois", "debito", "qarz", "qarza",
            "karza", "karja", "karz", "قرض", "قرضہ", "rin", "ऋण", "tirna", "tirnu", "shodh", "শোধ", "dite hobe", "ঋণ",
            "dena hai", "dena padta", "chukana", "naya gewanna", "ණය", "kadan", "கடன்", "kadanukku", "kadam", "deni",
            "ninadaiwa", "ዕዳ", "eda", "หนี้", "ใช้หนี้", "បំណុល", "bomnol", "ကြွေး", "ဆပ်", "no nan", "tra no", "債",
            "债", "還", "还", "سلفه", "دين علي", "ديون",
        ],
        .promise: [
            "promise*", "promising", "contract", "agreed", "agreement", "was told", "told me", "they said", "agent said",
            "agent say", "agent says", "supposed to", "offer", "offered",
            "sabi", "pangako", "pinangako", "kontrata", "usapan", "janji*", "menjanjikan", "dijanjikan", "kontrak",
            "perjanjian", "katanya", "bilang", "prometi*", "acordad*", "contrato", "me dijeron", "me dijo",
            "prometid*", "combinad*", "promis*", "contrat", "convenu", "kaha tha", "bola tha", "bolta tha", "kaha gaya",
            "wada", "waada", "कहा था", "बोला था", "वादा", "کہا تھا", "بولا تھا", "وعدہ", "bhaneko", "bhanyo", "भनेको",
            "सम्झौता", "sambhauta", "bolechilo", "bole", "বলেছিল", "চুক্তি", "kiyala", "kiwwa", "කිව්වා", "කොන්ත්‍රාත්තු",
            "sonnanga", "sonnaru", "சொன்ன", "ஒப்பந்த", "bilo neber", "ብሎ ነበር", "ቃል", "aliahidi", "aliniahidi",
            "iliyoahidiwa", "ahadi", "mkataba", "walisema", "alisema", "وعد", "العقد", "عقد", "اتفق", "tfahmna",
            "สัญญา", "บอกว่า", "ตกลง", "sanya", "សន្យា", "ကတိ", "mae so pyi", "hua", "hop dong", "noi la", "說", "说",
            "答应", "答應", "合約", "合同", "承诺", "承諾", "約定", "约定", "versprochen", "vertrag",
        ],
        .contrast: [
            "not", "instead of", "instead", "rather than", "en vez de", "en lugar de", "em vez de", "ao inves de",
            "au lieu de", "au lieu des", "invece di", "sa halip na", "sa halip", "imbes na", "imbis na", "bukan",
            "bukannya", "daripada", "badala ya", "badala", "ke bajaye", "ki jagah", "ke badle", "के बजाय", "की जगह",
            "کے بجائے", "کی جگہ", "ko satta", "ko sattama", "को सट्टा", "er bodole", "এর বদলে", "wenuwata", "වෙනුවට",
            "pathilaaga", "பதிலாக", "แทน", "ជំនួស", "အစား", "thay vi", "thay cho", "而不是", "不是", "بدل", "بدال",
            "badal", "በምትክ", "sio",
        ],
    ]
}
