import Envelope
import Firewall
import Foundation
import Intake
import Storage
import Testing

@Suite("the path of one complaint")
struct IntakePathTests {
    nonisolated(unsafe) static let complaint: [String: Any] = [
        "language": "en",
        "fields": [
            "employer_name": "Mrs. Lim", "district": "Bishan", "wage_monthly": "450 SGD",
            "visa_status": "overstayed", "passport_no": "K7781234", "nationality": "Filipino",
        ],
        "narrative": "My employer Mrs. Lim pays me only 450 dollars a month and I work 18 hours a day. My work permit expired in March so I am afraid to go out. My passport number is P4829133.",
    ]

    @Test("inspector-1 reads the firewalled view; inspector-2 has no wrap", arguments: Backend.available)
    func inspectorsSeeOnlyWhatTheyMay(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(Self.complaint))
        let view = try #require(try h.open(filed.caseID, as: h.inspector1))
        #expect(view.language == "en")
        #expect(view.fields["employer_name"] == "Mrs. Lim")
        #expect(view.fields["wage_monthly"] == "450 SGD")
        #expect(view.fields["visa_status"] == nil && view.fields["passport_no"] == nil)
        #expect(view.narrative.contains("pays me only 450 dollars"))
        #expect(view.narrative.contains("work 18 hours a day"))
        #expect(!view.narrative.contains("expired"))
        #expect(!view.narrative.contains("P4829133"))
        #expect(try h.open(filed.caseID, as: h.supervisor) == view)
        #expect(try h.open(filed.caseID, as: h.inspector2) == nil)
        #expect(try h.caseWork.cases(for: h.inspector2.publicKey.keyID).isEmpty)
        #expect(try h.caseWork.cases(for: h.inspector1.publicKey.keyID).map(\.id) == [filed.caseID])
    }

    @Test("nothing the reporter wrote, no status value and no token is stored", arguments: Backend.available)
    func dataFolderHoldsOnlyCiphertext(_ backend: Backend) throws {
        // No other test may create a database while this one's writes are in the WAL it scans.
        let (filed, answer, stored) = try TestPostgresServer.withoutNewDatabases {
            let h = try Harness(backend)
            let filed = try h.intake.file(body: Harness.body(Self.complaint))
            let answer = try #require(try h.intake.checkStatus(tokenText: filed.token))
            return (filed, answer, try h.allStoredBytes())
        }
        #expect(stored.containsUTF8(filed.caseID.rawValue), "the scan must look where the case was stored")
        for needle in ["Mrs. Lim", "Bishan", "450 SGD", "overstayed", "K7781234", "Filipino", "P4829133",
                       "work permit expired", "18 hours", "visa_status", "passport_no", "employer_name"] {
            #expect(!stored.containsUTF8(needle), "found \(needle) in the data folder")
        }
        for token in [filed.token, answer.nextToken] {
            let digits = token.filter(\.isNumber)
            #expect(!stored.containsUTF8(token) && !stored.containsUTF8(digits))
            #expect(!stored.containsUTF8(String(digits.suffix(16))), "a token secret is in the data folder")
        }
    }

    @Test("intake refuses when nobody receives new cases, and stores nothing", arguments: Backend.available)
    func noRecipients(_ backend: Backend) throws {
        let store = try TestDatabase.make(backend).store
        let lone = try AgencyKeyPair.generate(name: "inspector-9", role: .inspector)
        try AgencyService(store: store).register(lone.publicKey, receivesNewCases: false)
        let intake = IntakeService(store: store, policy: .makeDefault(),
                                   tokens: TokenHasher(pepper: .init(randomCount: 32), cost: .minimum))
        let error = #expect(throws: IntakeError.self) { try intake.file(body: Harness.body(Self.complaint)) }
        #expect(error?.code == .noRecipients)
        #expect(try store.auditLogSize() == 1)  // only the key registration
        #expect(try store.cases(wrappedTo: lone.publicKey.keyID).isEmpty)
    }

    @Test("every accepted complaint is in the audit log with counts only", arguments: Backend.available)
    func auditEntries(_ backend: Backend) throws {
        let h = try Harness(backend)
        let before = try h.store.auditLogSize()
        let filed = try h.intake.file(body: Harness.body(Self.complaint))
        let entries = try h.store.auditEntries(before..<h.store.auditLogSize())
        #expect(entries.count == 3)  // accepted + two wraps
        let texts = entries.map { String(decoding: $0, as: UTF8.self) }
        #expect(texts.allSatisfy { $0.count % AuditEvent.entryBlockSize == 0 })
        let accepted = try #require(texts.first { $0.contains("complaint_accepted") })
        #expect(accepted.contains(filed.caseID.rawValue))
        #expect(accepted.contains(h.intake.policyHash))
        #expect(!accepted.contains("Lim") && !accepted.contains("overstay"))
        #expect(filed.firewallReport.total > 0, "the complaint carries status disclosures the firewall must count")
        for category in DisclosureCategory.allCases {
            #expect(!texts.joined().contains(category.rawValue), "the public log must not say what kind of thing was removed from a case")
        }
        #expect(accepted.contains("\"day\"") && !accepted.contains("\"hour\""), "reporter actions carry the day only")
        #expect(texts.filter { $0.contains("case_key_wrapped") }.count == 2)
    }
}
