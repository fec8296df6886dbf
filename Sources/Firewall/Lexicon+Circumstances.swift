/// Indirect disclosures made of two halves, in every supported language: words that say nothing
/// alone and that `ClauseClassifier` combines within a sentence. Where `Lexicon+Indirect` lists
/// whole phrases ("afraid of the police"), these are the parts, so that a new wording of a known
/// meaning is still read:
/// - **fear of the outcome**: she cannot or dare not go (`avoidance`) + what the authorities would
///   do to her (`consequence`): "I cannot go to the police because they will put me in jail and
///   send me home", "siwezi kwenda kwa sababu watanifunga na kunirudisha Kenya";
/// - **a demand for a card where she cannot go**: `avoidance` + `demand` + `idCard` (or papers):
///   "I cannot go to the hospital because they ask for the ID", "karena takut ditanya kartu";
/// - **hiding from the police**: `hide` + `authority` in one sentence: "when the police come
///   madam hides me in the store room";
/// - **the time allowed to stay ran out**: `grace` + an expired state: "my 14 days after
///   termination already finished", "o meu tempo de ficar cá acabou".
/// A threat stays a threat: a consequence counts only after an avoidance, never after "she will
/// call the police" alone, and labour inspectors are no `authority`.
///
/// It also lists whole phrases for families the corpus sets showed missing: entry without
/// inspection (a river, a forest path, a fishing boat, "without passing the police"), entry on an
/// umrah or a family's visa, a borrowed name, a missing-person report, a travel ban.
extension Lexicon {
    static let circumstances: [LexiconEntry] = [
        L(.avoidance,
          "cannot go", "can't go", "cant go", "could not go", "couldn't go", "can not go", "don't dare", "dont dare",
          "do not dare", "dare not", "never dare", "afraid to go", "scared to go", "too scared to go", "afraid to report",
          "scared to report", "cannot report", "can't report", "if i go to the police", "if i go to the hospital",
          "if i go to the airport", "if i go to immigration", "if i report to the police",
          // Tagalog, Indonesian/Malay
          "hindi ako makapunta", "di ako makapunta", "hindi ako makapagpa", "hindi ako makapag", "hindi makapunta", "hindi ako makapag-report", "takot akong pumunta",
          "takot pumunta", "hindi ako makapagpagamot", "gak bisa ke", "ga bisa ke", "tidak bisa ke", "tak boleh pergi",
          "tidak berani", "gak berani", "ga berani", "nggak berani", "takut pergi", "takut ke rumah sakit",
          "takut ke klinik", "takut lapor", "takut melapor", "takut",
          // Spanish, Portuguese, French
          "no puedo ir", "no me atrevo", "me da miedo ir", "tengo miedo de ir", "nao posso ir", "nao me atrevo",
          "tenho medo de ir", "je ne peux pas aller", "j'ai peur d'aller", "je n'ose pas",
          // Arabic (Gulf, Levantine), Arabizi
          "ما فيني روح", "ما فيني اروح", "ما بقدر روح", "ما بقدر اروح", "ما اقدر اروح", "ما أقدر أروح", "ما قدر روح",
          "لا استطيع الذهاب", "لا أستطيع الذهاب", "خايفة روح", "خايفه اروح", "خايفة اروح", "ما اتجرا", "ما بتجرأ",
          "ma fini ro7", "ma a2dar ro7", "ma agdar aroo7",
          // Swahili, Amharic
          "siwezi kwenda", "naogopa kwenda", "ninaogopa kwenda", "siwezi kuripoti", "መሄድ አልችልም", "መሄድ ፈራሁ",
          // South Asian, romanised and native
          "nahi ja sakti", "nahin ja sakti", "nahi ja sakta", "ja nahi sakti", "ja nahin sakti", "jaane se darti",
          "jana darr", "jaana nahi", "jana sakdina", "jaana sakdina", "नहीं जा सकती", "नहीं जा सकता", "जा नहीं सकती",
          "जान सक्दिन", "نہیں جا سکتی", "نہیں جا سکتا", "جا نہیں سکتی", "যেতে পারি না", "যেতে পারিনা",
          "පොලිසියට ගියොත්", "යන්න බැහැ", "යන්න බෑ", "போக முடியாது", "போக பயம்",
          // Mainland Southeast Asia, Chinese
          "khong dam", "khong the di", "so di", "ไปแจ้งความไม่ได้", "ไปไม่ได้", "ไม่กล้าไป", "ไม่กล้า", "မသွားရဲ",
          "မသွားနိုင်", "មិនហ៊ានទៅ", "ទៅមិនបាន", "不敢去", "唔敢去", "不能去"),
        L(.consequence,
          "send me home", "send me back home", "send me back to my country", "sent back to my country",
          "put me in jail", "put me in the jail", "put me in prison", "jail me", "lock me up", "arrest me", "deport me",
          "they will stop me", "they'll stop me", "they would stop me", "stop me at the airport",
          "ikukulong ako", "ikulong ako", "pauuwiin ako", "ipapauwi ako", "ipadeport ako", "hulihin ako",
          "dipenjara", "dipulangkan paksa", "dideportasi", "ditangkap",
          "me deportan", "me van a deportar", "me meten a la carcel", "me regresan a mi pais", "me mandan a mi pais",
          "me prendem", "me deportam", "me mandam para o meu pais", "m'expulser", "me renvoyer dans mon pays",
          "me mettre en prison",
          "بيحبسوني", "يحبسوني", "بيرجعوني", "يرجعوني", "يرحلوني", "بيرحلوني", "يسفروني", "بيسفروني", "يسجنوني",
          "watanifunga", "kunifunga", "kunirudisha", "watanirudisha", "watanikamata",
          "jail me daal", "jail mein daal", "wapas bhej denge", "wapas bhej dengi", "desh bhej denge",
          "वापस भेज देंगे", "जेल में डाल", "واپس بھیج دیں گے", "جیل میں ڈال",
          "හිරේ දාලා", "හිරේ දානවා", "ලංකාවට යවනවා", "රටට යවනවා", "சிறையில் போடுவாங்க", "ஊருக்கு அனுப்பிடுவாங்க",
          "bat giam", "duoi ve nuoc", "jab song klap", "จับส่งกลับ", "ส่งกลับ", "จับเข้าคุก", "ติดคุก",
          "ထောင်ချ", "ပြန်ပို့", "nepal pathai", "pathai dinchha", "pathaidinchha", "desh e pathiye", "deshe pathiye",
          "desh pathiye", "banh chenh tov srok", "qianfan", "ship out agad", "baka ako hulihin", "baka ako mahuli", "ចាប់ដាក់គុក", "បញ្ជូនត្រឡប់", "抓去坐牢", "遣返", "送回國", "送回国"),
        // Bengali and Nepali in their scripts ("পুলিশ ধরলে দেশে ফেরত পাঠাবে", "पुलिसले समात्यो भने फिर्ता
        // पठाउँछ"), which only their romanised forms had.
        L(.consequence, "ফেরত পাঠাবে", "ফেরত পাঠিয়ে দেবে", "দেশে পাঠিয়ে দেবে", "জেলে দেবে", "জেলে ভরবে",
          "फिर्ता पठाउँछ", "फिर्ता पठाइदिन्छ", "नेपाल पठाइदिन्छ", "देश फर्काइदिन्छ", "जेल हाल्छ", "जेलमा हाल्छ"),
        L(.threatener,
          "she will", "he will", "she'll", "he'll", "she would", "he would", "madam will", "sir will", "boss will",
          "employer will", "sponsor will", "kafeel will", "agent will", "call the police", "call police",
          "call immigration", "report me", "threat*", "says she", "said she", "says he", "said he", "amo ko",
          "majikan", "madam", "patrona", "patron", "el jefe", "la senora", "a senhora", "madame", "bosi", "mama",
          "المدام", "الكفيل", "كفيلي", "صاحب العمل", "مدام", "मालिक", "मालकिन", "مالک", "මැඩම්", "முதலாளி",
          "ম্যাডাম", "মালিক", "মালকিন", "साहुनी", "साहु",
          "นายจ้าง", "เจ้านาย", "chu nha", "ba chu", "ong chu", "အိမ်ရှင်", "ថៅកែ", "老闆", "老板", "僱主", "雇主"),
        L(.demand,
          "ask for", "asks for", "asked for", "asking for", "ask me for", "ask to see", "they check", "they ask",
          "want to see", "hinahanapan", "hinahanap", "hinihingi", "ditanya", "diminta", "minta", "dicek",
          "piden", "me piden", "pedem", "demandent", "يطلبون", "بيطلبوا", "يطلبوا", "يسألون عن", "بيسألوا عن",
          "wanaomba", "wanauliza", "wanadai", "maangte", "mangte", "poochte", "माँगते", "मांगते", "مانگتے",
          "চায়", "ඉල්ලනවා", "கேட்பாங்க", "கேட்கிறார்கள்", "bi hoi", "hoi", "ขอดู", "ပြခိုင်း", "ស៊ើប", "要看", "查"),
        L(.idCard,
          "id", "the id", "my id", "id card", "ids", "card", "the card", "my card", "kartu", "kad", "kadi",
          "vitambulisho", "tarjeta", "credencial", "identificacion", "cartao", "carte", "البطاقة", "بطاقة", "الهوية",
          "هوية", "كارت", "card maangte", "කාඩ්", "கார்டு", "ካርድ", "บัตร", "ကတ်", "កាត", "the cua toi", "證件", "证件"),
        L(.hide,
          "lukchu", "lukchhu", "lukera", "लुकेर", "लुक्छु", "hides me", "hide me", "hid me", "i hide", "i hid", "we hide", "have to hide", "must hide", "hiding me",
          "itinatago ako", "tinatago ako", "nagtatago", "sembunyiin saya", "disembunyikan", "sembunyi", "ngumpet",
          "me esconde", "me escondo", "me esconden", "me cache", "اتخبى", "أتخبى", "بتخبيني", "تخبيني", "أختبئ",
          "najificha", "ananificha", "chhupa deti", "chupa deti", "chhupa dete", "chhup jati", "chhupti",
          "छुपा देती", "छिपा देती", "छुप जाती", "چھپا دیتی", "چھپا دیتے", "چھپ جاتی", "লুকিয়ে", "লুকাই",
          "හැංගිලා", "හැංගෙනවා", "ஒளிந்து", "ஒளிஞ்சு", "ተደብቄ", "እደበቃለሁ", "phai tron", "tron moi khi",
          "หลบ", "ซ่อนตัว", "ပုန်း", "លាក់ខ្លួន", "躲起來", "躲起来", "收埋"),
        L(.authority,
          "police", "the police", "officers", "immigration officers", "pulis", "polisi", "policia", "la migra",
          "الشرطة", "الشرطه", "البوليس", "الامن العام", "الجوازات", "الشرطة", "polisi", "पुलिस", "پولیس",
          "পুলিশ", "පොලිසිය", "பொலிஸ்", "போலீஸ்", "ፖሊስ", "canh sat", "cong an", "ตำรวจ", "ရဲတွေ", "ရဲက",
          "ប៉ូលីស", "警察", "jingcha", "el shorta", "shorta"),
        L(.grace,
          "days after termination", "days after my termination", "days after cancellation", "days after the cancellation",
          "days after my contract", "days after the contract", "days to find", "days to transfer", "days to leave",
          "grace period", "time to stay", "time to leave", "period to stay", "allowed to stay", "tempo de ficar",
          "tempo para ficar", "prazo para ficar", "prazo para sair", "tiempo para quedarme", "tiempo de quedarme",
          "plazo para salir", "plazo para quedarme", "delai pour quitter", "masa tenggang", "palugit", "مهلة",
          "فترة السماح", "mohlat", "मोहलत", "مہلت", "after termination", "after my termination", "after the termination",
          "after my contract ended", "after my contract was terminated"),
        L(.report,
          "reported", "report", "filed", "file", "melaporkan", "dilaporkan", "lapor", "laporin", "nag-file", "ni-report",
          "nireport", "bao", "bi chu bao", "ripoti", "aliwasilisha", "plainte", "denuncia", "denuncio", "queixa",
          "بلغ عني", "بلّغ عني", "بلغ علي", "سجل علي", "حاطني", "حطني", "புகார்", "រាយការណ៍", "報", "报", "ریپورٹ",
          "रिपोर्ट"),
        L(.abscond,
          "absconding", "absconded", "absconder", "absent from work", "'absent", "runaway", "missing", "kabur",
          "minggat", "bo tron", "mat tich", "tumakas", "kutoroka", "fuite", "fuga", "هروب", "تغيب", "متغيب", "تغيب عن العمل",
          "தப்பி ஓடிய", "រត់ចោល", "逃跑", "逃逸", "走佬", "भागने", "भाग गई", "بھاگ گئی", "huroob"),
        L(.state(.explicitStatus), "acabou", "se acabo", "termino", "already finished", "finished already", "is up",
          "ran out"),

        // Entry without inspection and entry on someone else's visa.
        L(.strong(.entryRoute),
          "without passing the police", "without going through immigration", "without passing immigration",
          "without a stamp", "without stamp", "no entry stamp", "sem passar pela policia", "sem passar pela imigracao",
          "sin pasar por migracion", "sin pasar por la migra", "sans passer par la police", "on their visa",
          "on the family's visa", "sur leur visa", "sur le visa de", "en su visa", "back of a lorry", "back of a truck",
          "back of a van", "على عمرة", "عن طريق العمرة", "بعمرة", "فيزا عمرة", "تأشيرة عمرة", "3ala 3omra", "3la 3omra",
          "viza ya umra", "visa ya umra", "viza ya umrah", "visa ya umrah", "viza ya hija", "tourist bankar",
          "tourist ban ke", "tourist banke", "tourist bankr", "टूरिस्ट बनकर", "ٹورسٹ بن کر", "लुकाएर पठाएको",
          "lukaera pathaeko", "မြစ်ဖြတ်", "ឆ្លងព្រំដែន", "偷偷過來", "偷偷过来", "坐漁船", "坐渔船"),
        L(.route, "በበረሃ", "लुकाएर", "lorry", "fishing boat"),
        // A borrowed name: "in my cousin's name", "के नाम पर काम".
        L(.strong(.explicitStatus),
          "کے نام پر کام", "کزن کے نام", "بہن کے نام پر", "के नाम के कागज", "के नाम पर काम", "ke naam par kaam",
          "ke naam pe kaam", "ke naam se kaam", "naam ke kagaz", "பெயரில் தான்", "பெயரில் வேலை", "ስም ነው የምሰራው",
          "ስም ነው የምሠራው", "በሌላ ሰው ስም", "ប្រើឈ្មោះ", "অন্যের নামে", "বোনের নামে", "ভাইয়ের নামে",
          "নামে কাজ", "නමින් වැඩ", "nombre de mi prima", "nome da minha prima"),
        // A report that she went missing, and a ban on leaving.
        L(.strong(.enforcementHistory), lexCross(["bao toi", "bao em", "bao chau", "khai bao toi"],
          ["mat tich", "bo tron", "da bo tron"])),
        L(.strong(.enforcementHistory), "travel ban", "ban on leaving", "banned from leaving",
          "so i cannot leave the country", "so i can't leave the country", "case on my name so",
          "not allowed to leave the country", "prohibida la salida", "prohibicion de salida", "proibida de sair do pais",
          "देश नहीं छोड़ सकती", "देश नहीं छोड़ सकता", "नाम पर रोक", "may ban ako", "na-ban ako", "interdiction de sortie",
          "quitter la france", "quitter le territoire", "obligation de quitter", "must leave the country",
          "have to leave the country", "told to leave the country", "order to leave the country", "me agarraron en la frontera",
          "ra77aloha", "ra77alo", "ra7aloni", "ra77aluni", "rahhaluha"),
        L(.strong(.explicitStatus), "लुकेर काम", "lukera kaam", "lukera kam", "nagtatago na lang", "nagtatago na ako",
          "hindi na nila ni-extend", "hindi nila ni-extend", "hindi ni-extend", "hindi na ni-extend", "hindi nila nirenew",
          "hindi na nila nirenew", "hindi nila na-renew", "wala na ako papel", "wala akong papel", "wala na akong papel"),
        L(.strong(.explicitStatus), "أخاف من التفتيش", "اخاف من التفتيش", "خايفة من التفتيش", "خايفه من التفتيش",
          "afraid of the inspection in the street", "afraid of street checks"),
        // Sent home before: history only in a sentence that already discloses ("I use my cousin's
        // name since they sent me home in 2021"); the agency sending her home is a labour fact.
        L(.weak(.enforcementHistory), "sent me home", "sent me back home", "they sent me back"),
        L(.negation, "እንደሌለኝ", "ma 3andich", "ma 3andish"),
        L(.papers, "les papiers", "ወረቀት"),
        L(.strong(.explicitStatus), "so bi hoi the", "so bi hoi giay", "bi hoi the", "so bi kiem tra"),
        L(.blocker, "hide my", "hides my", "hid my", "ask for my salary", "ask for my wages", "ask for my money",
          "asked for my salary", "asked for my wages", "ask for leave", "ask for a day off"),
    ].flatMap { $0 }
}
