import Foundation

/// Deletes closed cases after the retention period (an operator's rule, e.g. 365 days after
/// filing): less kept is less to seize. Each deletion is one transaction with its audit entry.
public struct RetentionService: Sendable {
    let store: any IntakeStore
    let time: CoarseTime

    public init(store: any IntakeStore, time: CoarseTime = CoarseTime()) {
        self.store = store
        self.time = time
    }

    /// Deletes every closed case, and every case handed to another organisation, filed more than
    /// `days` days ago; returns how many.
    public func purgeClosedCases(olderThanDays days: Int) throws -> Int {
        let cutoff = CoarseTime(now: { [time] in time.now().addingTimeInterval(-Double(days) * 86_400) }).day()
        let cases = try store.closedCases(filedBefore: cutoff)
        for id in cases {
            try store.deleteCase(id, audit: [AuditEvent.caseDeleted(caseID: id).entryData(time: time)])
        }
        return cases.count
    }
}
