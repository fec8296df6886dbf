import Testing
@testable import Firewall

/// Issue 21: the ILO forced-labour indicators. Examples written for these tests (not taken from any
/// corpus), a few per indicator in several languages; decoys that must tag nothing; and the rule
/// that the tagger reads only what the firewall left.
@Suite("Forced-labour indicators")
struct IndicatorTests {
    let firewall = Firewall(policy: .makeDefault())
    let tagger = IndicatorTagger()

    static let examples: [(ForcedLabourIndicator, String)] = [
        (.withholdingOfWages, "She has not paid me for four months."),
        (.withholdingOfWages, "Apat na buwan na akong hindi sinusweldo ng amo ko."),
        (.withholdingOfWages, "Majikan belum bayar gaji saya selama tiga bulan."),
        (.withholdingOfWages, "Mi jefa no me paga desde marzo."),
        (.withholdingOfWages, "الكفيل ما عطاني راتب من أربعة شهور"),
        (.withholdingOfWages, "seth ne do mahine se tankhwah nahi di"),
        (.withholdingOfWages, "Bà chủ nợ lương em hai tháng rồi."),
        (.withholdingOfWages, "นายจ้างค้างเงินเดือนฉันสามเดือน"),
        (.excessiveOvertime, "I work 19 hours every day."),
        (.excessiveOvertime, "Trabajo dieciocho horas diarias sin parar."),
        (.excessiveOvertime, "दिनको सत्र घण्टा काम गर्छु"),
        (.excessiveOvertime, "我每天工作十七個小時"),
        (.excessiveOvertime, "Nafanya kazi masaa 20 kwa siku."),
        (.physicalSexualViolence, "Her husband slapped me in the kitchen."),
        (.physicalSexualViolence, "Madame m'a giflée hier."),
        (.physicalSexualViolence, "মালিক আমাকে মারধর করে"),
        (.physicalSexualViolence, "Mama mwenye nyumba ananipiga kila siku."),
        (.restrictionOfMovement, "They lock me in the flat when they travel."),
        (.restrictionOfMovement, "Saya dikunci di dalam rumah."),
        (.restrictionOfMovement, "A patroa não me deixa sair de casa."),
        (.restrictionOfMovement, "मालकिन मुझे बाहर जाने नहीं देती"),
        (.isolation, "Madam took my phone and I cannot call my family."),
        (.isolation, "Kinuha ni sir ang cellphone ko."),
        (.isolation, "اخذت جوالي وما اقدر اكلم اهلي"),
        (.intimidationThreats, "He says he will call the police if I leave."),
        (.intimidationThreats, "La señora me amenaza con llamar a la migra."),
        (.intimidationThreats, "Majikan ugut nak panggil polis."),
        (.intimidationThreats, "kafeel kehta hai police ko de dunga"),
        (.retentionOfIdentityDocuments, "The agency still holds my passport."),
        (.retentionOfIdentityDocuments, "Paspor saya disimpan majikan."),
        (.retentionOfIdentityDocuments, "sahu le mero passport rakheko cha"),
        (.retentionOfIdentityDocuments, "老闆扣押我的護照"),
        (.debtBondage, "I still owe the agency 3000 dollars for the placement fee."),
        (.debtBondage, "May utang ako sa agency na 50,000."),
        (.debtBondage, "Tengo una deuda con la agencia."),
        (.debtBondage, "agent ka qarza chukana hai"),
        (.deception, "The agent promised me a job in a hotel."),
        (.deception, "Saya ditipu agen, katanya kerja di restoran."),
        (.deception, "وعدوني بشغل في مستشفى"),
        (.abusiveWorkingLivingConditions, "I sleep on the kitchen floor and get only leftovers."),
        (.abusiveWorkingLivingConditions, "Tira-tira lang ang pagkain ko."),
        (.abusiveWorkingLivingConditions, "Duermo en el suelo del lavadero."),
        (.abuseOfVulnerability, "I cannot go to the hospital, I have no papers."),
        (.abuseOfVulnerability, "Saya tidak berani ke rumah sakit."),
        (.abuseOfVulnerability, "No puedo ir al hospital, no tengo a nadie aquí."),
        // Written for issue 21's second round, in more languages and in the ways the pair, clock and
        // amount rules read (none is a corpus sentence).
        (.withholdingOfWages, "Bà chủ chưa trả lương cho tôi ba tháng nay."),
        (.withholdingOfWages, "Ji'a sadii mindaa hin argadhe."),
        (.withholdingOfWages, "Mama hajanilipa mshahara wa miezi minne."),
        (.withholdingOfWages, "A patroa não me paga há três meses."),
        (.excessiveOvertime, "Trabajo desde las seis de la mañana hasta las once de la noche."),
        (.excessiveOvertime, "Kerja dari jam 5 pagi sampai jam 12 malam."),
        (.excessiveOvertime, "মাসে একদিনও ছুটি দেয় না"),
        (.excessiveOvertime, "Je travaille de 6h à 23h tous les jours."),
        (.excessiveOvertime, "raat 1 baje tak kaam karti hoon"),
        (.abusiveWorkingLivingConditions, "Natutulog ako sa sahig ng kusina."),
        (.abusiveWorkingLivingConditions, "Ninalala jikoni bila godoro."),
        (.abusiveWorkingLivingConditions, "मुझे खाना सिर्फ एक बार मिलता है"),
        (.abusiveWorkingLivingConditions, "ቀን አንድ ጊዜ ብቻ ምግብ ትሰጠኛለች"),
        (.debtBondage, "Ninadaiwa na wakala shilingi laki mbili."),
        (.debtBondage, "Dalal ke ekhono 1 lakh taka dite hobe."),
        (.deception, "Agensi janji kerja di kilang, ternyata jadi pembantu rumah."),
        (.deception, "Agent ne kaha tha 1500 milega, ab 900 deta hai."),
        (.deception, "She pays me 700 not 1200."),
        (.restrictionOfMovement, "Hapewi ruhusa kutoka nje ya nyumba."),
        (.restrictionOfMovement, "Madam kamre mein band karke jaati hai."),
        (.isolation, "Madam alichukua simu yangu."),
        // Written for issue 21's third round (none is a corpus sentence): a room that lacks what any
        // room has, sleeping places and scarce food in more languages, holidays denied, clock ranges.
        (.abusiveWorkingLivingConditions, "My room has no window and no fan."),
        (.abusiveWorkingLivingConditions, "Duermo en un cuarto sin ventana."),
        (.abusiveWorkingLivingConditions, "Je dors au sous-sol sans chauffage."),
        (.abusiveWorkingLivingConditions, "غرفتي بلا مكيف"),
        (.abusiveWorkingLivingConditions, "Walang bentilador sa kwarto ko."),
        (.abusiveWorkingLivingConditions, "部屋に窓がない。"),
        (.abusiveWorkingLivingConditions, "She makes me sleep next to the washing machine."),
        (.abusiveWorkingLivingConditions, "Aku turu nang dapur."),
        (.abusiveWorkingLivingConditions, "잠은 베란다에서 자요."),
        (.abusiveWorkingLivingConditions, "Tunakula mara moja kwa siku."),
        (.abusiveWorkingLivingConditions, "ഭക്ഷണം ഒരു നേരം മാത്രം."),
        (.abusiveWorkingLivingConditions, "kaema dawasata eka welai."),
        (.excessiveOvertime, "Two years and no vacation."),
        (.excessiveOvertime, "La señora no me da vacaciones."),
        (.excessiveOvertime, "Non ho ferie da un anno."),
        (.excessiveOvertime, "Sipewi siku ya kupumzika."),
        (.excessiveOvertime, "I work a seven-day week."),
        (.excessiveOvertime, "Lavoro fino a mezzanotte."),
        (.excessiveOvertime, "kerja sampai tgh malam."),
        (.isolation, "မန်နေဂျာက ဖုန်းကို သိမ်းထားတယ်"),
        (.intimidationThreats, "Anasema atanifukuza nikilalamika."),
        (.intimidationThreats, "Dice que si me quejo me acusa de robo."),
        (.retentionOfIdentityDocuments, "Pasipoti yangu iko kwa mama wa nyumba."),
        (.retentionOfIdentityDocuments, "পাসপোর্ট মালিকের কাছে"),
        (.physicalSexualViolence, "Baba alinipiga na mkanda."),
        (.physicalSexualViolence, "Ông chủ đánh tôi."),
        (.abuseOfVulnerability, "Sabi niya walang maniniwala sa akin dahil katulong lang ako."),
        (.abuseOfVulnerability, "Dice que nadie me va a creer."),
    ]

