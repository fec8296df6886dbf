/// Denial, contact, going out, dismissal and condition, in every language: the word classes that
/// show isolation ("not allowed" + "call my family"), restriction of movement ("tidak boleh" +
/// "keluar") and threats of dismissal ("kapag nagreklamo" + "tatanggalin") when they meet in one
/// sentence (`IndicatorTagger.pairRules`). Denials are short words, so the rules that use them
/// keep small windows.
extension IndicatorLexicon {
    static let freedomRoles: [Role: [String]] = [
        // Negations that come before what they deny: English, German, Spanish, Portuguese, French, Italian.
        .denialBefore: [
            "no", "not", "never", "without", "none", "nothing", "don't", "dont", "doesn't", "doesnt", "didn't",
            "didnt", "won't", "wont", "can't", "cant", "cannot", "can not", "couldn't", "couldnt", "isn't", "haven't",
            "havent", "hasn't", "hasnt", "not allowed", "never allowed", "denied", "deny", "denies", "refuse*",
            "forbid*", "banned", "kein", "keine", "keinen", "nicht", "ohne", "nie", "sin", "nunca", "ningun",
            "ninguno", "ninguna", "jamas", "prohib*", "no me deja", "no me dejan", "nao", "sem", "nem", "nenhum",
            "nenhuma", "proib*", "nao me deixa", "n me deixa", "pas", "sans", "jamais", "aucun", "aucune", "interdit*",
            "m'interdit", "non", "senza", "nessun",
        ],
        // Negations that come before or after it: Tagalog, Indonesian, Malay, Thai, Khmer, Vietnamese,
        // Chinese, Arabic, Swahili; "bina" (without).
        .denial: [
            "wala", "walang", "hindi", "hnd", "di pinapayagan", "di binibigyan", "bawal", "ayaw", "ayaw akong",
            "hindi ako", "di ako", "tidak", "tdk", "tak", "gak", "ga", "gk", "nggak", "ngga", "ndak", "tiada", "takde",
            "tanpa", "belum", "blm", "jangan", "dilarang", "larang", "tidak boleh", "tak boleh", "gak boleh",
            "ga boleh", "x boleh", "tidak dibenarkan", "tak dibenarkan", "gak dikasih", "ga dikasih", "gk dikasih",
            "tidak dikasih", "tidak diberi", "tak diberi", "tak bagi", "x bagi", "tidak pernah", "tak pernah",
            "gak pernah", "bina", "बिना", "بغیر", "ไม่", "ห้าม", "mai mee", "mai mi", "mai hai", "មិន", "អត់", "គ្មាន",
            "ហាម", "ot", "ort", "kmean", "min oy", "min aoy", "min ban", "min mean", "mai dai", "khong", "chua", "cam",
            "ko co", "ko duoc", "k co", "k duoc", "khong duoc", "khong cho", "ko cho", "没", "沒", "冇", "不", "無", "无",
            "禁止", "唔", "بدون", "بلا", "ممنوع", "يمنع", "تمنع", "يمنعني", "تمنعني", "مافي", "ما في", "ما عندي",
            "ما تخليني", "ما يخلوني", "ما بتخليني", "ما يسمح", "ما تسمح", "لا يسمح", "لا تسمح", "ما تعطيني",
            "ما يعطيني", "ما بتعطيني", "ما بيعطيني", "ولا", "ما اقدر", "ما بقدر", "لا اقدر", "لا يمكن", "لم يسمح",
            "لا تعطيني", "bidun", "bdun", "bala", "mamnou3", "mamnoo3", "mafi", "ma fi", "mafish", "ma bta3tine",
            "ma bte3tine", "ma bya3tine", "ma 3tuni", "ma btesma7", "ma bisma7", "ma bt5allini", "ma bkhalli",
            "ma a2dar", "hakuna", "bila", "sina", "hana", "haku*", "hani*", "hajani*", "hajam*", "hawaja*", "hawani*",
            "hawata*", "hapewi", "siruhusiwi", "hairuhusiwi", "sija*", "sipati", "kom aoy", "kom oy",
        ],
        // Negations that come after it ("chutti nahi", "ছুটি দেয় না", "niwadu na", "leave illa", "a nar
        // ma shi", "erft ken yelem"): Hindi, Urdu, Nepali, Bengali, Sinhala, Tamil, Telugu, Malayalam,
        // Burmese, Korean, Amharic, Tigrinya, Oromo.
        .denialAfter: [
            "nahi", "nahin", "nhi", "nahi dete", "nahi deti", "nahi deta", "kabhi nahi", "नहीं", "नही", "मना", "نہیں",
            "نہی", "منع", "chaina", "chhaina", "chai na", "chhai na", "dinna", "dinnan", "didaina", "didainan",
            "dindaina", "dindainan", "dindinan", "diyena", "paudina", "mildaina", "sakdina", "छैन", "दिँदैन", "दिंदैन",
            "दिन्न", "दिँदिनन्", "दिंदिनन्", "दिँदिन", "पाउँदैन", "না", "নাই", "নেই", "ছাড়া", "dey na", "dei na",
            "dey nai", "kokhono", "কখনো", "nei", "නෑ", "නැහැ", "නැත", "බෑ", "බැහැ", "naha", "nehe", "nathi",
            "denne na", "denne naha", "dunne na", "dunne nehe", "illa", "illai", "இல்லை", "இல்ல", "kidaiyathu",
            "kidaiyaathu", "kidaiyadhu", "கிடையாது", "mudiyathu", "mudiyaadhu", "முடியாது", "vida maattaanga",
            "vidamattanga", "vidala", "kudukala", "kodukkala", "kudukkala", "maattaanga", "maattanga", "விடமாட்ட",
            "கொடுக்கல", "ledu", "ivvaledu", "ivvaru", "ivvadu", "illathe", "ഇല്ല", "မရှိ", "မပေး", "မရ", "ခွင့်မ",
            "ma shi", "ma pay", "ma ya", "없", "못", "የለም", "የለኝም", "አል*", "አይ*", "አት*", "ያል*", "yelem", "yellem",
            "yelegnim", "alchilim", "alchilm", "ayfeqd*", "ayhab*", "aykef*", "alfeqedu*", "atsetegnm", "aysetugnm",
            "ken yelem", "ኣይ*", "hin", "hin eeyyaman", "hinjiru", "ተከልክ*", "*ተከልክ", "ተከለከ*", "atasewet*", "alasewet*",
            "ayasewet*",
        ],
        .contact: [
            "call", "talk to", "talk with", "speak to", "speak with", "contact", "telephone", "phone my",
            "phone home", "phoned", "visitors", "whatsapp", "messenger", "video call",
            "tumawag", "makatawag", "tawagan", "makausap", "kausap", "makipag-usap", "makipag usap",
            "magtext", "telepon", "telfon", "nelpon", "menelepon", "hubungi", "menghubungi",
            "berbicara", "berhubung", "llamar", "hablar con", "hablar por telefono", "comunicarme", "visitas",
            "contacto",
            "ligar", "falar com", "telefonar", "contato", "appeler", "telephoner",
            "contacter", "visites", "telefonare", "parlare", "chiamare",
            "baat karne", "baat karna", "kura garna",
            "phone garna", "sampark", "सम्पर्क", "kotha bolte", "কথা বলতে", "jogajog", "যোগাযোগ",
            "katha karanna", "කතා කරන්න", "pesa vida", "pesa mudiyathu", "பேச", "pesavum", "thodarbu", "தொடர்பு",
            "matladu*",
            "samsarikkan", "โทรหา", "ติดต่อ", "คุยกับ", "โทร", "tak tong", "teak tong", "ទាក់ទង", "និយាយ",
            "ဖုန်းဆက်", "ဆက်သွယ်", "စကားပြော", "phone set", "hset thwe", "goi dien", "lien lac", "noi chuyen",
            "打电话", "打電話", "联系", "聯繫", "聯絡", "联络", "说话", "說話", "傾偈", "اتصل", "اكلم", "اتكلم",
            "اتواصل", "تواصل", "a7ki", "ahki", "ደውል", "መደወል", "ማውራት", "እንዳወራ", "dewel",
            "mawrat", "kupiga simu", "kuzungumza", "kuongea", "kuwasiliana", "mawasiliano", "dubbadhu", "dubbachuu",
            "bilbila",
        ],
        .goOut: ["kebet", "ke bet", "ክወጽእ", "ካብ ገዛ", "kiwetsi", "kab geza", 
            "go out", "going out", "went out", "go outside", "going outside", "leave the house", "leave the flat",
            "leave the apartment", "leave the villa", "left the house", "left the flat", "left the apartment",
            "out of the house", "outing", "step out", "let me out", "let me go home",
            "lumabas", "lumalabas", "makalabas", "palabasin", "lalabas", "makaalis",
            "keluar", "keluar rumah", "salir", "salga", "salgo", "sair", "saio", "saia", "sortir", "sors", "uscire",
            "bahar", "baahar", "baher", "बाहर", "باہر", "nikalne", "निकलने", "bahira", "baira", "बाहिर", "niskana",
            "निस्कन", "baire", "bahire", "বাইরে", "বাহিরে", "ber hote", "বের হতে", "eliyata", "එළියට", "eliye",
            "veliya", "veliye", "வெளியே", "ออกนอกบ้าน", "ออกไป", "ออกจากบ้าน", "ok nok", "chenh krao", "chenh krau",
            "ចេញក្រៅ", "អပြင်", "အပြင်", "a pyin", "apyin", "ra ngoai", "ra khoi nha", "出门", "出門", "出去",
            "外出", "出街", "اطلع", "اخرج", "الخروج", "طلوع", "برا البيت", "a6la3", "atla3", "otla3", "barra", "ከቤት",
            "መውጣት", "mewtat", "wetch", "kutoka", "kutoka nje", "ba'uu", "외출", "밖에",
        ],
        .dismissal: ["يرجعوني", "رجعوني", 
            "fire me", "fired", "fire her", "sack me", "sacked", "terminate me", "terminate",
            "dismiss*", "kick me out", "kicked out", "throw me out", "throw me on the street", "out on the street",
            "send me back", "send me home", "send back", "return me to the agency", "sell me",
            "炒魷魚", "炒我", "tanggalin", "tatanggalin", "sisantehin", "pauwiin", "papauwiin", "palalayasin", "palayasin",
            "pecat", "memecat", "dipecat", "berhentikan", "usir", "diusir", "hantar balik", "pulangkan",
            "despide", "despedir", "despedirme", "me echa", "echar", "me corre", "correrme", "a la calle",
            "mandar embora", "me manda embora", "demitir", "me demite", "na rua", "virer", "me virer", "renvoyer",
            "me renvoyer", "a la rue", "licenziare", "mi licenzia",
            "nikal", "nikaal", "nikal denge", "nikal dunga", "nikal dungi", "निकाल", "نکال", "wapas bhej",
            "वापस भेज", "واپس بھیج", "nikali dinchu", "nikalidinchu", "nikaldinchhu", "ber kore", "বের করে",
            "dese pathiye", "দেশে পাঠিয়ে", "pathiye debe", "eliyata danawa", "ai karanawa", "velaiya vittu",
            "anuppiduven", "ไล่ออก", "ส่งกลับ", "bo cong viec", "duoi viec", "duoi ve", "赶走", "趕走",
            "يطردني", "تطردني", "طرد", "ترحيل", "رجعني", "برجعك", "يفنش", "tafneesh", "yetrodni", "btetrodni",
            "ከስራ", "አባርር", "kunifukuza", "atanifukuza", "nitafukuzwa", "kurudishwa",
        ],
        .theft: [
            "stole", "steal", "stealing", "thief", "theft", "robbed", "robo", "robar", "robado", "ladrona", "ladron",
            "roubo", "roubar", "roubei", "ladra", "ladrao", "voleuse", "voleur", "vole", "j'ai vole", "nakaw",
            "magnanakaw", "nagnakaw", "ninakaw", "mencuri", "curi", "pencuri", "maling", "chor", "chori", "चोर",
            "चोरी", "چور", "چوری", "চোর", "চুরি", "horakam", "හොරා", "thirudi", "thirudinaa", "திருடி",
            "திருட்டு", "ขโมย", "ចោរ", "លួច", "သူခိုး", "ခိုး", "an cap", "an trom", "偷", "小偷", "سرق", "سرقه",
            "بالسرقه", "حراميه", "harami", "sere2", "sara2", "mwizi", "wizi", "kuiba", "ameiba", "ሌባ", "ሰርቀ",
            "lebash", "leba",
        ],
        .condition: [
            "if", "if i", "if you", "unless", "si", "sinon", "se eu", "se ela", "se ele", "se voce", "se reclamar",
            "kung", "kapag", "pag",
            "kalau", "kalo", "klo", "jika", "jikalau", "agar", "agr", "jodi", "yadi", "bhane", "भने",
            "यदि", "اگر", "যদি", "jodi", "korle", "করলে", "ถ้า", "neu", "如果", "要是",
            "បើ", "baeu", "bae", "ရင်", "yin", "اذا", "لو", "iza", "eza", "kama", "nikienda", "nikilalamika",
            "ukilalamika", "yoo",
        ],
    ]
}

