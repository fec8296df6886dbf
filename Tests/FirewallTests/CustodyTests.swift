import Firewall
import Testing

/// Custody of her documents is a labour fact; "she has no iqama" is status. The custody lexicon
/// (`Lexicon+Custody`) names a holder or a document, because a custody cue suppresses status
/// detection in its clause: the bare Arabic "عندها" / "لدى" ("she has" / "I have") used to be custody
/// words, and kept "ما عندها إقامة" whole. Sentences written for this test, none a corpus record.
@Suite("Custody and status")
struct CustodyTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("confiscation reaches the inspector", arguments: [
        "paspor saya ada di majikan, gaji belum dibayar 3 bulan",
        "جوازي عند الكفيل وما يدفع الراتب",
        "la patrona no me devuelve el pasaporte",
    ])
    func confiscationKept(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    @Test("saying what she has not is status, whatever the custody words", arguments: [
        ("ما عندها إقامة والمدام ما تدفع راتبها", "ما عندها إقامة", "والمدام ما تدفع راتبها"),
        ("لا توجد لدي إقامة", "لا توجد لدي إقامة", ""),
        // "quitar" a permit is to revoke it: not a custody word.
        ("me han quitado la residencia y trabajo 14 horas sin descanso", "quitado la residencia", "trabajo 14 horas"),
        // "send her back" is not "give back": the police's consequence, told without a status word.
        ("পুলিশ ধরলে দেশে ফেরত পাঠাবে", "দেশে ফেরত পাঠাবে", ""),
        ("पुलिसले समात्यो भने फिर्ता पठाउँछ", "फिर्ता पठाउँछ", ""),
    ])
    func statusRemoved(_ text: String, disclosure: String, labour: String) {
        expectRedaction(by: firewall, of: text, removes: disclosure, keeps: labour)
    }

    /// A custody word holds one document. In a message typed without punctuation, status about
    /// another document in the same clause was kept whole ("wala akong visa" beside a held
    /// passport), or the clause went whole and the confiscation with it.
    @Test("custody of one document neither hides status about another nor goes with it", arguments: [
        ("wala akong visa kinikeep ni madam passport ko", "wala akong visa", "kinikeep ni madam passport ko"),
        ("sy tdk punya visa paspor sy ditahan majikan", "tdk punya visa", "paspor sy ditahan majikan"),
        ("majikan simpan paspor sy permit kerja tak ada", "permit kerja tak ada", "majikan simpan paspor sy"),
        ("boss hold my passport i have no permit", "no permit", "boss hold my passport"),
        ("madam keeps my passport i have no visa since 2022", "no visa", "madam keeps my passport"),
        ("madam took my passport my visa is expired already 2 years", "expired", "madam took my passport"),
        ("no tengo papeles la señora tiene mi pasaporte", "no tengo papeles", "la señora tiene mi pasaporte"),
    ])
    func custodyPerDocument(_ text: String, disclosure: String, labour: String) {
        expectRedaction(by: firewall, of: text, removes: disclosure, keeps: labour)
    }

    /// Found on set s (2026-12-07): each of these lost the confiscation before.
    @Test("the confiscation stays beside a document number and an arrival", arguments: [
        // The number goes; the passport word, which says what is held, stays.
        ("my employer keeps my passport N7712345 and my salary is late 3 months", "N7712345", "keeps my passport"),
        ("ម្ចាស់ផ្ទះរក្សាទុកលិខិតឆ្លងដែនរបស់ខ្ញុំ (លេខ N០១២៣៤៥៦៧)", "N០១២៣៤៥៦៧", "រក្សាទុកលិខិតឆ្លងដែនរបស់ខ្ញុំ"),
        // A held passport says nothing of how she came.
        ("the agent holds my passport since i came here and my visa expired last month", "visa expired", "holds my passport since i came here"),
    ])
    func confiscationBesideStatus(_ text: String, disclosure: String, labour: String) {
        expectRedaction(by: firewall, of: text, removes: disclosure, keeps: labour)
    }

    @Test("custody of a list of documents, or of the one she says she lacks, stays confiscation", arguments: [
        "madam keeps my passport and my visa",
        "kinuha ni madam ang passport at visa ko",
        "madam keeps my passport no salary 4 months",
    ])
    func heldDocumentsKept(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    @Test("a threat to send her back stays a threat")
    func threatKept() {
        let text = "মালিক বলে পুলিশ ডাকবে, দেশে ফেরত পাঠাবে"
        #expect(firewall.redact(text).text == text)
    }
}