    /// Everyday facts a worker reports that show no indicator: paid on time, a day off, her own
    /// phone, a recruitment agency with "Immigration" in its name, a Visa card, a hospital visit.
    static let decoys: [String] = [
        "She pays me on time every month and I have a day off every Sunday.",
        "My employer is kind, no problem with my salary.",
        "I have my own phone and call my family every night.",
        "The agency is called Sunrise Immigration Services and they will call me next week.",
        "Tengo mi pasaporte conmigo.",
        "She opened a Visa card in my name and keeps it for shopping.",
        "I went to the hospital yesterday with my employer.",
        "They take me to church every Sunday.",
        "She never hit me and I have a day off every Sunday.",
        "My passport is with me.",
        "The police helped me get my passport back.",
        "My agent in Manila was very helpful and I owe nothing.",
        "I work from 8am to 5pm, Monday to Friday.",
        "I start at 7 and finish at 6pm.",
        "I sleep in my own room with air conditioning.",
        "Tengo mi día libre los domingos y me pagan puntual.",
        "Saya dapat libur setiap hari Minggu dan gaji dibayar tepat waktu.",
        "我每個星期日放假，工資準時發。",
        // Third round: what her room has, holidays she gets, holiday pay, a short day.
        "My room has a window and a fan.",
        "Mi cuarto tiene ventana y calefacción.",
        "I had a vacation in December and she paid for my ticket.",
        "She gave me my vacation pay in full.",
        "Tengo vacaciones en agosto.",
        "I work from 8 a.m. to 5 p.m.",
        "I clean the windows on Saturday.",
    ]

