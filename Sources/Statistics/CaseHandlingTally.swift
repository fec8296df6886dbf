import Foundation

/// How the complaints filed in one month were handled, read from the public audit log alone: the
/// "predictable" and "transparent" criteria of a grievance mechanism (UN Guiding Principles, 31).
///
/// - **acknowledged within 7 days**: a `status_changed` or `message_sent` entry for the case (what
///   the reporter sees on her next check) on a day at most 7 after its `complaint_accepted` day;
/// - **feedback within 3 months**: a `message_sent` entry for the case within 90 days;
/// - **outcomes**: the case's state 90 days after filing, from its last `status_changed` entry by
///   then: `action_taken`, `closed`, `transferred` (a `case_transferred` entry that sent it to
///   another organisation, which also counts as acknowledging it: her page says so), or `open`
///   (any other state, or none).
///
/// Every input is already public (anyone can compute these figures from `/v1/audit/entries`), so
/// they are published exact, without noise and without spending any privacy budget: noise would
/// protect nothing the log does not already show. A release carries them for the complaints filed
/// three months before its own month, so that every 90-day window has ended.
public struct CaseHandlingTally: Sendable {
    /// Days after filing within which a case counts as acknowledged, and as given feedback.
    public static let acknowledgementDays = 7
    public static let feedbackDays = 90

    public let cohort: String
    private var filed: [String: Int] = [:]
    private var acknowledged: Set<String> = []
    private var feedback: Set<String> = []
    private var state: [String: String] = [:]

    /// `cohort`: the filing month (`YYYY-MM`) whose complaints are followed.
    public init(cohort: String) {
        self.cohort = cohort
    }

    /// Feeds the next log entry, in log order.
    public mutating func add(_ entry: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(entry)) as? [String: Any],
              let type = object["type"] as? String, let caseID = object["case"] as? String,
              let when = ((object["day"] ?? object["hour"]) as? String).flatMap({ Self.dayNumber(String($0.prefix(10))) }) else { return }
        if type == "complaint_accepted" {
            if (object["day"] as? String)?.hasPrefix(cohort + "-") == true { filed[caseID] = when }
            return
        }
        guard let filedDay = filed[caseID] else { return }
        let elapsed = when - filedDay
        switch type {
        case "status_changed":
            if elapsed <= Self.acknowledgementDays { acknowledged.insert(caseID) }
            if elapsed <= Self.feedbackDays, let next = object["state"] as? String { state[caseID] = next }
        case "message_sent":
            if elapsed <= Self.acknowledgementDays { acknowledged.insert(caseID) }
            if elapsed <= Self.feedbackDays { feedback.insert(caseID) }
        case "case_transferred" where object["direction"] as? String == "sent":
            if elapsed <= Self.acknowledgementDays { acknowledged.insert(caseID) }
            if elapsed <= Self.feedbackDays { state[caseID] = "transferred" }
        default:
            break
        }
    }

    /// The figures, in publication order.
    public var figures: [(cell: String, value: Int)] {
        let outcomes = filed.keys.map { state[$0] }
        return [
            ("filed", filed.count),
            ("acknowledged_within_7_days", acknowledged.count),
            ("feedback_within_3_months", feedback.count),
            ("outcome_action_taken", outcomes.filter { $0 == "action_taken" }.count),
            ("outcome_closed", outcomes.filter { $0 == "closed" }.count),
            ("outcome_transferred", outcomes.filter { $0 == "transferred" }.count),
            ("outcome_open", outcomes.filter { $0 != "action_taken" && $0 != "closed" && $0 != "transferred" }.count),
        ]
    }

    /// The month three before `month` (`YYYY-MM`): the cohort a release of `month` follows.
    public static func cohort(threeMonthsBefore month: String) -> String? {
        guard let year = Int(month.prefix(4)), let m = Int(month.suffix(2)) else { return nil }
        let index = year * 12 + (m - 1) - 3
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's `days_from_civil`); nil for
    /// anything else. The one day arithmetic of the project (`Intake.CalendarDay` uses it too).
    public static func dayNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
