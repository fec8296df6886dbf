import Firewall
import Testing

/// Fields that hold a name (the employer, the agency, the worker) are names, not sentences: the
/// learned stage does not judge them, the rules and the document-number shapes still do. The
/// stage trained on sets a–p read "Crashmark Employer 000002" (the crash test's employer) as a
/// document number and dropped the employer.
@Suite("Fields that hold a name")
struct NamedFieldTests {
    let firewall = Firewall(policy: .makeDefault())

    @Test("a name with a number reaches the inspector", arguments: [
        ["employer": "Crashmark Employer 000002"],
        ["employer_name": "Household 14 Al Waab"],
        ["agency": "Sunrise Manpower 2 Branch 0031"],
        ["worker_name": "Siti Aminah 2"],
        // A worker's name under a Chinese field name (after set s, 2026-12-07): the stage read
        // "Win Win" as status before the name stems knew "姓名".
        ["工人姓名": "Win Win"],
    ])
    func kept(_ fields: [String: String]) {
        #expect(firewall.screenFields(fields).kept == fields)
    }

    @Test("a name field that tells status still goes", arguments: [
        ["employer": "none, I ran away and she filed huroob"],
        ["employer": "Mrs Tan, passport E12345678"],
    ])
    func dropped(_ fields: [String: String]) {
        #expect(firewall.screenFields(fields).kept.isEmpty)
    }
}
