import Foundation
import Sodium
import Testing
@testable import ReporterWeb

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var date = Date(timeIntervalSince1970: 1_800_000_000)
    func advance(hours: Double) { date += hours * 3600 }
}

@Suite("Form tokens (stateless CSRF)")
struct FormTokensTests {
    let clock = TestClock()
    var tokens: FormTokens { FormTokens(key: key, now: { [clock] in clock.date }) }
    let key = SecureBytes(randomCount: 32)

    @Test("a fresh token is valid for its purpose only")
    func purpose() {
        let token = tokens.issue(for: .complaint)
        guard case .valid(let nonce, _) = tokens.check(token, for: .complaint) else {
            Issue.record("a fresh token was refused")
            return
        }
        #expect(nonce.count == FormTokens.nonceBytes)
        #expect(tokens.check(token, for: .status) == .invalid)
    }

    @Test("every token is different")
    func fresh() {
        #expect(tokens.issue(for: .status) != tokens.issue(for: .status))
    }

    @Test("a token lasts its lifetime, then is expired")
    func expiry() {
        let token = tokens.issue(for: .status)
        clock.advance(hours: Double(tokens.lifetimeHours))
        if case .valid = tokens.check(token, for: .status) {} else { Issue.record("refused within its lifetime") }
        clock.advance(hours: 1.01)
        #expect(tokens.check(token, for: .status) == .expired)
    }

    @Test("a changed byte, another server key, or garbage is refused")
    func forged() throws {
        let token = tokens.issue(for: .complaint)
        var bytes = try #require(Data(base64Encoded: token))
        for i in [0, 1, 5, 20, bytes.count - 1] {
            var changed = bytes
            changed[i] ^= 0x01
            #expect(tokens.check(changed.base64EncodedString(), for: .complaint) == .invalid, "byte \(i)")
        }
        bytes.removeLast()
        #expect(tokens.check(bytes.base64EncodedString(), for: .complaint) == .invalid)
        let other = FormTokens(key: SecureBytes(randomCount: 32), now: { [clock] in clock.date })
        #expect(other.check(token, for: .complaint) == .invalid)
        for garbage in ["", "x", String(repeating: "A", count: 52), String(repeating: "A", count: 500)] {
            #expect(tokens.check(garbage, for: .complaint) == .invalid)
        }
    }

    @Test("a token whose expiry lies beyond any token we issue is refused even with a valid MAC")
    func farFuture() {
        let future = TestClock()
        future.advance(hours: 100)
        let fromTheFuture = FormTokens(key: key, now: { future.date }).issue(for: .status)
        #expect(tokens.check(fromTheFuture, for: .status) == .invalid)
    }
}

@Suite("Nonce ledger")
struct NonceLedgerTests {
    @Test("a form is claimed once; a released claim can be made again")
    func once() {
        let ledger = NonceLedger()
        let nonce = [UInt8](repeating: 7, count: 16)
        #expect(ledger.claim(nonce, expiry: 10, currentHour: 5))
        #expect(!ledger.claim(nonce, expiry: 10, currentHour: 5))
        ledger.release(nonce, expiry: 10)
        #expect(ledger.claim(nonce, expiry: 10, currentHour: 6))
    }

    @Test("past capacity the oldest hour is forgotten")
    func bounded() {
        let ledger = NonceLedger(capacity: 3)
        let a: [UInt8] = [1], b: [UInt8] = [2]
        #expect(ledger.claim(a, expiry: 10, currentHour: 5))
        #expect(ledger.claim(b, expiry: 12, currentHour: 5))
        #expect(ledger.claim([3], expiry: 12, currentHour: 5))
        #expect(ledger.claim([4], expiry: 12, currentHour: 5))  // full: hour 10 goes
        #expect(!ledger.claim(b, expiry: 12, currentHour: 5))
        #expect(ledger.claim(a, expiry: 10, currentHour: 5))
    }

    @Test("a form whose token has expired is forgotten")
    func expiry() {
        let ledger = NonceLedger()
        #expect(ledger.claim([9], expiry: 12, currentHour: 5))
        #expect(!ledger.claim([9], expiry: 12, currentHour: 12))
        #expect(ledger.claim([9], expiry: 12, currentHour: 13))
    }
}