extension IndicatorLexicon {
    /// Locks and the places they shut her in, and the permission she needs to go out: "lock the main
    /// door", "kamre mein band karke", "ghore tala diye rakhe", "يقفلون علي الباب", "alinifungia
    /// ndani", "permit ng amo para lumabas", "izin keluar".
    static let confinementRoles: [Role: [String]] = [
        .lock: [
            "lock", "locks", "locked", "locking", "shut me", "shuts me", "band kar*", "band karke", "band rakh*",
            "band krte", "band kiya", "बंद कर", "بند کر", "tala", "tala diye", "taala", "taalcha", "talcha", "তালা",
            "ताला", "lock garera", "lock gar*", "يقفل", "يقفلون", "تقفل", "قفل", "مقفل", "مسكر", "بتسكر", "bet2fel",
            "bt2fel", "msakkar", "*fungia", "anafunga", "kunci", "dikunci", "mengunci", "kandado", "kinakandado",
            "ikinukulong", "kinukulong", "encierra", "encerrada", "encerrado", "tranca", "trancada", "enferme",
            "enfermee", "chiude", "rinchiude", "ចាក់សោ", "chak so", "သော့ခတ်", "ล็อค", "ล็อก", "ขัง", "khoa", "nhot",
            "锁", "鎖", "關在", "关在", "ቆልፍ", "ዘግታ", "kolfew", "kolfa",
        ],
        .confinePlace: [
            "door", "doors", "main door", "gate", "room", "house", "inside", "flat", "apartment", "bathroom",
            "kamre", "kamra", "kamre mein", "room me", "room mein", "room ma", "kotha", "ghore", "ghar", "ঘরে",
            "कमरे", "کمرے", "dhoka", "ढोका", "الباب", "باب", "البيت", "علي", "bab", "el bab", "bel bet", "ndani",
            "nyumba", "kwarto", "bahay", "pinto", "gate ng", "rumah", "kamar", "pintu", "puerta", "casa", "porta",
            "porte", "maison", "门", "門", "房", "ประตู", "บ้าน", "cua", "phong", "nha", "ទ្វារ", "បន្ទប់", "ផ្ទះ",
            "တံခါး", "အခန်း", "အိမ်", "በር", "ቤት", "bet", "ber",
        ],
        .permission: [
            "permission", "permit", "allowed", "ask permission", "permiso", "permisso", "permissao", "autorisation",
            "permesso", "paalam", "izin", "ijin", "kebenaran", "ijazat", "ijaazat", "इजाज़त", "इजाजत", "اجازت",
            "anumati", "अनुमति", "অনুমতি", "anumoti", "avasara", "අවසර", "anumathi", "அனுமதி", "ruhusa", "kibali",
            "اذن", "ازن", "تصريح", "izn", "ခွင့်", "อนุญาต", "អនុញ្ញាត", "cho phep", "许可", "許可", "批准", "ፈቃድ",
            "fiqad", "hayyama",
        ],
    ]
}
