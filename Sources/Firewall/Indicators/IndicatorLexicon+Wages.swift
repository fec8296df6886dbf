/// Pay withheld, in the languages the family lists leave out (Tigrinya, Oromo, Telugu, Malayalam,
/// Italian, German, Korean) and in the ways every language says it without a wage word: a pay
/// period beside a not-given word ("3 mash baki", "jeetham 3 nelalu baaki", "ji'a 4f mindaa hin
/// kaffalle", "kab 6 werhi ayhabetnin", "miezi 9 haujalipwa"), or a deduction with what it is said
/// to be for ("keep 30000 yen for dormitory", "kinakaltasan para sa pagkain").
extension IndicatorLexicon {
    static let wageRoles: [Role: [String]] = [
        .wage: [
            "demoz*", "ደሞዘይ", "ደሞዝ*", "wagha", "mindaa", "jeetham", "jeetam", "జీతం", "shamblam", "shambalam",
            "sambalam", "ശമ്പളം", "stipendio", "tredicesima", "lohn", "gehalt", "월급", "급여", "ngoen", "ngern",
            "ngoen duean", "mrattab", "مرتب", "المرتب", "pagas", "pagamento", "လခ", "lakha", "pandi", "padi",
        ],
        .unpaid: [
            "takes", "took", "take from", "docked", "dock*", "hold back", "holds back", "held back", "keeps", "kept",
            "keep", "half", "mitad", "metade", "moitie", "nusu", "nua", "نص", "نصف", "hak", "ot aoy", "min aoy",
            "min ban", "kom ban", "champeak", "chompeak", "inachukua", "anachukua", "wanachukua", "rakh li",
            "rakh liya", "rakh leti", "रख ली", "रख लिया", "रख लेती", "baqi", "باقی", "باقي", "deve", "devem",
            "adeudad*", "em atraso", "en retard", "reclam*", "claim*", "anadai", "hauja*", "haija*", "bado",
            "பிடித்து", "பிடிக்கிற", "kapanawa", "කපනවා", "kete", "কেটে", "non", "nicht", "keine", "kein",
        ],
        .notGiven: [
            "not given", "not paid", "unpaid", "not received", "never received", "never paid", "pending", "months due", "weeks due", "salary due", "still due",
            "owed", "owes me", "owe me", "owes her", "owe her", "owes him", "outstanding", "arrears", "paid nothing",
            "nothing paid", "no pay", "no salary", "baki", "baaki", "bakaya", "baqi", "বাকি", "বকেয়া", "बाकी", "बकाया",
            "باقی", "بقایا", "நிலுவை", "nahi di", "nahi diya", "nhi diya", "nahi mili", "nahi mila", "nahi mile",
            "diyena", "diyeko chaina", "paeko chaina", "payeko chaina", "पाएको छैन", "दिएको छैन", "दिएन",
            "dey na", "dey ni", "dey nai", "deyni", "deya na", "দেয় না", "দেয় নাই", "দেয়নি", "পাই নাই", "paini",
            "denne na", "denne naha", "dunne na", "dunne naha", "dunne nehe", "දුන්නේ නෑ", "දුන්නේ නැහැ", "ගෙවලා නැහැ",
            "kodukala", "kodukkala", "kudukala", "kudukkala", "tharala", "tharalai", "tharanilla", "tharavillai",
            "தரவில்லை", "கொடுக்கவில்லை", "கொடுக்கல", "ivvaledu", "ivvaledhu", "ivvadam ledu", "kittiyilla",
            "kittiyittilla", "കിട്ടിയിട്ടില്ല", "illathe", "hin argadhe", "hin kaffalle", "hin kaffalamne",
            "ayhabetnin", "ayhabeni*", "aykefalu*", "aykefel*", "ኣይሃበን*", "ኣይከፈለ*", "ኣይተኸፈለ*", "alkefel*",
            "altekefel*", "alsete*", "አልከፈለ*", "አልተከፈለ*", "አይሰጡ*", "haijalipwa", "haujalipwa", "hajanilipa",
            "hawajalipa", "hajalipa", "sijalipwa", "bado", "chua tra", "chua nhan", "con thieu", "con no",
            "khong tra", "min aoy", "min ban", "ot aoy", "kom ban", "ma pay", "ma pay bu", "mai jai", "mai dai",
            "bo jaai", "mai jaai", "ไม่จ่าย", "ไม่ได้", "ค้าง", "မပေး", "မရသေး", "欠", "沒給", "没给", "冇俾", "未付",
            "no me paga", "no me pagan", "no le pagan", "no le paga", "sin pagar", "no cobro", "nao me paga",
            "nao recebe", "nao recebi", "em atraso", "adeudad*", "ne me paie", "pas paye*", "jamais ete paye*",
            "non pagat*", "non mi paga", "ما دفع", "ما قبضت", "ما استلمت", "ma 2abadet", "ma 2bdt", "ma dafa3",
            "ما عطاني", "ما تعطيني", "ما بتعطيني", "مو راضيه تعطيني", "لم تتقاض", "غير المدفوعه", "غير مدفوعه",
            "belum dibayar", "blm dibayar", "nggak dikasih", "gak dikasih", "tidak dikasih", "ga dikasih",
            "tak bayar", "di nagbigay", "di pinapasahod", "hindi nagbigay", "hindi binayaran", "di binayaran",
        ],
        .payPeriod: [
            "months", "month", "mos", "weeks", "wks", "mash", "maash", "masa", "mase", "maser", "mahine", "mahina",
            "mahinay", "mahinon", "महीने", "महिना", "महिनाको", "مہینے", "مہینوں", "মাস", "মাসের", "maas", "maasam",
            "maasa", "මාස", "மாதம்", "மாச", "nelalu", "nela", "నెలలు", "maasamaayi", "മാസമായി", "buwan", "bulan", "bln",
            "meses", "mois", "mesi", "monate", "miezi", "mwezi", "wer", "werhi", "ወር", "ወርሒ", "ji'a", "duean",
            "deuan", "duen", "เดือน", "khae", "khe", "ខែ", "လ", "thang", "tháng", "月", "개월", "شهر", "شهور",
            "اشهر", "shhur", "ashhor", "shuhur",
        ],
        .deductionReason: [
            "for food", "for my food", "for the food", "for room", "for the room", "for my room", "for dormitory",
            "for the dormitory", "for lodging", "for accommodation", "for electricity", "for damage", "for broken",
            "for breaking", "for the vase", "for my ticket", "for the ticket", "for rent", "for water",
            "por la habitacion", "por alojamiento", "por el alojamiento", "por la comida", "por comida",
            "pelo quarto", "pela comida", "o quarto e a comida", "pour la chambre", "pour l'hebergement",
            "pour la nourriture", "para sa pagkain", "sa pagkain", "para sa kuryente", "buat makan", "untuk makan",
            "utk makan", "buat sik faan", "khane ke", "کھانے کے", "کمرے کے", "تمن اكلك", "على الاقامه والاكل",
            "للاكل", "숙소비", "住宿費", "住宿费", "伙食費", "伙食费",
        ],
    ]
}
