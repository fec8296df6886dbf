import Testing
import Firewall

/// Indirect disclosures: status told by what it does to her life, with no status word. The cases
/// are written for these tests (no corpus record), one family at a time, each beside the decoys
/// that share its words and must stay: a threat is a labour fact, and so is confinement.
@Suite("Indirect disclosures")
struct IndirectDisclosureTests {
    let firewall = Firewall(policy: .makeDefault(), learnedModel: nil)

    @Test("fear of what the authorities would do to her", arguments: [
        Case(lang: "en", text: "I can't go to the police because they would lock me up and send me home. Madam owes me 3 months.",
             gone: ["lock me up"], kept: ["Madam owes me 3 months."]),
        Case(lang: "sw", text: "Siwezi kwenda hospitali kwa sababu watanikamata. Mshahara wa miezi miwili haujalipwa.",
             gone: ["watanikamata"], kept: ["Mshahara wa miezi miwili haujalipwa."]),
        Case(lang: "th", text: "ฉันไม่กล้าไปโรงพัก เพราะตำรวจจะจับส่งกลับ นายจ้างไม่จ่ายเงิน",
             gone: ["จับส่งกลับ"], kept: ["นายจ้างไม่จ่ายเงิน"]),
        Case(lang: "ne-Latn", text: "police le samatyo bhane nepal pathai dinchha. malik le talab didaina.",
             gone: ["nepal pathai dinchha"], kept: ["malik le talab didaina"]),
        Case(lang: "hi-Latn", text: "thane nahi ja sakti kyunki wo jail mein daal ke wapas bhej denge 5 mahine ki tankhwah baaki hai",
             gone: ["wapas bhej denge"], kept: ["5 mahine ki tankhwah baaki hai"]),
    ])
    func fearOfTheOutcome(_ c: Case) { check(c) }

    @Test("a card demanded where she cannot go", arguments: [
        Case(lang: "en", text: "I can't go to the clinic because they ask for my card. I work 15 hours a day.",
             gone: ["they ask for my card"], kept: ["I work 15 hours a day."]),
        Case(lang: "id", text: "Sakit tapi tidak berani ke puskesmas karena ditanya kartu. Gaji dipotong 200 ringgit.",
             gone: ["ditanya kartu"], kept: ["Gaji dipotong 200 ringgit."]),
        Case(lang: "ar", text: "ما أقدر أروح المستشفى لأنهم يطلبون البطاقة. الراتب ما وصلني من شهرين.",
             gone: ["يطلبون البطاقة"], kept: ["الراتب ما وصلني من شهرين."]),
    ])
    func demandedCard(_ c: Case) { check(c) }

    @Test("hiding from the police", arguments: [
        Case(lang: "en", text: "When the police come to the building my employer hides me in the laundry room. No day off.",
             gone: ["hides me"], kept: ["No day off."]),
        Case(lang: "ur", text: "جب پولیس آتی ہے تو مالکن مجھے سٹور میں چھپا دیتی ہے۔ تنخواہ نہیں ملی۔",
             gone: ["چھپا دیتی"], kept: ["تنخواہ نہیں ملی۔"]),
    ])
    func hiding(_ c: Case) { check(c) }

    @Test("the time allowed to stay ran out", arguments: [
        Case(lang: "en", text: "My grace period ended in May. She still owes me 1,200 dollars.",
             gone: ["grace period ended"], kept: ["She still owes me 1,200 dollars."]),
        Case(lang: "pt", text: "O meu tempo de ficar acabou. A patroa não paga as horas extra.",
             gone: ["tempo de ficar acabou"], kept: ["A patroa não paga as horas extra."]),
    ])
    func graceRanOut(_ c: Case) { check(c) }

    @Test("a filed absconding report, an entry without inspection, a borrowed name, a travel ban", arguments: [
        Case(lang: "id", text: "Majikan lama sudah melaporkan saya kabur ke imigrasi. Gaji 3 bulan belum dibayar.",
             gone: ["melaporkan saya kabur"], kept: ["Gaji 3 bulan belum dibayar."]),
        Case(lang: "vi", text: "Chủ cũ báo tôi bỏ trốn. Tôi làm 16 tiếng mỗi ngày.",
             gone: ["báo tôi bỏ trốn"], kept: ["Tôi làm 16 tiếng mỗi ngày."]),
        Case(lang: "es", text: "Entré sin pasar por migración. La señora me paga 300 dólares al mes.",
             gone: ["sin pasar por migración"], kept: ["La señora me paga 300 dólares al mes."]),
        Case(lang: "ar", text: "جيت على عمرة وبقيت. صاحبة البيت ما تعطيني راتب.",
             gone: ["على عمرة"], kept: ["صاحبة البيت ما تعطيني راتب."]),
        Case(lang: "hi", text: "मैं अपनी बहन के नाम पर काम करती हूँ। मालिक पैसे नहीं देता।",
             gone: ["के नाम पर काम"], kept: ["मालिक पैसे नहीं देता।"]),
        Case(lang: "en", text: "There is a travel ban on me. The agency took 2,000 dirhams from my salary.",
             gone: ["travel ban"], kept: ["The agency took 2,000 dirhams from my salary."]),
    ])
    func otherFamilies(_ c: Case) { check(c) }

    @Test("threats, confinement and leaving an employer stay", arguments: [
        "I cannot go home because madam will call the police and they will send me home.",
        "I cannot complain because she will report me to the police and they will deport me.",
        "I ran away because he hit me and I reported the beating to the police.",
        "She said she will report me as missing if I leave.",
        "My employer reported to the police that her gold is missing.",
        "I cannot go to the labour office because the agent will send me back to the agency.",
        "After termination madam still has my passport and my last salary.",
        "I cannot go to the hospital because madam asks for my salary card.",
        "The police came because of the noise and madam hides my phone.",
    ])
    func decoysStay(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    private func check(_ c: Case) {
        let out = firewall.redact(c.text).text
        for g in c.gone { #expect(!out.contains(g), "kept \"\(g)\" in \(out)") }
        for k in c.kept { #expect(out.contains(k), "lost \"\(k)\" in \(out)") }
    }
}
