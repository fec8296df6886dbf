import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ReporterGuards
import Server
import Testing

/// Security review 2026-12, F9: the audit routes had no cap, and a flood of them took the worker
/// threads complaints need.
@Suite("the audit routes' cap")
struct AuditCapTests {
    @Test("above the audit rate every /v1/audit route answers 429 with Retry-After, and a complaint is still filed")
    func rateCap() async throws {
        var policy = AbusePolicy()
        policy.auditPerSecond = 0.001
        policy.auditBurst = 1
        try await ServerHarness(abuse: policy).test { client in
            let first = try await client.executeRequest(uri: "/v1/audit/checkpoint", method: .get, headers: [:], body: nil)
            #expect(first.status == .ok)
            for uri in ["/v1/audit/log-key", "/v1/audit/checkpoint", "/v1/audit/entries?start=0&end=1000",
                        "/v1/audit/proof/inclusion?index=0&size=1", "/v1/audit/proof/consistency?from=1&to=1"] {
                let response = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
                #expect(response.status == .tooManyRequests, "\(uri)")
                #expect(response.headers[.retryAfter].flatMap { Int($0) }.map { $0 >= 1 } == true, "\(uri)")
                #expect(try json(response)["error"] as? String == "rate_limited")
            }
            let filed = try await client.postJSON("/v1/complaints", ReporterAPITests.complaint)
            #expect(filed.status == .created, "the audit cap is the audit routes' own: intake is not touched")
        }
    }

    @Test("a concurrency limit admits `limit` at once, queues `maxWaiting` in order, and refuses the rest")
    func concurrencyLimit() async throws {
        let limit = ConcurrencyLimit(limit: 1, maxWaiting: 1)
        #expect(await limit.acquire())
        let waiter = Task { await limit.acquire() }
        while limit.waiting == 0 { await Task.yield() }
        #expect(await limit.acquire() == false, "one running and one waiting: the third is refused at once")
        limit.release()  // hands the place to the waiter
        #expect(await waiter.value)
        #expect(limit.running == 1 && limit.waiting == 0)
        limit.release()
        #expect(limit.running == 0)
        #expect(await limit.acquire())
        limit.release()
    }

    @Test("the daemon's defaults cap the audit routes, and the unlimited policy does not")
    func defaults() {
        let policy = AbusePolicy()
        #expect(policy.auditPerSecond <= 50 && policy.auditConcurrency <= 2)
        #expect(AbusePolicy.unlimited.auditPerSecond >= 1e6)
    }
}

/// Security review 2026-12, F10: the reporter's own check used to count against her locator, so a
/// guesser's next wait showed that she had checked in.
@Suite("the locator back-off says nothing about the reporter's own checks")
struct LocatorRefundTests {
    let t0 = ContinuousClock.now

    @Test("four guesses, her check, a fifth guess: the fifth waits exactly as long as without her check")
    func refundedCheckLeavesNoTrace() {
        var policy = LocatorBackoff.Policy()
        policy.freeAttempts = 5
        var seen = LocatorBackoff(policy: policy)
        var control = LocatorBackoff(policy: policy)
        for _ in 0..<4 {
            _ = seen.delay(for: 1234_5678, now: t0)
            _ = control.delay(for: 1234_5678, now: t0)
        }
        _ = seen.delay(for: 1234_5678, now: t0)  // her check, admitted like any other…
        seen.refund(1234_5678, now: t0)          // …and given back when it succeeded
        for _ in 0..<6 {
            #expect(seen.delay(for: 1234_5678, now: t0) == control.delay(for: 1234_5678, now: t0))
        }
    }

    @Test("the guard refunds a successful check by its locator, whatever the dashes and spaces")
    func guardRefunds() async throws {
        let guardian = AbuseGuard(policy: AbusePolicy())
        let token = "1234-5678-9012-3456-7890-1234"
        #expect(try await guardian.admitStatusCheck(tokenText: "12345678-0000-0000-0000-0000") == .admitted)  // a guess
        #expect(try await guardian.admitStatusCheck(tokenText: token) == .admitted)  // her check
        #expect(try await guardian.locatorAttempts(tokenText: token) == 2)
        await guardian.statusCheckSucceeded(tokenText: "1234 5678 9012 3456 7890 1234")
        #expect(try await guardian.locatorAttempts(tokenText: token) == 1, "only the guess still counts")
        await guardian.statusCheckSucceeded(tokenText: "not a token")
        #expect(try await guardian.locatorAttempts(tokenText: token) == 1)
    }
}
