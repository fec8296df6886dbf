import Envelope
import Foundation
@testable import InspectorClient
@testable import InspectorUI
import Testing

/// The case list with what this machine knows of each case (issue 19 #1): language, district and
/// employer columns, unread answers, the urgent mark, and the language, age and search filters of
/// the GET form; and the case page's dated thread (issue 19 #2).
@Suite("inspector UI: triage columns, filters, search and the dated thread")
struct TriageListTests {
    static let paths = RenderingTests.paths

    static func id(_ prefix: String) -> CaseID {
        CaseID(prefix.padding(toLength: 32, withPad: "0", startingAt: 0))!
    }

    static let cases = [
        AgencyClient.CaseSummary(caseID: id("a1"), status: "received", duressFlagged: false, day: "2026-10-01", lastActivity: "2026-10-01"),
        AgencyClient.CaseSummary(caseID: id("b2"), status: "investigating", duressFlagged: false, day: "2026-11-20", lastActivity: "2026-11-28",
                                 answers: 2),
        AgencyClient.CaseSummary(caseID: id("c3"), status: "received", duressFlagged: false, day: "2026-11-30", lastActivity: "2026-11-30"),
    ]

    static let index = CaseIndex(entries: [
        id("a1").rawValue: .init(language: "es", answersRead: 0, urgent: true, employer: "Familia Peñalosa", district: "Russafa",
                                 text: CaseSearch.fold("No me pagaron el salario. Familia Peñalosa"), textAnswers: 0),
        id("b2").rawValue: .init(language: "ar", answersRead: 1, urgent: false, employer: "<b>صاحب</b>", district: "الرياض",
                                 text: CaseSearch.fold("لم تدفع لي الأجر"), textAnswers: 1, textThrough: "2026-11-25"),
        id("c3").rawValue: .init(language: "ne", answersRead: 0, text: CaseSearch.fold("मालिकले तलब दिएन"), textAnswers: 0),
    ], url: URL(fileURLWithPath: "/nonexistent"))

    static func query(_ text: String) -> CaseListPage.Query {
        CaseListPage.Query(FormFields(body: text)!)
    }

    static func render(_ query: CaseListPage.Query) throws -> String {
        CaseListPage.render(cases, query: query, local: .init(index: index, today: "2026-12-01"), signer: try RenderingTests.signer(.inspector),
                            paths: paths, notice: nil).rendered
    }

    @Test("the columns come from the case index, the reporter's text escaped and isolated")
    func columns() throws {
        let page = try Self.render(Self.query(""))
        #expect(page.contains("<th>Language</th>") && page.contains("<th>District</th>") && page.contains("<th>Employer</th>"))
        #expect(page.contains("<td>es</td>") && page.contains("<bdi>Familia Peñalosa</bdi>") && page.contains("<bdi>Russafa</bdi>"))
        #expect(page.contains("<bdi>&lt;b&gt;صاحب&lt;/b&gt;</bdi>") && !page.contains("<b>صاحب"))
        #expect(page.components(separatedBy: #"<span class="urgent">URGENT</span>"#).count - 1 == 1)
        #expect(page.contains(#"2 <strong class="unread">(1 unread)</strong>"#))
        #expect(page.contains(#"<option value="ar">ar</option>"#) && page.contains(#"<option value="ne">ne</option>"#))
    }

    @Test("filters by language and age, and searches the text, from the form's GET parameters")
    func filters() throws {
        #expect(Self.query("language=ar").apply(Self.cases, index: Self.index).map(\.caseID) == [Self.id("b2")])
        #expect(Self.query("older=30").apply(Self.cases, index: Self.index, today: "2026-12-01").map(\.caseID) == [Self.id("a1")])
        #expect(Self.query("q=PENALOSA+salario").apply(Self.cases, index: Self.index).map(\.caseID) == [Self.id("a1")])
        #expect(Self.query("q=%D8%A7%D9%84%D8%A7%D8%AC%D8%B1").apply(Self.cases, index: Self.index).map(\.caseID) == [Self.id("b2")], "الاجر")
        #expect(Self.query("q=%E0%A4%A4%E0%A4%B2%E0%A4%AC&language=es").apply(Self.cases, index: Self.index).isEmpty, "तलब, but not in Spanish")
        #expect(Self.query("q=anything").apply(Self.cases, index: nil).isEmpty, "nothing to search without an index")

        let bogus = Self.query("language=%3Cscript%3E&older=-3&q=%20%20")
        #expect(bogus.language == nil && bogus.olderThan == nil && bogus.search == nil, "unknown values fall back, never echo")

        let page = try Self.render(Self.query("q=%22pe%C3%B1alosa%22&language=es&sort=activity"))
        #expect(page.contains("1 of 3 cases"))
        #expect(page.contains(#"name="q" value="&quot;peñalosa&quot;""#), "the query comes back escaped")
        #expect(page.contains(#"href="\#(Self.paths.home)?sort=filed&amp;language=es&amp;q=%22pe%C3%B1alosa%22""#), "sort links keep the filters")
        #expect(page.contains("Searched on this machine"))
        #expect(!page.contains("newer than that"), "a1's text is current")
    }

    @Test("a search says which cases have newer notes or answers than their text here")
    func staleText() throws {
        let page = try Self.render(Self.query("q=x"))
        #expect(page.contains("1 case has notes or answers newer than that: open it to search them too."))
    }

    @Test("the case page shows one thread, each entry with its day and author, her answers marked")
    func thread() throws {
        let me = RenderingTests.inspector
        let sheet = CaseSheet(
            view: AgencyView(caseID: RenderingTests.caseID, language: "en", fields: [:], narrative: "n"), status: "investigating",
            duressFlagged: false,
            thread: [CaseSheet.Note(author: me, isOutcome: false, text: "Visited the house", day: "2026-11-02"),
                     CaseSheet.Note(author: me, isOutcome: false, text: "Which days?", toReporter: true, day: "2026-11-02"),
                     .answer("Monday <i>and</i> Thursday", day: "2026-11-03")],
            holders: [me], assignable: [], unopened: [], attachments: nil, withheldAttachments: nil)
        let page = CasePage.render(sheet, signer: try RenderingTests.signer(.inspector), paths: Self.paths, csrf: RenderingTests.csrf,
                                   notice: nil).rendered
        #expect(page.contains("<h2>Thread</h2>"))
        let note = try #require(page.range(of: "Visited the house")), message = try #require(page.range(of: "Which days?"))
        let answer = try #require(page.range(of: "Monday &lt;i&gt;and&lt;/i&gt; Thursday"))
        #expect(note.lowerBound < message.lowerBound && message.lowerBound < answer.lowerBound)
        #expect(page.contains(#"<time datetime="2026-11-02">2026-11-02</time> · Note · inspector-1"#))
        #expect(page.contains(#"<time datetime="2026-11-02">2026-11-02</time> · <span class="outcome">To the reporter</span> · inspector-1"#))
        #expect(page.contains(#"<time datetime="2026-11-03">2026-11-03</time> · <span class="outcome">Her answer</span> · the reporter"#))
    }
}
