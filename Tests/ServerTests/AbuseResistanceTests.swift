import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ReporterGuards
import Server
import Testing

@Suite("abuse resistance: caps, per-locator back-off, proof of work")
struct AbuseResistanceTests {
    let t0 = ContinuousClock.now

    @Test("a token bucket allows its burst, then one request per refill interval")
    func tokenBucket() {
        var bucket = TokenBucket(perSecond: 2, burst: 3, now: t0)
        for _ in 0..<3 { #expect(bucket.take(now: t0) == nil) }
        let wait = bucket.take(now: t0)
        #expect(wait != nil && abs(wait!.seconds - 0.5) < 0.01)
        #expect(bucket.take(now: t0 + .milliseconds(499)) != nil)
        #expect(bucket.take(now: t0 + .milliseconds(1001)) == nil)
        #expect(bucket.take(now: t0 + .seconds(100)) == nil)  // refills only up to the burst
        #expect(bucket.take(now: t0 + .seconds(100)) == nil)
        #expect(bucket.take(now: t0 + .seconds(100)) == nil)
        #expect(bucket.take(now: t0 + .seconds(100)) != nil)
    }

    @Test("per-locator back-off: free attempts, then doubling waits, capped; never a refusal; per locator; reset after the window")
    func locatorBackoff() {
        var policy = LocatorBackoff.Policy()
        policy.freeAttempts = 3
        policy.maxTracked = 2
        var backoff = LocatorBackoff(policy: policy)
        let waits = (0..<10).map { _ in backoff.delay(for: 1234_5678, now: t0).seconds }
        #expect(waits == [0, 0, 0, 1, 2, 4, 8, 16, 32, 32])
        #expect(backoff.delay(for: 8765_4321, now: t0) == .zero)  // another locator is unaffected
        // the table is full of live windows: a third locator is slowed to the cap, never refused
        #expect(backoff.delay(for: 1111_1111, now: t0) == policy.maxDelay)
        // after the window the count starts again, and expired entries make room
        #expect(backoff.delay(for: 1234_5678, now: t0 + policy.window) == .zero)
        #expect(backoff.delay(for: 1111_1111, now: t0 + policy.window) == .zero)
        #expect(backoff.trackedCount <= 2)
    }

    @Test("the rate meter estimates events in the last window")
    func rateMeter() {
        var meter = RateMeter(window: .seconds(60), now: t0)
        for _ in 0..<120 { meter.record(now: t0) }
        #expect(meter.rate(now: t0 + .seconds(30)) == 120)
        #expect(abs(meter.rate(now: t0 + .seconds(90)) - 60) < 0.001)  // half the previous window still counts
        #expect(meter.rate(now: t0 + .seconds(200)) == 0)
    }

    @Test("the locator of a token or a duress entry is its first 8 digits")
    func locators() {
        #expect(AbuseGuard.locator(of: "1234-5678-9012-3456-7890-1234") == 1234_5678)
        #expect(AbuseGuard.locator(of: "1234 5678 4321") == 1234_5678)
        #expect(AbuseGuard.locator(of: "0000-0001-5") == 1)
        #expect(AbuseGuard.locator(of: "1234-567") == nil)
        #expect(AbuseGuard.locator(of: "1234-5678-abcd") == nil)
        #expect(AbuseGuard.locator(of: String(repeating: "1", count: 65)) == nil)
    }

    @Test("proofs of work: a solution verifies once; forged, expired, weak and malformed ones do not")
    func proofOfWork() {
        let pow = ProofOfWork()
        let challenge = pow.challenge(difficulty: 8, expires: 1000)
        let solution = ProofOfWork.solve(challenge, difficulty: 8)
        guard case let .success(accepted) = pow.check(solution, now: 999) else {
            Issue.record("a correct solution was refused")
            return
        }
        #expect(accepted.expires == 1000 && accepted.id.count == 16)
        #expect(pow.check(solution, now: 1000) == .failure(.expired))
        #expect(ProofOfWork().check(solution, now: 999) == .failure(.forged))  // another server key
        var raw = Array(Data(base64Encoded: challenge)!)
        raw[1] = 1  // claim an easier difficulty: the MAC no longer matches
        let easier = Data(raw).base64EncodedString()
        #expect(pow.check(ProofOfWork.solve(easier, difficulty: 1), now: 999) == .failure(.forged))
        // most nonces fall short of 8 zero bits (255 in 256)
        let outcomes = (0..<16).map { pow.check("\(challenge):x\($0)", now: 999) }
        #expect(outcomes.filter { $0 == .failure(.insufficientWork) }.count >= 12)
        for malformed in ["", challenge, "\(challenge):", "\(challenge):a:b", "\(challenge):\(String(repeating: "1", count: 65))",
                          "\(challenge):nonce!", "!!!!:1", "\(challenge.dropLast(4)):1"] {
            #expect(pow.check(malformed, now: 999) == .failure(.malformed), "\(malformed)")
        }
        #expect(ProofOfWork.leadingZeroBits([0, 0, 0x10] + [UInt8](repeating: 0xff, count: 29)) == 19)
    }

    @Test("difficulty is off below the threshold and grows one bit per doubling above it, capped")
    func adaptiveDifficulty() {
        var policy = AbusePolicy()
        policy.proofOfWorkThresholdPerMinute = 100
        policy.proofOfWorkBits = 20
        let guardian = AbuseGuard(policy: policy)
        #expect(guardian.requiredDifficulty(rate: 99) == nil)
        #expect(guardian.requiredDifficulty(rate: 100) == 20)
        #expect(guardian.requiredDifficulty(rate: 199) == 20)
        #expect(guardian.requiredDifficulty(rate: 400) == 22)
        #expect(guardian.requiredDifficulty(rate: 1_000_000) == 24)
        policy.proofOfWorkThresholdPerMinute = 0
        #expect(AbuseGuard(policy: policy).requiredDifficulty(rate: 1_000_000) == nil)
    }

    static let complaint = #"{"language": "en", "fields": {"employer_name": "Mr. Tan"}, "narrative": "No pay since March."}"#

    @Test("above the threshold a complaint needs a proof of work: 429 with a challenge, then 201 with it, once")
    func proofOfWorkOverHTTP() async throws {
        var policy = AbusePolicy()
        policy.proofOfWorkThresholdPerMinute = 2
        policy.proofOfWorkBits = 6
        try await ServerHarness(abuse: policy).test { client in
            for _ in 0..<2 { #expect(try await client.postJSON("/v1/complaints", Self.complaint).status == .created) }
            let refused = try await client.postJSON("/v1/complaints", Self.complaint)
            #expect(refused.status == .tooManyRequests)
            let body = try json(refused)
            #expect(body["error"] as? String == "proof_of_work_required")
            #expect(body["message"] is String)
            let challenge = try #require(body["challenge"] as? String)
            let difficulty = try #require(body["difficulty"] as? Int)
            #expect(difficulty >= 6)
            let solution = ProofOfWork.solve(challenge, difficulty: difficulty)
            let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-SafeIntake-Proof-Of-Work")!: solution]
            let accepted = try await client.executeRequest(uri: "/v1/complaints", method: .post, headers: headers, body: ByteBuffer(string: Self.complaint))
            #expect(accepted.status == .created)
            let replayed = try await client.executeRequest(uri: "/v1/complaints", method: .post, headers: headers, body: ByteBuffer(string: Self.complaint))
            #expect(replayed.status == .tooManyRequests)
            #expect(try json(replayed)["error"] as? String == "proof_of_work_required")
        }
    }

    @Test("the global caps answer 429 rate_limited with Retry-After, on intake and on status checks")
    func globalCaps() async throws {
        var policy = AbusePolicy()
        policy.intakePerSecond = 0.01
        policy.intakeBurst = 1
        policy.statusPerSecond = 0.01
        policy.statusBurst = 2
        try await ServerHarness(abuse: policy).test { client in
            let token = try json(try await client.postJSON("/v1/complaints", Self.complaint))["token"] as! String
            let capped = try await client.postJSON("/v1/complaints", Self.complaint)
            #expect(capped.status == .tooManyRequests)
            #expect(try json(capped)["error"] as? String == "rate_limited")
            #expect(Int(capped.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try await client.postJSON("/v1/status", #"{"token": "\#(token)"}"#).status == .ok)
            #expect(try await client.postJSON("/v1/status", #"{"token": "0000-0000-0000-0000-0000-0000"}"#).status == .notFound)
            let statusCapped = try await client.postJSON("/v1/status", #"{"token": "0000-0000-0000-0000-0000-0000"}"#)
            #expect(statusCapped.status == .tooManyRequests)
            #expect(statusCapped.headers[.retryAfter] != nil)
        }
    }
}
