import Firewall
import Testing

/// What happens to a worker because of her status, in words the language lexicons missed
/// (`Lexicon+StatusEvents`). Sentences written for this test after set s's first look
/// (2026-12-07), none a corpus record; each kept its disclosure before.
@Suite("Status told by what it did to her")
struct StatusEventTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("the disclosure goes and the labour fact stays", arguments: [
        ("She is in removal proceedings and her employer owes her 3 weeks of pay.", "removal proceedings", "her employer owes her 3 weeks of pay"),
        ("nimekaa jela ya uhamiaji wiki mbili, mama hakunilipa miezi 3", "jela ya uhamiaji", "mama hakunilipa miezi 3"),
        ("visa saya cuma tinggal 10 hari, gaji belum dibayar 2 bulan", "cuma tinggal 10 hari", "gaji belum dibayar 2 bulan"),
        ("nobody here knows my real name, madam pays me 150 only", "real name", "madam pays me 150 only"),
    ])
    func removed(_ text: String, disclosure: String, labour: String) {
        expectRedaction(by: firewall, of: text, removes: disclosure, keeps: labour)
    }

    @Test("a fine that grows goes beside an overstay, and stays alone")
    func overstayFine() {
        expectRedaction(by: firewall, of: "sy overstay, denda-nya sudah 900 dinar", removes: "denda-nya sudah 900", keeps: "")
        let alone = "majikan potong gaji, dendanya 50 ringgit kalau piring pecah"
        #expect(firewall.redact(alone).text == alone)
    }
}
