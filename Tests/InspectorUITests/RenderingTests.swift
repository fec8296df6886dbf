import Envelope
import Foundation
@testable import InspectorClient
@testable import InspectorUI
import Testing

/// Pages as HTML: reporters' text is hostile and must come out inert; the duress flag must be
/// impossible to miss and must switch replies off; forms carry the CSRF token.
@Suite("inspector UI: escaping and rendering")
struct RenderingTests {
    static let caseID = CaseID("00112233445566778899aabbccddeeff")!
    static let csrf = String(repeating: "c", count: 64)
    static let paths = UIPaths(base: "/s/\(String(repeating: "5", count: 32))/")
    static let inspector = CaseSheet.Person(keyID: String(repeating: "1", count: 32), name: "inspector-1", role: .inspector)
    static let colleague = CaseSheet.Person(keyID: String(repeating: "2", count: 32), name: "inspector-2", role: .inspector)
    static let hostile = #"<script>alert('x')</script><img src=x onerror="alert(1)">"#

    static func signer(_ role: AgencyRole) throws -> Signer {
        Signer(try AgencyKeyPair.generate(name: role == .supervisor ? "supervisor" : "inspector-1", role: role).publicKey, devOnly: true)
    }

    static func sheet(duress: Bool = false, narrative: String = "I work 18 hours a day.") -> CaseSheet {
        CaseSheet(
            view: AgencyView(caseID: caseID, language: "en\"><script>",
                             fields: ["employer_name": hostile, "workplace_city": "Ipoh\"><b>bold</b>"], narrative: narrative),
            status: "investigating", duressFlagged: duress,
            notes: [CaseSheet.Note(author: inspector, isOutcome: false, text: "</textarea><script>note()</script>")],
            answers: ["He comes Monday <script>answer()</script>"],
            holders: [inspector], assignable: [colleague])
    }

    @Test("escaping covers the five characters that can open markup or leave an attribute, and nothing else")
    func escape() {
        #expect(HTML.escape(#"<a href="x" title='y'>&amp;</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTML.escape("Gaji RM 900 · 工资 · الأجر") == "Gaji RM 900 · 工资 · الأجر")
        let text = "<b>"
        let markup: HTML = "<p>\(text)</p>"
        #expect(markup.rendered == "<p>&lt;b&gt;</p>")
        let inner: HTML = "<em>ok</em>"
        let outer: HTML = "<p>\(inner) \(42)</p>"
        #expect(outer.rendered == "<p><em>ok</em> 42</p>")
    }

    @Test("a narrative, fields, notes and answers containing <script> are rendered inert")
    func hostileContentIsInert() throws {
        let page = CasePage.render(Self.sheet(narrative: "Help. \(Self.hostile) She took my passport."), signer: try Self.signer(.inspector),
                                   paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>bold"))
        #expect(!page.contains("onerror=\""))
        #expect(page.contains("Help. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; She took my passport."))
        #expect(page.contains("&lt;/textarea&gt;&lt;script&gt;note()&lt;/script&gt;"))
        #expect(page.contains("He comes Monday &lt;script&gt;answer()&lt;/script&gt;"))
        #expect(page.contains("Ipoh&quot;&gt;&lt;b&gt;bold&lt;/b&gt;"))
        // Reporters' text is isolated for bidirectional layout.
        #expect(page.contains(#"<div class="narrative" dir="auto">Help."#))
    }

    @Test("text typed into a form comes back escaped inside its textarea")
    func draftsAreEscaped() throws {
        var draft = CaseForms.Draft()
        draft.note = "</textarea><script>steal()</script>"
        let page = CasePage.render(Self.sheet(), signer: try Self.signer(.inspector), paths: Self.paths, csrf: Self.csrf,
                                   notice: Notice(.failed, "<i>failed</i>", hint: "<u>hint</u>"), draft: draft).rendered
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("&lt;/textarea&gt;&lt;script&gt;steal()&lt;/script&gt;</textarea>"))
        #expect(page.contains("&lt;i&gt;failed&lt;/i&gt;") && page.contains("&lt;u&gt;hint&lt;/u&gt;"))
    }