    @Test("each example shows its indicator", arguments: examples)
    func example(_ indicator: ForcedLabourIndicator, _ text: String) {
        #expect(firewall.indicators(in: text, tagger: tagger).contains(indicator), "\(indicator): \(text)")
    }

    @Test("decoys show nothing", arguments: decoys)
    func decoy(_ text: String) {
        #expect(firewall.indicators(in: text, tagger: tagger).isEmpty, "\(text)")
    }

    @Test("every indicator has examples in at least three languages' texts")
    func coverage() {
        for indicator in ForcedLabourIndicator.allCases {
            #expect(Self.examples.filter { $0.0 == indicator }.count >= 3, "\(indicator)")
        }
    }

    /// "They deport me" would read as a threat, and hiding from the police as abuse of
    /// vulnerability, but both sentences disclose status and the firewall removes them: the tags
    /// must come from what is left, so nothing shows.
    @Test("the tagger never sees removed text")
    func removedTextIsNotTagged() {
        let deport = "my visa expired and they deport me"
        #expect(tagger.indicators(in: deport).contains(.intimidationThreats))   // the raw words would tag
        #expect(firewall.indicators(in: deport, tagger: tagger).isEmpty)        // the intake path does not

        let hiding = "Me escondo cuando viene la policía."
        #expect(tagger.indicators(in: hiding).contains(.abuseOfVulnerability))
        #expect(!firewall.indicators(in: hiding, tagger: tagger).contains(.abuseOfVulnerability))

        // What the firewall keeps still counts: the clinic she cannot reach, not the reason.
        // (Written with a comma: with "because" the learned stage at remove_at 0.6 takes "the
        // hospital because" with the reason, a known over-removal: Docs/firewall.md, "Known limits".)
        let clinic = "I cannot go to the hospital, I have no papers."
        #expect(firewall.redact(clinic).text.contains("[removed]"))
        #expect(firewall.indicators(in: clinic, tagger: tagger) == [.abuseOfVulnerability])
    }

    @Test("removal markers carry no indicator")
    func markersAreNeutral() {
        #expect(tagger.indicators(in: "[removed]").isEmpty)
        #expect(tagger.indicators(in: "[removed] and [removed]. [removed]").isEmpty)
        for (_, text) in Self.examples {
            #expect(tagger.indicators(in: text + " [removed]") == tagger.indicators(in: text), "\(text)")
            #expect(tagger.indicators(in: "[removed] " + text) == tagger.indicators(in: text), "\(text)")
        }
    }

