import Envelope
import InspectorClient

/// `GET /s/PATH_SECRET/`: the cases this key can open, for a day of triage (issue 19 #1): filing
/// day, last activity and answers per case, short ids that stay unambiguous within the list, sorted
/// and filtered by links and a plain GET form (no script), all on this machine; the duress-flagged
/// ones marked so nobody misses them.
enum CaseListPage {
    /// How the list is ordered: `filed` (oldest first, the default), `activity` (most recent
    /// first), `answers` (most answers first).
    enum Order: String, CaseIterable { case filed, activity, answers }

    struct Query: Equatable {
        var order: Order = .filed
        var status: String?
        /// Only cases past a deadline: a supervisor's overdue view (issue 19 #3).
        var overdueOnly = false

        init(order: String?, status: String?) {
            self.order = order.flatMap(Order.init(rawValue:)) ?? .filed
            self.status = status.flatMap { CaseStatus.listed.contains($0) ? $0 : nil }
        }

        func apply(_ cases: [AgencyClient.CaseSummary], overdue: Set<CaseID> = []) -> [AgencyClient.CaseSummary] {
            let kept = cases.filter { (status == nil || $0.status == status) && (!overdueOnly || overdue.contains($0.caseID)) }
            switch order {
            case .filed: return kept.sorted { ($0.day, $0.caseID.rawValue) < ($1.day, $1.caseID.rawValue) }
            case .activity: return kept.sorted { $0.lastActivity > $1.lastActivity }
            case .answers: return kept.sorted { $0.answers > $1.answers }
            }
        }
    }

    static func render(_ all: [AgencyClient.CaseSummary], query: Query, overdue: Set<CaseID> = [], signer: Signer, paths: UIPaths,
                       notice: Notice?) -> HTML {
        let cases = query.apply(all, overdue: overdue)
        let flagged = all.filter(\.duressFlagged).count
        let alarm: HTML = flagged == 0 ? .empty : """
            <div class="alarm" role="alert">\(flagged) of your cases \(flagged == 1 ? "is" : "are") flagged DURESS: \
            the reporter checked in under duress. Do not contact her through SafeIntake.</div>
            """
        let body: HTML
        if all.isEmpty {
            body = """
                <p>No case is assigned to your key yet.</p>
                <p class="hint">A supervisor assigns cases; new cases are routed to teams by the daemon's routing rules.</p>
                """
        } else {
            let short = shortIDs(all.map(\.caseID.rawValue))
            body = """
                \(filters(query, paths))
                <p class="hint">\(cases.count) of \(all.count) cases</p>
                <table><thead><tr><th>Case</th><th>\(sortLink("Filed", .filed, query, paths))</th><th>Status</th>\
                <th>\(sortLink("Last activity", .activity, query, paths))</th><th>\(sortLink("Answers", .answers, query, paths))</th>\
                <th>Alerts</th></tr></thead>
                <tbody>\(cases.map { row($0, short: short[$0.caseID.rawValue] ?? $0.caseID.rawValue, overdue: overdue.contains($0.caseID), paths) })</tbody></table>
                """
        }
        return Layout.page(title: "Your cases", signer: signer, home: paths.home, notice: notice, """
            <h1>Your cases</h1>\(alarm)\(body)
            <p class="hint">Opening a case fetches it from the daemon, proves the release is in the signed audit log, \
            and decrypts it here, on this machine. Every opening is recorded in the audit log.</p>
            """)
    }

    /// The shortest prefix of each id, at least 8 characters, that no other id in the list shares.
    static func shortIDs(_ ids: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for id in ids {
            var length = 8
            while length < id.count, ids.contains(where: { $0 != id && $0.hasPrefix(id.prefix(length)) }) { length += 1 }
            out[id] = String(id.prefix(length))
        }
        return out
    }

    private static func filters(_ query: Query, _ paths: UIPaths) -> HTML {
        let options = ([""] + CaseStatus.listed).map { value -> HTML in
            let selected: HTML = value == (query.status ?? "") ? " selected" : .empty
            let label = value.isEmpty ? "all" : CaseStatus.label(value)
            return #"<option value="\#(value)"\#(selected)>\#(label)</option>"#
        }
        return """
            <form method="get" action="\(paths.home)" class="filters"><input type="hidden" name="sort" value="\(query.order.rawValue)">\
            <label for="status-filter">Status</label><select id="status-filter" name="status">\(options)</select>\
            <label><input type="checkbox" name="overdue" value="1"\(query.overdueOnly ? " checked" : "")> Overdue only</label>\
            <button type="submit" class="secondary">Show</button></form>
            """
    }

    private static func sortLink(_ label: String, _ order: Order, _ query: Query, _ paths: UIPaths) -> HTML {
        if query.order == order { return "\(label) ▾" }
        let status = (query.status.map { "&status=\($0)" } ?? "") + (query.overdueOnly ? "&overdue=1" : "")
        return "<a href=\"\(paths.home)?sort=\(order.rawValue)\(status)\">\(label)</a>"
    }

    private static func row(_ summary: AgencyClient.CaseSummary, short: String, overdue: Bool, _ paths: UIPaths) -> HTML {
        let duress: HTML = summary.duressFlagged ? #"<span class="duress">DURESS · do not contact</span>"# : .empty
        let late: HTML = overdue ? #" <span class="overdue">OVERDUE</span>"# : .empty
        let alert: HTML = "\(duress)\(late)"
        return """
            <tr><td><a class="id" href="\(paths.casePage(summary.caseID.rawValue))" title="\(summary.caseID.rawValue)">\(short)</a></td>\
            <td>\(summary.day)</td><td><span class="status">\(CaseStatus.label(summary.status))</span></td>\
            <td>\(summary.lastActivity)</td><td>\(summary.answers)</td><td>\(alert)</td></tr>
            """
    }
}
