import Testing
import Firewall

/// The document firewall on plain strings, as OCR would give them (fast: no tools). The MRZ
/// specimens are ICAO 9303's own (Part 4 TD3 passport, Part 5 TD1 card, Part 7 MRV-A and MRV-B
/// visas), whose check digits ICAO computed.
@Suite("Document firewall")
struct DocumentFirewallTests {
    let documents = DocumentFirewall(policy: .makeDefault())

    static let passportMRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    static let cardMRZ = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    static let visaMRVA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
    static let visaMRVB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"

    @Test("ICAO specimens: passport, ID card, both visa formats", arguments: [passportMRZ, cardMRZ, visaMRVA, visaMRVB])
    func specimens(_ mrz: String) {
        #expect(MachineReadableZone.isPresent(in: mrz))
        #expect(documents.verdict(text: "Some words above\n" + mrz, language: "en", readability: .readable) == .withhold(.immigrationDocument))
    }

    @Test("each MRZ line alone is enough: the name line by its shape, the number line by its check digits")
    func singleLines() {
        #expect(MachineReadableZone.isPresent(in: "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"))
        #expect(MachineReadableZone.isPresent(in: "L898902C36UTO7408122F1204159ZE184226B<<<<<10"))
        #expect(MachineReadableZone.isPresent(in: "7408122F1204159UTO<<<<<<<<<<<6"))
        // A number line whose check digits are all wrong and no name line: not confirmed.
        #expect(!MachineReadableZone.isPresent(in: "L898902C30UTO7408121F1204150ZE184226B"))
    }

    @Test("OCR noise: spaces between groups, « and K for the filler, lower case, O for 0 in dates")
    func ocrNoise() {
        #expect(MachineReadableZone.isPresent(in: "P«UTOERIKSSON««ANNA«MARIA««««««««««««««««««««"))
        #expect(MachineReadableZone.isPresent(in: "P<UTOERIKSSONKKANNAKMARIAKKKKKKKKKKKKKKKKKKK"))
        #expect(MachineReadableZone.isPresent(in: "L898902C3 6 UTO 74O8122 F 12O4159 ZE184226B <<<<< 1 0"))
        #expect(MachineReadableZone.isPresent(in: "p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<"))
        // Two filler-heavy lines whose check digits OCR garbled.
        #expect(MachineReadableZone.isPresent(in: "XXQ4<<<<<<ABCDEFGHIJKLMNOPQRS<<<<<<<\nAB1234567X<<<<<<<<12ZZZZZZZZZZZZZZZZ"))
    }

    @Test("a passport data page's printed labels, without its MRZ (cut off or unreadable)")
    func labelsWithoutMRZ() {
        let page = """
        REPUBLIC OF UTOPIA    PASSPORT / PASSEPORT
        Type/Type  P   Code/Code UTO   Passport No./No du passeport L898902C3
        Surname/Nom ERIKSSON
        Given names/Prénoms ANNA MARIA
        Nationality/Nationalité UTOPIAN
        Date of birth/Date de naissance 12 AUG/AOUT 74
        Date of expiry/Date d'expiration 15 APR/AVR 12
        """
        #expect(DocumentFirewall.showsImmigrationDocument(page))
        let card = "RESIDENCE PERMIT\nName: TAN\nNationality: PHILIPPINES\nDate of birth: 02-01-1990\nValid until: 2027"
        #expect(DocumentFirewall.showsImmigrationDocument(card))
        let spanish = "PERMISO DE RESIDENCIA\nApellidos SANTOS\nNacionalidad FILIPINAS\nFecha de caducidad 2027"
        #expect(DocumentFirewall.showsImmigrationDocument(spanish))
        let indonesian = "KARTU IZIN TINGGAL TERBATAS\nKewarganegaraan: FILIPINA\nTempat lahir: MANILA\nTanggal lahir: 02-01-1990"
        #expect(DocumentFirewall.showsImmigrationDocument(indonesian))
        let arabic = "جواز سفر\nالجنسية: الفلبين\nتاريخ الميلاد: 1990\nتاريخ الانتهاء: 2027"
        #expect(DocumentFirewall.showsImmigrationDocument(arabic))
    }

    @Test("a payslip is delivered with its text")
    func payslip() {
        let text = "PAYSLIP March 2026\nEmployer: Mrs Lim Hwee Chin\nWorker: Maria Santos\nBasic salary: 600.00\nHours worked: 312\nDeductions: 0.00\nNet pay: 600.00"
        #expect(documents.verdict(text: text, language: "en", readability: .readable) == .deliver(text: text))
    }

    @Test("a chat about unpaid wages is delivered; one about the passport she cannot get back is not a document")
    func chats() {
        let wages = "Madam 10:42\nSalary next month lah\nMe 10:43\nYou said that in March. 3 months no salary already"
        #expect(documents.verdict(text: wages, language: "en", readability: .readable) == .deliver(text: wages))
        // A labour fact about a document (retention) in a chat is not a document image: whatever
        // the narrative firewall makes of it, the reason is never `immigrationDocument`.
        let custody = "Me: Madam please give back my passport, you keep it since I came\nMadam: passport stay with me. Date of payment is 7th"
        #expect(!DocumentFirewall.showsImmigrationDocument(custody))
        #expect(documents.verdict(text: custody, language: "en", readability: .readable) != .withhold(.immigrationDocument))
    }

    @Test("text that discloses status is withheld as such")
    func statusDisclosed() {
        let chat = "Madam: if you complain I call immigration, you are overstayer, your visa expired last year"
        #expect(!DocumentFirewall.showsImmigrationDocument(chat))
        #expect(documents.verdict(text: chat, language: "en", readability: .readable) == .withhold(.statusDisclosed))
    }

    @Test("readability: unreadable is withheld, no text is delivered empty, a document wins over both")
    func readability() {
        #expect(documents.verdict(text: "xq ;l 3e", language: "en", readability: .unreadable) == .withhold(.unreadable))
        #expect(documents.verdict(text: "xq ;l", language: "en", readability: .noText) == .deliver(text: ""))
        #expect(documents.verdict(text: Self.passportMRZ, language: "en", readability: .unreadable) == .withhold(.immigrationDocument))
        #expect(documents.verdict(text: Self.passportMRZ, language: "en", readability: .noText) == .withhold(.immigrationDocument))
    }

    @Test("prose, tables and code do not look like an MRZ")
    func noFalseMRZ() {
        for text in [
            "Overtime hours: <<none>> recorded in the book for the whole month of March 2026",
            "=============================================",
            "----------------------------------------------\n----------------------------------------------",
            "TOTAL<<<<<<<<<<<<<<<<<<<<<<<< 600.00",
            "EMPLOYER MRS LIM HWEE CHIN WORKER MARIA SANTOS BASIC",
            "2026-03-01 08:00 22:00 14 hours 2026-03-02 08:00 23:00 15 hours",
        ] {
            #expect(!MachineReadableZone.isPresent(in: text), "\(text)")
        }
    }

    @Test("the ICAO check digit (7, 3, 1; < as 0; A = 10)")
    func checkDigit() {
        #expect(MachineReadableZone.checkDigit(Array("L898902C3".utf8)) == 6)
        #expect(MachineReadableZone.checkDigit(Array("740812".utf8)) == 2)
        #expect(MachineReadableZone.checkDigit(Array("120415".utf8)) == 9)
        #expect(MachineReadableZone.checkDigit(Array("D23145890".utf8)) == 7)
        #expect(MachineReadableZone.checkDigit(Array("AB2134<<<".utf8)) == 5)
        #expect(MachineReadableZone.checkDigit(Array("a".utf8)) == nil)
    }
}
