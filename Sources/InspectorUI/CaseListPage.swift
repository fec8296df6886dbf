import Envelope
import Foundation
import InspectorClient

/// `GET /s/PATH_SECRET/`: the cases this key can open, for a day of triage (issue 19 #1): filing
/// day, language, district and employer (from the case index, decrypted here), status, last
/// activity, answers (and how many are unread), short ids that stay unambiguous within the list;
/// sorted by links, filtered and searched with a plain GET form (no script), all on this machine;
/// the duress-flagged, urgent and overdue ones marked so nobody misses them.
enum CaseListPage {
    /// How the list is ordered: `filed` (oldest first, the default), `activity` (most recent
    /// first), `answers` (most answers first).
    enum Order: String, CaseIterable { case filed, activity, answers }

    /// The longest search the form takes (a few words; a longer one is cut).
    static let maxSearch = 200

    struct Query: Equatable {
        var order: Order = .filed
        var status: String?
        /// Only cases past a deadline: a supervisor's overdue view (issue 19 #3).
        var overdueOnly = false
        /// Only cases in this language (a language code: letters, digits and `-`).
        var language: String?
        /// Only cases filed more than this many days ago.
        var olderThan: Int?
        /// The words searched for, as typed; nil when there is nothing to search for.
        var search: String?

        init(order: String?, status: String?) {
            self.order = order.flatMap(Order.init(rawValue:)) ?? .filed
            self.status = status.flatMap { CaseStatus.listed.contains($0) ? $0 : nil }
        }