    @Test("every form posts to this case with the session's CSRF token")
    func formsCarryTheToken() throws {
        let page = CasePage.render(Self.sheet(), signer: try Self.signer(.supervisor), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        let forms = page.components(separatedBy: "<form ").count - 1
        let tokens = page.components(separatedBy: #"<input type="hidden" name="csrf" value="\#(Self.csrf)">"#).count - 1
        #expect(forms == 6)
        #expect(tokens == forms)
        for action in ["status", "notes", "reply", "assign", "unassign", "export/json"] {
            #expect(page.contains(#"<form method="post" action="\#(Self.paths.base)cases/\#(Self.caseID.rawValue)/\#(action)">"#), "\(action)")
        }
        #expect(!page.contains("<script"), "no script needed")
    }

    @Test("assign and unassign are offered to supervisors only, with the directory's names")
    func supervisorForms() throws {
        let inspectorPage = CasePage.render(Self.sheet(), signer: try Self.signer(.inspector), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(!inspectorPage.contains("/assign\""))
        #expect(!inspectorPage.contains("/unassign\""))
        let supervisorPage = CasePage.render(Self.sheet(), signer: try Self.signer(.supervisor), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(supervisorPage.contains(#"<option value="\#(Self.colleague.keyID)">inspector-2 (inspector)</option>"#))
        #expect(supervisorPage.contains(#"<option value="\#(Self.inspector.keyID)">inspector-1</option>"#))
    }

    @Test("a case received from another organisation shows where it came from and its thread, entry by entry; no reply form")
    func received() throws {
        var sheet = Self.sheet()
        let statement = try CaseTransfer(
            caseID: CaseID.generate(), receiverCaseID: Self.caseID, fromOperator: String(repeating: "a", count: 32), fromName: "Centre <b>",
            toOperator: String(repeating: "b", count: 32), toName: "Inspectorate", toKey: String(repeating: "c", count: 32),
            by: String(repeating: "d", count: 32), keepCopy: false, day: "2026-12-07", bundleHash: String(repeating: "0", count: 64))
        sheet.transfers = [statement]
        sheet.received = [ThreadEntry(day: "2026-12-01", author: "reporter", kind: "answer", text: "He comes <script>x()</script>",
                                      organisation: "Centre <b>")]
        let page = CasePage.render(sheet, signer: try Self.signer(.supervisor), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(page.contains("2026-12-07: from <bdi>Centre &lt;b&gt;</bdi> to <bdi>Inspectorate</bdi>"))
        #expect(page.contains("Thread from the sending organisation") && page.contains("2026-12-01 · answer · the reporter · from <bdi>Centre &lt;b&gt;</bdi>"))
        #expect(!page.contains("<script>x()") && !page.contains("/reply\">") && page.contains("/status\">"))

        var handedOn = Self.sheet()
        handedOn = CaseSheet(view: handedOn.view, status: "transferred", duressFlagged: false, notes: [], answers: [], holders: [], assignable: [])
        let kept = CasePage.render(handedOn, signer: try Self.signer(.inspector), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(kept.contains("handed to another organisation") && !kept.contains("/status\">") && !kept.contains("/reply\">") && kept.contains("/notes\">"))
    }

    @Test("a duress-flagged case says so loudly and its reply form is disabled with the reason")
    func duress() throws {
        let calm = CasePage.render(Self.sheet(), signer: try Self.signer(.inspector), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(!calm.contains("DURESS"))
        #expect(calm.contains("/reply\">"))

        let page = CasePage.render(Self.sheet(duress: true), signer: try Self.signer(.inspector), paths: Self.paths, csrf: Self.csrf, notice: nil).rendered
        #expect(page.contains(#"<div class="alarm" role="alert">DURESS"#))
        #expect(page.contains("Do not contact her through SafeIntake"))
        #expect(page.contains("Replies are disabled: the reporter checked in under duress."))
        #expect(page.contains("<fieldset disabled>"))
        #expect(!page.contains("/reply\">"), "no reply form can be submitted")
        #expect(page.contains("/notes\">"), "notes and status still work")
    }

    @Test("the case list shows status and flags duress cases, with a count at the top")
    func caseList() throws {
        let cases = [
            AgencyClient.CaseSummary(caseID: CaseID("aa".padding(toLength: 32, withPad: "0", startingAt: 0))!, status: "action_taken", duressFlagged: false),
            AgencyClient.CaseSummary(caseID: CaseID("bb".padding(toLength: 32, withPad: "0", startingAt: 0))!, status: "received", duressFlagged: true),
        ]
        let all = CaseListPage.Query(order: nil, status: nil)
        let page = CaseListPage.render(cases, query: all, signer: try Self.signer(.inspector), paths: Self.paths, notice: nil).rendered
        #expect(page.contains("1 of your cases is flagged DURESS"))
        #expect(page.components(separatedBy: "DURESS · do not contact").count - 1 == 1)
        #expect(page.contains("action taken"))
        #expect(page.contains(#"href="\#(Self.paths.base)cases/bb000000000000000000000000000000""#))
        #expect(!page.contains(#"href="/""#), "every link stays under the session's path")
        #expect(CaseListPage.render([], query: all, signer: try Self.signer(.inspector), paths: Self.paths, notice: nil).rendered.contains("No case is assigned"))
    }

    @Test("the list sorts and filters on this machine, with short ids that stay unambiguous")
    func triage() throws {
        func summary(_ prefix: String, _ status: String, day: String, activity: String, answers: Int) -> AgencyClient.CaseSummary {
            AgencyClient.CaseSummary(caseID: CaseID(prefix.padding(toLength: 32, withPad: "0", startingAt: 0))!, status: status,
                                     duressFlagged: false, day: day, lastActivity: activity, answers: answers)
        }
        let cases = [summary("abcdef0112", "received", day: "2026-11-02", activity: "2026-12-01", answers: 0),
                     summary("abcdef0199", "investigating", day: "2026-10-15", activity: "2026-12-05", answers: 3),
                     summary("77", "closed", day: "2026-09-01", activity: "2026-11-20", answers: 1)]
        let short = CaseListPage.shortIDs(cases.map(\.caseID.rawValue))
        #expect(short[cases[0].caseID.rawValue] == "abcdef011" && short[cases[1].caseID.rawValue] == "abcdef019")
        #expect(short[cases[2].caseID.rawValue] == "77000000")
        #expect(CaseListPage.Query(order: nil, status: nil).apply(cases).map(\.day) == ["2026-09-01", "2026-10-15", "2026-11-02"])
        #expect(CaseListPage.Query(order: "activity", status: nil).apply(cases).first?.status == "investigating")
        #expect(CaseListPage.Query(order: "answers", status: "received").apply(cases).map(\.status) == ["received"])
        #expect(CaseListPage.Query(order: "bogus", status: "<script>").status == nil, "unknown values fall back, never echo")
        let page = CaseListPage.render(cases, query: .init(order: "activity", status: "closed"), signer: try Self.signer(.inspector),
                                       paths: Self.paths, notice: nil).rendered
        #expect(page.contains("1 of 3 cases") && page.contains("Last activity ▾"))
        #expect(page.contains(#"<option value="closed" selected>"#))

        // A supervisor's overdue view: marked in the list, and the list narrowed to them.
        var late = CaseListPage.Query(order: nil, status: nil)
        late.overdueOnly = true
        let overdue: Set<CaseID> = [cases[1].caseID]
        #expect(late.apply(cases, overdue: overdue).map(\.caseID) == [cases[1].caseID])
        let marked = CaseListPage.render(cases, query: .init(order: nil, status: nil), overdue: overdue, signer: try Self.signer(.supervisor),
                                         paths: Self.paths, notice: nil).rendered
        #expect(marked.components(separatedBy: "OVERDUE</span>").count - 1 == 1)
        let narrowed = CaseListPage.render(cases, query: late, overdue: overdue, signer: try Self.signer(.supervisor), paths: Self.paths,
                                           notice: nil).rendered
        #expect(narrowed.contains("1 of 3 cases") && narrowed.contains(#"name="overdue" value="1" checked"#))
    }
}
