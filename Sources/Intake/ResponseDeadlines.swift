import Foundation
import Statistics

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
        case .closed, .transferred: nil
        default: CalendarDay.adding(feedbackDays, to: filedDay)
        }
    }
}

/// Arithmetic on `YYYY-MM-DD` days (UTC, proleptic Gregorian), the only dates SafeIntake keeps.
public enum CalendarDay {
    /// Days since 1970-01-01 of a `YYYY-MM-DD` day, or nil when it is not one.
    public static func number(_ day: String) -> Int? {
        CaseHandlingTally.dayNumber(day)
    }

    /// `day` plus `count` days, or nil when `day` is not a valid `YYYY-MM-DD`.
    public static func adding(_ count: Int, to day: String) -> String? {
        guard let days = CaseHandlingTally.dayNumber(day) else { return nil }
        return CoarseTime(now: { Date(timeIntervalSince1970: TimeInterval(days + count) * 86_400) }).day()
    }
}
