import Foundation

/// How soon a reporter hears back, which the status page promises her (issue 18 #9) and the
/// agency is measured against (issue 19 #3): acknowledgement within 7 days of filing, feedback on
/// what was done within 3 months, as the EU Whistleblower Directive (art. 9) and ISO 37002 expect.
/// The operator sets both (`serve --acknowledge-days`, `--feedback-days`).
public struct ResponseDeadlines: Sendable, Equatable {
    public var acknowledgeDays: Int
    public var feedbackDays: Int

    public init(acknowledgeDays: Int = 7, feedbackDays: Int = 90) {
        self.acknowledgeDays = acknowledgeDays
        self.feedbackDays = feedbackDays
    }

    public static let standard = ResponseDeadlines()

    /// The day she should hear from the agency by: acknowledgement while her report is still only
    /// received, feedback once someone works on it; nil once it is closed.
    public func replyBy(filedDay: String, state: CaseState) -> String? {
        switch state {
        case .received: CalendarDay.adding(acknowledgeDays, to: filedDay)
        case .closed: nil
        default: CalendarDay.adding(feedbackDays, to: filedDay)
        }
    }
}

/// Arithmetic on `YYYY-MM-DD` days (UTC, proleptic Gregorian), the only dates SafeIntake keeps.
public enum CalendarDay {
    /// `day` plus `count` days, or nil when `day` is not a valid `YYYY-MM-DD`.
    public static func adding(_ count: Int, to day: String) -> String? {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d), parts[0].count == 4 else { return nil }
        let days = daysFromCivil(year: y, month: m, day: d) + count
        return CoarseTime(now: { Date(timeIntervalSince1970: TimeInterval(days) * 86_400) }).day()
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`, the inverse of `CoarseTime.civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
