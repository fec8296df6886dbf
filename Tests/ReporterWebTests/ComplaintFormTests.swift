import Firewall
import Intake
import Testing
@testable import ReporterWeb

@Suite("The complaint form")
struct ComplaintFormTests {
    /// Fields the page itself needs, never part of the complaint's `fields`.
    static let controls: Set<String> = [PageFields.language, PageFields.formToken, ComplaintForm.narrative, ComplaintForm.duressCode]

    static func renderedNames(_ code: String) throws -> [String] {
        let language = try #require(Catalog.shipped.language(code))
        let html = Page(language: language, exitURL: ReporterWeb.defaultExitURL).complaintForm(formToken: "t").rendered
        return html.matches(of: /<(?:input|textarea|select)[^>]*\sname="([^"]+)"/).map { String($0.output.1) }
    }

    @Test("the firewall keeps every field the rendered form sends", arguments: CatalogTests.required)
    func firewallKeepsEveryField(_ code: String) throws {
        let names = try Self.renderedNames(code)
        let preferences = Set(ComplaintForm.Preference.names)
        let fieldNames = Array(Set(names.filter { !Self.controls.contains($0) && !preferences.contains($0) }))
        #expect(fieldNames.sorted() == ComplaintForm.questions.map(\.name).sorted())
        #expect(preferences.isSubset(of: Set(names)), "the preferences are on the form")
        var values = Dictionary(uniqueKeysWithValues: fieldNames.map { ($0, "Mrs Lim, 14 hours a day, 300 dollars, no day off") })
        // Her preferences become fields of their own: the firewall keeps them too.
        let chosen = [ComplaintForm.Preference.womanInspector: "yes", ComplaintForm.Preference.interpreter: "yes",
                      ComplaintForm.Preference.contact: ComplaintForm.Preference.contactCaseworker]
        values.merge(ComplaintForm.Preference.fields(chosen)) { $1 }
        let screened = Firewall(policy: .makeDefault()).screenFields(values)
        #expect(screened.kept == values, "the firewall would strip \(Set(values.keys).subtracting(screened.kept.keys))")
    }

    @Test("the form never asks about status, nationality or documents")
    func asksNoStatus() throws {
        let names = try Self.renderedNames("en").joined(separator: " ")
        for word in ["visa", "passport", "status", "national", "document", "permit", "id_number", "country"] {
            #expect(!names.contains(word), "\(word)")
        }
    }

    func answers(_ fields: [String: String] = [:], narrative: String = "", duress: String = "") -> ComplaintForm.Answers {
        var a = ComplaintForm.Answers()
        a.fields = fields
        a.narrative = narrative
        a.duressCode = duress
        return a
    }

    @Test("answers become a complaint in the page's language, blanks dropped, text trimmed")
    func builds() throws {
        let result = ComplaintForm.complaint(from: answers(["employer": "  Mrs Lim ", "wages": " "], narrative: "No pay.\n"),
                                             language: "tl", limits: ComplaintLimits())
        let complaint = try result.get()
        #expect(complaint.language == "tl")
        #expect(complaint.fields == ["employer": "Mrs Lim"])
        #expect(complaint.narrative == "No pay.")
    }

    @Test("her preferences join the complaint in words an inspector reads; alone they are no complaint")
    func preferences() throws {
        typealias P = ComplaintForm.Preference
        let picked = [P.womanInspector: "yes", P.interpreter: "yes", P.contact: P.contactThisPage]
        let complaint = try ComplaintForm.complaint(from: answers(picked, narrative: "No pay."), language: "ne", limits: ComplaintLimits()).get()
        #expect(complaint.fields == ["preferred_inspector": "a woman inspector", "preferred_interpreter": "an interpreter in her language",
                                     "preferred_contact": "only through the status page"])
        #expect(throws: Problem.self) { try ComplaintForm.complaint(from: answers(picked), language: "ne", limits: ComplaintLimits()).get() }
        #expect(P.fields([P.womanInspector: "no", P.contact: "elsewhere"]).isEmpty, "only the form's own values count")
    }

    @Test("problems the reporter can fix are named", arguments: [
        (["employer": ""], "", "", Msg.errorEmpty),
        ([:], String(repeating: "x", count: 40_000), "", Msg.errorTooLong),
        (["wages": String(repeating: "ü", count: 2_100)], "", "", Msg.errorTooLong),
        ([:], "bad\u{0}byte", "", Msg.errorInvalidText),
        ([:], "ok", "12", Msg.errorDuress),
        ([:], "ok", "123456789", Msg.errorDuress),
        ([:], "ok", "12a456", Msg.errorDuress),
        ([:], "ok", "1234", Msg.errorDuress),
        ([:], "ok", "12345", Msg.errorDuress),
        ([:], "ok", "١٢٣٤٥٦", Msg.errorDuress),
    ])
    func problems(_ fields: [String: String], narrative: String, duress: String, expected: Msg) {
        let result = ComplaintForm.complaint(from: answers(fields, narrative: narrative, duress: duress), language: "en", limits: ComplaintLimits())
        guard case .failure(let problem) = result else {
            Issue.record("accepted")
            return
        }
        #expect(problem.message == expected)
    }

    @Test("a duress code of six to eight ASCII digits is accepted")
    func duressAccepted() {
        for code in ["123456", "1234567", "12345678"] {
            let result = ComplaintForm.complaint(from: answers(narrative: "ok", duress: code), language: "en", limits: ComplaintLimits())
            #expect((try? result.get()) != nil)
        }
    }
}
