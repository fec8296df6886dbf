import Envelope
import Foundation
@testable import InspectorClient
import Testing

/// The inspector's search and the list's columns, worked out on her machine (issue 19 #1): folded
/// so that case, Latin accents, Arabic letter forms, Indic nukta and digit scripts do not matter;
/// every word must occur; the employer and district picked out of fields in any language.
@Suite("inspector client: search, columns and narrowing on this machine")
struct CaseSearchTests {
    static func matches(_ query: String, _ text: String) -> Bool {
        CaseSearch(query)!.matches(folded: CaseSearch.fold(text))
    }

    @Test("Latin: case and accents do not matter, composed or not")
    func latin() {
        #expect(Self.matches("penalosa", "Familia PEÑALOSA, Valencia"))
        #expect(Self.matches("Peñalosa", "familia penalosa"))
        #expect(Self.matches("salario", "No me pagaron el sala\u{301}rio"), "a decomposed accent")
        #expect(Self.matches("lương", "Chủ không trả LUONG"))
        #expect(!Self.matches("penalosa", "Familia Pena Losa"))
    }

    @Test("every word of the query must occur, in any part of the text")
    func everyWord() {
        #expect(Self.matches("lim ipoh", "employer Mrs. Lim\ncity Ipoh"))
        #expect(!Self.matches("lim kuching", "employer Mrs. Lim\ncity Ipoh"))
        #expect(CaseSearch("   ") == nil && CaseSearch("\u{301}") == nil && CaseSearch(" \"?") == nil, "nothing left to search for")
        #expect(Self.matches("\u{201C}Lim,\u{201D} Ipoh?", "employer Mrs. Lim\ncity Ipoh"), "punctuation around words is not searched for")
    }

    @Test("Arabic: hamza forms, harakat, tatweel and presentation forms do not matter")
    func arabic() {
        #expect(Self.matches("الاجر", "لم تدفع لي الأجر منذ ثلاثة أشهر"))
        #expect(Self.matches("أجر", "لم تدفع لي الاجر"))
        #expect(Self.matches("الأجر", "لم تدفع لي الأَجْـر"))
        #expect(Self.matches("لا", "\u{FEFB}"), "the lam-alef ligature (NFKC)")
        #expect(!Self.matches("ساعة", "لم تدفع لي الأجر"))
    }

    @Test("Devanagari and Thai: substrings, nukta and native digits")
    func devanagariAndThai() {
        #expect(Self.matches("तलब", "मालिकले तीन महिनादेखि तलब दिएन"))
        #expect(Self.matches("वीजा", "वीज़ा"), "nukta")
        #expect(Self.matches("18", "दिनको १८ घण्टा काम"), "Devanagari digits")
        #expect(Self.matches("นายจ้าง", "นายจ้างไม่จ่ายค่าจ้างสามเดือน"), "Thai does not separate words")
        #expect(!Self.matches("ค่าแรง", "นายจ้างไม่จ่ายค่าจ้างสามเดือน"))
    }

    @Test("the employer and the district are picked out of fields named in any language")
    func columns() {
        let api = ["employer_name": "Golden Harvest", "employer_phone": "0123", "workplace_city": "Kota Tinggi", "country_of_origin": "Nepal"]
        #expect(CaseFacts.employer(api) == "Golden Harvest")
        #expect(CaseFacts.district(api) == "Kota Tinggi")
        let form = ["employer": "Familia Peñalosa", "district": "Russafa", "address": "Calle 3", "wages": "400"]
        #expect(CaseFacts.employer(form) == "Familia Peñalosa" && CaseFacts.district(form) == "Russafa")
        #expect(CaseFacts.district(["address": "Flat 3, Block B"]) == "Flat 3, Block B", "any place but her origin, when no district is named")
        #expect(CaseFacts.district(["country": "Nepal", "origin": "Jhapa"]) == nil, "her origin stands in for her nationality: never a column")
        #expect(CaseFacts.employer(["मालिक": "राम शर्मा"]) == "राम शर्मा")
        #expect(CaseFacts.district(["जिल्ला": "काठमाडौं"]) == "काठमाडौं")
        #expect(CaseFacts.employer(["wages": "400"]) == nil && CaseFacts.employer(["employer": "  "]) == nil)
    }

    @Test("age: filed more than N days before today, across months and years")
    func age() {
        #expect(CaseNarrowing.day(30, before: "2026-03-01") == "2026-01-30")
        #expect(CaseNarrowing.day(1, before: "2027-01-01") == "2026-12-31")
        #expect(CaseNarrowing.day(3, before: "garbage") == nil)
        let old = AgencyClient.CaseSummary(caseID: CaseID(String(repeating: "a", count: 32))!, status: "received", duressFlagged: false,
                                           day: "2026-11-01")
        let narrowing = CaseNarrowing(olderThanDays: 30)
        #expect(narrowing.keeps(old, nil, today: "2026-12-02"), "31 days old")
        #expect(!narrowing.keeps(old, nil, today: "2026-12-01"), "30 days old is not more than 30")
        #expect(!CaseNarrowing(olderThanDays: 0).keeps(old, nil, today: "2026-11-01"), "filed today")
    }

    @Test("an index written before text was kept still opens; its cases are not searchable until opened again")
    func olderIndex() throws {
        let old = #"{"0123456789abcdef0123456789abcdef": {"language": "ne", "answersRead": 1, "urgent": false}}"#
        let entries = try JSONDecoder().decode([String: CaseIndex.Entry].self, from: Data(old.utf8))
        let entry = try #require(entries["0123456789abcdef0123456789abcdef"])
        #expect(entry.language == "ne" && entry.text == nil && entry.employer == nil)
        let summary = AgencyClient.CaseSummary(caseID: CaseID("0123456789abcdef0123456789abcdef")!, status: "received", duressFlagged: false,
                                               day: "2026-11-01", lastActivity: "2026-11-01")
        #expect(!entry.isCurrent(for: summary))
        #expect(!CaseNarrowing(search: CaseSearch("x")).keeps(summary, entry, today: "2026-12-01"))
        #expect(CaseNarrowing(language: "ne").keeps(summary, entry, today: "2026-12-01"))
    }

    @Test("a text is current until the list shows a newer day or another answer")
    func freshness() {
        let entry = CaseIndex.Entry(language: "en", answersRead: 0, urgent: false, text: "x", textAnswers: 1, textThrough: "2026-11-05")
        func summary(_ activity: String, answers: Int) -> AgencyClient.CaseSummary {
            AgencyClient.CaseSummary(caseID: CaseID(String(repeating: "b", count: 32))!, status: "received", duressFlagged: false,
                                     day: "2026-11-01", lastActivity: activity, answers: answers)
        }
        #expect(entry.isCurrent(for: summary("2026-11-05", answers: 1)))
        #expect(!entry.isCurrent(for: summary("2026-11-06", answers: 1)))
        #expect(!entry.isCurrent(for: summary("2026-11-05", answers: 2)))
        let quiet = CaseIndex.Entry(language: "en", answersRead: 0, text: "x", textAnswers: 0)
        #expect(quiet.isCurrent(for: summary("2026-11-01", answers: 0)), "nothing happened since filing")
        #expect(!quiet.isCurrent(for: summary("2026-11-02", answers: 0)))
    }
}
