import Firewall
import Testing

/// How far a removal reaches in a message typed without punctuation (issue 16, item 1): the
/// status goes with its time phrase, and the statement that follows it stays. Every sentence here
/// was written for these tests (none is a corpus record), through the shipped firewall (rules and
/// learned stage), as a worker gets it.
@Suite("Removal scoped in unpunctuated messages")
struct UnpunctuatedScopeTests {
    let firewall = Firewall(policy: .makeDefault())

    /// What must go and what must stay of one message.
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let gone: [String]
        let stays: [String]
        var testDescription: String { text }
    }

    @Test("the labour facts after a disclosure stay, the disclosure and its date go", arguments: [
        // A short clause: everything before its status and its time phrase goes, the next statement stays.
        Case(text: "my visa finished long time madam no pay 4 month she hit me",
             gone: ["visa", "finish", "long time"], stays: ["madam no pay 4 month she hit me"]),
        // A statement before the status, three words or more with no time in them, stays too.
        Case(text: "the sir touch me at night when madam is sleeping my visa expired in january",
             gone: ["visa expired", "january"], stays: ["madam is sleeping"]),
        Case(text: "permit habis sy kerja 18 jam majikan tidak kasih makan",
             gone: ["permit", "habis"], stays: ["sy kerja 18 jam majikan tidak kasih makan"]),
        Case(text: "entrei como turista e fiquei a patroa grita comigo todo dia e não me paga",
             gone: ["turista", "fiquei"], stays: ["patroa grita comigo todo dia", "não me paga"]),
        Case(text: "em sang bang visa du lich roi o lai chu bat em lam tu 5 gio sang",
             gone: ["du lich", "o lai"], stays: ["chu bat em lam tu 5 gio sang"]),
        // An event's circumstances: four words, then only as far as a date.
        Case(text: "nilikuja kwa visa ya kutembelea nafanya kazi masaa 16 bila kupumzika",
             gone: ["visa ya kutembelea"], stays: ["kazi masaa 16 bila kupumzika"]),
        Case(text: "I crossed the border near Tijuana with my cousin in March 2019 and now I clean three houses",
             gone: ["crossed the border", "Tijuana", "2019"], stays: ["now I clean three houses"]),
        // Scripts written without spaces between words: a space separates phrases, as in Thai.
        Case(text: "我的签证去年就过期了 老板三个月没给我工资 还不让我出门",
             gone: ["签证", "过期"], stays: ["老板三个月没给我工资", "还不让我出门"]),
        Case(text: "ビザはもう切れています 社長は三か月給料を払っていません",
             gone: ["ビザ", "切れ"], stays: ["社長は三か月給料を払っていません"]),
        Case(text: "在留カードは2027年まで有効です。でも残業代がもらえません。",
             gone: ["在留カード", "2027"], stays: ["残業代がもらえません"]),
        // A document's number goes; the custody before the comma stays.
        Case(text: "my employer keeps my passport in her drawer, number E12345678, I sleep in the store room.",
             gone: ["E12345678"], stays: ["my employer keeps my passport in her drawer", "I sleep in the store room"]),
        Case(text: "雇主拿走了我的护照，号码 E12345678，我睡在储藏室。",
             gone: ["E12345678"], stays: ["雇主拿走了我的护照", "我睡在储藏室"]),
        // A year after the learned stage's run dates the disclosure: it goes too.
        Case(text: "TNT ako dito sa Dubai mula 2020 amo ko hindi nagbabayad ng sahod",
             gone: ["TNT", "2020"], stays: ["amo ko hindi nagbabayad ng sahod"]),
    ])
    func scoped(_ c: Case) {
        let out = firewall.redact(c.text).text
        for word in c.gone { #expect(!out.contains(word), "\(word) survived: \(out)") }
        for fact in c.stays { #expect(out.contains(fact), "\(fact) was lost: \(out)") }
    }

    /// Threats, custody and words that only look like status: the whole message reaches the inspector.
    @Test("threats, custody and look-alikes stay whole", arguments: [
        // A conditional threat names the authority at the end of its consequence.
        "he told me that if I ever walk out of this house he phones the General Security",
        "she say if I go out she will call the immigration on me",
        "mera passport uske paas hai aur woh wapas nahi deti",
        "her daughter got detention at school and madam blamed me and slapped me",
        "my extra hours are undocumented and she pays me for eight only",
        "the guests overstay every weekend and I serve drinks until 3am",
        "社長にパスポートを取り上げられました。給料も払ってくれません。",
    ])
    func staysWhole(_ text: String) {
        #expect(firewall.redact(text).text == text)
    }
}
