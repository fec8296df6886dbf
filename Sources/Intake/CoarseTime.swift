import Foundation

/// Coarse time for anything stored about reporters and cases: a UTC calendar day, and for audit
/// entries a UTC hour. Finer times would let a seized database be matched against network logs.
public struct CoarseTime: Sendable {
    /// Returns "now"; injectable so tests can pin the date.
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// `YYYY-MM-DD` in UTC.
    public func day() -> String {
        let c = Self.components(now())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// `YYYY-MM-DDTHHZ` in UTC.
    public func hour() -> String {
        let c = Self.components(now())
        return String(format: "%04d-%02d-%02dT%02dZ", c.year!, c.month!, c.day!, c.hour!)
    }

    private static func components(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour], from: date)
    }
}
