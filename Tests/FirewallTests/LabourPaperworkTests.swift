import Firewall
import Testing

/// Look-alikes of status that are labour facts (`Lexicon+LabourPaperwork`): pay and contract
/// papers, permission to go out, illegal deductions, lodging, enforcement words about things, and
/// similes; and a passport she is without
/// because someone holds it, said in the next clause. Sentences written for this test,
/// none a corpus record; every "kept" one lost its labour fact before the family was added.
@Suite("Labour paperwork is not status")
struct LabourPaperworkTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("a labour look-alike reaches the inspector whole", arguments: [
        "I never got any papers for my salary, only cash in an envelope.",
        "There are no documents of my payments at all.",
        "Le patron ne me donne aucun papier pour ma paie depuis mars.",
        "Nunca me dieron los papeles de mi sueldo en dos años.",
        "Hindi ako binibigyan ng permiso ni madam para lumabas tuwing Linggo.",
        "मालिक हर महीने गैरकानूनी कटौती करता है।",
        "الإقامة في غرفة صغيرة بدون مكيف",
        "I don't have my passport, she keep it in her room.",
        // Enforcement words about things and rooms, similes, and lodging (after set s, 2026-12-07).
        "my madam banned me from going to church on sunday and i work 17 hours",
        "the box was deported back from customs and she cut 300 from my pay",
        "they detained my wages for 5 months",
        "यह घर जेल जैसा है, मालकिन ताला लगाती है",
        "they put me in the residence they built on the roof with no heater",
        "my employer deducts HK$300 every month as a visa renewal fee",
    ])
    func kept(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    /// Without "of" or "for" the papers are hers, and beside a labour fact they still go.
    @Test("a disclosure beside the same labour words still goes", arguments: [
        ("I have no papers and no contract, she pays me 200 a month.", "I have no papers", "she pays me 200 a month"),
        ("no tengo papeles, me deben el sueldo de tres meses", "no tengo papeles", "me deben el sueldo de tres meses"),
        ("الإقامة منتهية والكفيل ما دفع الراتب", "الإقامة منتهية", "الكفيل ما دفع الراتب"),
        ("wala akong papeles at 4 months na walang sahod", "wala akong papeles", "4 months na walang sahod"),
        ("I have no passport, I came through the forest. She pays me 150.", "I have no passport", "She pays me 150"),
    ])
    func removed(_ text: String, disclosure: String, labour: String) {
        expectRedaction(by: firewall, of: text, removes: disclosure, keeps: labour)
    }
}
