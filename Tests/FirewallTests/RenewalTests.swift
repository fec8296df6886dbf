import Firewall
import Testing

/// "Nobody renewed it" told next to an expired document says why she has none (`Lexicon+Renewal`).
/// Sentences written for this test after set s's first look (2026-12-07), none a corpus record;
/// each kept its second half before.
@Suite("Nobody renewed it")
struct RenewalTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("beside an expiry, in the words workers use for getting a card made", arguments: [
        ("mera iqama khatam ho gaya aur kafeel banwata nahi", "banwata nahi"),
        ("mage visa eka iwara wela, mahaththaya aluth kale naha", "aluth kale naha"),
        ("আকামার মেয়াদ শেষ হয়ে গেছে, কফিল নতুন করে দেয় নাই", "নতুন করে দেয় নাই"),
    ])
    func nonRenewalRemoved(_ text: String, _ disclosure: String) {
        expectRedaction(by: firewall, of: text, removes: disclosure, keeps: "")
    }

    @Test("alone, the same words are no disclosure")
    func aloneKept() {
        let text = "i never made it to the clinic because madam locked the door"
        #expect(firewall.redact(text).text == text)
    }
}
