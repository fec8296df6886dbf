import InspectorClient
import Intake

/// The triage an inspector does on `inspector cases`, all on her own machine (the server learns
/// nothing from it): by status, language and deadline, and in the order she works in.
struct CaseListFilter {
    let statuses: Set<String>
    let language: String?
    let overdue: Bool
    let deadlines: ResponseDeadlines
    /// Today, `YYYY-MM-DD` (UTC), against which deadlines are judged.
    let today: String
    /// `filed`, `activity` or `unread`.
    let order: String

    typealias Row = ([String: Any], AgencyClient.CaseSummary)

    func apply(_ rows: [Row]) -> [Row] {
        let kept = rows.filter { row, summary in
            (statuses.isEmpty || statuses.contains(summary.status))
                && (language.map { ($0 == row["language"] as? String) } ?? true)
                && (!overdue || isOverdue(summary))
        }
        switch order {
        case "activity": return kept.sorted { $0.1.lastActivity > $1.1.lastActivity }
        case "unread": return kept.sorted { ($0.0["unread"] as? Int ?? 0) > ($1.0["unread"] as? Int ?? 0) }
        default: return kept
        }
    }

    /// Past its deadline: still only received after the acknowledgement deadline, or not closed
    /// after the feedback deadline.
    func isOverdue(_ summary: AgencyClient.CaseSummary) -> Bool {
        guard summary.status != CaseState.closed.rawValue,
              let state = CaseState(rawValue: summary.status),
              let due = deadlines.replyBy(filedDay: summary.day, state: state) else { return false }
        return today > due
    }
}
