import Firewall
import Testing

/// A threat to call the police or immigration is a labour fact the inspector must see; the status
/// a worker tells beside it is not. Sentences written for this test after set s's first look
/// (2026-12-07), none a corpus record. The first two tests failed before; the verb-last cases
/// guard the split of status from a threat after it, which an earlier draft of that split got wrong.
@Suite("Threats beside status")
struct ThreatTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("a conditional threat stays, in the words each language uses for it", arguments: [
        // Portuguese had no threat words at all.
        "a patroa não paga há 3 meses e diz que se eu reclamar chama a aima",
        // A threat that opens with a clause-break word ("kalau") belongs to the clause after it,
        // and the employer named in the clause before speaks it.
        "majikan bilang kalau lapor polisi nanti saya yang ditangkap",
        // A threat to file an absconding report is the threat, not the report.
        "قالت المدام إذا اشتكيت بتسوي علي بلاغ هروب",
    ])
    func threatKept(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }

    @Test("status told before a threat goes, and the threat stays")
    func statusBeforeThreat() {
        expectRedaction(by: firewall, of: "viza yangu imeisha na wanasema watanipeleka police",
                        removes: "viza yangu imeisha", keeps: "wanasema watanipeleka police")
    }

    @Test("in a verb-last language the threat's own content stays with it", arguments: [
        "अरबाब कहता है कि शिकायत की तो पुलिस को बोलकर जेल भिजवा देगा",
        "کفیل نے ہروب کی دھمکی دی",
    ])
    func verbLastThreatKept(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }
}
