import Testing
import Firewall

/// Cases written for this module, not taken from the corpus: how workers and caseworkers write in
/// each language, including code-mixing and the decoys that must NOT trigger. Each case lists
/// fragments that must disappear and fragments that must survive verbatim.
struct Case: CustomTestStringConvertible, Sendable {
    let lang: String
    let text: String
    let gone: [String]
    let kept: [String]
    var testDescription: String { "[\(lang)] \(text.prefix(50))" }
}

@Suite("Own cases per language")
struct LanguageCaseTests {
    let firewall = Firewall(policy: .makeDefault())

    static let cases: [Case] = [
        // English, regional varieties
        Case(lang: "en", text: "My employer in Tampines pays me $400. My work permit was cancelled by MOM last month.",
             gone: ["work permit was cancelled"], kept: ["My employer in Tampines pays me $400"]),
        Case(lang: "en", text: "I am staying here illegally since 2021 and madam knows it. She pays me 600 ringgit only.",
             gone: ["illegally since 2021"], kept: ["She pays me 600 ringgit only"]),
        Case(lang: "en", text: "my passport no is E B 4 4 7 1 9 2 0 and the agency keeps it", gone: ["4 4 7 1 9 2 0"], kept: ["the agency keeps it"]),
        Case(lang: "en", text: "My passport number is P four eight two nine one three three. Salary 300 KD not paid.",
             gone: ["four eight two nine"], kept: ["Salary 300 KD not paid"]),
        Case(lang: "en", text: "Iqama: 2450-881-339. Madam beats me.", gone: ["2450-881-339"], kept: ["Madam beats me"]),
        Case(lang: "en", text: "I entered through the desert with a smuggler in 2019. Now I clean offices in El Paso for $7 an hour.",
             gone: ["smuggler in 2019"], kept: ["I clean offices in El Paso for $7 an hour"]),
        Case(lang: "en", text: "They took me to the deportation centre in 2022. The agency Golden Immigration Services still owes me $900.",
             gone: ["deportation centre in 2022"], kept: ["The agency Golden Immigration Services still owes me $900"]),
        Case(lang: "en", text: "There was an illegal deduction of 200 AED from my salary.", gone: [], kept: ["There was an illegal deduction of 200 AED from my salary."]),
        Case(lang: "en", text: "I pay with my Visa debit card but madam takes the card.", gone: [], kept: ["I pay with my Visa debit card but madam takes the card."]),
        Case(lang: "en", text: "I am not given permit to go out on Sunday.", gone: [], kept: ["I am not given permit to go out on Sunday."]),
        Case(lang: "en", text: "My employer keeps my passport in her safe.", gone: [], kept: ["My employer keeps my passport in her safe."]),
        Case(lang: "en", text: "She threatens to call immigration if I ask for my wages.", gone: [], kept: ["She threatens to call immigration if I ask for my wages."]),
        Case(lang: "en", text: "He said he will have me deported if I go to the labour office.", gone: [], kept: ["he will have me deported if I go to the labour office"]),
        Case(lang: "en", text: "I have a green card but the family pays me $3 an hour.", gone: ["green card"], kept: ["the family pays me $3 an hour"]),
        // Tagalog / Taglish
        Case(lang: "tl", text: "Wala na po akong visa since March. Hindi binabayaran ang sahod ko ng 3 buwan.",
             gone: ["Wala na po akong visa"], kept: ["Hindi binabayaran ang sahod ko ng 3 buwan"]),
        Case(lang: "tl", text: "Kinuha ng amo ko ang passport ko at hindi ibinabalik.", gone: [], kept: ["Kinuha ng amo ko ang passport ko at hindi ibinabalik."]),
        Case(lang: "tl", text: "TNT ako sa Jeddah. Binubugbog ako ni madam.", gone: ["TNT ako"], kept: ["Binubugbog ako ni madam"]),
        // Indonesian
        Case(lang: "id", text: "Saya tidak punya visa kerja. Majikan potong gaji saya 300 ringgit.",
             gone: ["tidak punya visa kerja"], kept: ["Majikan potong gaji saya 300 ringgit"]),
        Case(lang: "id", text: "Saya tidak dapat izin keluar rumah. Gaji belum dibayar.", gone: [], kept: ["Saya tidak dapat izin keluar rumah.", "Gaji belum dibayar."]),
        Case(lang: "id", text: "Paspor saya dipegang agensi sejak 2022.", gone: [], kept: ["Paspor saya dipegang agensi sejak 2022."]),
        // Nepali (Devanagari and romanised)
        Case(lang: "ne", text: "मेरो भिसा सकियो। मालिकले तलब दिँदैन।", gone: ["भिसा सकियो"], kept: ["मालिकले तलब दिँदैन"]),
        Case(lang: "ne", text: "mero visa sakiyo. malik le talab didaina.", gone: ["visa sakiyo"], kept: ["malik le talab didaina"]),
        // Hindi
        Case(lang: "hi", text: "मेरे पास वीज़ा नहीं है। मालिक तनख्वाह नहीं देता।", gone: ["वीज़ा नहीं है"], kept: ["मालिक तनख्वाह नहीं देता"]),
        // Bengali
        Case(lang: "bn", text: "আমার ভিসা নেই। মালিক বেতন দেয় না।", gone: ["ভিসা নেই"], kept: ["মালিক বেতন দেয় না"]),
        // Urdu
        Case(lang: "ur", text: "میرا ویزا ختم ہو گیا ہے۔ مالک تنخواہ نہیں دیتا۔", gone: ["ویزا ختم"], kept: ["مالک تنخواہ نہیں دیتا"]),
        // Sinhala
        Case(lang: "si", text: "මගේ වීසා කල් ඉකුත් වෙලා. ගෙදර අය පඩි දෙන්නේ නැහැ.", gone: ["වීසා කල් ඉකුත්"], kept: ["ගෙදර අය පඩි දෙන්නේ නැහැ"]),
        // Arabic and Arabic–English
        Case(lang: "ar", text: "إقامتي منتهية من سنة. الكفيل ما يعطيني راتب.", gone: ["إقامتي منتهية"], kept: ["الكفيل ما يعطيني راتب"]),
        Case(lang: "ar", text: "مكان إقامتي عند المدام صغير جدا.", gone: [], kept: ["مكان إقامتي عند المدام صغير جدا."]),
        Case(lang: "ar", text: "ana bidoon iqama now. madam not pay salary 4 months.", gone: ["bidoon iqama"], kept: ["madam not pay salary 4 months"]),
        Case(lang: "ar", text: "رقم الإقامة ٢٤٥٠٨٨١٣٣٩ والمدام تضربني.", gone: ["٢٤٥٠٨٨١٣٣٩"], kept: ["المدام تضربني"]),
        // Spanish
        Case(lang: "es", text: "Estoy sin papeles desde 2019. La señora me paga 300 dólares.", gone: ["sin papeles desde 2019"], kept: ["La señora me paga 300 dólares"]),
        Case(lang: "es", text: "Me hizo firmar unos papeles del contrato que no entendí.", gone: [], kept: ["Me hizo firmar unos papeles del contrato que no entendí."]),
        // Portuguese
        Case(lang: "pt", text: "Estou sem documentos. A patroa não paga o salário há 3 meses.", gone: ["sem documentos"], kept: ["A patroa não paga o salário há 3 meses"]),
        // French
        Case(lang: "fr", text: "Je suis sans papiers. Mon employeur ne me paie pas depuis mars.", gone: ["sans papiers"], kept: ["Mon employeur ne me paie pas depuis mars"]),
        // Thai
        Case(lang: "th", text: "วีซ่าของฉันหมดอายุแล้ว นายจ้างไม่จ่ายเงินเดือน", gone: ["วีซ่าของฉันหมดอายุ"], kept: ["นายจ้างไม่จ่ายเงินเดือน"]),
        Case(lang: "th", text: "นายจ้างยึดพาสปอร์ตของฉันไว้ การหักเงินแบบนี้ผิดกฎหมาย", gone: [], kept: ["นายจ้างยึดพาสปอร์ตของฉันไว้", "ผิดกฎหมาย"]),
        // Vietnamese
        Case(lang: "vi", text: "Tôi không có giấy tờ. Chủ nhà không trả lương.", gone: ["không có giấy tờ"], kept: ["Chủ nhà không trả lương"]),
        // Burmese
        Case(lang: "my", text: "ကျွန်မ ဗီဇာ သက်တမ်းကုန်သွားပြီ။ အိမ်ရှင်က လစာ မပေးဘူး။", gone: ["သက်တမ်းကုန်"], kept: ["အိမ်ရှင်က လစာ မပေးဘူး"]),
        // Amharic
        Case(lang: "am", text: "ቪዛዬ አልፏል። አሠሪዬ ደሞዝ አልከፈለችኝም።", gone: ["ቪዛዬ አልፏል"], kept: ["አሠሪዬ ደሞዝ አልከፈለችኝም"]),
        // Mixed language with a wrong hint: the hint must not narrow detection.
        Case(lang: "en", text: "Expired na yung visa ko. Madam does not pay overtime.", gone: ["Expired na yung visa ko"], kept: ["Madam does not pay overtime"]),
    ]

    @Test("removes disclosures and keeps labour facts", arguments: cases)
    func check(_ c: Case) {
        let out = firewall.redact(c.text, language: c.lang).text
        for g in c.gone { #expect(!out.contains(g), "still contains \(g): \(out)") }
        for k in c.kept { #expect(out.contains(k), "lost \(k): \(out)") }
    }

    @Test("the marker says nothing about what was removed")
    func uniformMarker() {
        let a = firewall.redact("I am undocumented.").text
        let b = firewall.redact("I applied for asylum.").text
        #expect(a == "\(Firewall.marker).")
        #expect(b == "\(Firewall.marker).")
        for word in ["visa", "asylum", "status", "document", "immigration"] {
            #expect(!Firewall.marker.lowercased().contains(word))
        }
    }

    @Test("the language hint does not narrow detection")
    func hintIgnored() {
        let text = "إقامتي منتهية and my salary is late"
        #expect(firewall.redact(text, language: "en").text == firewall.redact(text, language: "ar").text)
        #expect(firewall.redact(text, language: "xx").text == firewall.redact(text).text)
    }
}