        /// The query a request's parameters give; values that make no sense fall back, never echo.
        init(_ form: FormFields) {
            self.init(order: form.value("sort"), status: form.value("status"))
            overdueOnly = form.value("overdue") != nil
            language = form.value("language").flatMap { code in
                (1...35).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } ? code : nil
            }
            olderThan = form.value("older").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { (0...36_500).contains($0) ? $0 : nil }
            search = form.value("q").map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(CaseListPage.maxSearch)) }
                .flatMap { CaseSearch($0) == nil ? nil : $0 }
        }

        /// What needs the case index (language, search) or today's date (age).
        var narrowing: CaseNarrowing {
            CaseNarrowing(language: language, olderThanDays: olderThan, search: search.flatMap(CaseSearch.init))
        }

        func apply(_ cases: [AgencyClient.CaseSummary], overdue: Set<CaseID> = [], index: CaseIndex? = nil,
                   today: String = CaseExport.today()) -> [AgencyClient.CaseSummary] {
            let narrowing = narrowing
            let kept = cases.filter {
                (status == nil || $0.status == status) && (!overdueOnly || overdue.contains($0.caseID))
                    && narrowing.keeps($0, index?[$0.caseID], today: today)
            }
            switch order {
            case .filed: return kept.sorted { ($0.day, $0.caseID.rawValue) < ($1.day, $1.caseID.rawValue) }
            case .activity: return kept.sorted { $0.lastActivity > $1.lastActivity }
            case .answers: return kept.sorted { $0.answers > $1.answers }
            }
        }

        /// The list's address with these filters in `order` (percent-encoded; escape it into HTML).
        func link(_ home: String, order: Order) -> String {
            var items = ["sort=\(order.rawValue)"]
            if let status { items.append("status=\(status)") }
            if let language { items.append("language=\(language)") }
            if let olderThan { items.append("older=\(olderThan)") }
            if let search { items.append("q=\(search.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "")") }
            if overdueOnly { items.append("overdue=1") }
            return home + "?" + items.joined(separator: "&")
        }

        private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    }

    /// What the list knows beyond the daemon's summaries, all from this machine.
    struct Local {
        /// The case index (language, district, employer, unread, urgent, text); nil without one.
        var index: CaseIndex?
        /// Cases past a deadline.
        var overdue: Set<CaseID> = []
        /// Cases that could not be opened to learn their language and text (each is tried again at the next listing).
        var unindexed = 0
        /// Today, `YYYY-MM-DD` (UTC), for the age filter.
        var today = CaseExport.today()
    }

    static func render(_ all: [AgencyClient.CaseSummary], query: Query, overdue: Set<CaseID> = [], signer: Signer, paths: UIPaths,
                       notice: Notice?) -> HTML {
        render(all, query: query, local: Local(overdue: overdue), signer: signer, paths: paths, notice: notice)
    }

    static func render(_ all: [AgencyClient.CaseSummary], query: Query, local: Local, signer: Signer, paths: UIPaths, notice: Notice?) -> HTML {
        let cases = query.apply(all, overdue: local.overdue, index: local.index, today: local.today)
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
            let languages = Set(all.compactMap { local.index?[$0.caseID]?.language }).sorted()
            body = """
                \(filters(query, languages: languages, paths))
                <p class="hint" role="status">\(cases.count) of \(all.count) cases</p>\(unopened(local.unindexed))\(searchNote(all, query: query, local: local))
                <div class="scroll"><table><thead><tr><th>Case</th><th>\(sortLink("Filed", .filed, query, paths))</th><th>Language</th>\
                <th>District</th><th>Employer</th><th>Status</th>\
                <th>\(sortLink("Last activity", .activity, query, paths))</th><th>\(sortLink("Answers", .answers, query, paths))</th>\
                <th>Alerts</th></tr></thead>
                <tbody>\(cases.map { row($0, short: short[$0.caseID.rawValue] ?? $0.caseID.rawValue, entry: local.index?[$0.caseID], overdue: local.overdue.contains($0.caseID), paths) })</tbody></table></div>
                """
        }
        return Layout.page(title: "Your cases", signer: signer, home: paths.home, notice: notice, """
            <h1>Your cases</h1>\(alarm)\(body)
            <p class="hint">Opening a case fetches it from the daemon, proves the release is in the signed audit log, \
            and decrypts it here, on this machine. Every opening is recorded in the audit log. A case is opened once \
            when it first appears in this list, to show its language, district and employer and to search it.</p>
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

    /// Cases that did not open for the index: their columns stay empty (the case page says why).
    private static func unopened(_ count: Int) -> HTML {
        guard count > 0 else { return .empty }
        return #"<p class="hint">\#(count) \#(count == 1 ? "case" : "cases") could not be opened to show \#(count == 1 ? "its" : "their") language, district and employer: open \#(count == 1 ? "it" : "them") to see why.</p>"#
    }

    /// What a search could not look at, among the cases the other filters keep: cases with notes or
    /// answers newer than their text here, and cases never opened.
    private static func searchNote(_ all: [AgencyClient.CaseSummary], query: Query, local: Local) -> HTML {
        guard query.search != nil else { return .empty }
        var unsearched = query
        unsearched.search = nil
        let pool = unsearched.apply(all, overdue: local.overdue, index: local.index, today: local.today)
        let behind = pool.filter { summary in local.index?[summary.caseID].map { !$0.isCurrent(for: summary) } ?? false }.count
        let missing = pool.filter { local.index?[$0.caseID] == nil }.count
        var parts: [HTML] = ["Searched on this machine, in the text of each case as last opened here."]
        if behind > 0 {
            parts.append(" \(behind) \(behind == 1 ? "case has" : "cases have") notes or answers newer than that: open \(behind == 1 ? "it" : "them") to search them too.")
        }
        if missing > 0 { parts.append(" \(missing) \(missing == 1 ? "case" : "cases") could not be opened to be searched.") }
        return #"<p class="hint">\#(parts)</p>"#
    }

    private static func filters(_ query: Query, languages: [String], _ paths: UIPaths) -> HTML {
        let statuses = ([""] + CaseStatus.listed).map { value -> HTML in
            let selected: HTML = value == (query.status ?? "") ? " selected" : .empty
            let label = value.isEmpty ? "all" : CaseStatus.label(value)
            return #"<option value="\#(value)"\#(selected)>\#(label)</option>"#
        }
        let offered = languages + (query.language.map { languages.contains($0) ? [] : [$0] } ?? [])
        let languageOptions = ([""] + offered).map { value -> HTML in
            let selected: HTML = value == (query.language ?? "") ? " selected" : .empty
            return #"<option value="\#(value)"\#(selected)>\#(value.isEmpty ? "all" : value)</option>"#
        }
        let older = query.olderThan.map(String.init) ?? ""
        return """
            <form method="get" action="\(paths.home)" class="filters" role="search"><input type="hidden" name="sort" value="\(query.order.rawValue)">\
            <div><label for="search">Search your cases</label><input type="search" id="search" name="q" value="\(query.search ?? "")" \
            maxlength="\(maxSearch)" aria-describedby="search-hint"> \
            <span class="hint" id="search-hint">Every word, in the narrative, fields, notes and answers; done on this machine only.</span></div>\
            <div class="row"><span><label for="status-filter">Status</label><select id="status-filter" name="status">\(statuses)</select></span>\
            <span><label for="language-filter">Language</label><select id="language-filter" name="language">\(languageOptions)</select></span>\
            <span><label for="older-filter">Filed more than … days ago</label><input type="number" id="older-filter" name="older" min="0" \
            max="36500" value="\(older)"></span></div>\
            <label class="inline"><input type="checkbox" name="overdue" value="1"\(query.overdueOnly ? " checked" : "")> Overdue only</label>\
            <button type="submit" class="secondary">Show</button></form>
            """
    }

    private static func sortLink(_ label: String, _ order: Order, _ query: Query, _ paths: UIPaths) -> HTML {
        if query.order == order { return "\(label) ▾" }
        return "<a href=\"\(query.link(paths.home, order: order))\">\(label)</a>"
    }

    private static func row(_ summary: AgencyClient.CaseSummary, short: String, entry: CaseIndex.Entry?, overdue: Bool, _ paths: UIPaths) -> HTML {
        let duress: HTML = summary.duressFlagged ? #"<span class="duress">DURESS · do not contact</span> "# : .empty
        let urgent: HTML = entry?.urgent == true ? #"<span class="urgent">URGENT</span> "# : .empty
        let late: HTML = overdue ? #"<span class="overdue">OVERDUE</span>"# : .empty
        let unread = max(0, summary.answers - (entry?.answersRead ?? summary.answers))
        let answers: HTML = unread > 0 ? "\(summary.answers) <strong class=\"unread\">(\(unread) unread)</strong>" : "\(summary.answers)"
        return """
            <tr><td><a class="id" href="\(paths.casePage(summary.caseID.rawValue))" title="\(summary.caseID.rawValue)">\(short)</a></td>\
            <td>\(summary.day)</td><td>\(entry?.language ?? "—")</td><td><bdi>\(entry?.district ?? "")</bdi></td>\
            <td><bdi>\(entry?.employer ?? "")</bdi></td><td><span class="status">\(CaseStatus.label(summary.status))</span></td>\
            <td>\(summary.lastActivity)</td><td>\(answers)</td><td>\(duress)\(urgent)\(late)</td></tr>
            """
    }
}
