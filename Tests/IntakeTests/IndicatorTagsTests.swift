import Envelope
import Firewall
import Foundation
import Intake
import Testing

/// Issue 21 part 1: the tags reach inspectors in the sealed view, drive the urgent mark, and
/// routing rules can use them.
@Suite("indicator tags in the agency view")
struct IndicatorTagsTests {
    @Test("the view carries the tags of what inspectors read, never of what the firewall removed")
    func tagsInTheView() throws {
        let h = try Harness()
        let body = Harness.body(["language": "en", "narrative": "My employer beats me and has not paid me for four months. My visa expired last year."])
        let filed = try h.intake.file(body: body)
        let view = try #require(try h.open(filed.caseID, as: h.inspector1))
        #expect(view.indicators == ["physical_sexual_violence", "withholding_of_wages"])
        #expect(view.isUrgent)
        let quiet = try h.intake.file(body: Harness.body(["language": "en", "narrative": "I have no visa and I am afraid."]))
        #expect(try h.open(quiet.caseID, as: h.inspector1)?.indicators == [], "a status disclosure is removed before tagging")
    }

    @Test("the envelope's urgent rule is the firewall's, for every set of indicators")
    func urgentRulesAgree() {
        let all = ForcedLabourIndicator.allCases
        for mask in 0..<(1 << all.count) {
            let set = Set(all.indices.filter { mask & (1 << $0) != 0 }.map { all[$0] })
            let view = AgencyView(caseID: CaseID.generate(), language: "en", fields: [:], narrative: "", indicators: set.map(\.rawValue))
            #expect(view.isUrgent == ForcedLabourIndicator.isUrgent(set))
        }
    }

    @Test("a routing rule on indicators sends violence to the team that acts the same day")
    func routingOnIndicators() throws {
        let routing = try CaseRouting(json: Data(#"{"default_team": "default", "rules": [{"team": "rapid", "indicators": ["physical_sexual_violence"]}]}"#.utf8))
        #expect(routing.team(language: "en", fields: [:], indicators: ["physical_sexual_violence", "withholding_of_wages"]) == "rapid")
        #expect(routing.team(language: "en", fields: [:], indicators: ["withholding_of_wages"]) == "default")
    }
}
