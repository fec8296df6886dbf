/// What her room lacks, and more ways to say where she sleeps and what she eats (issue 21, third
/// round). A room without a window, heating, electricity, a fan or a blanket ("no window", "sin
/// calefacción", "sans chauffage", "بلا نافذة ولا مكيف", "walang bentilador", "窓がない") is abusive
/// living conditions (`Role.amenity` with a denial, `IndicatorTagger.pairRules`). Words were written
/// from how people say these things, in every reporter-page language, not from corpus sentences.
extension IndicatorLexicon {
    static let amenityRoles: [Role: [String]] = [
        .amenity: [
            "window", "windows", "heating", "heater", "electricity", "electric fan", "aircon", "air con",
            "air conditioning", "air-conditioning", "blanket", "blankets", "ventana", "ventanas", "calefaccion",
            "electricidad", "ventilador", "cobija", "manta", "janela", "janelas", "aquecimento", "eletricidade",
            "cobertor", "fenetre", "fenetres", "chauffage", "electricite", "couverture", "finestra", "finestre",
            "riscaldamento", "coperta", "fenster", "heizung", "jendela", "kipas", "kipas angin", "selimut",
            "bintana", "bentilador", "kumot", "khidki", "khirki", "pankha", "bijli", "खिड़की", "खिडकी", "पंखा",
            "बिजली", "कम्बल", "کھڑکی", "پنکھا", "بجلی", "کمبل", "jhyal", "झ्याल", "pankha", "জানালা", "ফ্যান",
            "কম্বল", "janala", "janela", "ජනේල", "janela", "විදුලි", "ஜன்னல்", "மின்விசிறி", "ജനൽ", "ഫാൻ", "dirisha",
            "madirisha", "feni", "umeme", "blanketi", "نافذه", "شباك", "مكيف", "تكييف", "كهرباء", "كهربا", "مروحه",
            "بطانيه", "حرام", "shebbak", "mkayyef", "mukayif", "หน้าต่าง", "พัดลม", "แอร์", "ผ้าห่ม", "បង្អួច",
            "កង្ហារ", "ပြတင်းပေါက်", "ပန်ကာ", "cua so", "quat", "dieu hoa", "窗", "窗户", "窗戶", "暖气",
            "暖氣", "冷气", "冷氣", "空调", "空調", "风扇", "風扇", "被子", "窓", "暖房", "エアコン", "布団", "창문",
            "난방", "에어컨", "이불", "መስኮት", "ብርድ ልብስ", "መብራት",
        ],
        .sleep: [
            "turu", "turune", "nginep", "ዝድቅስ", "እድቅስ", "ደቂሰ", "edeqis", "ideqis", "ናይ ምድቃስ", "자요", "잠은", "잠을",
            "잡니다", "寝て", "寝る", "寝ます", "寝ています", "ນອນ", "ഉറങ്ങ", "urangan", "urangunnath", "slept on",
            "sleeps in", "sleeps on", "sleeping on", "sleeping in", 
        ],
        .badPlace: [
            "ගබඩා", "gabada", "o kho", "trong kho", "kho chua do", "cuarto de la lavadora", "lavadora",
            "washing machine", "washing-machine", "entrance hall", "hall", "folding bed", "area de servico",
            "quartinho", "chambre de bonne", "ሰገነት", "ኩሽና", "balkoni", "jikoni", "toilet", "di toilet", "veranda",
            "베란다", "창고", "거실", "부엌", "ຫ້ອງເກັບເຄື່ອງ", "ເດີ່ນ", "โรงรถ", "ใต้บันได", "物置", "倉庫", "台所",
            "玄関", "ベランダ", "廊下", "soggiorno", "sgabuzzino", "lavanderia", "بلكون", "عالبلكون", "البلكونه",
            "غرفه الغسيل", "المخزن", "bodega", "outside", "outside room", "servant quarter",
        ],
        .food: [
            "kaema", "kaeema", "食べ物", "ご飯", "食事", "밥", "음식", "ഭക്ഷണം", "bhakshanam", "کھانے", "کھانے میں", "खाने", "khane",
            "tunakula", "nakula", "ninakula", "anakula", "tunakunywa", "ກິນ", "ອາຫານ", "comemos", 
            "mange", "je mange", "mangio", "kumakain", "makan saya", "ምግብ", "ምግቢ", "መግቢ",
        ],
        .scarcity: [
            "しか", "だけ", "期限切れ", "残り物", "한 끼", "മാത്രം", "ഒരു നേരം", "eka wela", "eka welai",
            "eka welawak", "vitharai", "witharai", "withari", "එක වතාව", "එක වේල", "කල් ඉකුත්", "mara moja",
            "mtupu", "ເຫຼືອ", "sobra", "lo que sobra", "sobrou", "o que sobra", "ce qui reste", "avanzi",
            "مره بالنهار", "مره باليوم", "مره في اليوم", "وجبه وحده", "ek wakt", "ek waqt",
            "ek bela", "ek chhak", "ek beles", "ekbela", "একবেলা", "এক বেলা", "ekbar", "ጥራይ", "ብቻ", "kal ikuth",
            "kadaluwarsa", "basi", "panis",
        ],
    ]
}
