import Foundation
import Intake
import Sodium
import Testing

@Suite("one-time status tokens")
struct TokenTests {
    @Test("a token works once and returns the next one", arguments: Backend.available)
    func oneTimeRotation(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        #expect(filed.token.wholeMatch(of: /\d{4}(-\d{4}){5}/) != nil)
        let first = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(first.state == .received)
        #expect(first.nextToken != filed.token)
        #expect(try h.intake.checkStatus(tokenText: filed.token) == nil, "a spent token must not work again")
        let second = try #require(try h.intake.checkStatus(tokenText: first.nextToken))
        #expect(try h.intake.checkStatus(tokenText: first.nextToken) == nil)
        #expect(try h.intake.checkStatus(tokenText: second.nextToken) != nil)
        let log = try h.store.auditEntries(0..<h.store.auditLogSize()).map { String(decoding: $0, as: UTF8.self) }
        let spends = log.filter { $0.contains("token_spent") }
        #expect(spends.count == 3)
        #expect(spends.allSatisfy { !$0.contains(filed.caseID.rawValue) }, "a spend must not say which case checked in")
    }

    /// Issue 18, item 1: phone keyboards type native digits. Each system's digits must give the
    /// same token as ASCII, and a mix of systems too.
    @Test("a token typed in any decimal digit system is the same token", arguments: [
        0x0660, 0x06F0, 0x0966, 0x09E6, 0x0BE6, 0x0DE6, 0x0E50, 0x1040, 0x17E0, 0xFF10,
    ])
    func nativeDigits(_ zero: UInt32) throws {
        let token = StatusToken.generate()
        let ascii = token.formatted()
        let native = String(String.UnicodeScalarView(ascii.unicodeScalars.map { s in
            s.value >= 0x30 && s.value <= 0x39 ? Unicode.Scalar(zero + s.value - 0x30)! : s
        }))
        let parsed = try #require(StatusToken.parse(native), "\(native)")
        #expect(parsed.formatted() == ascii)
        let mixed = String(native.prefix(10)) + "\u{00A0}" + String(ascii.dropFirst(10))
        #expect(StatusToken.parse(mixed)?.formatted() == ascii)
        // Not a digit of any system, or one digit too many: malformed, as before.
        #expect(StatusToken.parse(native + "\u{0661}") == nil)
        #expect(StatusToken.parse(native.replacingOccurrences(of: "-", with: "\u{2167}")) == nil)   // Roman numeral
    }

    @Test("dashes and spaces are optional; anything else is malformed", arguments: Backend.available)
    func parsing(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let spaced = filed.token.replacingOccurrences(of: "-", with: " ")
        #expect(try h.intake.checkStatus(tokenText: spaced) != nil)
        for bad in ["", "1234", String(repeating: "1", count: 25), "abcd-efgh", filed.token + "x", "１２３４"] {
            #expect(StatusToken.parse(bad) == nil, "\(bad) should be malformed")
        }
    }

    @Test("unknown tokens and a wrong secret under a live locator are refused", arguments: Backend.available)
    func unknownAndWrong(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let digits = Array(filed.token.filter(\.isNumber))
        var wrongSecret = digits
        wrongSecret[23] = wrongSecret[23] == "0" ? "1" : "0"
        #expect(try h.intake.checkStatus(tokenText: String(wrongSecret)) == nil)
        #expect(try h.intake.checkStatus(tokenText: String(repeating: "0", count: 24)) == nil)
        #expect(try h.intake.checkStatus(tokenText: filed.token) != nil, "a wrong guess must not burn the real token")
    }

    @Test("of many concurrent checks with one token exactly one succeeds", arguments: Backend.available)
    func concurrentDoubleSpend(_ backend: Backend) async throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let intake = h.intake
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask { (try? await Thread.detachedResult { try intake.checkStatus(tokenText: filed.token) }) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 1)
    }

    /// 15 random secret digits (49.8 bits) behind a peppered Argon2id verifier and the rate caps:
    /// Docs/abuse-resistance.md works out the odds. The check digit is public structure and adds none.
    @Test("the token secret carries at least 49 bits; the check digit is not counted")
    func entropy() {
        #expect(StatusToken.secretBits >= 49)
        #expect(StatusToken.locatorDigits + StatusToken.secretDigits + StatusToken.checkDigits == StatusToken.totalDigits)
    }

    @Test("Damm check digit: the published example, and every single-digit error and neighbour swap is caught")
    func dammCheckDigit() throws {
        // The worked example of Damm's algorithm (Wikipedia "Damm algorithm"): 572 → check digit 4.
        #expect(DammCheckDigit.interim([5, 7, 2]) == 4)
        #expect(DammCheckDigit.isValid([5, 7, 2, 4]))
        for _ in 0..<200 {
            let token = StatusToken.generate()
            let digits = token.digits.withUnsafeBytes { Array($0) }.map { $0 - UInt8(ascii: "0") }
            #expect(DammCheckDigit.isValid(digits))
            for i in digits.indices {
                for wrong in UInt8(0)...9 where wrong != digits[i] {
                    var typo = digits
                    typo[i] = wrong
                    #expect(!DammCheckDigit.isValid(typo))
                }
                if i + 1 < digits.count && digits[i] != digits[i + 1] {
                    var swapped = digits
                    swapped.swapAt(i, i + 1)
                    #expect(!DammCheckDigit.isValid(swapped))
                }
            }
        }
    }

    @Test("a mistyped or short number is told apart without the database; native digits are read")
    func mistyped() throws {
        let token = StatusToken.generate().formatted()
        #expect(!StatusToken.isMistyped(token))
        #expect(StatusToken.isMistyped(String(token.dropLast())), "a digit missing")
        let last = token.last!.wholeNumberValue!
        #expect(StatusToken.isMistyped(String(token.dropLast()) + String((last + 1) % 10)), "a wrong digit")
        let arabicIndic = String(token.map { c in c.wholeNumberValue.map { Character(Unicode.Scalar(0x0660 + UInt32($0))!) } ?? c })
        #expect(StatusToken.parse(arabicIndic)?.formatted() == token)
    }

    @Test("verifiers depend on the pepper: a database copied to another pepper verifies nothing")
    func pepper() throws {
        let token = StatusToken.generate()
        let a = TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum)
        let b = TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum)
        let verifier = try a.makeVerifier(for: token)
        #expect(try a.matches(token, verifier))
        #expect(try !b.matches(token, verifier))
    }
}

extension Thread {
    /// Runs `body` on a new thread (so concurrent calls really overlap) and returns its value or nil.
    static func detachedResult<T: Sendable>(_ body: @escaping @Sendable () throws -> T?) async throws -> T? {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
