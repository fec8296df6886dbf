import Firewall
import Intake
import Testing

/// The preview's sentences: a deterministic cut that loses nothing, so the ids she ticks name the
/// same sentences when the daemon cuts the firewall's output again on sending.
@Suite("narrative sentences for the preview")
struct NarrativeSentencesTests {
    static let samples = [
        "She pays me 300 dollars a month. [removed]. I work 18 hours a day!",
        "لم أحصل على راتبي منذ ٣ أشهر. [removed]؟ أعمل ١٦ ساعة.",
        "मुझे तीन महीने से वेतन नहीं मिला। मालिक मुझे मारता है।",
        "ខ្ញុំមិនបានទទួលប្រាក់ខែ។ ខ្ញុំធ្វើការ១៦ម៉ោង។",
        "tlg sy blm dibyr 5bln majikan pukul sy\nsy takut keluar",
        "  Mrs. Lim (the employer) said \"no pay.\" Then she left...  \n\n",
        "",
        "3.5 dollars an hour. No rest days",
    ]

    @Test("sentences and the space between them give back the text", arguments: samples)
    func lossless(_ text: String) {
        let cut = NarrativeSentences(text)
        #expect(cut.replacing([]) == text)
        #expect(cut.sentences.map(\.id) == Array(1..<(cut.sentences.count + 1)))
        #expect(cut.sentences.allSatisfy { !$0.text.isEmpty && $0.text.first?.isWhitespace == false && $0.text.last?.isWhitespace == false })
    }

    @Test("stops in every script of the pages end a sentence; a decimal point does not")
    func cuts() {
        #expect(NarrativeSentences(Self.samples[0]).sentences.map(\.text) == ["She pays me 300 dollars a month.", "[removed].", "I work 18 hours a day!"])
        #expect(NarrativeSentences(Self.samples[1]).sentences.count == 3)
        #expect(NarrativeSentences(Self.samples[2]).sentences.map(\.text) == ["मुझे तीन महीने से वेतन नहीं मिला।", "मालिक मुझे मारता है।"])
        #expect(NarrativeSentences(Self.samples[3]).sentences.count == 2)
        #expect(NarrativeSentences(Self.samples[4]).sentences.count == 2, "a line break ends a message without punctuation")
        #expect(NarrativeSentences(Self.samples[5]).sentences.last?.text == "Then she left...")
        #expect(NarrativeSentences(Self.samples[7]).sentences.map(\.text) == ["3.5 dollars an hour.", "No rest days"])
        #expect(NarrativeSentences("").sentences.isEmpty)
    }

    @Test("a sentence the firewall took out whole is marked, one that keeps words is not")
    func removedWhole() {
        let cut = NarrativeSentences("[removed]. I was not paid, [removed]. [removed] [removed]!")
        #expect(cut.sentences.map(\.removedWhole) == [true, false, true])
    }

    @Test("replacing ticked sentences puts the firewall's marker in their place and nothing else changes")
    func replacing() {
        let text = "I clean 3 houses.  She hits me.\nNo pay for 4 months."
        let cut = NarrativeSentences(text)
        #expect(cut.replacing([2]) == "I clean 3 houses.  \(Firewall.marker)\nNo pay for 4 months.")
        #expect(cut.invalidIDs(in: [0, 2, 4]) == [0, 4])
        #expect(NarrativeSentences("").invalidIDs(in: [1]) == [1])
    }

    @Test("a very long text is cut into at most maxSentences sentences, still losslessly")
    func bounded() {
        let text = String(repeating: "No. ", count: NarrativeSentences.maxSentences + 50)
        let cut = NarrativeSentences(text)
        #expect(cut.sentences.count == NarrativeSentences.maxSentences)
        #expect(cut.replacing([]) == text)
    }
}