    @Test("the number rule reads 12 to 24 hours a day and 60 or more a week")
    func hours() {
        #expect(tagger.indicators(in: "I work 16 hours a day").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "kerja 18 jam sehari").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "१६ घंटे काम").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "70 heures par semaine").contains(.excessiveOvertime))
        #expect(!tagger.indicators(in: "I work 8 hours a day").contains(.excessiveOvertime))
        #expect(!tagger.indicators(in: "she gives me 2 hours off").contains(.excessiveOvertime))
        #expect(!tagger.indicators(in: "it costs 1.16 hours").contains(.excessiveOvertime))
    }

    @Test("the clock rule reads late hours beside a night word and ranges of 13 hours or more")
    func clock() {
        #expect(tagger.indicators(in: "kerja sampai jam 12 malam").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "raat 2 baje tak kaam").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "Jornada de 06:30 a 22:00.").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "Works 0530-2330 daily.").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "I work 7am to 9pm.").contains(.excessiveOvertime))
        #expect(!tagger.indicators(in: "I work 9am to 6pm.").contains(.excessiveOvertime))
        #expect(!tagger.indicators(in: "I work from 6 to 11.").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "I work from 5 a.m. to 10 p.m. every day.").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "Je travaille de 6h à 1h.").contains(.excessiveOvertime))
        #expect(tagger.indicators(in: "Lavoro dalle 7 alle 22.").contains(.excessiveOvertime))
        #expect(!tagger.indicators(in: "Lavoro dalle 9 alle 18.").contains(.excessiveOvertime))
        // Holiday pay withheld is withheld wages, not a year without rest.
        #expect(tagger.indicators(in: "She did not pay my vacation pay.") == [.withholdingOfWages])
        #expect(!tagger.indicators(in: "We watched TV at 9 at night.").contains(.excessiveOvertime))
    }

    @Test("the amounts rule reads pay below a promise, not times or years")
    func amounts() {
        #expect(tagger.indicators(in: "The agent promised 1,500 but she pays 900.").contains(.deception))
        #expect(tagger.indicators(in: "The agent said it would be 1500. She pays me 800.").contains(.deception))
        #expect(tagger.indicators(in: "she pays rm700 not rm1200").contains(.deception))
        #expect(!tagger.indicators(in: "My contract is from 2023 to 2025 and I work 8 to 5.").contains(.deception))
        #expect(!tagger.indicators(in: "Salary 1500 not paid, 300 deducted.").contains(.deception))
    }

    @Test("pair rules need both words in one sentence")
    func pairRules() {
        #expect(tagger.indicators(in: "madam ne 3 mahine se salary nahi di").contains(.withholdingOfWages))
        #expect(!tagger.indicators(in: "My salary is 1500. I did not go out.").contains(.withholdingOfWages))
        #expect(tagger.indicators(in: "sabi ni madam kinuha daw nya ang passport ko").contains(.retentionOfIdentityDocuments))
        #expect(!tagger.indicators(in: "I have my passport. She took the car.").contains(.retentionOfIdentityDocuments))
        #expect(tagger.indicators(in: "I cannot call my family.").contains(.isolation))
        #expect(!tagger.indicators(in: "I cannot call the police.").contains(.isolation))
        #expect(tagger.indicators(in: "I sleep on the balcony.").contains(.abusiveWorkingLivingConditions))
        #expect(!tagger.indicators(in: "I sleep well. I clean the kitchen.").contains(.abusiveWorkingLivingConditions))
    }

    @Test("tagging is deterministic and sorted")
    func deterministic() {
        let text = "She took my passport and my phone, hits me, and has not paid me for 5 months. I work 18 hours."
        let a = tagger.indicators(in: text)
        #expect(a == IndicatorTagger().indicators(in: text))
        #expect(a == a.sorted())
        #expect(Set(a) == [.retentionOfIdentityDocuments, .isolation, .physicalSexualViolence, .withholdingOfWages, .excessiveOvertime])
    }
}
