import Firewall
import Testing

/// What the fuzzers in Fuzz/ found in the firewall (Docs/fuzzing.md), kept here so the main suite
/// holds the fix without the fuzzer.
@Suite("Firewall: the fuzzers' findings")
struct FuzzFindingTests {
    let firewall = Firewall(policy: .makeDefault())

    /// FuzzComplaint: the second of two passport numbers survived ("passport no. EB7715239 and
    /// EB7715240"); a second pass would have removed it. Every number listed after a document
    /// number goes with it.
    @Test("every number in a list after a document word goes, in any joint", arguments: [
        ("My passport numbers are K7781234, K9981234 and K1181234.", ["K7781234", "K9981234", "K1181234"]),
        ("Passport: K7781234 / K9981234", ["K7781234", "K9981234"]),
        ("passport no. EB7715239 and EB7715240. I work 18 hours.", ["EB7715239", "EB7715240"]),
        ("Mi pasaporte es K7781234 y K9981234. Trabajo 14 horas.", ["K7781234", "K9981234"]),
        ("passport K7781234; K9981234 or no. K1181234", ["K7781234", "K9981234", "K1181234"]),
    ])
    func listedDocumentNumbers(text: String, numbers: [String]) {
        let redacted = firewall.redact(text).text
        for number in numbers { #expect(!redacted.contains(number), "\(number) survived in \(redacted)") }
    }

    @Test("a wage, a phone or hours listed after a document number stay", arguments: [
        ("She keeps my passport K7781234 and 2000 dollars of my pay.", "2000 dollars of my pay"),
        ("passport no. EB7715239 and my phone 91234567", "my phone 91234567"),
        ("Passport no. EB7715239, salary 450 SGD, 18 hours a day.", "salary 450 SGD, 18 hours a day."),
        ("passport no. EB7715239. I work 18 hours.", "I work 18 hours."),
    ])
    func labourNumbersAfterADocumentNumber(text: String, kept: String) {
        let redacted = firewall.redact(text).text
        #expect(redacted.contains(kept), "\(kept.debugDescription) was lost: \(redacted)")
        #expect(!redacted.contains("7781234") && !redacted.contains("7715239"), "\(redacted)")
    }

    /// FuzzFirewall: a work permit number glued to the word before it ("wasWP-2291-8834") was
    /// kept, though the same number was removed a few words earlier. A number removed once as a
    /// document number now goes wherever it stands, written with any separators.
    @Test("a document number goes everywhere it is repeated, glued or spaced differently")
    func repeatedDocumentNumbers() {
        let text = "My work permit no. WP-2291-8834 was kept by employer. Madam wrote WP 2291 8834 on the contract, "
            + "the agent copied it as wasWP-2291-8834. I earn 2291 a year."
        let redacted = firewall.redact(text).text
        #expect(!redacted.contains("8834"), "\(redacted)")
        #expect(redacted.contains("I earn 2291 a year."), "a shorter number that is not the document's stays: \(redacted)")
        #expect(redacted.contains("on the contract"), "\(redacted)")
    }

    /// FuzzComplaint, minimised: a removal that crossed a full stop joined two sentences, and in
    /// the joined one a second look found another number. The redactor now looks again.
    @Test("redaction is a fixed point", arguments: [
        "passpor#7123. 15#771523",
        "My passport numbers are K7781234, K9981234 and K1181234.",
        "My visa expired. I work 18 hours a day for 450 SGD.",
    ])
    func fixedPoint(text: String) {
        let once = firewall.redact(text)
        let twice = firewall.redact(once.text)
        #expect(twice.text == once.text)
        #expect(twice.report.total == 0, "a second look still found \(twice.report.counts) in \(once.text)")
    }

    @Test("a marker, whether ours or typed, is never a cue itself, and markers side by side become one")
    func markersAreInert() {
        let typed = "I was [removed] from the house by the agency, no pay for 3 months."
        #expect(firewall.redact(typed).text == typed)
        let joined = firewall.redact("passpor#7123. 15#771523").text
        #expect(!joined.contains(Firewall.marker + Firewall.marker), "\(joined)")
    }
}
