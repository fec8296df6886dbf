import Foundation
import Testing
@testable import Intake

@Suite("Coarse time")
struct CoarseTimeTests {
    /// Foundation's Gregorian calendar in UTC: the oracle the arithmetic must agree with.
    private func expected(_ date: Date) -> (day: String, hour: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour], from: date)
        let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        return (day, day + String(format: "T%02dZ", c.hour!))
    }

    @Test("day and hour agree with Foundation's UTC calendar across leap years, centuries and hour edges")
    func agreesWithFoundation() {
        var instants: [TimeInterval] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 951_868_800, 4_107_542_399, 4_107_542_400,
                                        1_709_164_800, 1_709_251_199, 1_795_996_799, 1_796_000_000]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { instants.append(TimeInterval(Int.random(in: -2_208_988_800...7_258_118_400, using: &generator))) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let time = CoarseTime(now: { date })
            let want = expected(date)
            #expect(time.day() == want.day, "day of \(seconds)")
            #expect(time.hour() == want.hour, "hour of \(seconds)")
        }
    }

    @Test("fractions of a second before midnight still belong to the earlier day")
    func fractionalSeconds() {
        let justBefore = CoarseTime(now: { Date(timeIntervalSince1970: 86_399.999) })
        #expect(justBefore.day() == "1970-01-01")
        #expect(justBefore.hour() == "1970-01-01T23Z")
        let beforeEpoch = CoarseTime(now: { Date(timeIntervalSince1970: -0.5) })
        #expect(beforeEpoch.day() == "1969-12-31")
    }
}
