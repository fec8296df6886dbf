import Foundation

/// Coarse time for anything stored about reporters and cases: a UTC calendar day, and for audit
/// entries a UTC hour. Finer times would let a seized database be matched against network logs.
///
/// Computed by arithmetic on the Unix time (the proleptic Gregorian calendar in UTC has no
/// time-zone rules to look up): every complaint asks for the day several times, and building a
/// Foundation `Calendar` for each was a measurable share of intake's CPU.
public struct CoarseTime: Sendable {
    /// Returns "now"; injectable so tests can pin the date.
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// `YYYY-MM-DD` in UTC.
    public func day() -> String {
        day(of: Self.civil(now()))
    }

    /// `YYYY-MM-DDTHHZ` in UTC.
    public func hour() -> String {
        let c = Self.civil(now())
        return day(of: c) + "T" + Self.digits(c.hour, 2) + "Z"
    }

    private func day(of c: (year: Int, month: Int, day: Int, hour: Int)) -> String {
        Self.digits(c.year, 4) + "-" + Self.digits(c.month, 2) + "-" + Self.digits(c.day, 2)
    }

    /// The UTC calendar date and hour of `date` (Howard Hinnant's `civil_from_days`).
    static func civil(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let hour = (seconds - days * 86_400) / 3_600
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, hour)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
