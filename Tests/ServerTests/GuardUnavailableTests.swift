import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
@testable import InspectorClient
import ReporterGuards
import ReporterWeb
import Server
import Synchronization
import Testing

/// The guards' state as a database that can go away: while `down`, every question throws;
/// otherwise it answers as one daemon's memory does.
final class UnreachableGuardState: GuardStateStore {
    struct Down: Error {}
    let down = Atomic<Bool>(true)
    let asked = Atomic<Int>(0)
    private let memory = MemoryGuardState()

    private func reach() throws -> MemoryGuardState {
        guard down.load(ordering: .relaxed) else { return memory }
        asked.add(1, ordering: .relaxed)
        throw Down()
    }

    func take(_ bucket: GuardBucket) async throws -> Double? { try reach().take(bucket) }
    func recordIntake() async throws { try reach().recordIntake() }
    func intakeRate() async throws -> Double { try reach().intakeRate() }
    func spendProof(id: [UInt8], expires: UInt64, now: UInt64) async throws -> Bool { try reach().spendProof(id: id, expires: expires, now: now) }
    func countLocatorCheck(_ locator: UInt32) async throws -> Int { try reach().countLocatorCheck(locator) }
    func refundLocatorCheck(_ locator: UInt32) async throws { try reach().refundLocatorCheck(locator) }
    func locatorChecks(_ locator: UInt32) async throws -> Int { try reach().locatorChecks(locator) }
}

/// A challenge ledger whose database has gone away.
struct UnreachableLedger: AgencyChallengeLedger {
    func recordChallenge(_ challenge: String, keyID: String, expires: Date) throws { throw UnreachableGuardState.Down() }
    func takeChallenge(_ challenge: String) throws -> PendingChallenge? { throw UnreachableGuardState.Down() }
    func peekChallenge(_ challenge: String) throws -> PendingChallenge? { throw UnreachableGuardState.Down() }
}

/// Issue 22 #8: when the state the guards share cannot be reached, they fail closed: a clear 503
/// with Retry-After, nothing filed, no token spent, and on the pages her words kept.
@Suite("the guards fail closed when their shared state is unreachable")
struct GuardUnavailableTests {
    static let complaint = #"{"language": "en", "narrative": "No pay since March."}"#

    @Test("the guard itself throws Unavailable for every decision")
    func guardThrows() async throws {
        let guardian = AbuseGuard(state: UnreachableGuardState())
        await #expect(throws: AbuseGuard.Unavailable.self) { _ = try await guardian.admitComplaint(proof: nil) }
        await #expect(throws: AbuseGuard.Unavailable.self) { _ = try await guardian.admitStatusCheck(tokenText: "1234-5678") }
        await #expect(throws: AbuseGuard.Unavailable.self) { _ = try await guardian.admitChallenge() }
        await #expect(throws: AbuseGuard.Unavailable.self) { _ = try await guardian.admitAudit() }
        await guardian.complaintFiled()  // a lost count is not an error
        await guardian.statusCheckSucceeded(tokenText: "1234-5678-0000")
    }

    @Test("the JSON API answers 503 unavailable with Retry-After; nothing is filed, no token spent")
    func jsonAnswers() async throws {
        let state = UnreachableGuardState()
        state.down.store(false, ordering: .relaxed)
        let harness = try ServerHarness(guardState: state, challenges: UnreachableLedger())
        try await harness.test { client in
            let token = try json(try await client.postJSON("/v1/complaints", Self.complaint))["token"] as! String
            state.down.store(true, ordering: .relaxed)
            for (uri, body) in [("/v1/complaints", Self.complaint), ("/v1/complaints/preview", Self.complaint),
                                ("/v1/status", #"{"token": "\#(token)"}"#), ("/v1/agency/challenge", #"{"key_id": "\#(String(repeating: "a", count: 32))"}"#)] {
                let r = try await client.postJSON(uri, body)
                #expect(r.status == .serviceUnavailable, "\(uri)")
                #expect(r.headers[.retryAfter] == String(AbuseGuard.unavailableRetrySeconds), "\(uri)")
                let answer = try json(r)
                #expect(answer["error"] as? String == "unavailable" && answer["message"] is String, "\(uri)")
            }
            let audit = try await client.get("/v1/audit/checkpoint")
            #expect(audit.status == .serviceUnavailable)
            #expect(state.asked.load(ordering: .relaxed) >= 5)
            // Back up: her token was never spent, and only the first complaint was filed.
            state.down.store(false, ordering: .relaxed)
            #expect(try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#).status == .ok)
        }
        #expect(try harness.deps.caseWork.cases(for: harness.inspector1.publicKey.keyID).count == 1, "nothing more was filed")
    }

    @Test("the challenge cap admits, but a ledger that is down still means 503, not an unusable challenge")
    func ledgerDown() async throws {
        try await ServerHarness(challenges: UnreachableLedger()).test { client in
            let r = try await client.postJSON("/v1/agency/challenge", #"{"key_id": "\#(String(repeating: "b", count: 32))"}"#)
            let error = try json(r)["error"] as? String
            #expect(r.status == .serviceUnavailable && error == "unavailable")
        }
    }

    @Test("the pages answer the busy page, 503 with her words and her number, nothing stored or spent")
    func pagesKeepHerWords() async throws {
        let harness = try ServerHarness(guardState: UnreachableGuardState())
        try await harness.test { client in
            let form = String(buffer: try await client.get("/new?lang=en").body)
            for step in ["preview", "send"] {
                let busy = try await client.postForm("/new", [
                    "lang": "en", "form_token": try formToken(form), "employer": "Mrs Lim", "narrative": "Sixteen hours a day.", "step": step,
                ])
                #expect(busy.status == .serviceUnavailable, "\(step)")
                #expect(busy.headers[.retryAfter] == String(AbuseGuard.unavailableRetrySeconds))
                let page = String(buffer: busy.body)
                #expect(page.contains(">Sixteen hours a day.</textarea>") && page.contains("value=\"Mrs Lim\""), "\(step)")
            }
            // 23 digits and the one Damm check digit that makes them a well-typed number
            let digits = Array("12345678901234567890123".utf8).map { $0 - 48 }
            let typed = (digits + [DammCheckDigit.interim(digits)]).map(String.init).joined()
            #expect(!StatusToken.isMistyped(typed))
            let check = String(buffer: try await client.get("/check?lang=en").body)
            let busy = try await client.postForm("/check", ["lang": "en", "form_token": try formToken(check), "token": typed, "reply": "Monday"])
            #expect(busy.status == .serviceUnavailable)
            let page = String(buffer: busy.body)
            #expect(page.contains("value=\"\(typed)\"") && page.contains(">Monday</textarea>"))
        }
        #expect(try harness.deps.caseWork.cases(for: harness.inspector1.publicKey.keyID).isEmpty)
    }
}
