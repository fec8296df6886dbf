import Envelope
import InspectorClient

/// `GET /s/PATH_SECRET/`: the cases this key can open, the duress-flagged ones marked so nobody misses them.
enum CaseListPage {
    static func render(_ cases: [AgencyClient.CaseSummary], signer: Signer, paths: UIPaths, notice: Notice?) -> HTML {
        let flagged = cases.filter(\.duressFlagged).count
        let alarm: HTML = flagged == 0 ? .empty : """
            <div class="alarm" role="alert">\(flagged) of your cases \(flagged == 1 ? "is" : "are") flagged DURESS: \
            the reporter checked in under duress. Do not contact her through SafeIntake.</div>
            """
        let body: HTML
        if cases.isEmpty {
            body = """
                <p>No case is assigned to your key yet.</p>
                <p class="hint">A supervisor assigns cases; new cases are routed to teams by the daemon's routing rules.</p>
                """
        } else {
            body = """
                <table><thead><tr><th>Case</th><th>Status</th><th>Alerts</th></tr></thead>
                <tbody>\(cases.map { row($0, paths) })</tbody></table>
                """
        }
        return Layout.page(title: "Your cases", signer: signer, home: paths.home, notice: notice, """
            <h1>Your cases</h1>\(alarm)\(body)
            <p class="hint">Opening a case fetches it from the daemon, proves the release is in the signed audit log, \
            and decrypts it here, on this machine. Every opening is recorded in the audit log.</p>
            """)
    }

    private static func row(_ summary: AgencyClient.CaseSummary, _ paths: UIPaths) -> HTML {
        let alert: HTML = summary.duressFlagged ? #"<span class="duress">DURESS · do not contact</span>"# : .empty
        return """
            <tr><td><a class="id" href="\(paths.casePage(summary.caseID.rawValue))">\(summary.caseID.rawValue)</a></td>\
            <td><span class="status">\(CaseStatus.label(summary.status))</span></td><td>\(alert)</td></tr>
            """
    }
}
