/// Her documents and who holds them, in the forms the family lists leave out: case-note shorthand
/// ("PP held by EA"), suffixed Ethiopic and Indic words ("ፓስፖርቴን", "मालिकसँग"), and where a
/// passport is kept ("in his almari", "kwa drawer yake", "在她那裡", "beim Arbeitgeber"). A document
/// and a custody word in one sentence are retention of identity documents (`IndicatorTagger.pairRules`).
extension IndicatorLexicon {
    static let documentRoles: [Role: [String]] = [
        .document: [
            "pp", "qid", "qid card", "civil id", "civil card", "emirates id", "hkid", "hkid card",
            "certificate of identity",
            "travel document", "reisepass", "passeport", "passaporto", "pasipoti", "passportene", "passport-um",
            "passport-a", "passport-ai", "*ፓስፖር", "ፓስፖር*", "ፖስፖር*", "passaporte", "pasaporte", "پاسپورٹ", "جواز",
            "جوازي", "جواز سفر", "الجواز", "পাসপোর্ট", "पासपोर्ट", "राहदानी", "පාස්පෝට්", "பாஸ்போர்ட்",
            "கடவுச்சீட்டு", "பாஸ்போர்ட்டை", "പാസ്പോർട്ട്", "ho chieu", "護照", "护照", "居留證", "居留证",
            "លិខិតឆ្លងដែន", "អត្តសញ្ញាណប័ណ្ណ", "ပတ်စ်ပို့", "ပန်းရောင်ကတ်", "หนังสือเดินทาง", "พาสปอร์ต", "여권",
            "iqama", "akama", "pink card", "work permit card", "ic", "mykad", "ktp", "paspor", "pasport",
        ],
        .custody: [
            "held by", "held", "locked", "locked in", "in his safe", "in her safe", "in a safe", "in the safe",
            "safe", "drawer", "locker", "almari", "almirah", "cupboard", "bedroom", "office drawer", "caja fuerte",
            "cofre", "coffre", "cassaforte", "lemari", "peti besi", "laci", "di drawer", "kwa drawer", "kabati",
            "with her", "with him", "with madam", "with the family", "with sir", "with my employer", "with the agent",
            "ke paas", "ke pass", "के पास", "کے پاس", "پاس ہے", "unke locker", "rakha hua", "rakha hua hai",
            "rakha hai",
            "rakh rakha", "band kar rakha", "बंद कर रखा", "रखा है", "rakhera", "rakhera baseko", "le liye", "le liya",
            "liye hain", "लिए हैं", "lieko", "lieko cha", "liyeko", "*सँग", "sanga", "सँग छ", "এর কাছে", "কাছে",
            "kache", "madam er kache", "ළඟ", "laga", "ළඟ තියෙන්නේ", "thiyagena innawa", "idam", "இடம்",
            "கிட்ட", "கிட்டதான்", "*கிட்டதான்", "vachirukaan", "vachirukkanga", "vechirukanga", "vachirukanga",
            "eduthuttaar", "eduthuttanga", "eduthutaanga", "inda", "inda madam", "iko kwa", "iko na", "yuko na",
            "anayo", "amechukua", "alichukua", "*ወስዶ", "ወስዶታል", "ይዞታል", "*ይዞ", "yizotal", "wesdotal", "5adet",
            "5ad", "khadet", "akhadet", "mask", "maska", "ماسك", "مسك", "محتفظ", "محجوز", "عنده", "عندها", "yuet",
            "yut wai", "ยึดไว้", "รឹបអូស", "រឹបអូស", "扣起", "鎖在", "锁在", "保險箱", "保险箱", "在她那裡", "在他那裡",
            "在她那里", "在他那里", "在老闆", "在雇主", "beim", "beim arbeitgeber", "guardaba", "guardado", "guardada",
            "me tiene", "le tiene", "retienen", "retencion", "retencao", "retenu", "retenue", "confisque", "trattiene",
            "giu", "dang giu", "thu giu", "ဆီမှာ", "ဆီ", "သိမ်းထား", "simpan", "disimpan", "dipegang", "ditahan",
            "tahan", "hawak", "nasa kanila", "nasa amo", "nasa employer",
        ],
    ]
}
