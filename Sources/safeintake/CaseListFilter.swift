import InspectorClient
import Intake

/// The triage an inspector does on `inspector cases`, all on her own machine (the server learns
/// nothing from it): by status, deadline, and what `CaseNarrowing` needs the case index for
/// (language, age, search), and in the order she works in.
struct CaseListFilter {
    let statuses: Set<String>
    var narrowing = CaseNarrowing()
    /// What this machine knows of each case (language, text); nil when nothing narrows by it.
    var index: CaseIndex?
    let overdue: Bool
    let deadlines: ResponseDeadlines
    /// Today, `YYYY-MM-DD` (UTC), against which deadlines and ages are judged.
    let today: String
    /// `filed`, `activity` or `unread`.
    let order: String

    init(statuses: Set<String>, narrowing: CaseNarrowing = CaseNarrowing(), index: CaseIndex? = nil, overdue: Bool,
         deadlines: ResponseDeadlines, today: String, order: String) {
        self.statuses = statuses
        self.narrowing = narrowing
        self.index = index
        self.overdue = overdue
        self.deadlines = deadlines
        self.today = today
        self.order = order
    }

    typealias Row = ([String: Any], AgencyClient.CaseSummary)

    func apply(_ rows: [Row]) -> [Row] {
        let kept = rows.filter { _, summary in
            (statuses.isEmpty || statuses.contains(summary.status))
                && narrowing.keeps(summary, index?[summary.caseID], today: today)
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
